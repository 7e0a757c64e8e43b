package org.l1path.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.l1path.job.AtomicFile;
import org.l1path.solver.Dataset;
import org.l1path.solver.Path;

/**
 * The files the comparison script reads. Numbers are written with {@link Double#toString}, which
 * reads back to the same double, so every tool sees exactly the data l1path fitted. Each file is
 * replaced whole ({@link AtomicFile}), so a failed write leaves any earlier file as it was.
 */
public final class BenchFiles {
  private BenchFiles() {}

  /** The data as CSV: header {@code x1,…,xp,y}, one row per observation. */
  public static void writeData(Dataset data, java.nio.file.Path file) throws IOException {
    writeAtomically(
        file,
        out -> {
          int p = data.features();
          StringBuilder header = new StringBuilder();
          for (int j = 1; j <= p; j++) {
            header.append('x').append(j).append(',');
          }
          out.write(header.append("y\n").toString());
          double[] y = data.response();
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < data.rows(); i++) {
            line.setLength(0);
            for (int j = 0; j < p; j++) {
              line.append(data.column(j)[i]).append(',');
            }
            out.write(line.append(y[i]).append('\n').toString());
          }
        });
  }

  /**
   * A path's solutions on the original scale as sparse triplets {@code alpha,feature,value}: {@code
   * alpha} is the 1-based alpha index, {@code feature} 0 for the intercept and {@code j} for
   * feature {@code j}; zero coefficients are left out.
   */
  public static void writeCoefficients(Path path, java.nio.file.Path file) throws IOException {
    writeAtomically(
        file,
        out -> {
          out.write("alpha,feature,value\n");
          for (int k = 0; k < path.size(); k++) {
            out.write((k + 1) + ",0," + path.intercept(k) + "\n");
            double[] b = path.coefficients(k);
            for (int j = 0; j < b.length; j++) {
              if (b[j] != 0) {
                out.write((k + 1) + "," + (j + 1) + "," + b[j] + "\n");
              }
            }
          }
        });
  }

  private interface Body {
    void write(Writer out) throws IOException;
  }

  private static void writeAtomically(java.nio.file.Path file, Body body) throws IOException {
    AtomicFile.write(
        file,
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.write(writer);
          writer.flush();
        });
  }
}
