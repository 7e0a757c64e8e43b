package org.l1path.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Formats a {@link LassoSummary} as the text the Weka Explorer shows after "Start". */
final class SummaryReport {
  private final LassoSummary s;
  private final StringBuilder out = new StringBuilder();

  SummaryReport(LassoSummary summary) {
    this.s = summary;
  }

  @Override
  public String toString() {
    out.setLength(0);
    line("Lasso / elastic-net linear regression (l1path)");
    line("==============================================");
    line("");
    choice();
    line("");
    selection();
    line("");
    coefficients();
    line("");
    pathTable();
    for (String warning : s.warnings()) {
      line("WARNING: " + warning);
    }
    return out.toString();
  }

  private void choice() {
    switch (s.how()) {
      case FIXED -> line("Alpha fixed by the user (-alpha); no cross-validation.");
      case NO_PREDICTORS ->
          line("No predictor attributes: the model predicts the weighted mean of the class.");
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
                    ? ", l1 ratio by the lowest CV error among " + ratios()
                    : ""));
      }
    }
    line(String.format(Locale.ROOT, "  alpha    = %.6g", s.alpha()));
    line("  l1 ratio = " + PathOptions.format(s.l1Ratio()));
    if (!Double.isNaN(s.cvError())) {
      line(
          String.format(
              Locale.ROOT,
              "  CV MSE   = %.6g +/- %.3g (standard error)",
              s.cvError(),
              s.cvStdError()));
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
            s.coefficients().length,
            s.instances()));
  }

  private void coefficients() {
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < s.coefficients().length; j++) {
      if (s.coefficients()[j] != 0) {
        order.add(j);
      }
    }
    double[] std = s.standardized();
    order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(std[j])).thenComparing(j -> j));
    int width = "(intercept)".length();
    for (int j : order) {
      width = Math.max(width, s.featureNames().get(j).length());
    }
    String row = "  %-" + width + "s %14s %14s";
    line("Model for " + s.className() + ", largest standardized effect first:");
    line(String.format(Locale.ROOT, row, "attribute", "coefficient", "standardized"));
    for (int j : order) {
      line(
          String.format(
              Locale.ROOT,
              row,
              s.featureNames().get(j),
              number(s.coefficients()[j]),
              number(std[j])));
    }
    line(String.format(Locale.ROOT, row, "(intercept)", number(s.intercept()), "").stripTrailing());
  }

  private void pathTable() {
    line(String.format(Locale.ROOT, "Path (%d of %d alphas):", s.path().size(), s.pathLength()));
    String row = "  %12s %9s %10s %12s %10s %s";
    line(
        String.format(Locale.ROOT, row, "alpha", "non-zero", "dev.ratio", "CV MSE", "SE", "")
            .stripTrailing());
    for (LassoSummary.PathRow r : s.path()) {
      line(
          String.format(
                  Locale.ROOT,
                  row,
                  number(r.alpha()),
                  r.nonZero(),
                  String.format(Locale.ROOT, "%.4f", r.devRatio()),
                  Double.isNaN(r.cvError()) ? "-" : number(r.cvError()),
                  Double.isNaN(r.cvStdError()) ? "-" : number(r.cvStdError()),
                  r.chosen() ? "<- chosen" : "")
              .stripTrailing());
    }
  }

  private String ratios() {
    return Arrays.toString(
        Arrays.stream(s.l1Ratios()).mapToObj(PathOptions::format).toArray(String[]::new));
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
