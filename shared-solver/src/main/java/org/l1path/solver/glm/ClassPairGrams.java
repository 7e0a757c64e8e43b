package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.SparseDesign;
import org.l1path.solver.data.SparseRows;
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

  /** A sparse design's listed columns by rows, for {@link #formByRows}; null until then. */
  private SparseRows rows;

  /** The row route's raw sums, entry-major, and one row's weights. */
  private double[] raw = new double[0];

  private double[] rawClipped = new double[0];
  private double[] pairWeights = new double[0];
  private double[] extras = new double[0];

  /**
   * What one multiply-add of the row route costs in the dense route's: the dense one runs the
   * kernel's tiles, the row one adds into scattered places. Measured on multinomial paths of
   * one-hot designs (glmnet's alphas), the row route against the dense one: 4 classes, 2000 rows of
   * 30 four-level attributes, 0.86 to 0.55 s; 6 classes, 1.8-2.3 against 3.1-3.6 s; a 0/1 design at
   * 40 % density, 10 classes, 2.2 against 2.4-2.6 s; a 19-class soybean-like set the same either
   * way. At 3 the route is taken on all of them.
   */
  private static final long ROW_ROUTE_COST = 3;

  /** The most centring after summing may shrink a column's second moment (its digits lost). */
  private static final double MAX_SHRINK = 100;

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
    if (!(x instanceof SparseDesign sparse && formByRows(sparse, list, m, prob))) {
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
   * As {@link #formByColumns}, from the raw products of each row's non-zeros, centred after (as
   * {@code SparseRowGram} forms a binomial step's matrix): a row of k non-zeros among the features
   * costs about {@code k^2 / 2} entries, where the dense products cost every entry. Returns false,
   * having formed nothing, where that costs more, or where centring after would cost digits.
   */
  private boolean formByRows(SparseDesign sparse, int[] list, int m, double[][] prob) {
    if (rows == null) {
      rows = new SparseRows(sparse);
    }
    rows.layOut(list, m);
    int entries = entries(m);
    int others = classes * (classes - 1) / 2;
    long rowWork = rows.rowPairs(1) * others;
    if (ROW_ROUTE_COST * rowWork > (long) n * entries * others
        || !centringKeepsDigits(sparse, list, m)) {
      return false;
    }
    if (raw.length < entries * others) {
      raw = new double[entries * others];
      rawClipped = new double[entries * classes];
      pairWeights = new double[others];
      extras = new double[classes];
    }
    java.util.Arrays.fill(raw, 0, entries * others, 0.0);
    java.util.Arrays.fill(rawClipped, 0, entries * classes, 0.0);
    for (int i = 0; i < n; i++) {
      double w = base.weight(i);
      boolean anyExtra = false;
      for (int r = 0, other = 0; r < classes; r++) {
        double pr = prob[r][i];
        for (int s = r + 1; s < classes; s++, other++) {
          pairWeights[other] = weight(w, pr, prob[s][i], false);
        }
        extras[r] = weight(w, pr, pr, true) - w * pr * (1 - pr);
        anyExtra |= extras[r] != 0;
      }
      addRow(i, m, raw, pairWeights, others);
      if (anyExtra) {
        addRow(i, m, rawClipped, extras, classes);
      }
    }
    centre(raw, others, otherSums, list, m);
    centre(rawClipped, classes, clipped, list, m);
    return true;
  }

  /**
   * Adds row i's products of the constant and its non-zeros, times each of the {@code count}
   * weights, to the raw sums: entry-major, {@code sums[e * count + k]}.
   */
  private void addRow(int i, int m, double[] sums, double[] weights, int count) {
    int[] column = rows.columns();
    double[] value = rows.values();
    int first = rows.starts()[i];
    int end = rows.starts()[i + 1];
    add(sums, 0, weights, count, 1.0);
    for (int e = first; e < end; e++) {
      int a = column[e] + 1;
      double xa = value[e];
      add(sums, entry(0, a, m) * count, weights, count, xa);
      for (int f = e; f < end; f++) {
        add(sums, entry(a, column[f] + 1, m) * count, weights, count, xa * value[f]);
      }
    }
  }

  private static void add(double[] sums, int at, double[] weights, int count, double product) {
    for (int k = 0; k < count; k++) {
      sums[at + k] += weights[k] * product;
    }
  }

  /**
   * From raw sums over {@code (1, x)} (entry-major, {@code count} vectors) to sums over the
   * standardized {@code (1, z)}, vector-major into {@code out}: with S the raw sums, {@code m_a}
   * and {@code s_a} feature a's mean and scale,
   *
   * <pre>
   *   G(0, b) = (S(0, b) - m_b S(0, 0)) / s_b
   *   G(a, b) = (S(a, b) - m_a S(0, b) - m_b S(0, a) + m_a m_b S(0, 0)) / (s_a s_b)
   * </pre>
   */
  private void centre(double[] rawSums, int count, double[][] out, int[] list, int m) {
    for (int k = 0; k < count; k++) {
      double total = rawSums[k];
      out[k][0] = total;
      for (int a = 0; a <= m; a++) {
        double ma = a == 0 ? 0.0 : base.mean[list[a - 1]];
        double sa = a == 0 ? 1.0 : base.scale[list[a - 1]];
        double sumA = a == 0 ? total : rawSums[entry(0, a, m) * count + k];
        for (int b = Math.max(a, 1); b <= m; b++) {
          double mb = base.mean[list[b - 1]];
          double sumB = rawSums[entry(0, b, m) * count + k];
          double centred =
              a == 0
                  ? sumB - mb * total
                  : rawSums[entry(a, b, m) * count + k] - ma * sumB - mb * sumA + ma * mb * total;
          out[k][entry(a, b, m)] = centred / (sa * base.scale[list[b - 1]]);
        }
      }
    }
  }

  /**
   * Whether every listed column's raw second moment is within {@link #MAX_SHRINK} of its centred
   * one: sums centred after summing lose about that factor's digits.
   */
  private boolean centringKeepsDigits(SparseDesign sparse, int[] list, int m) {
    for (int a = 0; a < m; a++) {
      int j = list[a];
      double sum = 0;
      double squares = 0;
      for (int t = sparse.starts[j]; t < sparse.starts[j + 1]; t++) {
        sum += sparse.values[t];
        squares += sparse.values[t] * sparse.values[t];
      }
      double mean = sum / n;
      if (squares / n > MAX_SHRINK * (squares / n - mean * mean)) {
        return false;
      }
    }
    return true;
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
    for (int i = 0; i < rows; i++) {
      // Entry (0, 0) is the constant, (0, b) feature b's standardized value.
      double[] row = products[i];
      row[0] = 1.0;
      int e = 1;
      for (int b = 0; b < m; b++) {
        row[e++] = values[b * rows + i];
      }
      for (int a = 0; a < m; a++) {
        double za = values[a * rows + i];
        for (int b = a; b < m; b++) {
          row[e++] = za * values[b * rows + i];
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
