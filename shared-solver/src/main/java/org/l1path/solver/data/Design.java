package org.l1path.solver.data;

/**
 * The design matrix as the solver reads it, column by column: dense ({@link DenseDesign}) or as its
 * non-zeros ({@link SparseDesign}). The solver never forms the standardized matrix: it reads raw
 * columns through these operations and applies each feature's centre and scale to their results, so
 * that a sparse column costs its non-zeros, not n, wherever the arithmetic allows.
 *
 * <p>Weights {@code w} below are one per row, or null for every row weighing {@code uniform}.
 */
public abstract sealed class Design permits DenseDesign, SparseDesign {
  public final int n;
  public final int p;

  Design(int n, int p) {
    this.n = n;
    this.p = p;
  }

  /** The columns as given, not copied. */
  public static Design ofColumns(double[][] columns, int n) {
    return DenseDesign.denseColumns(columns, n);
  }

  /** Column-major values of n rows: column j starts at {@code j * n}. */
  public static Design ofColumnMajor(double[] values, int n, int p) {
    return DenseDesign.denseColumnMajor(values, n, p);
  }

  /**
   * Compressed sparse columns, not copied: column j's non-zeros are {@code values[t]} at rows
   * {@code rows[t]} for {@code starts[j] <= t < starts[j + 1]}, rows ascending.
   */
  public static Design ofSparse(int n, int p, int[] starts, int[] rows, double[] values) {
    return new SparseDesign(n, p, starts, rows, values);
  }

  /** Whether {@code n * p} values fit in one Java array. */
  public static boolean fitsOneArray(long n, long p) {
    return n * p <= Integer.MAX_VALUE - 8;
  }

  /** Whether the design is held by its non-zeros. */
  public boolean sparse() {
    return this instanceof SparseDesign;
  }

  /**
   * The layout to solve on: a dense design's contiguous copy when the design is large enough for
   * its layout to matter (see {@link DenseDesign#forSolving}); otherwise this design.
   */
  public abstract Design forSolving();

  /** Whether the values sit in one array (a sparse design's always do). */
  public abstract boolean contiguous();

  /** The stored values: n p when dense, the non-zeros when sparse. */
  public abstract long storedValues();

  /** The bytes the values take: 8 per value, and a row index per non-zero when sparse. */
  public long bytes() {
    return storedValues() * (sparse() ? 12 : 8);
  }

  /** {@code sum_i x_ij v_i}. */
  public abstract double dot(int j, double[] v);

  /**
   * {@code out[t] = sum_i x_(i, k) v_i} for the columns {@code k = list[from + t]}, t < 4 (fewer at
   * the end of the list).
   *
   * @return how many columns were summed: min(4, count - from)
   */
  public abstract int dotFour(int[] list, int count, int from, double[] v, double[] out);

  /**
   * {@code out_i += sum_t factors[from + t] x_(i, list[from + t])} for t < 4 (fewer at the end of
   * the list).
   */
  public abstract void addFour(int[] list, double[] factors, int count, int from, double[] out);

  /**
   * {@code out_i += sum_t factors[t] x_(i, list[t])} over the whole list, four columns at a time
   * ({@link #addFour}): a change of the linear predictors from changes of coefficients.
   */
  public final void addColumns(int[] list, double[] factors, int count, double[] out) {
    for (int from = 0; from < count; from += 4) {
      addFour(list, factors, count, from, out);
    }
  }

  /** {@code out_i += factor w_i x_ij}: a column's share of a (weighted) residual. */
  public abstract void addScaled(int j, double factor, double[] w, double[] out);

  /** {@code sum_i w_i x_ij}. */
  public abstract double weightedSum(int j, double[] w, double uniform);

  /**
   * Sets {@code out[0] = sum_i w_i (x_ij - shift)} and {@code out[1] = sum_i w_i (x_ij - shift)^2},
   * given {@code weightTotal = sum_i w_i}: a sparse column's zeros add {@code -shift} and {@code
   * shift^2} times their weight without being read. Sums about a shift near the mean keep a feature
   * far from 0 from losing its variance to cancellation.
   */
  public abstract void shiftedMoments(
      int j, double[] w, double uniform, double weightTotal, double shift, double[] out);

  /**
   * The value every row with weight above 0 has in column j (w null: every row), or NaN when they
   * differ; {@code rowsTakingPart} is how many rows have weight above 0.
   */
  public abstract double constantValue(int j, double[] w, int rowsTakingPart);

  /**
   * Fills {@code out[from .. from + n)} with {@code w_i (x_ij - centre) / scale}: the weighted,
   * standardized column that Gram entries with j are products with; returns its sum.
   */
  public final double weightedCentred(
      int j, double[] w, double uniform, double centre, double scale, double[] out, int from) {
    return weightedCentredRows(j, w, uniform, centre, scale, 0, n, out, from);
  }

  /**
   * As {@link #weightedCentred} over the observations {@code first <= i < last} alone, into {@code
   * out[at ..]}: for products summed a range of observations at a time.
   */
  public abstract double weightedCentredRows(
      int j,
      double[] w,
      double uniform,
      double centre,
      double scale,
      int first,
      int last,
      double[] out,
      int at);

  /** Column j into {@code out[from .. from + n)}. */
  public abstract void copyColumn(int j, double[] out, int from);

  /** The given rows, copied, in the same storage. */
  public abstract Design rows(int[] rows);

  static double weight(double[] w, double uniform, int i) {
    return w == null ? uniform : w[i];
  }
}
