package org.l1path.solver;

/**
 * What a {@link FitSpec} gives: the full-data path of the chosen l1 ratio, the chosen alpha on it,
 * the cross-validation result when there was one, and, for a relaxed fit, the refits and the chosen
 * gamma.
 *
 * @param path the full-data path of the chosen l1 ratio
 * @param chosen the index of the chosen alpha on {@code path}
 * @param cv the cross-validation result, or null without cross-validation
 * @param settings the settings of the chosen ratio, penalty factors included
 * @param relaxed the relaxed path of {@code path}, or null for a plain fit
 * @param gamma the chosen gamma of a relaxed fit, or NaN for a plain one
 */
public record Fit(
    RegularizationPath path,
    int chosen,
    CvResult cv,
    Settings settings,
    RelaxedPath relaxed,
    double gamma) {

  /** A plain (not relaxed) fit. */
  public Fit(RegularizationPath path, int chosen, CvResult cv, Settings settings) {
    this(path, chosen, cv, settings, null, Double.NaN);
  }

  /** The full-data model at the chosen alpha (and gamma, relaxed). */
  public Model model() {
    return relaxed == null ? path.model(chosen) : relaxed.model(chosen, gamma);
  }

  /** The chosen alpha. */
  public double alpha() {
    return path.alpha(chosen);
  }

  /** The chosen curve (ratio, and gamma when relaxed), or null without cross-validation. */
  public CvCurve curve() {
    return cv == null ? null : cv.bestCurve();
  }
}
