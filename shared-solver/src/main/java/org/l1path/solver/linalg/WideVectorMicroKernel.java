package org.l1path.solver.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorMicroKernel}'s tile widened to 4 x 4 where vectors are 512 bits wide: AVX-512's 32
 * vector registers hold the sixteen sums and the five vectors loaded per step (AVX2's 16 would
 * spill them; under {@code -XX:UseAVX=2} this tile took 0.31 s where 4 x 3 takes 0.28 s). Per step,
 * eight vector loads feed sixteen fused multiply-adds, where 4 x 3 loads seven for twelve. X'VX on
 * both cores, against 4 x 3: 10000 x 1000 0.182 to 0.185 s against 0.199 to 0.205 s, 50000 x 200
 * 0.047 to 0.049 s against 0.053 s, 10^6 x 50 0.139 to 0.141 s against 0.152 s. The lanes are added
 * in a fixed order, as there.
 */
final class WideVectorMicroKernel implements MicroKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final int WIDTH = 4;

  /** Where the lanes of the sixteen sums go in {@code sums}: after the sums themselves. */
  private static final int SCRATCH = ROWS * WIDTH;

  /** Whether this JVM's preferred vectors are 512 bits wide (8 doubles) or wider. */
  static boolean fits() {
    return LANES >= 8;
  }

  @Override
  public int columns() {
    return WIDTH;
  }

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
    double[] x3 = x[3];
    int o0 = xStarts[0];
    int o1 = xStarts[1];
    int o2 = xStarts[2];
    int o3 = xStarts[3];
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
    DoubleVector s03 = s00;
    DoubleVector s10 = s00;
    DoubleVector s11 = s00;
    DoubleVector s12 = s00;
    DoubleVector s13 = s00;
    DoubleVector s20 = s00;
    DoubleVector s21 = s00;
    DoubleVector s22 = s00;
    DoubleVector s23 = s00;
    DoubleVector s30 = s00;
    DoubleVector s31 = s00;
    DoubleVector s32 = s00;
    DoubleVector s33 = s00;
    int i = from;
    // As VectorMicroKernel's: a bound C2 can prove every load against.
    int upper = from + SPECIES.loopBound(to - from);
    for (; i < upper; i += LANES) {
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, x0, o0 + i);
      DoubleVector y1 = DoubleVector.fromArray(SPECIES, x1, o1 + i);
      DoubleVector y2 = DoubleVector.fromArray(SPECIES, x2, o2 + i);
      DoubleVector y3 = DoubleVector.fromArray(SPECIES, x3, o3 + i);
      DoubleVector u = DoubleVector.fromArray(SPECIES, u0, a0 + i);
      s00 = u.fma(y0, s00);
      s01 = u.fma(y1, s01);
      s02 = u.fma(y2, s02);
      s03 = u.fma(y3, s03);
      u = DoubleVector.fromArray(SPECIES, u1, a1 + i);
      s10 = u.fma(y0, s10);
      s11 = u.fma(y1, s11);
      s12 = u.fma(y2, s12);
      s13 = u.fma(y3, s13);
      u = DoubleVector.fromArray(SPECIES, u2, a2 + i);
      s20 = u.fma(y0, s20);
      s21 = u.fma(y1, s21);
      s22 = u.fma(y2, s22);
      s23 = u.fma(y3, s23);
      u = DoubleVector.fromArray(SPECIES, u3, a3 + i);
      s30 = u.fma(y0, s30);
      s31 = u.fma(y1, s31);
      s32 = u.fma(y2, s32);
      s33 = u.fma(y3, s33);
    }
    s00.intoArray(sums, SCRATCH);
    s01.intoArray(sums, SCRATCH + LANES);
    s02.intoArray(sums, SCRATCH + 2 * LANES);
    s03.intoArray(sums, SCRATCH + 3 * LANES);
    s10.intoArray(sums, SCRATCH + 4 * LANES);
    s11.intoArray(sums, SCRATCH + 5 * LANES);
    s12.intoArray(sums, SCRATCH + 6 * LANES);
    s13.intoArray(sums, SCRATCH + 7 * LANES);
    s20.intoArray(sums, SCRATCH + 8 * LANES);
    s21.intoArray(sums, SCRATCH + 9 * LANES);
    s22.intoArray(sums, SCRATCH + 10 * LANES);
    s23.intoArray(sums, SCRATCH + 11 * LANES);
    s30.intoArray(sums, SCRATCH + 12 * LANES);
    s31.intoArray(sums, SCRATCH + 13 * LANES);
    s32.intoArray(sums, SCRATCH + 14 * LANES);
    s33.intoArray(sums, SCRATCH + 15 * LANES);
    VectorMicroKernel.addLanes(sums, SCRATCH, LANES);
    VectorMicroKernel.addRemainder(a, aStarts, x, xStarts, i, to, WIDTH, sums);
  }
}
