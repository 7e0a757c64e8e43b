package org.l1path.solver.linalg;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.Heap;

/**
 * A dense design's rows, each its own array, for the products of every feature with one vector:
 * {@code out[j] = sum_i u_i x_ij} taken four rows at a time as {@code out[c] += u_i x_ic + ... +
 * u_(i+3) x_(i+3)c}, an elementwise loop over the features that Java 17's C2 compiles to vector
 * instructions. Column by column each product is a reduction, which C2 17 leaves scalar: on a 200 x
 * 2000 binomial path the gradients of every feature at each gap check were a sixth of the time.
 */
public final class DesignRows {
  /**
   * The most values a copy holds (16 MB): it doubles the design's memory, and each fold of a
   * cross-validation fitted at the time holds its own.
   */
  private static final long MAX_CELLS = 1L << 21;

  /** The fewest features for which the rows' loops are long enough to pay. */
  private static final int MIN_FEATURES = 64;

  /** Features per task when a product splits over the common fork-join pool. */
  private static final int FEATURES_PER_TASK = 512;

  private final double[][] rows;
  private final int n;
  private final int p;

  private DesignRows(double[][] rows, int n, int p) {
    this.rows = rows;
    this.n = n;
    this.p = p;
  }

  /**
   * The rows of a dense design of at least {@link #MIN_FEATURES} features and at most {@link
   * #MAX_CELLS} values, or null; null too where the heap has not room for four such copies and 64
   * MB besides (as for {@code DenseDesign.forSolving}): running short of memory is worse than
   * running slower, and cross-validation folds fitted at the same time each keep their own.
   */
  public static DesignRows of(Design x) {
    long cells = (long) x.n * x.p;
    if (x.sparse()
        || x.p < MIN_FEATURES
        || cells > MAX_CELLS
        || Heap.freeBytes() < 4 * 8 * cells + (64L << 20)) {
      return null;
    }
    double[][] rows = new double[x.n][x.p];
    double[] column = new double[x.n];
    for (int j = 0; j < x.p; j++) {
      x.copyColumn(j, column, 0);
      for (int i = 0; i < x.n; i++) {
        rows[i][j] = column[i];
      }
    }
    return new DesignRows(rows, x.n, x.p);
  }

  /**
   * {@code out[j] = sum_i u_i x_ij} for every feature j, the rows summed in order, whatever the
   * split over the common fork-join pool ({@code parallel}, a block of features per task).
   */
  public void products(double[] u, double[] out, boolean parallel) {
    java.util.Arrays.fill(out, 0, p, 0.0);
    int tasks = (p + FEATURES_PER_TASK - 1) / FEATURES_PER_TASK;
    Sweep.run(
        tasks,
        (long) n * p,
        parallel,
        task -> {
          int first = task * FEATURES_PER_TASK;
          int last = Math.min(p, first + FEATURES_PER_TASK);
          RowMajorProducts.addRows(u, 0, rows, n, first, last, out);
        });
  }
}
