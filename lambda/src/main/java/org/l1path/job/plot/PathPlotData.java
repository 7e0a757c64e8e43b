package org.l1path.job.plot;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What {@code path.svg} shows: one coefficient path per line for one l1 ratio. A line is a feature,
 * or for a multinomial model a (feature, class) pair.
 *
 * @param alphas the path's alphas, in any order
 * @param coefficients {@code [alpha][line]}, original scale
 * @param names line names, in the column order of {@code coefficients}
 * @param selected the lines to label (the chosen model's non-zero ones, most important first); each
 *     must be in {@code names}
 * @param alphaMin the cross-validated {@code alpha_min}, or NaN without cross-validation
 * @param alpha1se the cross-validated {@code alpha_1se}, or NaN without cross-validation
 * @param l1Ratio the path's l1 ratio, for the title
 * @param colours each line's palette index
 * @param legend what each palette index stands for (classes), or empty for no legend
 * @param yTitle the y axis's title
 */
public record PathPlotData(
    double[] alphas,
    double[][] coefficients,
    List<String> names,
    List<String> selected,
    double alphaMin,
    double alpha1se,
    double l1Ratio,
    int[] colours,
    List<String> legend,
    String yTitle) {

  /** The y axis's title of a gaussian path. */
  public static final String COEFFICIENT = "coefficient (original scale)";

  /** One feature per line, each its own colour, no legend: the gaussian plot. */
  public PathPlotData(
      double[] alphas,
      double[][] coefficients,
      List<String> names,
      List<String> selected,
      double alphaMin,
      double alpha1se,
      double l1Ratio) {
    this(
        alphas,
        coefficients,
        names,
        selected,
        alphaMin,
        alpha1se,
        l1Ratio,
        IntStream.range(0, names.size()).toArray(),
        List.of(),
        COEFFICIENT);
  }

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
    if (colours.length != names.size()) {
      throw new IllegalArgumentException(
          colours.length + " colours for " + names.size() + " lines");
    }
    for (String name : selected) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("selected feature '" + name + "' is not a feature");
      }
    }
    names = List.copyOf(names);
    selected = List.copyOf(selected);
    colours = colours.clone();
    legend = List.copyOf(legend);
  }

  @Override
  public int[] colours() {
    return colours.clone();
  }
}
