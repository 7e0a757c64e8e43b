package org.l1path.solver.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The tile kernel on the JDK's Vector API: observations go a vector at a time (8 with AVX-512, 4
 * with AVX2, 2 with NEON), and the twelve sums stay in vector registers, each lane a partial sum;
 * per step, seven vector loads feed twelve fused multiply-adds. The lanes are added at the end, and
 * observations past the last whole vector one by one. Only loaded when the {@code
 * jdk.incubator.vector} module is present (see {@link MicroKernel#vectorIfFast()}).
 */
final class VectorMicroKernel implements MicroKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /** Where the lanes of the twelve sums go in {@code sums}: after the sums themselves. */
  private static final int SCRATCH = ROWS * COLUMNS;

  @Override
  public int sumsLength() {
    return SCRATCH * (1 + LANES);
  }

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
    DoubleVector s00 = DoubleVector.zero(SPECIES);
    DoubleVector s01 = s00;
    DoubleVector s02 = s00;
    DoubleVector s10 = s00;
    DoubleVector s11 = s00;
    DoubleVector s12 = s00;
    DoubleVector s20 = s00;
    DoubleVector s21 = s00;
    DoubleVector s22 = s00;
    DoubleVector s30 = s00;
    DoubleVector s31 = s00;
    DoubleVector s32 = s00;
    int i = from;
    // A loop bound of whole vectors, computed before the loop, as the Vector API's documentation
    // writes it: C2 then proves every load in range and drops the bounds checks from the loop.
    // Tested against "i + LANES <= to" on one core (a 4 x 3 tile of 1024 observations in cache):
    // 34 against 19 to 29 GFlop/s.
    int upper = from + SPECIES.loopBound(to - from);
    for (; i < upper; i += LANES) {
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, x0, o0 + i);
      DoubleVector y1 = DoubleVector.fromArray(SPECIES, x1, o1 + i);
      DoubleVector y2 = DoubleVector.fromArray(SPECIES, x2, o2 + i);
      DoubleVector u = DoubleVector.fromArray(SPECIES, u0, a0 + i);
      s00 = u.fma(y0, s00);
      s01 = u.fma(y1, s01);
      s02 = u.fma(y2, s02);
      u = DoubleVector.fromArray(SPECIES, u1, a1 + i);
      s10 = u.fma(y0, s10);
      s11 = u.fma(y1, s11);
      s12 = u.fma(y2, s12);
      u = DoubleVector.fromArray(SPECIES, u2, a2 + i);
      s20 = u.fma(y0, s20);
      s21 = u.fma(y1, s21);
      s22 = u.fma(y2, s22);
      u = DoubleVector.fromArray(SPECIES, u3, a3 + i);
      s30 = u.fma(y0, s30);
      s31 = u.fma(y1, s31);
      s32 = u.fma(y2, s32);
    }
    // The lanes are added in a fixed order, not by reduceLanes, whose order is unspecified and may
    // differ between the interpreted and the compiled kernel: results must not depend on the JIT.
    // They go through sums past the twelve sums themselves: a fresh array per call cost 13 %
    // of a 10000 x 1000 product.
    s00.intoArray(sums, SCRATCH);
    s01.intoArray(sums, SCRATCH + LANES);
    s02.intoArray(sums, SCRATCH + 2 * LANES);
    s10.intoArray(sums, SCRATCH + 3 * LANES);
    s11.intoArray(sums, SCRATCH + 4 * LANES);
    s12.intoArray(sums, SCRATCH + 5 * LANES);
    s20.intoArray(sums, SCRATCH + 6 * LANES);
    s21.intoArray(sums, SCRATCH + 7 * LANES);
    s22.intoArray(sums, SCRATCH + 8 * LANES);
    s30.intoArray(sums, SCRATCH + 9 * LANES);
    s31.intoArray(sums, SCRATCH + 10 * LANES);
    s32.intoArray(sums, SCRATCH + 11 * LANES);
    addLanes(sums, SCRATCH, LANES);
    addRemainder(a, aStarts, x, xStarts, i, to, COLUMNS, sums);
  }

  /**
   * {@code sums[e]} for e < count: the sum of the lanes that {@code sums[count + e * lanes ..]}
   * holds, added in order.
   */
  static void addLanes(double[] sums, int count, int lanes) {
    for (int e = 0; e < count; e++) {
      double sum = 0;
      for (int l = 0; l < lanes; l++) {
        sum += sums[count + e * lanes + l];
      }
      sums[e] = sum;
    }
  }

  /**
   * Adds the observations {@code from <= i < to} past the last whole vector to the {@code ROWS x
   * width} tile of sums, one at a time.
   */
  static void addRemainder(
      double[][] a,
      int[] aStarts,
      double[][] x,
      int[] xStarts,
      int from,
      int to,
      int width,
      double[] sums) {
    for (int i = from; i < to; i++) {
      for (int r = 0; r < ROWS; r++) {
        double u = a[r][aStarts[r] + i];
        for (int c = 0; c < width; c++) {
          sums[width * r + c] += u * x[c][xStarts[c] + i];
        }
      }
    }
  }
}
