package org.l1path.solver;

/**
 * The cross-validation error curve of one l1 ratio (and, relaxed, one gamma): for each alpha of the
 * full data's grid, the unweighted mean over folds of each fold's weighted held-out error, and its
 * standard error (the sample standard deviation over folds divided by sqrt(K)). For {@link
 * CvMeasure#AUC}, where larger is better, "minimum" below means the best value, the maximum.
 */
public final class CvCurve {
  private final double l1Ratio;
  private final double gamma;
  private final CvMeasure measure;
  private final double[] alphas;
  private final double[] meanError;
  private final double[] stdError;
  private final int indexMin;
  private final int index1se;

  CvCurve(
      double l1Ratio,
      double gamma,
      CvMeasure measure,
      double[] alphas,
      double[] meanError,
      double[] stdError) {
    this.l1Ratio = l1Ratio;
    this.gamma = gamma;
    this.measure = measure;
    double sign = measure.higherIsBetter() ? -1 : 1;
    this.alphas = alphas;
    this.meanError = meanError;
    this.stdError = stdError;
    // alphas are largest first, so the first minimum is the largest alpha on ties.
    int best = 0;
    for (int k = 1; k < meanError.length; k++) {
      if (sign * meanError[k] < sign * meanError[best]) {
        best = k;
      }
    }
    indexMin = best;
    double limit = sign * meanError[best] + stdError[best];
    int oneSe = best;
    for (int k = 0; k < meanError.length; k++) {
      if (sign * meanError[k] <= limit) {
        oneSe = k;
        break;
      }
    }
    index1se = oneSe;
  }

  public double l1Ratio() {
    return l1Ratio;
  }

  /** The relaxed lasso's gamma of this curve, or NaN for a plain fit. */
  public double gamma() {
    return gamma;
  }

  /** What the curve measures. */
  public CvMeasure measure() {
    return measure;
  }

  public double[] alphas() {
    return alphas.clone();
  }

  public double[] meanError() {
    return meanError.clone();
  }

  public double[] stdError() {
    return stdError.clone();
  }

  /** The grid index of the smallest mean error. */
  public int indexMin() {
    return indexMin;
  }

  /** The grid index of the largest alpha within one standard error of the minimum. */
  public int index1se() {
    return index1se;
  }

  public double alphaMin() {
    return alphas[indexMin];
  }

  public double alpha1se() {
    return alphas[index1se];
  }

  /** The best mean error (the largest mean AUC for {@link CvMeasure#AUC}). */
  public double minError() {
    return meanError[indexMin];
  }

  /** Whether this curve's best is better than {@code other}'s. */
  boolean betterThan(CvCurve other) {
    return measure.higherIsBetter() ? minError() > other.minError() : minError() < other.minError();
  }

  /** The grid index the rule picks. */
  public int index(SelectionRule rule) {
    return rule == SelectionRule.MIN ? indexMin : index1se;
  }
}
