package org.l1path.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code ../shared/reference} (see its README): CSVs and fixture JSON. */
final class Reference {
  private Reference() {}

  static Path dir() {
    String configured = System.getProperty("l1path.reference");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/reference");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("reference data not found at " + dir.toAbsolutePath());
    }
    return dir;
  }

  static Path csv(String name) {
    return dir().resolve(name + ".csv");
  }

  static JsonNode fixture(String name) {
    return json(dir().resolve(name + ".fixture.json"));
  }

  static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A numeric CSV as rows of doubles (header skipped); the reference CSVs are plain. */
  static double[][] rows(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv);
      List<double[]> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        double[] row = new double[f.length];
        for (int j = 0; j < f.length; j++) {
          row[j] = Double.parseDouble(f[j]);
        }
        out.add(row);
      }
      return out.toArray(new double[0][]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header(Path csv) {
    try (var lines = Files.lines(csv)) {
      return lines.findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  /**
   * The reference README's objective at one alpha: {@code 1/(2n) sum w_i r_i^2 + alpha (l1_ratio
   * sum |s_j b_j| + (1 - l1_ratio)/2 sum (s_j b_j)^2)}, weights rescaled to sum to n, {@code s_j}
   * the weighted population standard deviation (1 when not standardizing or constant).
   *
   * @param x rows of features
   */
  static double objective(
      double[][] x,
      double[] y,
      double[] w,
      boolean standardize,
      double l1Ratio,
      double alpha,
      double intercept,
      double[] b) {
    int n = y.length;
    int p = b.length;
    double wSum = 0;
    for (int i = 0; i < n; i++) {
      wSum += w[i];
    }
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - intercept;
      for (int j = 0; j < p; j++) {
        r -= x[i][j] * b[j];
      }
      loss += w[i] / wSum * r * r;
    }
    double l1 = 0;
    double l2 = 0;
    for (int j = 0; j < p; j++) {
      double s = standardize ? weightedSd(x, w, j) : 1.0;
      l1 += Math.abs(s * b[j]);
      l2 += (s * b[j]) * (s * b[j]);
    }
    return 0.5 * loss + alpha * (l1Ratio * l1 + (1 - l1Ratio) / 2 * l2);
  }

  private static double weightedSd(double[][] x, double[] w, int j) {
    double wSum = 0;
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      wSum += w[i];
      mean += w[i] * x[i][j];
    }
    mean /= wSum;
    double var = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i][j] - mean;
      var += w[i] * d * d;
    }
    double sd = Math.sqrt(var / wSum);
    return sd > 0 ? sd : 1.0;
  }
}
