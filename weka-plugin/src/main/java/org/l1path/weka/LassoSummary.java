package org.l1path.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.l1path.solver.CvCurve;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.StopReason;

/**
 * What a Weka user is told about a fitted model, kept with the model so that a saved and reloaded
 * classifier prints the same: how alpha was chosen, the selection, the coefficients and a short
 * path table.
 *
 * @param className the class attribute's name
 * @param family the model's family: gaussian for a numeric class, else binomial or multinomial
 * @param classes the class values of a nominal class, in declared order; empty for a numeric one
 * @param how how alpha was chosen
 * @param l1Ratios the l1 ratios tried
 * @param l1Ratio the chosen l1 ratio
 * @param gammas the relaxed lasso's gammas tried, or null without {@code -relax}
 * @param gamma the chosen gamma of the relaxed lasso, or NaN when the model is not relaxed (without
 *     {@code -relax}, or with it where there was nothing to refit)
 * @param alpha the chosen alpha
 * @param folds the number of CV folds, 0 without cross-validation
 * @param rule the CV rule's label, or null without cross-validation
 * @param seed the fold seed
 * @param measure what cross-validation measured, or null without cross-validation
 * @param cvError the CV measure at the chosen alpha, NaN without cross-validation
 * @param cvStdError its standard error, NaN without cross-validation
 * @param instances how many instances the fit used
 * @param attributes how many predictor attributes the data has
 * @param selectedAttributes how many of them have a non-zero coefficient (in any row)
 * @param featureNames the solver feature names
 * @param coefficients the coefficient rows on the original scale: one row (gaussian; binomial, the
 *     log-odds of the second class) or one per class (multinomial)
 * @param standardized the coefficients times each feature's standard deviation, row by row
 * @param intercepts the intercept of each row
 * @param path the path table (about ten alphas, the chosen one among them); relaxed, its CV columns
 *     are the chosen gamma's and its other columns the lasso's
 * @param pathLength how many alphas the full path has
 * @param stopReason why the path ended where it did
 * @param warnings one line per alpha that did not converge
 */
public record LassoSummary(
    String className,
    Family family,
    List<String> classes,
    PathFit.Choice how,
    double[] l1Ratios,
    double l1Ratio,
    double[] gammas,
    double gamma,
    double alpha,
    int folds,
    String rule,
    long seed,
    CvMeasure measure,
    double cvError,
    double cvStdError,
    int instances,
    int attributes,
    int selectedAttributes,
    List<String> featureNames,
    double[][] coefficients,
    double[][] standardized,
    double[] intercepts,
    List<PathRow> path,
    int pathLength,
    StopReason stopReason,
    List<String> warnings)
    implements Serializable {

  /** How many alphas the path table shows besides the chosen one. */
  static final int TABLE_ROWS = 10;

  /**
   * One row of the path table.
   *
   * @param alpha the penalty
   * @param nonZero how many features have a non-zero coefficient (in any row)
   * @param devRatio the fraction of the null deviance explained (R squared for a numeric class)
   * @param cvError the CV measure, NaN without cross-validation
   * @param cvStdError its standard error
   * @param chosen whether this is the chosen alpha
   */
  public record PathRow(
      double alpha, int nonZero, double devRatio, double cvError, double cvStdError, boolean chosen)
      implements Serializable {}

  /** Summarizes {@code fit} of {@code data}. */
  public static LassoSummary of(PathFit fit, TrainingSet data) {
    Model model = fit.model();
    RegularizationPath path = fit.path();
    CvCurve curve = fit.curve();
    InstancesEncoder encoder = data.encoder();
    int responses = model.responses();
    double[][] b = new double[responses][];
    double[][] std = new double[responses][];
    double[] intercepts = new double[responses];
    for (int r = 0; r < responses; r++) {
      b[r] = model.coefficients(r);
      std[r] = model.standardizedCoefficients(r);
      intercepts[r] = model.intercept(r);
    }
    double[] effect = model.effectSizes();
    int selected = 0;
    for (int k = 0; k < encoder.predictors(); k++) {
      if (anyNonZero(effect, encoder.firstFeature(k), encoder.featureCount(k))) {
        selected++;
      }
    }
    List<PathRow> rows = new ArrayList<>();
    for (int k : tableIndices(path.size(), fit.chosen())) {
      rows.add(
          new PathRow(
              path.alpha(k),
              path.nonZero(k),
              path.devRatio(k),
              curve == null ? Double.NaN : curve.meanError()[k],
              curve == null ? Double.NaN : curve.stdError()[k],
              k == fit.chosen()));
    }
    int chosen = fit.chosen();
    return new LassoSummary(
        data.instances().classAttribute().name(),
        model.family(),
        model.classes(),
        fit.how(),
        fit.l1Ratios(),
        path.l1Ratio(),
        fit.gammas(),
        fit.gamma(),
        fit.alpha(),
        fit.cv() == null ? 0 : fit.cv().folds(),
        fit.rule() == null ? null : fit.rule().label(),
        fit.cv() == null ? 0 : fit.cv().seed(),
        curve == null ? null : curve.measure(),
        curve == null ? Double.NaN : curve.meanError()[chosen],
        curve == null ? Double.NaN : curve.stdError()[chosen],
        data.dataset().rows(),
        encoder.predictors(),
        selected,
        encoder.featureNames(),
        b,
        std,
        intercepts,
        List.copyOf(rows),
        path.size(),
        path.stopReason(),
        warnings(fit));
  }

  /**
   * The full-data path's warnings, and, when the model blends in a relaxed refit that did not
   * converge at the chosen alpha (where the lasso did), a line saying so.
   */
  private static List<String> warnings(PathFit fit) {
    List<String> out = new ArrayList<>(fit.path().warnings());
    int k = fit.chosen();
    if (fit.isRelaxed()
        && fit.gamma() < 1
        && fit.path().convergence(k).converged()
        && !fit.relaxed().refits().convergence(k).converged()) {
      out.add(
          String.format(
              Locale.ROOT,
              "the relaxed refit at the chosen alpha %.6g did not converge: the unpenalized fit on"
                  + " the selected attributes may not exist (a class separable on them), and the"
                  + " model blends the refit as it ended",
              fit.alpha()));
    }
    return List.copyOf(out);
  }

  /** Whether the model is the relaxed lasso's blend at {@link #gamma}. */
  public boolean relaxed() {
    return !Double.isNaN(gamma);
  }

  /** How many coefficients are non-zero, over all rows. */
  public int nonZeroCoefficients() {
    int count = 0;
    for (double[] row : coefficients) {
      for (double c : row) {
        if (c != 0) {
          count++;
        }
      }
    }
    return count;
  }

  /** How many coefficients there are, over all rows. */
  public int coefficientCount() {
    return coefficients.length * featureNames.size();
  }

  /**
   * {@link #report(int)}'s default: each number with six significant digits (a ratio of deviances
   * with four decimals), not a fixed number of decimals.
   */
  public static final int SIGNIFICANT_DIGITS = -1;

  /** The human-readable report, numbers with six significant digits. */
  public String report() {
    return report(SIGNIFICANT_DIGITS);
  }

  /**
   * The human-readable report with every number rounded to {@code decimalPlaces} decimals, as
   * Weka's {@code Utils.doubleToString} rounds them (trailing zeros dropped); a negative value
   * means {@link #SIGNIFICANT_DIGITS}. Counts are whole numbers either way, and the solver's
   * warnings are shown as it wrote them.
   */
  public String report(int decimalPlaces) {
    return new SummaryReport(this, decimalPlaces).toString();
  }

  private static boolean anyNonZero(double[] b, int from, int count) {
    for (int j = from; j < from + count; j++) {
      if (b[j] != 0) {
        return true;
      }
    }
    return false;
  }

  /** About ten indices spread evenly along a path of {@code size}, plus {@code chosen}. */
  static TreeSet<Integer> tableIndices(int size, int chosen) {
    TreeSet<Integer> out = new TreeSet<>();
    int steps = Math.min(TABLE_ROWS, size) - 1;
    for (int s = 0; s <= steps; s++) {
      out.add(steps == 0 ? 0 : (int) Math.round(s * (size - 1) / (double) steps));
    }
    out.add(chosen);
    return out;
  }
}
