package org.l1path.solver.linalg;

/**
 * Many vectors' products with a block of rows held row by row: {@code out[v][c] += sum_i a_v[i]
 * t_i[c]}. Each vector's sums are updated four rows at a time, {@code out_v[c] += a_v[i] t_i[c] +
 * ... + a_v[i + 3] t_(i + 3)[c]}, an elementwise loop over c that Java 17's C2 compiles to vector
 * instructions; {@link ColumnProducts}' tiles sum over the rows instead, a reduction C2 leaves
 * scalar. With a few hundred vectors against 231 columns (a 30-class Hessian's class pairs over 20
 * features' entry products) that is 9 to 11 against 5 x 10^9 multiply-adds a second.
 *
 * <p>Every array starts at 0: C2 17 vectorizes {@code out[c]} but not {@code out[offset + c]}.
 */
public final class RowMajorProducts {
  /** Vectors per task when the work splits over the common fork-join pool. */
  private static final int VECTORS_PER_TASK = 16;

  /**
   * Fewer columns than this go through {@link #addNarrowRows}. C2 vectorizes a loop only if it
   * unrolls it, and it does not unroll one whose profiled trip count is small: where a 30-class
   * path's first Hessians (union of 1 feature, 3 entry products) ran through {@link #addRows}, one
   * JVM in five or six compiled its column loop scalar for good, and the later forms over 231
   * columns ran at 3-4 instead of 11-12 x 10^9 multiply-adds a second (the path 2.5 against 1.4 s
   * on one core). Narrow products in a method of their own keep the wide loop's profile wide.
   */
  static final int NARROW = 8;

  private RowMajorProducts() {}

  /**
   * Adds {@code sum_(0 <= i < rows) a[v * rows + i] t[i][c]} to {@code out[v][c]} for every vector
   * {@code v < vectors} and column {@code c < width}.
   *
   * @param parallel whether the vectors may split over the common fork-join pool (not in folds
   *     fitted side by side)
   */
  public static void add(
      double[] a,
      int vectors,
      double[][] t,
      int rows,
      int width,
      double[][] out,
      boolean parallel) {
    int tasks = (vectors + VECTORS_PER_TASK - 1) / VECTORS_PER_TASK;
    long work = (long) vectors * rows * width;
    Sweep.run(
        tasks,
        work,
        parallel,
        task -> {
          int last = Math.min(vectors, (task + 1) * VECTORS_PER_TASK);
          for (int v = task * VECTORS_PER_TASK; v < last; v++) {
            addRows(a, v * rows, t, rows, 0, width, out[v]);
          }
        });
  }

  /** {@link #addRows} for fewer than {@link #NARROW} columns, a row at a time. */
  private static void addNarrowRows(
      double[] a, int from, double[][] t, int rows, int first, int last, double[] sums) {
    for (int i = 0; i < rows; i++) {
      double ai = a[from + i];
      double[] ti = t[i];
      for (int c = first; c < last; c++) {
        sums[c] += ai * ti[c];
      }
    }
  }

  /**
   * Adds {@code sum_(0 <= i < rows) a[from + i] t[i][c]} to {@code sums[c]} for {@code first <= c <
   * last}, four rows at a time; {@link DesignRows} takes its products of every feature this way
   * too.
   */
  static void addRows(
      double[] a, int from, double[][] t, int rows, int first, int last, double[] sums) {
    if (last - first < NARROW) {
      addNarrowRows(a, from, t, rows, first, last, sums);
      return;
    }
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      double a0 = a[from + i];
      double a1 = a[from + i + 1];
      double a2 = a[from + i + 2];
      double a3 = a[from + i + 3];
      double[] t0 = t[i];
      double[] t1 = t[i + 1];
      double[] t2 = t[i + 2];
      double[] t3 = t[i + 3];
      for (int c = first; c < last; c++) {
        sums[c] += a0 * t0[c] + a1 * t1[c] + a2 * t2[c] + a3 * t3[c];
      }
    }
    for (; i < rows; i++) {
      double a0 = a[from + i];
      double[] t0 = t[i];
      for (int c = first; c < last; c++) {
        sums[c] += a0 * t0[c];
      }
    }
  }
}
