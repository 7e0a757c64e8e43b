package org.l1path.weka;

import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvCurve;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Fit;
import org.l1path.solver.FitSpec;
import org.l1path.solver.Model;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.RelaxedPath;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;

/**
 * One fit as the options ask for it: the full-data path of the chosen l1 ratio and the alpha chosen
 * on it, with the cross-validation curve when alpha or the ratio was chosen by cross-validation,
 * and, for the relaxed lasso, the refits and the chosen gamma.
 *
 * @param how how alpha was chosen
 * @param l1Ratios the ratios that were tried
 * @param path the full-data path of the chosen ratio
 * @param chosen the index of the chosen alpha on {@code path}
 * @param curve the CV curve of the chosen ratio, or null without cross-validation
 * @param cv the CV settings used, or null without cross-validation
 * @param settings the solver settings of the chosen ratio, penalty factors and bounds included
 * @param gammas the relaxed lasso's gammas that were tried (one without cross-validation), or null
 *     without {@code -relax}
 * @param relaxed the relaxed path of {@code path}, or null when the fit is not relaxed: without
 *     {@code -relax}, and with it when there is nothing to refit ({@link Choice#NO_PREDICTORS},
 *     {@link Choice#TOO_FEW_INSTANCES}), where the relaxed model is the lasso's
 * @param gamma the chosen gamma, or NaN when {@code relaxed} is null
 */
public record PathFit(
    Choice how,
    double[] l1Ratios,
    RegularizationPath path,
    int chosen,
    CvCurve curve,
    CvSettings cv,
    Settings settings,
    double[] gammas,
    RelaxedPath relaxed,
    double gamma) {

  /** How alpha was chosen. */
  public enum Choice {
    /** Cross-validation picked alpha (and the l1 ratio, if several were given). */
    CROSS_VALIDATION,
    /** The user fixed alpha and a single l1 ratio. */
    FIXED,
    /** Too few instances to cross-validate: the largest alpha of the path, all coefficients 0. */
    TOO_FEW_INSTANCES,
    /**
     * The data has no predictor attribute: the model is the weighted mean of the class (or the
     * weighted class frequencies).
     */
    NO_PREDICTORS
  }

  /** Fits {@code data} as {@code options} say. */
  public static PathFit of(TrainingSet data, PathOptions options) {
    return of(data, options, Progress.NONE);
  }

  /**
   * As {@link #of(TrainingSet, PathOptions)}, alphas that do not converge told to {@code progress}.
   */
  public static PathFit of(TrainingSet data, PathOptions options, Progress progress) {
    double[] ratios = options.l1RatioValues();
    double[] factors = FeatureControls.penaltyFactors(options, data.encoder());
    double[] lower = FeatureControls.lowerBounds(options, data.encoder());
    double[] upper = FeatureControls.upperBounds(options, data.encoder());
    Settings settings = options.settings().withL1Ratio(ratios[0]);
    AlphaGrid grid = options.grid();
    int rows = data.dataset().rows();
    Choice how;
    FitSpec spec;
    if (data.dataset().features() == 0) {
      how = Choice.NO_PREDICTORS;
      // Nothing is penalized, so any alpha gives the same model; the solver refuses alpha 0, and
      // its automatic grid starts at 1 when there are no features.
      spec = FitSpec.path(settings, AlphaGrid.of(1.0));
    } else if (rows < 2) {
      how = Choice.TOO_FEW_INSTANCES;
      spec = FitSpec.path(settings, grid);
    } else if (options.isAlphaFixed() && ratios.length == 1) {
      how = Choice.FIXED;
      spec = FitSpec.path(settings, grid);
    } else {
      how = Choice.CROSS_VALIDATION;
      spec =
          FitSpec.crossValidated(
              settings, ratios, grid, options.cvSettings(rows, data.dataset().family()));
    }
    // Checked whatever the data, so that a bad -gamma is refused on any data set. Without
    // predictors, or with too few instances, every penalized coefficient is 0 and the refit would
    // be the lasso itself: those fits are not relaxed.
    double[] gammas = options.gammaValues(how != Choice.FIXED);
    if (gammas != null && (how == Choice.FIXED || how == Choice.CROSS_VALIDATION)) {
      spec = spec.withRelax(gammas);
    }
    Fit fit =
        spec.withPenaltyFactors(factors).withBounds(lower, upper).fit(data.dataset(), progress);
    // With too few instances to choose, the largest alpha: every coefficient 0.
    int chosen = how == Choice.TOO_FEW_INSTANCES ? 0 : fit.chosen();
    return new PathFit(
        how,
        ratios,
        fit.path(),
        chosen,
        fit.curve(),
        spec.cv(),
        fit.settings(),
        gammas,
        fit.relaxed(),
        fit.gamma());
  }

  /**
   * The full-data model at the chosen alpha; relaxed, the blend {@code gamma * lasso + (1 - gamma)
   * * refit} there.
   */
  public Model model() {
    return relaxed == null ? path.model(chosen) : relaxed.model(chosen, gamma);
  }

  /** Whether the model is the relaxed lasso's blend. */
  public boolean isRelaxed() {
    return relaxed != null;
  }

  /** The chosen alpha. */
  public double alpha() {
    return path.alpha(chosen);
  }

  /** The rule that picked alpha, or null without cross-validation. */
  public SelectionRule rule() {
    return cv == null ? null : cv.rule();
  }
}
