package org.l1path.solver.data;

/**
 * The design matrix as the solver reads it: column j is {@code arrays[j][offsets[j] + i]} for rows
 * i = 0 … n-1. Either the caller's columns as given (each its own array, offset 0) or one
 * contiguous column-major array. The contiguous layout matters once the design outgrows the cache:
 * separately allocated columns end up wherever the garbage collector moves them, and a sweep over
 * all of them (the KKT check of a wide design, a Gram column of a long one) then runs up to three
 * times slower than over one array.
 */
public final class Design {
  /** Below this many cells the design sits in cache and its layout does not matter. */
  private static final long CONTIGUOUS_FROM_CELLS = 1L << 17;

  public final int n;
  public final int p;
  public final double[][] arrays;
  public final int[] offsets;

  private Design(int n, double[][] arrays, int[] offsets) {
    this.n = n;
    this.p = arrays.length;
    this.arrays = arrays;
    this.offsets = offsets;
  }

  /** The columns as given, not copied. */
  public static Design ofColumns(double[][] columns, int n) {
    return new Design(n, columns, new int[columns.length]);
  }

  /** Column-major values of n rows: column j starts at {@code j * n}. */
  public static Design ofColumnMajor(double[] values, int n, int p) {
    double[][] arrays = new double[p][];
    int[] offsets = new int[p];
    for (int j = 0; j < p; j++) {
      arrays[j] = values;
      offsets[j] = j * n;
    }
    return new Design(n, arrays, offsets);
  }

  /** Whether the columns share one array. */
  public boolean contiguous() {
    return p <= 1 || arrays[0] == arrays[p - 1];
  }

  /** Whether {@code n * p} values fit in one Java array. */
  public static boolean fitsOneArray(long n, long p) {
    return n * p <= Integer.MAX_VALUE - 8;
  }

  /**
   * A contiguous copy of {@code columns} when the design is large enough for the layout to matter
   * and the heap has room for four copies; otherwise the columns as given. The copy lives for one
   * fit or one cross-validation, next to whatever else they allocate (fold copies, Gram columns):
   * running short of memory is worse than running slower.
   */
  public static Design preferContiguous(double[][] columns, int n) {
    int p = columns.length;
    long cells = (long) n * p;
    long free = Heap.freeBytes();
    if (cells < CONTIGUOUS_FROM_CELLS
        || !fitsOneArray(n, p)
        || free < 4 * 8 * cells + (64L << 20)) {
      return ofColumns(columns, n);
    }
    double[] values = new double[(int) cells];
    for (int j = 0; j < p; j++) {
      System.arraycopy(columns[j], 0, values, j * n, n);
    }
    return ofColumnMajor(values, n, p);
  }

  double get(int i, int j) {
    return arrays[j][offsets[j] + i];
  }

  /**
   * {@code out[t] = sum_i x_(i, k) v_i} for the columns {@code k = list[from + t]}, t < 4 (fewer at
   * the end of the list, where the last column is repeated and the repeats dropped). Four sums
   * advance together and four streams of reads stay in flight, where one column at a time waits on
   * each: this is the kernel of every O(n p) sweep of the solver.
   *
   * @return how many columns were summed: min(4, count - from)
   */
  public int dotFour(int[] list, int count, int from, double[] v, double[] out) {
    int last = Math.min(from + 4, count) - 1;
    int k0 = list[from];
    int k1 = list[Math.min(from + 1, last)];
    int k2 = list[Math.min(from + 2, last)];
    int k3 = list[last];
    double[] a = arrays[k0];
    double[] b = arrays[k1];
    double[] c = arrays[k2];
    double[] d = arrays[k3];
    int oa = offsets[k0];
    int ob = offsets[k1];
    int oc = offsets[k2];
    int od = offsets[k3];
    double sa = 0;
    double sb = 0;
    double sc = 0;
    double sd = 0;
    for (int i = 0; i < n; i++) {
      double vi = v[i];
      sa += a[oa + i] * vi;
      sb += b[ob + i] * vi;
      sc += c[oc + i] * vi;
      sd += d[od + i] * vi;
    }
    out[0] = sa;
    out[1] = sb;
    out[2] = sc;
    out[3] = sd;
    return last - from + 1;
  }

  /**
   * {@code out_i += sum_t factors[from + t] x_(i, list[from + t])} for t < 4 (fewer at the end of
   * the list): {@link #dotFour}'s counterpart for a linear combination of columns, which reads and
   * writes {@code out} once per four columns instead of once per column.
   */
  public void addFour(int[] list, double[] factors, int count, int from, double[] out) {
    int last = Math.min(from + 4, count) - 1;
    int k0 = list[from];
    int k1 = list[Math.min(from + 1, last)];
    int k2 = list[Math.min(from + 2, last)];
    int k3 = list[last];
    // A repeated column at the end of the list adds nothing.
    double fa = factors[from];
    double fb = from + 1 <= last ? factors[from + 1] : 0.0;
    double fc = from + 2 <= last ? factors[from + 2] : 0.0;
    double fd = from + 3 <= last ? factors[from + 3] : 0.0;
    double[] a = arrays[k0];
    double[] b = arrays[k1];
    double[] c = arrays[k2];
    double[] d = arrays[k3];
    int oa = offsets[k0];
    int ob = offsets[k1];
    int oc = offsets[k2];
    int od = offsets[k3];
    for (int i = 0; i < n; i++) {
      out[i] += fa * a[oa + i] + fb * b[ob + i] + fc * c[oc + i] + fd * d[od + i];
    }
  }
}
