package org.l1path.solver.data;

/**
 * Every value of the design: column j is {@code arrays[j][offsets[j] + i]} for rows i = 0 … n-1.
 * Either the caller's columns as given (each its own array, offset 0) or one contiguous
 * column-major array. The contiguous layout matters once the design outgrows the cache: separately
 * allocated columns end up wherever the garbage collector moves them, and a sweep over all of them
 * (the KKT check of a wide design, a Gram column of a long one) then runs up to three times slower
 * than over one array.
 */
public final class DenseDesign extends Design {
  /** Below this many cells the design sits in cache and its layout does not matter. */
  private static final long CONTIGUOUS_FROM_CELLS = 1L << 17;

  public final double[][] arrays;
  public final int[] offsets;

  private DenseDesign(int n, double[][] arrays, int[] offsets) {
    super(n, arrays.length);
    this.arrays = arrays;
    this.offsets = offsets;
  }

  static DenseDesign denseColumns(double[][] columns, int n) {
    return new DenseDesign(n, columns, new int[columns.length]);
  }

  static DenseDesign denseColumnMajor(double[] values, int n, int p) {
    double[][] arrays = new double[p][];
    int[] offsets = new int[p];
    for (int j = 0; j < p; j++) {
      arrays[j] = values;
      offsets[j] = j * n;
    }
    return new DenseDesign(n, arrays, offsets);
  }

  @Override
  public boolean contiguous() {
    return p <= 1 || arrays[0] == arrays[p - 1];
  }

  /**
   * A contiguous copy when the design is large enough for the layout to matter and the heap has
   * room for four copies; otherwise this design. The copy lives for one fit or one
   * cross-validation, next to whatever else they allocate (fold copies, Gram columns): running
   * short of memory is worse than running slower.
   */
  @Override
  public Design forSolving() {
    long cells = (long) n * p;
    if (contiguous()
        || cells < CONTIGUOUS_FROM_CELLS
        || !fitsOneArray(n, p)
        || Heap.freeBytes() < 4 * 8 * cells + (64L << 20)) {
      return this;
    }
    double[] values = new double[(int) cells];
    for (int j = 0; j < p; j++) {
      System.arraycopy(arrays[j], offsets[j], values, j * n, n);
    }
    return denseColumnMajor(values, n, p);
  }

  @Override
  public long storedValues() {
    return (long) n * p;
  }

  @Override
  public double dot(int j, double[] v) {
    return org.l1path.solver.data.Dot.of(arrays[j], offsets[j], v, n);
  }

  /**
   * Four sums advance together and four streams of reads stay in flight, where one column at a time
   * waits on each: this is the kernel of every O(n p) sweep of the solver. A short list's last
   * column is repeated and the repeats dropped.
   */
  @Override
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

  /** Reads and writes {@code out} once per four columns instead of once per column. */
  @Override
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
    if ((oa | ob | oc | od) == 0) {
      addFourFromStart(a, b, c, d, fa, fb, fc, fd, out);
      return;
    }
    for (int i = 0; i < n; i++) {
      out[i] += fa * a[oa + i] + fb * b[ob + i] + fc * c[oc + i] + fd * d[od + i];
    }
  }

  /**
   * {@link #addFour} on columns that start their arrays. Java 17's C2 compiles this loop to vector
   * instructions only when every array is indexed by the loop variable alone: an offset, even one
   * that is 0 at run time, leaves it scalar. 3000 rows: 11 against 4.4 x 10^9 multiply-adds a
   * second.
   */
  private void addFourFromStart(
      double[] a,
      double[] b,
      double[] c,
      double[] d,
      double fa,
      double fb,
      double fc,
      double fd,
      double[] out) {
    for (int i = 0; i < n; i++) {
      out[i] += fa * a[i] + fb * b[i] + fc * c[i] + fd * d[i];
    }
  }

  @Override
  public void addScaled(int j, double factor, double[] w, double[] out) {
    double[] col = arrays[j];
    int o = offsets[j];
    if (w == null && o == 0) {
      // Vector instructions, as in addFourFromStart.
      for (int i = 0; i < n; i++) {
        out[i] += factor * col[i];
      }
    } else if (w == null) {
      for (int i = 0; i < n; i++) {
        out[i] += factor * col[o + i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] += factor * w[i] * col[o + i];
      }
    }
  }

  @Override
  public double weightedSum(int j, double[] w, double uniform) {
    double[] col = arrays[j];
    int o = offsets[j];
    return w == null
        ? org.l1path.solver.data.Dot.sum(col, o, n) * uniform
        : org.l1path.solver.data.Dot.of(col, o, w, n);
  }

  /**
   * Four running sums of each: a feature's moments are sweeps of n per feature, on every fit and
   * every Newton step, and a sum waits on its last addition (four cycles here). With two sums each
   * this sweep took four times as long as a plain sum of the column (10^6 x 50 paths).
   */
  @Override
  public void shiftedMoments(
      int j, double[] w, double uniform, double weightTotal, double shift, double[] out) {
    double[] a = arrays[j];
    int o = offsets[j];
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double q0 = 0;
    double q1 = 0;
    double q2 = 0;
    double q3 = 0;
    int i = 0;
    if (w == null) {
      for (; i + 3 < n; i += 4) {
        double d0 = a[o + i] - shift;
        double d1 = a[o + i + 1] - shift;
        double d2 = a[o + i + 2] - shift;
        double d3 = a[o + i + 3] - shift;
        s0 += d0;
        s1 += d1;
        s2 += d2;
        s3 += d3;
        q0 += d0 * d0;
        q1 += d1 * d1;
        q2 += d2 * d2;
        q3 += d3 * d3;
      }
      for (; i < n; i++) {
        double d = a[o + i] - shift;
        s0 += d;
        q0 += d * d;
      }
      out[0] = uniform * ((s0 + s1) + (s2 + s3));
      out[1] = uniform * ((q0 + q1) + (q2 + q3));
      return;
    }
    for (; i + 3 < n; i += 4) {
      double d0 = a[o + i] - shift;
      double d1 = a[o + i + 1] - shift;
      double d2 = a[o + i + 2] - shift;
      double d3 = a[o + i + 3] - shift;
      double wd0 = w[i] * d0;
      double wd1 = w[i + 1] * d1;
      double wd2 = w[i + 2] * d2;
      double wd3 = w[i + 3] * d3;
      s0 += wd0;
      s1 += wd1;
      s2 += wd2;
      s3 += wd3;
      q0 += wd0 * d0;
      q1 += wd1 * d1;
      q2 += wd2 * d2;
      q3 += wd3 * d3;
    }
    for (; i < n; i++) {
      double d = a[o + i] - shift;
      double wd = w[i] * d;
      s0 += wd;
      q0 += wd * d;
    }
    out[0] = (s0 + s1) + (s2 + s3);
    out[1] = (q0 + q1) + (q2 + q3);
  }

  @Override
  public double constantValue(int j, double[] w, int rowsTakingPart) {
    double[] a = arrays[j];
    int offset = offsets[j];
    double value = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (w == null || w[i] > 0) {
        double x = a[offset + i];
        if (Double.isNaN(value)) {
          value = x;
        } else if (x != value) {
          return Double.NaN;
        }
      }
    }
    return value;
  }

  /**
   * The column is filled first and summed after ({@link Dot#sum}'s independent running sums): one
   * running sum in the filling loop would wait on each addition, and Newton steps form such columns
   * for every Gram matrix they compute.
   */
  @Override
  public double weightedCentredRows(
      int j,
      double[] w,
      double uniform,
      double centre,
      double scale,
      int first,
      int last,
      double[] out,
      int at) {
    double[] col = arrays[j];
    int o = offsets[j] + first;
    int length = last - first;
    double inverse = 1 / scale;
    if (w == null) {
      double factor = uniform * inverse;
      for (int i = 0; i < length; i++) {
        out[at + i] = factor * (col[o + i] - centre);
      }
    } else {
      for (int i = 0; i < length; i++) {
        out[at + i] = w[first + i] * (col[o + i] - centre) * inverse;
      }
    }
    return Dot.sum(out, at, length);
  }

  @Override
  public void copyColumn(int j, double[] out, int from) {
    System.arraycopy(arrays[j], offsets[j], out, from, n);
  }

  /** Copied into one column-major array when it can hold them. */
  @Override
  public Design rows(int[] rows) {
    int m = rows.length;
    if (fitsOneArray(m, p)) {
      double[] values = new double[m * p];
      for (int j = 0; j < p; j++) {
        copyRows(j, rows, values, j * m);
      }
      return denseColumnMajor(values, m, p);
    }
    double[][] cols = new double[p][m];
    for (int j = 0; j < p; j++) {
      copyRows(j, rows, cols[j], 0);
    }
    return denseColumns(cols, m);
  }

  private void copyRows(int j, int[] rows, double[] to, int offset) {
    double[] from = arrays[j];
    int o = offsets[j];
    for (int t = 0; t < rows.length; t++) {
      to[offset + t] = from[o + rows[t]];
    }
  }

  double get(int i, int j) {
    return arrays[j][offsets[j] + i];
  }
}
