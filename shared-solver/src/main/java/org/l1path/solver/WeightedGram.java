package org.l1path.solver;

/**
 * The weighted Gram matrix {@code G_ab = sum_i v_i z_ia z_ib} of a list of standardized features,
 * {@code z_ia = (x_ij - c_j) / s_j} for {@code j = list[a]}: the curvature of a weighted
 * least-squares problem on those features. The weighted, centred columns are formed once; then each
 * 2 x 4 block of G is summed in one sweep over the rows with eight independent sums, so a row's six
 * loaded values feed eight multiply-adds (a dot product per entry feeds one per two loads). Only
 * the blocks on and above the diagonal are summed; the rest is mirrored.
 */
final class WeightedGram {
  private final Design x;
  private final int n;

  /** Column a is {@code v_i z_ia}, at {@code a * n}. */
  private double[] weighted = new double[0];

  WeightedGram(Design x) {
    this.x = x;
    this.n = x.n;
  }

  /**
   * Fills {@code out} (row-major, {@code count x count}) with the Gram matrix of {@code list[0 ..
   * count)} under weights v, centres c and scales s (indexed by feature).
   *
   * <p>The weighted columns are centred, so each sums to 0 up to rounding, and their products with
   * the raw columns are their products with the centred ones.
   */
  void compute(int[] list, int count, double[] v, double[] c, double[] s, double[] out) {
    if (weighted.length < (long) count * n) {
      weighted = new double[count * n];
    }
    for (int a = 0; a < count; a++) {
      int j = list[a];
      double[] col = x.arrays[j];
      int o = x.offsets[j];
      double centre = c[j];
      double inverse = 1 / s[j];
      int base = a * n;
      for (int i = 0; i < n; i++) {
        weighted[base + i] = v[i] * (col[o + i] - centre) * inverse;
      }
    }
    double[] block = new double[8];
    for (int a = 0; a < count; a += 2) {
      // Blocks from column a's own group of four: those on and above the diagonal.
      for (int b = a - a % 4; b < count; b += 4) {
        sumBlock(list, count, a, b, block);
        int rowsHere = Math.min(2, count - a);
        int colsHere = Math.min(4, count - b);
        for (int r = 0; r < rowsHere; r++) {
          for (int t = 0; t < colsHere; t++) {
            double g = block[4 * r + t] / s[list[b + t]];
            out[(a + r) * count + b + t] = g;
            out[(b + t) * count + a + r] = g;
          }
        }
      }
    }
  }

  /**
   * {@code block[4 r + t] = sum_i weighted_(a + r)(i) x_(i, list[b + t])} for r < 2, t < 4; past
   * the end of the list the last column is repeated (and its sums dropped by the caller). Eight
   * sums, four loaded columns and two weighted ones stay in registers.
   */
  private void sumBlock(int[] list, int count, int a, int b, double[] block) {
    int last = count - 1;
    int w0 = a * n;
    int w1 = Math.min(a + 1, last) * n;
    int j0 = list[b];
    int j1 = list[Math.min(b + 1, last)];
    int j2 = list[Math.min(b + 2, last)];
    int j3 = list[Math.min(b + 3, last)];
    double[] x0 = x.arrays[j0];
    double[] x1 = x.arrays[j1];
    double[] x2 = x.arrays[j2];
    double[] x3 = x.arrays[j3];
    int o0 = x.offsets[j0];
    int o1 = x.offsets[j1];
    int o2 = x.offsets[j2];
    int o3 = x.offsets[j3];
    double[] w = weighted;
    double s00 = 0;
    double s01 = 0;
    double s02 = 0;
    double s03 = 0;
    double s10 = 0;
    double s11 = 0;
    double s12 = 0;
    double s13 = 0;
    for (int i = 0; i < n; i++) {
      double y0 = x0[o0 + i];
      double y1 = x1[o1 + i];
      double y2 = x2[o2 + i];
      double y3 = x3[o3 + i];
      double u = w[w0 + i];
      double z = w[w1 + i];
      s00 += u * y0;
      s01 += u * y1;
      s02 += u * y2;
      s03 += u * y3;
      s10 += z * y0;
      s11 += z * y1;
      s12 += z * y2;
      s13 += z * y3;
    }
    block[0] = s00;
    block[1] = s01;
    block[2] = s02;
    block[3] = s03;
    block[4] = s10;
    block[5] = s11;
    block[6] = s12;
    block[7] = s13;
  }
}
