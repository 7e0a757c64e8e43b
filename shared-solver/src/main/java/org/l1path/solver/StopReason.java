package org.l1path.solver;

/** Why a path ended where it did. */
public enum StopReason {
  /** Every alpha of the grid was solved. */
  COMPLETED,
  /** Opt-in early stop: the deviance ratio changed by less than 1e-5 relative between alphas. */
  DEVIANCE_CHANGE_SMALL,
  /** Opt-in early stop: the model explains more than 99.9% of the null deviance. */
  DEVIANCE_RATIO_SATURATED;

  /** The name used in reports, for example {@code deviance_change_small}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
