package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.SparseDesign;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.ColumnProducts;
import org.l1path.solver.linalg.RowMajorProducts;

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
   * values' worth (128 kB), which every pair's sums read again, so they stay in a core's cache.
   */
  private static final int HELD_PRODUCTS = 1 << 14;

  /**
   * The same for the vector kernel ({@code --add-modules jdk.incubator.vector}), which tiles a
   * range itself and runs best on long ones (2 MB): with it, 30 classes of 3000 x 20 took 1.18-1.23
   * s a path, against 1.47-1.67 s by rows.
   */
  private static final int VECTOR_HELD_PRODUCTS = 1 << 18;

  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final int classes;

  /** A range's standardized values of the listed features, one column of its rows per feature. */
  private double[] values = new double[0];

  /** One observation's standardized values of the listed features. */
  private double[] observation = new double[0];

  /** A range's entry products, one array of entries per observation. */
  private double[][] products = new double[0][];

  /** A range's weights of each pair of two classes, one vector of its rows per pair. */
  private double[] weights = new double[0];

  /**
   * For the vector kernel: a range's entry products column by column, the entry list {@code 0 ..
   * entries)}, and a later range's sums before they are added.
   */
  private double[] entryColumns = new double[0];

  private int[] identity = new int[0];
  private double[] rangeSums = new double[0];

  /** The sums of each pair of two classes, in turn, one array of entries per pair. */
  private double[][] otherSums = new double[0][];

  /** What clipped probabilities add to each class's own matrix ({@link #addClipped}), by class. */
  private double[][] clipped = new double[0][];

  /** A sparse design's route, made at its first use. */
  private SparsePairSums sparseSums;

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
      otherSums = new double[others][entries];
      clipped = new double[classes][entries];
    }
    for (double[] c : clipped) {
      java.util.Arrays.fill(c, 0.0);
    }
    if (!(x instanceof SparseDesign sparse
        && sparseSums(sparse).sum(list, m, prob, otherSums, clipped))) {
      formByColumns(list, m, prob);
    }
    java.util.Arrays.fill(sums, 0, pairs * entries, 0.0);
    for (int r = 0, other = 0; r < classes; r++) {
      for (int s = r + 1; s < classes; s++, other++) {
        int rs = pair(r, s) * entries;
        int rr = pair(r, r) * entries;
        int ss = pair(s, s) * entries;
        double[] pairSums = otherSums[other];
        for (int e = 0; e < entries; e++) {
          double g = pairSums[e];
          sums[rs + e] = g;
          sums[rr + e] -= g;
          sums[ss + e] -= g;
        }
      }
    }
    for (int r = 0; r < classes; r++) {
      int rr = pair(r, r) * entries;
      for (int e = 0; e < entries; e++) {
        sums[rr + e] += clipped[r][e];
      }
    }
  }

  private SparsePairSums sparseSums(SparseDesign sparse) {
    if (sparseSums == null) {
      sparseSums = new SparsePairSums(base, sparse, classes);
    }
    return sparseSums;
  }

  /**
   * The pairs of two classes' sums into {@link #otherSums}, and the clipped probabilities' into
   * {@link #clipped}, from the dense entry products of ranges of observations.
   */
  private void formByColumns(int[] list, int m, double[][] prob) {
    int entries = entries(m);
    int others = classes * (classes - 1) / 2;
    for (int other = 0; other < others; other++) {
      java.util.Arrays.fill(otherSums[other], 0.0);
    }
    long work = (long) n * entries * others;
    boolean vector = ColumnProducts.vectorKernelFor(work);
    // Whole multiples of the kernel's step: 4 observations by rows, 64 for the vector kernel.
    int step = vector ? 64 : 4;
    int range =
        Math.min(n, Math.max(step, (vector ? VECTOR_HELD_PRODUCTS : HELD_PRODUCTS) / entries));
    range = Math.min(n, Math.max(step, range / step * step));
    for (int from = 0; from < n; from += range) {
      int to = Math.min(n, from + range);
      fillProducts(list, m, from, to);
      addClipped(prob, entries, from, to);
      if (others == 0) {
        continue;
      }
      fillWeights(prob, from, to);
      if (vector) {
        addByColumns(entries, others, to - from, work);
      } else {
        RowMajorProducts.add(
            weights, others, products, to - from, entries, otherSums, base.parallelSweeps);
      }
    }
  }

  /**
   * Adds a range's pair sums by the vector kernel, which takes the entry products column by column.
   */
  private void addByColumns(int entries, int others, int rows, long work) {
    if (entryColumns.length < entries * rows) {
      entryColumns = new double[entries * rows];
    }
    if (identity.length < entries) {
      identity = new int[entries];
      for (int e = 0; e < entries; e++) {
        identity[e] = e;
      }
    }
    if (rangeSums.length < others * entries) {
      rangeSums = new double[others * entries];
    }
    for (int i = 0; i < rows; i++) {
      double[] row = products[i];
      for (int e = 0; e < entries; e++) {
        entryColumns[e * rows + i] = row[e];
      }
    }
    ColumnProducts.ofBlock(
        weights,
        others,
        Design.ofColumnMajor(entryColumns, rows, entries),
        identity,
        entries,
        rangeSums,
        work,
        base.parallelSweeps);
    for (int other = 0; other < others; other++) {
      double[] pairSums = otherSums[other];
      for (int e = 0; e < entries; e++) {
        pairSums[e] += rangeSums[other * entries + e];
      }
    }
  }

  /**
   * What the clipped probabilities add to each class's own matrix: {@code weight(w, p, p, true) - w
   * p (1 - p)}, 0 unless p is within {@link #P_MIN} of 0 or 1, times the observation's entry
   * products.
   */
  private void addClipped(double[][] prob, int entries, int from, int to) {
    for (int r = 0; r < classes; r++) {
      double[] pr = prob[r];
      for (int i = from; i < to; i++) {
        double w = base.weight(i);
        double extra = weight(w, pr[i], pr[i], true) - w * pr[i] * (1 - pr[i]);
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
    int entries = entries(m);
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
          weights[out + i] = weight(base.weight(i), pr[i], ps[i], false);
        }
      }
    }
  }
}
