package org.l1path.solver.gaussian;

/**
 * The penalty of one coefficient row and its convex conjugate, for duality gaps. Feature j's
 * penalty, in standardized units, is {@code h_j(b) = a_j |b| + q_j/2 b^2} on {@code [lower_j,
 * upper_j]} with {@code a_j = alpha l1Ratio pf_j} and {@code q_j = alpha (1 - l1Ratio) pf_j}. A
 * dual point is the (scaled) loss gradient; its gap term for feature j is {@code h_j*(c G_j)}.
 */
public final class PenaltyDual {
  private PenaltyDual() {}

  /** {@code sum_j h_j(beta_j)}. */
  public static double value(GaussianProblem prob, double[] beta, double aScale, double qScale) {
    double pen = 0;
    for (int j = 0; j < prob.p; j++) {
      pen += term(prob, beta[j], j, aScale, qScale);
    }
    return pen;
  }

  /**
   * As {@link #value(GaussianProblem, double[], double, double)} for a row that is 0 outside the
   * first {@code count} of {@code features}; in ascending order they give the same sum.
   */
  static double value(
      GaussianProblem prob,
      double[] beta,
      int[] features,
      int count,
      double aScale,
      double qScale) {
    double pen = 0;
    for (int t = 0; t < count; t++) {
      int j = features[t];
      pen += term(prob, beta[j], j, aScale, qScale);
    }
    return pen;
  }

  private static double term(GaussianProblem prob, double b, int j, double aScale, double qScale) {
    return b == 0 ? 0 : prob.penalty[j] * (aScale * Math.abs(b) + 0.5 * qScale * b * b);
  }

  /**
   * The largest scaling {@code c <= limit} of the dual point that keeps {@code h_j*(c G_j)} finite
   * for every listed pure-L1 feature that is unbounded in the gradient's direction. Features left
   * out must satisfy their KKT condition ({@code |G_j| <= a_j}): they neither limit c nor add to
   * the gap.
   */
  public static double feasibleScale(
      GaussianProblem prob,
      int[] features,
      int count,
      double[] grad,
      double aScale,
      double qScale,
      double limit) {
    double c = limit;
    for (int t = 0; t < count; t++) {
      int j = features[t];
      c = feasibleScale(prob, j, grad[j], aScale, qScale, c);
    }
    return c;
  }

  /** As the list form above for one feature j whose gradient is {@code g}. */
  private static double feasibleScale(
      GaussianProblem prob, int j, double g, double aScale, double qScale, double limit) {
    double pf = prob.penalty[j];
    double a = aScale * pf;
    if (prob.fixed[j] || qScale * pf > 0 || a == 0) {
      return limit;
    }
    if (g > a && prob.upper[j] == Double.POSITIVE_INFINITY) {
      return Math.min(limit, a / g);
    } else if (g < -a && prob.lower[j] == Double.NEGATIVE_INFINITY) {
      return Math.min(limit, -a / g);
    }
    return limit;
  }

  /**
   * {@code sum_j h_j*(c G_j)} over the listed features. An unpenalized feature that is unbounded
   * where the gradient points has no finite conjugate off {@code G_j = 0}; its term is taken at
   * equality ({@code h_j(beta_j) + h_j*(t) = t beta_j}), which exact coordinate updates keep close
   * to true.
   */
  public static double conjugateSum(
      GaussianProblem prob,
      int[] features,
      int count,
      double[] grad,
      double[] beta,
      double c,
      double aScale,
      double qScale) {
    double sum = 0;
    for (int k = 0; k < count; k++) {
      int j = features[k];
      sum += conjugate(prob, j, c * grad[j], beta[j], aScale, qScale);
    }
    return sum;
  }

  /** {@code h_j*(t)}, as {@link #conjugateSum} takes it for one feature j at coefficient b. */
  private static double conjugate(
      GaussianProblem prob, int j, double t, double b, double aScale, double qScale) {
    if (prob.fixed[j]) {
      return 0.0;
    }
    double pf = prob.penalty[j];
    double a = aScale * pf;
    double q = qScale * pf;
    double lo = prob.lower[j];
    double hi = prob.upper[j];
    if (q > 0) {
      double m = t > a ? (t - a) / q : t < -a ? (t + a) / q : 0.0;
      m = Math.min(Math.max(m, lo), hi);
      return t * m - a * Math.abs(m) - 0.5 * q * m * m;
    } else if (t > a) {
      return hi == Double.POSITIVE_INFINITY ? t * b : (t - a) * hi;
    } else if (t < -a) {
      return lo == Double.NEGATIVE_INFINITY ? t * b : (t + a) * lo;
    }
    return 0.0;
  }
}
