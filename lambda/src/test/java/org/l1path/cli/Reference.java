package org.l1path.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the repository's {@code reference/} (see its README): CSVs and fixture JSON. */
final class Reference {
  private Reference() {}

  static Path dir() {
    String configured = System.getProperty("l1path.reference");
    Path dir = configured != null ? Path.of(configured) : Path.of("../reference");
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

  /** A CSV whose last column is a class label: the features as rows, and the labels. */
  record Labelled(double[][] x, String[] labels) {}

  static Labelled labelled(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv);
      int n = lines.size() - 1;
      double[][] x = new double[n][];
      String[] labels = new String[n];
      for (int i = 0; i < n; i++) {
        String[] f = lines.get(i + 1).split(",");
        x[i] = new double[f.length - 1];
        for (int j = 0; j < f.length - 1; j++) {
          x[i][j] = Double.parseDouble(f[j]);
        }
        labels[i] = f[f.length - 1];
      }
      return new Labelled(x, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reference README's objective for a class target at one alpha, unit weights: the negative
   * mean log-likelihood plus {@code alpha} times the penalty summed over coefficient rows.
   *
   * @param y each row's class index
   * @param intercepts one per coefficient row
   * @param b {@code [row][feature]}: one row (binomial, the second class) or one per class
   */
  static double classObjective(
      double[][] x,
      int[] y,
      boolean standardize,
      double l1Ratio,
      double alpha,
      double[] intercepts,
      double[][] b) {
    int n = y.length;
    int p = x[0].length;
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    double loss = 0;
    for (int i = 0; i < n; i++) {
      loss -= logProbability(x[i], y[i], intercepts, b) / n;
    }
    double l1 = 0;
    double l2 = 0;
    for (double[] row : b) {
      for (int j = 0; j < p; j++) {
        double s = standardize ? weightedSd(x, w, j) : 1.0;
        l1 += Math.abs(s * row[j]);
        l2 += (s * row[j]) * (s * row[j]);
      }
    }
    return loss + alpha * (l1Ratio * l1 + (1 - l1Ratio) / 2 * l2);
  }

  /** log p(class c | row), computed without forming p, so that p near 0 or 1 loses nothing. */
  private static double logProbability(double[] row, int c, double[] intercepts, double[][] b) {
    double[] eta = linear(row, intercepts, b);
    if (b.length == 1) {
      return -softplus(c == 1 ? -eta[0] : eta[0]);
    }
    double max = Arrays.stream(eta).max().orElseThrow();
    double sum = 0;
    for (double e : eta) {
      sum += Math.exp(e - max);
    }
    return eta[c] - max - Math.log(sum);
  }

  /** log(1 + exp(z)). */
  private static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  private static double[] linear(double[] row, double[] intercepts, double[][] b) {
    double[] eta = new double[b.length];
    for (int r = 0; r < b.length; r++) {
      eta[r] = intercepts[r];
      for (int j = 0; j < row.length; j++) {
        eta[r] += row[j] * b[r][j];
      }
    }
    return eta;
  }

  /**
   * Class probabilities of one row: the logistic function of the one row's linear predictor for
   * binomial ({@code [1 - p, p]}), the softmax of each class's for multinomial.
   */
  static double[] probabilities(double[] row, double[] intercepts, double[][] b) {
    double[] eta = linear(row, intercepts, b);
    if (b.length == 1) {
      double second = 1 / (1 + Math.exp(-eta[0]));
      return new double[] {1 - second, second};
    }
    double max = Arrays.stream(eta).max().orElseThrow();
    double sum = 0;
    double[] out = new double[eta.length];
    for (int r = 0; r < eta.length; r++) {
      out[r] = Math.exp(eta[r] - max);
      sum += out[r];
    }
    for (int r = 0; r < eta.length; r++) {
      out[r] /= sum;
    }
    return out;
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
