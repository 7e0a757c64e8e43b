package org.l1path.solver.linalg;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.SparseDesign;

/**
 * The weighted Gram matrix {@code G_ab = sum_i v_i z_ia z_ib} of a list of standardized features,
 * {@code z_ia = (x_ij - c_j) / s_j} for {@code j = list[a]}: the curvature of a weighted
 * least-squares problem on those features. The weighted, centred columns are formed once; their
 * products with the raw columns, on and above the diagonal, are {@link ColumnProducts}'s, or for 96
 * features and more those of the centred rows ({@link #byRows}): on a 200 x 2000 binomial path's
 * strong sets of 100 to 250 features, 1.3 to 1.5 times as fast as the scalar tiles, and slower
 * below about 80 features, where laying the rows out costs more than it saves.
 *
 * <p>A sparse design whose rows hold few of the listed columns takes {@link SparseRowGram}'s route
 * instead.
 */
public final class WeightedGram {
  private final Design x;
  private final int n;

  /**
   * The fewest and most features, and the most values of their centred rows, for {@link #byRows}:
   * its rows of the triangle are loops over the features (shorter ones cost their overhead), its
   * rows of values are read once per feature, so they should stay in a core's cache (512 kB), and
   * it holds a second copy of the triangle (at most 2 MB).
   */
  private static final int ROWS_MIN_FEATURES = 96;

  private static final int ROWS_MAX_FEATURES = 512;

  private static final long ROWS_MAX_VALUES = 1L << 16;

  /** Interleaved rows of the triangle per task, so that long and short rows mix. */
  private static final int ROW_TASKS = 8;

  /** Column a is {@code v_i z_ia}, at {@code a * n}. */
  private double[] weighted = new double[0];

  private final boolean parallel;

  /** For {@link #byRows}: the listed features' centred values by rows, and the triangle's rows. */
  private double[][] centredRows = new double[0][];

  private double[] column = new double[0];
  private double[][] triangle = new double[0][];

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
    if (count >= ROWS_MIN_FEATURES
        && count <= ROWS_MAX_FEATURES
        && (long) n * count <= ROWS_MAX_VALUES) {
      byRows(list, count, c, s, out);
      return;
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

  /**
   * The triangle by rows of the centred values, {@code G_ab = sum_i (v_i z_ia) (x_ib - c_b) / s_b}
   * for {@code b >= a}, each row of it a loop over b that C2 compiles to vector instructions
   * ({@link RowMajorProducts#addRows}); the tiles sum over the observations instead, a reduction C2
   * 17 leaves scalar. Each entry is summed the same way whatever the split over the pool.
   */
  private void byRows(int[] list, int count, double[] c, double[] s, double[] out) {
    if (centredRows.length < n || centredRows[0].length < count) {
      centredRows = new double[n][count];
    }
    if (column.length < n) {
      column = new double[n];
    }
    for (int b = 0; b < count; b++) {
      int j = list[b];
      x.weightedCentredRows(j, null, 1.0, c[j], 1.0, 0, n, column, 0);
      for (int i = 0; i < n; i++) {
        centredRows[i][b] = column[i];
      }
    }
    if (triangle.length < count || triangle[0].length < count) {
      triangle = new double[count][count];
    }
    int tasks = Math.min(count, ROW_TASKS);
    Sweep.run(
        tasks,
        (long) n * count * count / 2,
        parallel,
        task -> {
          for (int a = task; a < count; a += tasks) {
            double[] row = triangle[a];
            java.util.Arrays.fill(row, a, count, 0.0);
            RowMajorProducts.addRows(weighted, a * n, centredRows, n, a, count, row);
          }
        });
    for (int a = 0; a < count; a++) {
      for (int b = a; b < count; b++) {
        out[a * count + b] = triangle[a][b] / s[list[b]];
      }
    }
    UpperTriangle.mirror(out, count);
  }
}
