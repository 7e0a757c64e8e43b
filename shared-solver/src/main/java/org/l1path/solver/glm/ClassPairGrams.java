package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.ColumnProducts;

/**
 * Every class pair's weighted Gram matrix over a list of features and a constant: for classes
 * {@code r <= s} and {@code 0 <= a <= b <= m},
 *
 * <pre>
 *   G_rs(a, b) = sum_i u_rs(i) y_ia y_ib,   y_i = (1, z_(i, list[0]), ..., z_(i, list[m - 1]))
 * </pre>
 *
 * with the multinomial Hessian's weights {@code u_rs(i) = w_i p_ri (d_rs - p_si)} ({@link
 * #weight}). These are the blocks of {@link JointHessian}. All of them come from one product: each
 * observation's entry products {@code y_ia y_ib}, one column per entry {@code (a, b)}, against one
 * vector of weights per pair. Formed as {@code K (K + 1) / 2} separate Gram matrices, each with its
 * own pass to weight the columns, the same sums had run on small tiles that the kernel fills
 * poorly, and were most of a 10-class path's time.
 */
final class ClassPairGrams {
  /** The bound on fitted probabilities in the curvature of a class with itself. */
  private static final double P_MIN = 1e-9;

  /**
   * The most entry products held at once: the observations go in ranges of at most this many
   * values' worth (2 MB), so that a tall design's products are never all in memory.
   */
  private static final int HELD_PRODUCTS = 1 << 18;

  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final int classes;

  /** A range's entry products, column-major ({@code entries x rows}). */
  private double[] products = new double[0];

  /** A range's weights of each pair of two classes, one vector of its rows per pair. */
  private double[] weights = new double[0];

  /** The entry list {@code 0 .. entries)}, for the product. */
  private int[] identity = new int[0];

  /** The sums of the pairs of two classes, in turn; a later range's, before they are added. */
  private double[] otherSums = new double[0];

  private double[] rangeSums = new double[0];

  /** What clipped probabilities add to each class's own matrix ({@link #addClipped}). */
  private double[] clipped = new double[0];

  /** The sums, {@code pairs x entries}, row-major. */
  double[] sums = new double[0];

  ClassPairGrams(GaussianProblem base, int classes) {
    this.base = base;
    this.x = base.x;
    this.n = base.n;
    this.classes = classes;
  }

  /** The Hessian weight of classes r and s at one observation of weight w. */
  static double weight(double w, double pr, double ps, boolean same) {
    if (same) {
      // Clipped, so that a class all but absent keeps some curvature.
      double q = Math.min(Math.max(pr, P_MIN), 1 - P_MIN);
      return w * q * (1 - q);
    }
    return -w * pr * ps;
  }

  /** Entries of an upper triangle over the constant and m features. */
  static int entries(int m) {
    return (m + 1) * (m + 2) / 2;
  }

  /** Where entry {@code (a, b)}, {@code a <= b}, sits: row-major, 0 the constant. */
  static int entry(int a, int b, int m) {
    return a * (m + 1) - a * (a - 1) / 2 + (b - a);
  }

  /** Where pair {@code (r, s)}, {@code r <= s}, sits. */
  int pair(int r, int s) {
    return r * classes - r * (r - 1) / 2 + (s - r);
  }

  /**
   * Fills {@link #sums} with every pair's matrix over {@code list[0 .. m)} at these probabilities:
   * the entry {@code (a, b)} of pair {@code (r, s)} at {@code sums[pair(r, s) * entries(m) +
   * entry(a, b, m)]}.
   *
   * <p>Only the pairs of two different classes go through the product. A class's weights with
   * itself are minus the sum of its weights with the others, {@code w p_r (1 - p_r) = sum_(s != r)
   * w p_r p_s}, so its own matrix is minus the sum of its other pairs' ({@code K} products fewer of
   * {@code K (K + 1) / 2}: half of them with 3 classes), plus what the clipped probabilities add
   * ({@link #addClipped}).
   */
  void form(int[] list, int m, double[][] prob) {
    int entries = entries(m);
    int pairs = classes * (classes + 1) / 2;
    int others = pairs - classes;
    if (sums.length < pairs * entries) {
      sums = new double[pairs * entries];
      otherSums = new double[others * entries];
      rangeSums = new double[others * entries];
      clipped = new double[classes * entries];
    }
    java.util.Arrays.fill(clipped, 0, classes * entries, 0.0);
    if (identity.length < entries) {
      identity = new int[entries];
      for (int e = 0; e < entries; e++) {
        identity[e] = e;
      }
    }
    // Whole multiples of 64 observations, so that the kernel's vectors fill every range.
    int range = Math.min(n, Math.max(64, HELD_PRODUCTS / entries / 64 * 64));
    long work = (long) n * entries * others;
    for (int from = 0; from < n; from += range) {
      int to = Math.min(n, from + range);
      fillProducts(list, m, from, to);
      addClipped(prob, entries, from, to);
      if (others == 0) {
        continue;
      }
      fillWeights(prob, from, to);
      Design rows = Design.ofColumnMajor(products, to - from, entries);
      double[] target = from == 0 ? otherSums : rangeSums;
      ColumnProducts.ofBlock(
          weights, others, rows, identity, entries, target, work, base.parallelSweeps);
      if (from > 0) {
        for (int t = 0; t < others * entries; t++) {
          otherSums[t] += rangeSums[t];
        }
      }
    }
    java.util.Arrays.fill(sums, 0, pairs * entries, 0.0);
    for (int r = 0, other = 0; r < classes; r++) {
      for (int s = r + 1; s < classes; s++, other++) {
        int from = other * entries;
        int rs = pair(r, s) * entries;
        int rr = pair(r, r) * entries;
        int ss = pair(s, s) * entries;
        for (int e = 0; e < entries; e++) {
          double g = otherSums[from + e];
          sums[rs + e] = g;
          sums[rr + e] -= g;
          sums[ss + e] -= g;
        }
      }
    }
    for (int r = 0; r < classes; r++) {
      int rr = pair(r, r) * entries;
      for (int e = 0; e < entries; e++) {
        sums[rr + e] += clipped[r * entries + e];
      }
    }
  }

  /**
   * What the clipped probabilities add to each class's own matrix: {@code weight(w, p, p, true) - w
   * p (1 - p)}, 0 unless p is within {@link #P_MIN} of 0 or 1, times the observation's entry
   * products.
   */
  private void addClipped(double[][] prob, int entries, int from, int to) {
    int rows = to - from;
    for (int r = 0; r < classes; r++) {
      double[] pr = prob[r];
      for (int i = from; i < to; i++) {
        double w = base.weight(i);
        double extra = weight(w, pr[i], pr[i], true) - w * pr[i] * (1 - pr[i]);
        if (extra != 0) {
          for (int e = 0; e < entries; e++) {
            clipped[r * entries + e] += extra * products[e * rows + i - from];
          }
        }
      }
    }
  }

  /** The entry products of observations {@code from <= i < to}, a column per entry. */
  private void fillProducts(int[] list, int m, int from, int to) {
    int rows = to - from;
    int entries = entries(m);
    if (products.length < entries * rows) {
      products = new double[entries * rows];
    }
    // Entry (0, 0) is the constant, (0, b) feature b's standardized values.
    java.util.Arrays.fill(products, 0, rows, 1.0);
    for (int b = 1; b <= m; b++) {
      int j = list[b - 1];
      x.weightedCentredRows(
          j, null, 1.0, base.mean[j], base.scale[j], from, to, products, entry(0, b, m) * rows);
    }
    for (int a = 1; a <= m; a++) {
      int za = entry(0, a, m) * rows;
      for (int b = a; b <= m; b++) {
        int zb = entry(0, b, m) * rows;
        int out = entry(a, b, m) * rows;
        for (int i = 0; i < rows; i++) {
          products[out + i] = products[za + i] * products[zb + i];
        }
      }
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
          weights[out + i] = weight(base.weight(i), pr[i], ps[i], false);
        }
      }
    }
  }
}
