package org.l1path.weka;

import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CrossValidation;
import org.l1path.solver.CvCurve;
import org.l1path.solver.CvResult;
import org.l1path.solver.CvSettings;
import org.l1path.solver.ElasticNet;
import org.l1path.solver.Model;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;

/**
 * One fit as the options ask for it: the full-data path of the chosen l1 ratio and the alpha chosen
 * on it, with the cross-validation curve when alpha or the ratio was chosen by cross-validation.
 *
 * @param how how alpha was chosen
 * @param l1Ratios the ratios that were tried
 * @param path the full-data path of the chosen ratio
 * @param chosen the index of the chosen alpha on {@code path}
 * @param curve the CV curve of the chosen ratio, or null without cross-validation
 * @param cv the CV settings used, or null without cross-validation
 * @param settings the solver settings of the chosen ratio, penalty factors included
 */
public record PathFit(
    Choice how,
    double[] l1Ratios,
    RegularizationPath path,
    int chosen,
    CvCurve curve,
    CvSettings cv,
    Settings settings) {

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
    double[] ratios = options.l1RatioValues();
    Settings settings = options.settings();
    double[] factors = options.penaltyFactors(data.encoder());
    if (factors != null) {
      settings = settings.withPenaltyFactors(factors);
    }
    AlphaGrid grid = options.grid();
    int rows = data.dataset().rows();
    if (data.dataset().features() == 0) {
      Settings single = settings.withL1Ratio(ratios[0]);
      RegularizationPath path = ElasticNet.fitPath(data.dataset(), single, AlphaGrid.of(0.0));
      return new PathFit(Choice.NO_PREDICTORS, ratios, path, 0, null, null, single);
    }
    if (rows < 2) {
      Settings single = settings.withL1Ratio(ratios[0]);
      RegularizationPath path = ElasticNet.fitPath(data.dataset(), single, grid);
      return new PathFit(Choice.TOO_FEW_INSTANCES, ratios, path, 0, null, null, single);
    }
    if (options.isAlphaFixed() && ratios.length == 1) {
      Settings single = settings.withL1Ratio(ratios[0]);
      RegularizationPath path = ElasticNet.fitPath(data.dataset(), single, grid);
      return new PathFit(Choice.FIXED, ratios, path, 0, null, null, single);
    }
    CvSettings cv = options.cvSettings(rows, data.dataset().family());
    CvResult result =
        CrossValidation.run(data.dataset(), settings, ratios, grid, cv, Progress.NONE);
    return new PathFit(
        Choice.CROSS_VALIDATION,
        ratios,
        result.bestPath(),
        result.chosenIndex(),
        result.bestCurve(),
        cv,
        settings.withL1Ratio(result.bestPath().l1Ratio()));
  }

  /** The full-data model at the chosen alpha. */
  public Model model() {
    return path.model(chosen);
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
