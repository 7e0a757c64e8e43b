package org.l1path.spark;

import java.util.List;
import java.util.Locale;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;

/**
 * The estimator's params turned into the solver's settings, each checked with an error that names
 * the param.
 */
record FitOptions(
    Settings settings,
    double[] l1Ratios,
    AlphaGrid grid,
    int numFolds,
    long seed,
    SelectionRule rule,
    String family,
    CvMeasure measure,
    int depth) {

  static FitOptions of(
      double[] l1Ratios,
      double[] alphas,
      int nAlphas,
      double alphaMinRatio,
      int numFolds,
      long seed,
      String rule,
      boolean standardize,
      boolean fitIntercept,
      double tolerance,
      String family,
      String measure,
      int depth) {
    if (l1Ratios.length == 0) {
      throw new IllegalArgumentException("l1Ratios must hold at least one ratio");
    }
    for (double r : l1Ratios) {
      if (!(r >= 0 && r <= 1)) {
        throw new IllegalArgumentException("l1Ratios must lie in [0, 1], got " + r);
      }
    }
    AlphaGrid grid;
    if (alphas.length > 0) {
      for (double a : alphas) {
        if (!(a >= 0 && a < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("alphas must be finite and >= 0, got " + a);
        }
      }
      grid = AlphaGrid.of(alphas);
    } else {
      if (nAlphas < 1) {
        throw new IllegalArgumentException("nAlphas must be at least 1, got " + nAlphas);
      }
      if (!(alphaMinRatio == 0 || (alphaMinRatio > 0 && alphaMinRatio < 1))) {
        throw new IllegalArgumentException(
            "alphaMinRatio must be in (0, 1), or 0 for the default, got " + alphaMinRatio);
      }
      grid = AlphaGrid.automatic(nAlphas, alphaMinRatio == 0 ? Double.NaN : alphaMinRatio);
    }
    if (numFolds < 2) {
      throw new IllegalArgumentException("numFolds must be at least 2, got " + numFolds);
    }
    SelectionRule selection =
        switch (rule.trim().toLowerCase(Locale.ROOT)) {
          case "min" -> SelectionRule.MIN;
          case "1se" -> SelectionRule.ONE_SE;
          default ->
              throw new IllegalArgumentException(
                  "selectionRule must be min or 1se, got '" + rule + "'");
        };
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
    }
    String fam = family.trim().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "gaussian", "binomial", "multinomial").contains(fam)) {
      throw new IllegalArgumentException(
          "family must be auto, gaussian, binomial or multinomial, got '" + family + "'");
    }
    CvMeasure cvMeasure;
    try {
      cvMeasure = CvMeasure.parse(measure);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("measure: " + e.getMessage(), e);
    }
    if (cvMeasure == CvMeasure.AUC) {
      throw new IllegalArgumentException(
          "measure auc is not supported on Spark (it needs the held-out rows sorted); use"
              + " deviance or class");
    }
    if (depth < 1) {
      throw new IllegalArgumentException("aggregationDepth must be at least 1, got " + depth);
    }
    Settings settings =
        Settings.defaults()
            .withStandardize(standardize)
            .withFitIntercept(fitIntercept)
            .withTolerance(tolerance);
    return new FitOptions(
        settings, l1Ratios.clone(), grid, numFolds, seed, selection, fam, cvMeasure, depth);
  }
}
