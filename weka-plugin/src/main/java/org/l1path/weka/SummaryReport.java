package org.l1path.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;
import org.l1path.solver.StopReason;
import weka.core.Utils;

/** Formats a {@link LassoSummary} as the text the Weka Explorer shows after "Start". */
final class SummaryReport {
  private final LassoSummary s;
  private final int decimals;
  private final StringBuilder out = new StringBuilder();

  /**
   * @param decimalPlaces the decimals of every number printed; negative for six significant digits
   */
  SummaryReport(LassoSummary summary, int decimalPlaces) {
    this.s = summary;
    this.decimals = decimalPlaces;
  }

  @Override
  public String toString() {
    out.setLength(0);
    String title = "Lasso / elastic-net " + modelKind() + " (l1path)";
    line(title);
    line("=".repeat(title.length()));
    line("");
    choice();
    line("");
    selection();
    line("");
    coefficients();
    line("");
    pathTable();
    if (s.stopReason() == StopReason.DEVIANCE_RATIO_SATURATED) {
      line(
          "The path stopped early: the model explains over 99.9% of the deviance (the classes are");
      line("nearly separable), so smaller alphas would only inflate the coefficients.");
    } else if (s.stopReason() == StopReason.DEVIANCE_CHANGE_SMALL) {
      line("The path stopped early, as glmnet's does: the share of the deviance it explains moved");
      line("by less than 1e-5 from one alpha to the next, so smaller alphas would change little.");
    }
    for (String warning : s.warnings()) {
      line("WARNING: " + warning);
    }
    return out.toString();
  }

  private String modelKind() {
    return switch (s.family()) {
      case GAUSSIAN -> "linear regression";
      case BINOMIAL -> "logistic regression";
      case MULTINOMIAL -> "multinomial logistic regression";
    };
  }

  /** The measure's name in the report; without cross-validation, the family's default one. */
  private String measureName() {
    CvMeasure m = s.measure();
    if (m == null) {
      m = s.family() == Family.GAUSSIAN ? CvMeasure.MSE : CvMeasure.DEVIANCE;
    }
    return switch (m) {
      case MSE, AUTO -> "MSE";
      case DEVIANCE -> "deviance";
      case CLASS -> "error rate";
      case AUC -> "AUC";
    };
  }

  private String bestCvLabel() {
    return s.measure() == CvMeasure.AUC ? "highest CV AUC" : "lowest CV error";
  }

  private void choice() {
    switch (s.how()) {
      case FIXED -> line("Alpha fixed by the user (-alpha); no cross-validation.");
      case NO_PREDICTORS ->
          line(
              s.family() == Family.GAUSSIAN
                  ? "No predictor attributes: the model predicts the weighted mean of the class."
                  : "No predictor attributes: the model predicts the weighted class frequencies.");
      case TOO_FEW_INSTANCES ->
          line("Too few instances to cross-validate: alpha is the largest on the path.");
      case CROSS_VALIDATION -> {
        line(
            String.format(
                Locale.ROOT,
                "Alpha chosen by %d-fold cross-validation, rule %s (seed %d)%s:",
                s.folds(),
                s.rule(),
                s.seed(),
                s.l1Ratios().length > 1
                    ? ", l1 ratio by the " + bestCvLabel() + " among " + ratios()
                    : ""));
      }
    }
    String cvLabel = "CV " + measureName();
    String label = "  %-" + Math.max("l1 ratio".length(), cvLabel.length()) + "s = ";
    line(String.format(Locale.ROOT, label, "alpha") + number(s.alpha()));
    line(String.format(Locale.ROOT, label, "l1 ratio") + l1Ratio(s.l1Ratio()));
    if (s.relaxed()) {
      line(String.format(Locale.ROOT, label, "gamma") + l1Ratio(s.gamma()) + gammaSource());
    }
    if (!Double.isNaN(s.cvError())) {
      String se =
          fixedDecimals()
              ? number(s.cvStdError())
              : String.format(Locale.ROOT, "%.3g", s.cvStdError());
      line(
          String.format(Locale.ROOT, label, cvLabel)
              + number(s.cvError())
              + " +/- "
              + se
              + " (standard error)");
    }
    relaxation();
  }

  /** How the relaxed lasso's gamma was set, after its value. */
  private String gammaSource() {
    return s.gammas().length > 1
        ? " (relaxed lasso, chosen with alpha among " + list(s.gammas()) + ")"
        : " (relaxed lasso)";
  }

  /** What the relaxed lasso's model is, or why a -relax fit is the lasso's. */
  private void relaxation() {
    if (s.relaxed()) {
      line(
          "Relaxed lasso: "
              + l1Ratio(s.gamma())
              + " x the lasso + "
              // 1 - 0.7 is 0.30000000000000004: shown as 0.3.
              + l1Ratio(Math.round((1 - s.gamma()) * 1e12) / 1e12)
              + " x its unpenalized refit on the selected attributes.");
    } else if (s.gammas() != null) {
      line("Relaxed lasso: nothing to refit here, so the model is the lasso's.");
    }
  }

  private void selection() {
    line(
        String.format(
            Locale.ROOT,
            "Selected %d of %d attributes (%d of %d coefficients non-zero), %d instances.",
            s.selectedAttributes(),
            s.attributes(),
            s.nonZeroCoefficients(),
            s.coefficientCount(),
            s.instances()));
  }

  private void coefficients() {
    switch (s.family()) {
      case GAUSSIAN ->
          coefficientTable(
              0, "Model for " + s.className() + ", largest standardized effect first:");
      case BINOMIAL ->
          coefficientTable(
              0,
              String.format(
                  Locale.ROOT,
                  "Log-odds of %s = %s (against %s), largest standardized effect first:",
                  s.className(),
                  s.classes().get(1),
                  s.classes().get(0)));
      case MULTINOMIAL -> {
        line("One score per class; P(class) = exp(its score) / sum of exp(every class's score).");
        for (int r = 0; r < s.classes().size(); r++) {
          line("");
          coefficientTable(
              r,
              String.format(
                  Locale.ROOT,
                  "Score of %s = %s, largest standardized effect first:",
                  s.className(),
                  s.classes().get(r)));
        }
      }
    }
  }

  /** The non-zero coefficients of row {@code r}, largest standardized effect first. */
  private void coefficientTable(int r, String heading) {
    double[] b = s.coefficients()[r];
    double[] std = s.standardized()[r];
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < b.length; j++) {
      if (b[j] != 0) {
        order.add(j);
      }
    }
    order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(std[j])).thenComparing(j -> j));
    int width = "(intercept)".length();
    for (int j : order) {
      width = Math.max(width, s.featureNames().get(j).length());
    }
    String row = "  %-" + width + "s %14s %14s";
    line(heading);
    line(String.format(Locale.ROOT, row, "attribute", "coefficient", "standardized"));
    for (int j : order) {
      line(String.format(Locale.ROOT, row, s.featureNames().get(j), number(b[j]), number(std[j])));
    }
    line(
        String.format(Locale.ROOT, row, "(intercept)", number(s.intercepts()[r]), "")
            .stripTrailing());
  }

  private void pathTable() {
    line(
        String.format(
            Locale.ROOT,
            "Path (%d of %d alphas)%s:",
            s.path().size(),
            s.pathLength(),
            s.relaxed() && s.path().stream().anyMatch(r -> !Double.isNaN(r.cvError()))
                ? "; dev.ratio is the lasso's, CV at gamma " + l1Ratio(s.gamma())
                : s.relaxed() ? "; dev.ratio is the lasso's" : ""));
    String cvHeader = "CV " + measureName();
    String row = "  %12s %9s %10s %" + Math.max(12, cvHeader.length()) + "s %10s %s";
    line(
        String.format(Locale.ROOT, row, "alpha", "non-zero", "dev.ratio", cvHeader, "SE", "")
            .stripTrailing());
    for (LassoSummary.PathRow r : s.path()) {
      line(
          String.format(
                  Locale.ROOT,
                  row,
                  number(r.alpha()),
                  r.nonZero(),
                  ratio(r.devRatio()),
                  Double.isNaN(r.cvError()) ? "-" : number(r.cvError()),
                  Double.isNaN(r.cvStdError()) ? "-" : number(r.cvStdError()),
                  r.chosen() ? "<- chosen" : "")
              .stripTrailing());
    }
  }

  private String ratios() {
    return list(s.l1Ratios());
  }

  /** Ratios or gammas as the option gives them, in brackets: [0.2, 1]. */
  private String list(double[] values) {
    return Arrays.toString(Arrays.stream(values).mapToObj(this::l1Ratio).toArray(String[]::new));
  }

  private boolean fixedDecimals() {
    return decimals >= 0;
  }

  /** An l1 ratio as the option gives it (1, 0.5), or to the fixed decimals. */
  private String l1Ratio(double v) {
    return fixedDecimals() ? Utils.doubleToString(v, decimals) : OptionValues.format(v);
  }

  /**
   * A ratio of deviances to 4 decimals, or to the fixed decimals; rounding noise below 0 prints as
   * 0, not -0.0000.
   */
  private String ratio(double v) {
    double shown = Math.abs(v) < 5e-5 ? 0.0 : v;
    return fixedDecimals()
        ? Utils.doubleToString(shown, decimals)
        : String.format(Locale.ROOT, "%.4f", shown);
  }

  /** Six significant digits, or the fixed decimals as Weka's schemes print them. */
  private String number(double v) {
    return fixedDecimals()
        ? Utils.doubleToString(v, decimals)
        : String.format(Locale.ROOT, "%.6g", v);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
