package org.l1path.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.l1path.job.AtomicFile;
import org.l1path.solver.Dataset;
import org.l1path.solver.RegularizationPath;

/**
 * The files the comparison script reads. Numbers are written with {@link Double#toString}, which
 * reads back to the same double, so every tool sees exactly the data l1path fitted. Each file is
 * replaced whole ({@link AtomicFile}), so a failed write leaves any earlier file as it was.
 */
public final class BenchFiles {
  private BenchFiles() {}

  /** The data as CSV: header {@code x1,…,xp,y}, one row per observation. */
  public static void writeData(Dataset data, Path file) throws IOException {
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
   * A path's solutions on the original scale as sparse rows {@code alpha,feature,value}: {@code
   * alpha} is the 1-based alpha index, {@code feature} 0 for the intercept and {@code j} for
   * feature {@code j}; zero coefficients are left out. A multinomial path, with one coefficient row
   * per class, has a {@code class} column after {@code alpha}: the 1-based class in the path's
   * class order.
   */
  public static void writeCoefficients(RegularizationPath path, Path file) throws IOException {
    int rows = path.responses();
    writeAtomically(
        file,
        out -> {
          out.write(rows == 1 ? "alpha,feature,value\n" : "alpha,class,feature,value\n");
          for (int k = 0; k < path.size(); k++) {
            for (int r = 0; r < rows; r++) {
              String prefix = rows == 1 ? (k + 1) + "," : (k + 1) + "," + (r + 1) + ",";
              out.write(prefix + "0," + path.intercept(k, r) + "\n");
              double[] b = path.coefficients(k, r);
              for (int j = 0; j < b.length; j++) {
                if (b[j] != 0) {
                  out.write(prefix + (j + 1) + "," + b[j] + "\n");
                }
              }
            }
          }
        });
  }

  private interface Body {
    void write(Writer out) throws IOException;
  }

  private static void writeAtomically(Path file, Body body) throws IOException {
    AtomicFile.write(
        file,
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.write(writer);
          writer.flush();
        });
  }
}
