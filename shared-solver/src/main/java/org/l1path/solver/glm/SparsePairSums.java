package org.l1path.solver.glm;

import org.l1path.solver.data.SparseDesign;
import org.l1path.solver.data.SparseRows;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * {@link ClassPairGrams}' route for a sparse design: the class pairs' sums from the raw products of
 * each row's non-zeros, centred after (as {@code SparseRowGram} forms a binomial step's matrix). A
 * row of k non-zeros among the listed features costs about {@code k^2 / 2} entries, where the dense
 * products cost every entry.
 */
final class SparsePairSums {
  private final GaussianProblem base;
  private final SparseDesign sparse;
  private final int n;
  private final int classes;

  /** The design's listed columns by rows. */
  private final SparseRows rows;

  /** Whether each column's sums, centred after summing, keep their digits ({@link #MAX_SHRINK}). */
  private final boolean[] keepsDigits;

  /** The row route's raw sums, entry-major, and one row's weights. */
  private double[] raw = new double[0];

  private double[] rawClipped = new double[0];
  private double[] pairWeights = new double[0];
  private double[] extras = new double[0];

  /**
   * What one multiply-add of the row route costs in the dense route's: the dense one ({@link
   * ClassPairGrams}) runs the kernel's tiles, the row one adds into scattered places. Measured on
   * multinomial paths of one-hot designs (glmnet's alphas), the row route against the dense one: 4
   * classes, 2000 rows of 30 four-level attributes, 0.86 to 0.55 s; 6 classes, 1.8-2.3 against
   * 3.1-3.6 s; a 0/1 design at 40 % density, 10 classes, 2.2 against 2.4-2.6 s; a 19-class
   * soybean-like set the same either way. At 3 the route is taken on all of them.
   */
  private static final long ROW_ROUTE_COST = 3;

  /** The most centring after summing may shrink a column's second moment (its digits lost). */
  private static final double MAX_SHRINK = 100;

  SparsePairSums(GaussianProblem base, SparseDesign sparse, int classes) {
    this.base = base;
    this.sparse = sparse;
    this.n = base.n;
    this.classes = classes;
    rows = new SparseRows(sparse);
    keepsDigits = new boolean[sparse.p];
    for (int j = 0; j < sparse.p; j++) {
      keepsDigits[j] = keepsDigits(j);
    }
  }

  /**
   * Every pair of two classes' sums over {@code list[0 .. m)} into {@code otherSums} (one array of
   * entries per pair, in turn), and what clipped probabilities add to each class's own into {@code
   * clipped}. Returns false, having formed nothing, where the dense route costs less, or where
   * centring after would cost digits.
   */
  boolean sum(int[] list, int m, double[][] prob, double[][] otherSums, double[][] clipped) {
    rows.layOut(list, m);
    int entries = ClassPairGrams.entries(m);
    int others = classes * (classes - 1) / 2;
    long rowWork = rows.rowPairs(1) * others;
    if (ROW_ROUTE_COST * rowWork > (long) n * entries * others || !centringKeepsDigits(list, m)) {
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
          pairWeights[other] = ClassPairGrams.weight(w, pr, prob[s][i], false);
        }
        extras[r] = ClassPairGrams.weight(w, pr, pr, true) - w * pr * (1 - pr);
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
      add(sums, ClassPairGrams.entry(0, a, m) * count, weights, count, xa);
      for (int f = e; f < end; f++) {
        add(sums, ClassPairGrams.entry(a, column[f] + 1, m) * count, weights, count, xa * value[f]);
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
        double sumA = a == 0 ? total : rawSums[ClassPairGrams.entry(0, a, m) * count + k];
        for (int b = Math.max(a, 1); b <= m; b++) {
          double mb = base.mean[list[b - 1]];
          double sumB = rawSums[ClassPairGrams.entry(0, b, m) * count + k];
          double centred =
              a == 0
                  ? sumB - mb * total
                  : rawSums[ClassPairGrams.entry(a, b, m) * count + k]
                      - ma * sumB
                      - mb * sumA
                      + ma * mb * total;
          out[k][ClassPairGrams.entry(a, b, m)] = centred / (sa * base.scale[list[b - 1]]);
        }
      }
    }
  }

  /**
   * Whether every listed column's raw second moment is within {@link #MAX_SHRINK} of its centred
   * one: sums centred after summing lose about that factor's digits.
   */
  private boolean centringKeepsDigits(int[] list, int m) {
    for (int a = 0; a < m; a++) {
      if (!keepsDigits[list[a]]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether column j's raw second moment is within {@link #MAX_SHRINK} of its centred one: fixed by
   * the data, so found once per column, not at every Hessian.
   */
  private boolean keepsDigits(int j) {
    double sum = 0;
    double squares = 0;
    for (int t = sparse.starts[j]; t < sparse.starts[j + 1]; t++) {
      sum += sparse.values[t];
      squares += sparse.values[t] * sparse.values[t];
    }
    double mean = sum / n;
    return !(squares / n > MAX_SHRINK * (squares / n - mean * mean));
  }
}
