package org.l1path.solver;

/**
 * What a {@link FitSpec} gives: the full-data path of the chosen l1 ratio, the chosen alpha on it,
 * and the cross-validation result when there was one.
 *
 * @param path the full-data path of the chosen l1 ratio
 * @param chosen the index of the chosen alpha on {@code path}
 * @param cv the cross-validation result, or null without cross-validation
 * @param settings the settings of the chosen ratio, penalty factors included
 */
public record Fit(RegularizationPath path, int chosen, CvResult cv, Settings settings) {
  /** The full-data model at the chosen alpha. */
  public Model model() {
    return path.model(chosen);
  }

  /** The chosen alpha. */
  public double alpha() {
    return path.alpha(chosen);
  }

  /** The chosen ratio's CV curve, or null without cross-validation. */
  public CvCurve curve() {
    return cv == null ? null : cv.bestCurve();
  }
}
