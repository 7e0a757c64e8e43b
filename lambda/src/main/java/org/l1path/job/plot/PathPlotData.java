package org.l1path.job.plot;

import java.util.List;

/**
 * What {@code path.svg} shows: one coefficient path per feature for one l1 ratio.
 *
 * @param alphas the path's alphas, in any order
 * @param coefficients {@code [alpha][feature]}, original scale
 * @param names feature names, in the column order of {@code coefficients}
 * @param selected the features to label (the chosen model's non-zero features, most important
 *     first); each must be in {@code names}
 * @param alphaMin the cross-validated {@code alpha_min}, or NaN without cross-validation
 * @param alpha1se the cross-validated {@code alpha_1se}, or NaN without cross-validation
 * @param l1Ratio the path's l1 ratio, for the title
 */
public record PathPlotData(
    double[] alphas,
    double[][] coefficients,
    List<String> names,
    List<String> selected,
    double alphaMin,
    double alpha1se,
    double l1Ratio) {

  public PathPlotData {
    if (coefficients.length != alphas.length) {
      throw new IllegalArgumentException(
          "coefficients has " + coefficients.length + " rows for " + alphas.length + " alphas");
    }
    for (int k = 0; k < coefficients.length; k++) {
      if (coefficients[k].length != names.size()) {
        throw new IllegalArgumentException(
            "coefficients row "
                + k
                + " has "
                + coefficients[k].length
                + " values for "
                + names.size()
                + " features");
      }
    }
    for (String name : selected) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("selected feature '" + name + "' is not a feature");
      }
    }
    names = List.copyOf(names);
    selected = List.copyOf(selected);
  }
}
