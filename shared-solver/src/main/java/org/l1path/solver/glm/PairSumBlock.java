package org.l1path.solver.glm;

import java.util.Arrays;
import org.l1path.solver.data.Design;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.RowMajorProducts;

/**
 * One block of observations' share of {@link ClassPairGrams}' dense route: the entry products and
 * pair weights of a range of its observations at a time, and the sums they add up to. Blocks of one
 * form share nothing they write, so they run side by side.
 */
final class PairSumBlock {
  private final GaussianProblem base;
  private final Design x;
  private final int classes;

  /** A range's standardized values of the listed features, one column of its rows per feature. */
  private double[] values = new double[0];

  /** One observation's standardized values of the listed features. */
  private double[] observation = new double[0];

  /** A range's entry products, one array of entries per observation. */
  double[][] products = new double[0][];

  /** A range's weights of each pair of two classes, one vector of its rows per pair. */
  double[] weights = new double[0];

  /** This block's sums of each pair of two classes, in turn, one array of entries per pair. */
  double[][] otherSums = new double[0][];

  /** What clipped probabilities add to each class's own matrix, by class. */
  double[][] clipped = new double[0][];

  PairSumBlock(GaussianProblem base, int classes) {
    this.base = base;
    this.x = base.x;
    this.classes = classes;
  }

  /**
   * Sets {@link #otherSums} and {@link #clipped} to the sums of observations {@code from <= i < to}
   * over {@code list[0 .. m)}, {@code range} observations at a time, by the row kernel; each
   * range's pairs split over the common fork-join pool when {@code parallelPairs}.
   */
  void sum(int[] list, int m, double[][] prob, int from, int to, int range, boolean parallelPairs) {
    int entries = ClassPairGrams.entries(m);
    int others = classes * (classes - 1) / 2;
    clear(others, entries);
    for (int start = from; start < to; start += range) {
      int end = Math.min(to, start + range);
      fillRange(list, m, prob, start, end);
      if (others > 0) {
        RowMajorProducts.add(
            weights, others, products, end - start, entries, otherSums, parallelPairs);
      }
    }
  }

  /** Zeroes the sums, sized for this many pairs and entries. */
  void clear(int others, int entries) {
    if (otherSums.length < others || clipped.length < classes || clipped[0].length < entries) {
      otherSums = new double[others][entries];
      clipped = new double[classes][entries];
    }
    for (int other = 0; other < others; other++) {
      if (otherSums[other].length < entries) {
        otherSums[other] = new double[entries];
      }
      Arrays.fill(otherSums[other], 0, entries, 0.0);
    }
    for (double[] c : clipped) {
      Arrays.fill(c, 0.0);
    }
  }

  /**
   * The entry products and pair weights of observations {@code from <= i < to}, and what their
   * clipped probabilities add to {@link #clipped}.
   */
  void fillRange(int[] list, int m, double[][] prob, int from, int to) {
    fillProducts(list, m, from, to);
    addClipped(prob, ClassPairGrams.entries(m), from, to);
    fillWeights(prob, from, to);
  }

  /**
   * What the clipped probabilities add to each class's own matrix: {@code weight(w, p, p, true) - w
   * p (1 - p)}, 0 unless p is within {@code P_MIN} of 0 or 1, times the observation's entry
   * products.
   */
  private void addClipped(double[][] prob, int entries, int from, int to) {
    for (int r = 0; r < classes; r++) {
      double[] pr = prob[r];
      for (int i = from; i < to; i++) {
        double w = base.weight(i);
        double extra = ClassPairGrams.weight(w, pr[i], pr[i], true) - w * pr[i] * (1 - pr[i]);
        if (extra != 0) {
          for (int e = 0; e < entries; e++) {
            clipped[r][e] += extra * products[i - from][e];
          }
        }
      }
    }
  }

  /** The entry products of observations {@code from <= i < to}, an array per observation. */
  private void fillProducts(int[] list, int m, int from, int to) {
    int rows = to - from;
    int entries = ClassPairGrams.entries(m);
    if (products.length < rows || products[0].length < entries) {
      products = new double[Math.max(rows, products.length)][entries];
    }
    if (values.length < m * rows) {
      values = new double[m * rows];
    }
    for (int a = 0; a < m; a++) {
      int j = list[a];
      x.weightedCentredRows(j, null, 1.0, base.mean[j], base.scale[j], from, to, values, a * rows);
    }
    if (observation.length < m) {
      observation = new double[m];
    }
    for (int i = 0; i < rows; i++) {
      // Entry (0, 0) is the constant, (0, b) feature b's standardized value.
      double[] row = products[i];
      row[0] = 1.0;
      for (int b = 0; b < m; b++) {
        observation[b] = values[b * rows + i];
        row[1 + b] = observation[b];
      }
      entryProducts(observation, m, row);
    }
  }

  /**
   * Entries {@code (a, b)}, {@code 1 <= a <= b}, of one observation's row from its m values: each
   * run over b reads and writes contiguous entries of two arrays, which vectorize, where reading
   * the values from their columns went a range's length apart per b.
   */
  private static void entryProducts(double[] values, int m, double[] row) {
    int e = m + 1;
    for (int a = 0; a < m; a++) {
      double za = values[a];
      int shift = e - a;
      for (int b = a; b < m; b++) {
        row[shift + b] = za * values[b];
      }
      e += m - a;
    }
  }

  /** The weights of each pair of two classes at observations {@code from <= i < to}, in turn. */
  private void fillWeights(double[][] prob, int from, int to) {
    int rows = to - from;
    int others = classes * (classes - 1) / 2;
    if (weights.length < others * rows) {
      weights = new double[others * rows];
    }
    for (int r = 0, other = 0; r < classes; r++) {
      double[] pr = prob[r];
      for (int s = r + 1; s < classes; s++, other++) {
        double[] ps = prob[s];
        int out = other * rows - from;
        for (int i = from; i < to; i++) {
          weights[out + i] = ClassPairGrams.weight(base.weight(i), pr[i], ps[i], false);
        }
      }
    }
  }
}
