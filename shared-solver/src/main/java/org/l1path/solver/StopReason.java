package org.l1path.solver;

/** Why a path ended where it did. */
public enum StopReason {
  /** Every alpha of the grid was solved. */
  COMPLETED,
  /**
   * Early stop on the automatic grid (classification always, least squares when asked): the
   * deviance ratio changed by less than 1e-5 between alphas (least squares: 1e-5 of itself).
   */
  DEVIANCE_CHANGE_SMALL,
  /**
   * Early stop on the automatic grid (classification always, least squares when asked): the model
   * explains more than 99.9% of the null deviance.
   */
  DEVIANCE_RATIO_SATURATED;

  private static final double DEV_RATIO_MAX = 0.999;
  private static final double DEV_CHANGE_MIN = 1e-5;
  private static final int MIN_ALPHAS = 5;

  /**
   * glmnet's early stop after the {@code solved}-th alpha of a path (its fifth or later), whose
   * deviance ratio is {@code devRatio} and the previous alpha's {@code previous}: saturated past
   * 0.999, else flat where the ratio moved by less than 1e-5 (least squares: 1e-5 of itself, as
   * glmnet's {@code elnet}; classification as its {@code lognet}); else COMPLETED, the path goes
   * on.
   */
  public static StopReason afterAlpha(Family family, int solved, double devRatio, double previous) {
    if (solved < MIN_ALPHAS) {
      return COMPLETED;
    }
    if (devRatio > DEV_RATIO_MAX) {
      return DEVIANCE_RATIO_SATURATED;
    }
    double flat = family == Family.GAUSSIAN ? DEV_CHANGE_MIN * devRatio : DEV_CHANGE_MIN;
    return devRatio - previous < flat ? DEVIANCE_CHANGE_SMALL : COMPLETED;
  }

  /** The name used in reports, for example {@code deviance_change_small}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
