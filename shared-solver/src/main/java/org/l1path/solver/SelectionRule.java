package org.l1path.solver;

/** How cross-validation picks alpha from the error curve. */
public enum SelectionRule {
  /** The alpha with the smallest mean error (the largest such alpha on ties). */
  MIN,
  /**
   * The largest alpha whose mean error is within one standard error of the minimum: a sparser model
   * whose error is statistically indistinguishable.
   */
  ONE_SE;

  /** The name used on command lines and in reports: {@code min} or {@code 1se}. */
  public String label() {
    return this == MIN ? "min" : "1se";
  }

  /** Parses {@code min} or {@code 1se}. */
  public static SelectionRule parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "min" -> MIN;
      case "1se" -> ONE_SE;
      default -> throw new IllegalArgumentException("rule must be min or 1se, got '" + text + "'");
    };
  }
}
