package org.l1path.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Jackson's default layout (objects indented, arrays on one line), except that a matrix asked for
 * with {@link #nextArrayIsMatrix()} puts each row on a line of its own, so that {@code
 * path.coefficients} reads as one line per alpha.
 */
final class ModelPrettyPrinter extends DefaultPrettyPrinter {
  private static final long serialVersionUID = 1L;
  private static final String INDENT = "  ";

  private int arrayDepth;
  private int matrixDepth = -1;

  /** The next array written is a matrix: one row per line. */
  void nextArrayIsMatrix() {
    matrixDepth = arrayDepth + 1;
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new ModelPrettyPrinter();
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    arrayDepth++;
    super.writeStartArray(g);
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (arrayDepth == matrixDepth) {
      newLine(g, _nesting + 1);
    } else {
      super.beforeArrayValues(g);
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    if (arrayDepth == matrixDepth) {
      g.writeRaw(',');
      newLine(g, _nesting + 1);
    } else {
      super.writeArrayValueSeparator(g);
    }
  }

  @Override
  public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
    if (arrayDepth == matrixDepth) {
      if (nrOfValues > 0) {
        newLine(g, _nesting);
      }
      g.writeRaw(']');
      matrixDepth = -1;
    } else {
      super.writeEndArray(g, nrOfValues);
    }
    arrayDepth--;
  }

  private static void newLine(JsonGenerator g, int level) throws IOException {
    g.writeRaw('\n');
    for (int i = 0; i < level; i++) {
      g.writeRaw(INDENT);
    }
  }
}
