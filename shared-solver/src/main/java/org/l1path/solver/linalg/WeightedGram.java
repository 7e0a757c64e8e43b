package org.l1path.solver.linalg;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.SparseDesign;

/**
 * The weighted Gram matrix {@code G_ab = sum_i v_i z_ia z_ib} of a list of standardized features,
 * {@code z_ia = (x_ij - c_j) / s_j} for {@code j = list[a]}: the curvature of a weighted
 * least-squares problem on those features. The weighted, centred columns are formed once; their
 * products with the raw columns, on and above the diagonal, are {@link ColumnProducts}'s.
 *
 * <p>A sparse design whose rows hold few of the listed columns takes {@link SparseRowGram}'s route
 * instead.
 */
public final class WeightedGram {
  private final Design x;
  private final int n;

  /** Column a is {@code v_i z_ia}, at {@code a * n}. */
  private double[] weighted = new double[0];

  private final boolean parallel;

  /** A sparse design's own route, or null. */
  private final SparseRowGram rows;

  /** Products on the common fork-join pool when {@code parallel} (not in folds side by side). */
  public WeightedGram(Design x, boolean parallel) {
    this.x = x;
    this.n = x.n;
    this.parallel = parallel;
    rows = x instanceof SparseDesign sparse ? new SparseRowGram(sparse) : null;
  }

  /**
   * Fills {@code out} (row-major, {@code count x count}) with the Gram matrix of {@code list[0 ..
   * count)} under weights v, centres c and scales s (indexed by feature).
   *
   * <p>The weighted columns are centred, so each sums to 0 up to rounding, and their products with
   * the raw columns are their products with the centred ones.
   */
  public void compute(int[] list, int count, double[] v, double[] c, double[] s, double[] out) {
    if (rows != null && rows.compute(list, count, v, c, s, out)) {
      return;
    }
    if (weighted.length < (long) count * n) {
      weighted = new double[count * n];
    }
    for (int a = 0; a < count; a++) {
      int j = list[a];
      x.weightedCentred(j, v, 0.0, c[j], s[j], weighted, a * n);
    }
    // The kernel is chosen by the design's size, as for a Gaussian fit's Gram matrix: with the
    // vector module, 50000 x 50 and 200 x 2000 binomial paths took 1.55-1.58 and 0.109-0.110 s warm
    // against 1.67-1.79 and 0.131-0.143 s with the scalar kernel, and the 200 x 2000 one's first
    // fit 0.44-0.48 against 0.37-0.42 s.
    ColumnProducts.upperTriangle(weighted, x, list, count, out, parallel);
    // Entry (a, b), b >= a, lacks column b's scale.
    for (int a = 0; a < count; a++) {
      for (int b = a; b < count; b++) {
        out[a * count + b] /= s[list[b]];
      }
    }
    UpperTriangle.mirror(out, count);
  }
}
