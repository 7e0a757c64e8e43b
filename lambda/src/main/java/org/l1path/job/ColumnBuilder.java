package org.l1path.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.l1path.solver.Dataset;

/**
 * Settles one column's kind while the file streams by and turns each of its fields into a cell: a
 * double that {@link RowBlocks} holds until the column is cut out. The kind is settled by the
 * column's first non-missing value: a number makes it numeric, anything else categorical. A numeric
 * cell is the value, a categorical cell the level's code (exact in a double); a missing cell is NaN
 * in either kind, so leading missing values need nothing re-done once the kind is known.
 */
final class ColumnBuilder {
  private static final int MAX_SHOWN = 40;

  private enum Kind {
    UNKNOWN,
    NUMERIC,
    CATEGORICAL
  }

  private final String source;
  private final String name;
  private Kind kind = Kind.UNKNOWN;
  private boolean sawMissing;
  private Map<String, Integer> codeOfLevel;
  private List<String> levels;
  private long firstLine;
  private String firstValue;

  ColumnBuilder(String source, String name) {
    this.source = source;
    this.name = name;
  }

  String name() {
    return name;
  }

  /** Whether a value has been seen, so that {@link #build} needs the column's cells. */
  boolean hasValues() {
    return kind != Kind.UNKNOWN;
  }

  /**
   * The cell for one field, already trimmed.
   *
   * @throws InputException for an infinite value or one beyond {@link Dataset#MAX_MAGNITUDE}, or a
   *     non-number in a numeric column
   */
  double cell(char[] buf, int offset, int length, long line) {
    if (MissingValues.isMissing(buf, offset, length)) {
      sawMissing = true;
      return Double.NaN;
    }
    return switch (kind) {
      case NUMERIC -> parse(buf, offset, length, line);
      case CATEGORICAL -> code(new String(buf, offset, length));
      case UNKNOWN -> settle(buf, offset, length, line);
    };
  }

  private double settle(char[] buf, int offset, int length, long line) {
    double value = Numbers.parse(buf, offset, length);
    rejectOutOfRange(value, buf, offset, length, line);
    firstLine = line;
    firstValue = shown(buf, offset, length);
    if (Double.isNaN(value)) {
      kind = Kind.CATEGORICAL;
      codeOfLevel = new HashMap<>();
      levels = new ArrayList<>();
      return code(new String(buf, offset, length));
    }
    kind = Kind.NUMERIC;
    return value;
  }

  private double parse(char[] buf, int offset, int length, long line) {
    double value = Numbers.parse(buf, offset, length);
    rejectOutOfRange(value, buf, offset, length, line);
    if (Double.isNaN(value)) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is not a number, but the column is numeric (its"
                  + " first value, '%s' on line %d, was a number)",
              source, line, name, shown(buf, offset, length), firstValue, firstLine));
    }
    return value;
  }

  private void rejectOutOfRange(double value, char[] buf, int offset, int length, long line) {
    if (Double.isInfinite(value)) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is infinite; only finite numbers or a missing"
                  + " value (empty, NA, NaN, ?) are allowed",
              source, line, name, shown(buf, offset, length)));
    }
    if (Math.abs(value) > Dataset.MAX_MAGNITUDE) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is beyond +-1e100, the largest magnitude a fit"
                  + " handles; rescale the column (for example to other units)",
              source, line, name, shown(buf, offset, length)));
    }
  }

  /**
   * A field as quoted in a message: each run of line breaks as one space, at most 40 characters.
   * Every column keeps its first value this way, so it avoids a regular expression: compiling one
   * per column was a tenth of the reading time of a file 50000 columns wide.
   */
  static String shown(char[] buf, int offset, int length) {
    int end = offset + Math.min(length, MAX_SHOWN);
    if (!hasLineBreak(buf, offset, end)) {
      String text = new String(buf, offset, end - offset);
      return length > MAX_SHOWN ? text + "..." : text;
    }
    StringBuilder text = new StringBuilder(end - offset + 3);
    for (int i = offset; i < end; i++) {
      boolean lineBreak = buf[i] == '\r' || buf[i] == '\n';
      if (!lineBreak) {
        text.append(buf[i]);
      } else if (i == offset || (buf[i - 1] != '\r' && buf[i - 1] != '\n')) {
        text.append(' ');
      }
    }
    return length > MAX_SHOWN ? text.append("...").toString() : text.toString();
  }

  private static boolean hasLineBreak(char[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\r' || buf[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  private double code(String level) {
    Integer code = codeOfLevel.get(level);
    if (code == null) {
      code = levels.size();
      levels.add(level);
      codeOfLevel.put(level, code);
    }
    return code;
  }

  /**
   * The finished column; levels are re-coded in sorted order.
   *
   * @param cells the column's cells, one per data row; unused (may be null) when {@link
   *     #hasValues()} is false
   */
  Column build(double[] cells) {
    return switch (kind) {
      case UNKNOWN -> new Column.Empty(name);
      case NUMERIC -> new Column.Numeric(name, cells, sawMissing);
      case CATEGORICAL -> sortedCategorical(cells);
    };
  }

  // Sorted levels make the indicator order independent of row order.
  private Column sortedCategorical(double[] cells) {
    List<String> sorted = new ArrayList<>(levels);
    sorted.sort(String::compareTo);
    int[] recode = new int[levels.size()];
    for (int code = 0; code < recode.length; code++) {
      recode[code] = Collections.binarySearch(sorted, levels.get(code));
    }
    int[] out = new int[cells.length];
    for (int i = 0; i < cells.length; i++) {
      out[i] = Double.isNaN(cells[i]) ? -1 : recode[(int) cells[i]];
    }
    return new Column.Categorical(name, out, List.copyOf(sorted), firstLine, firstValue);
  }
}
