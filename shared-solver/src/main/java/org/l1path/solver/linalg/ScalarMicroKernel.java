package org.l1path.solver.linalg;

/**
 * The portable tile kernel: twelve sums kept in locals, so each observation's seven loaded values
 * feed twelve multiply-adds.
 */
final class ScalarMicroKernel implements MicroKernel {
  @Override
  public void sums(
      double[][] a, int[] aStarts, double[][] x, int[] xStarts, int from, int to, double[] sums) {
    double[] x0 = x[0];
    double[] x1 = x[1];
    double[] x2 = x[2];
    int o0 = xStarts[0];
    int o1 = xStarts[1];
    int o2 = xStarts[2];
    double[] u0 = a[0];
    double[] u1 = a[1];
    double[] u2 = a[2];
    double[] u3 = a[3];
    int a0 = aStarts[0];
    int a1 = aStarts[1];
    int a2 = aStarts[2];
    int a3 = aStarts[3];
    double s00 = 0;
    double s01 = 0;
    double s02 = 0;
    double s10 = 0;
    double s11 = 0;
    double s12 = 0;
    double s20 = 0;
    double s21 = 0;
    double s22 = 0;
    double s30 = 0;
    double s31 = 0;
    double s32 = 0;
    for (int i = from; i < to; i++) {
      double y0 = x0[o0 + i];
      double y1 = x1[o1 + i];
      double y2 = x2[o2 + i];
      double u = u0[a0 + i];
      s00 += u * y0;
      s01 += u * y1;
      s02 += u * y2;
      u = u1[a1 + i];
      s10 += u * y0;
      s11 += u * y1;
      s12 += u * y2;
      u = u2[a2 + i];
      s20 += u * y0;
      s21 += u * y1;
      s22 += u * y2;
      u = u3[a3 + i];
      s30 += u * y0;
      s31 += u * y1;
      s32 += u * y2;
    }
    sums[0] = s00;
    sums[1] = s01;
    sums[2] = s02;
    sums[3] = s10;
    sums[4] = s11;
    sums[5] = s12;
    sums[6] = s20;
    sums[7] = s21;
    sums[8] = s22;
    sums[9] = s30;
    sums[10] = s31;
    sums[11] = s32;
  }
}
