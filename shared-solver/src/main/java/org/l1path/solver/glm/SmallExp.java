package org.l1path.solver.glm;

/**
 * {@code exp(step * delta_i)} for a whole vector whose arguments are all at most {@link #BOUND} in
 * magnitude, by its Taylor series in a loop of multiplies and adds that C2 compiles to vector
 * instructions. {@code Math.exp} is a call per value: applying a multinomial Newton step took one
 * per class and observation, a fifth of a 10-class path. The series to degree 14 is within {@code
 * 0.5^15 / 15! = 2.3e-17} of exp, below its last bit.
 */
final class SmallExp {
  /** The largest argument the series serves. */
  static final double BOUND = 0.5;

  /** {@code 1 / k!} for {@code k = 0 .. 14}. */
  private static final double[] INVERSE_FACTORIALS = inverseFactorials(14);

  private static final double C0 = INVERSE_FACTORIALS[0];
  private static final double C1 = INVERSE_FACTORIALS[1];
  private static final double C2 = INVERSE_FACTORIALS[2];
  private static final double C3 = INVERSE_FACTORIALS[3];
  private static final double C4 = INVERSE_FACTORIALS[4];
  private static final double C5 = INVERSE_FACTORIALS[5];
  private static final double C6 = INVERSE_FACTORIALS[6];
  private static final double C7 = INVERSE_FACTORIALS[7];
  private static final double C8 = INVERSE_FACTORIALS[8];
  private static final double C9 = INVERSE_FACTORIALS[9];
  private static final double C10 = INVERSE_FACTORIALS[10];
  private static final double C11 = INVERSE_FACTORIALS[11];
  private static final double C12 = INVERSE_FACTORIALS[12];
  private static final double C13 = INVERSE_FACTORIALS[13];
  private static final double C14 = INVERSE_FACTORIALS[14];

  private SmallExp() {}

  /**
   * {@code out[i] = exp(step * delta[i])} for {@code i < n}; every {@code |step * delta[i]|} must
   * be at most {@link #BOUND}.
   */
  static void of(double[] delta, double step, int n, double[] out) {
    for (int i = 0; i < n; i++) {
      double d = step * delta[i];
      out[i] = quotient(d) * d + C0;
    }
  }

  /**
   * {@code out[i] = exp(step * delta[i]) - 1}, to the same relative precision near 0 as {@code
   * Math.expm1}: the series less its first term; every {@code |step * delta[i]|} must be at most
   * {@link #BOUND}.
   */
  static void minusOne(double[] delta, double step, int n, double[] out) {
    for (int i = 0; i < n; i++) {
      double d = step * delta[i];
      out[i] = quotient(d) * d;
    }
  }

  /**
   * {@code (e^d - 1) / d} to degree 13, {@code 1 / 1! + d / 2! + ... + d^13 / 14!}, by Horner's
   * rule: small enough to be inlined into the loops above, which C2 then vectorizes whole. Written
   * out rather than as a loop over the coefficients: C2 vectorizes innermost loops only.
   */
  private static double quotient(double d) {
    double p = C14;
    p = p * d + C13;
    p = p * d + C12;
    p = p * d + C11;
    p = p * d + C10;
    p = p * d + C9;
    p = p * d + C8;
    p = p * d + C7;
    p = p * d + C6;
    p = p * d + C5;
    p = p * d + C4;
    p = p * d + C3;
    p = p * d + C2;
    return p * d + C1;
  }

  private static double[] inverseFactorials(int degree) {
    double[] c = new double[degree + 1];
    c[0] = 1;
    for (int k = 1; k <= degree; k++) {
      c[k] = c[k - 1] / k;
    }
    return c;
  }
}
