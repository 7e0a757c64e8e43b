package org.l1path.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.l1path.solver.data.SparseRow;

/**
 * A regularization path: the fitted model at each alpha, largest alpha first, with each solve's
 * certificate. Coefficients are on the original scale. Immutable.
 *
 * <p>Gaussian and binomial paths have one coefficient row per alpha (binomial: the log-odds of the
 * second class); multinomial paths have one row and one intercept per class ({@link #responses()}
 * rows).
 */
public final class RegularizationPath {
  private final Family family;
  private final List<String> classes;
  private final double l1Ratio;
  private final List<String> featureNames;
  private final double[] featureScales;
  private final double[] alphas;
  private final double[][] intercepts;
  private final SparseRow[][] coefficients;
  private final double[] devRatios;
  private final Convergence[] convergence;
  private final StopReason stopReason;

  RegularizationPath(
      Family family,
      List<String> classes,
      double l1Ratio,
      List<String> featureNames,
      double[] featureScales,
      double[] alphas,
      double[][] intercepts,
      SparseRow[][] coefficients,
      double[] devRatios,
      Convergence[] convergence,
      StopReason stopReason) {
    this.family = family;
    this.classes = List.copyOf(classes);
    this.l1Ratio = l1Ratio;
    this.featureNames = List.copyOf(featureNames);
    this.featureScales = featureScales;
    this.alphas = alphas;
    this.intercepts = intercepts;
    this.coefficients = coefficients;
    this.devRatios = devRatios;
    this.convergence = convergence;
    this.stopReason = stopReason;
  }

  /**
   * A path rebuilt from its parts, for example as read back from a saved model. The arrays are
   * copied.
   *
   * @param alphas largest first, all positive and finite
   * @param intercepts [alpha][row]
   * @param coefficients [alpha][row][feature], original scale
   * @param featureScales one per feature, each positive: see {@link #featureScales()}
   * @throws IllegalArgumentException when the shapes disagree or an alpha is out of order
   */
  public static RegularizationPath restore(
      Family family,
      List<String> classes,
      double l1Ratio,
      List<String> featureNames,
      double[] featureScales,
      double[] alphas,
      double[][] intercepts,
      double[][][] coefficients,
      double[] devRatios,
      Convergence[] convergence,
      StopReason stopReason) {
    int count = alphas.length;
    int p = featureNames.size();
    int rows = family == Family.MULTINOMIAL ? classes.size() : 1;
    require(family == Family.GAUSSIAN ? classes.isEmpty() : classes.size() >= 2, "classes");
    require(featureScales.length == p, "featureScales");
    require(
        intercepts.length == count && devRatios.length == count && convergence.length == count,
        "intercepts, devRatios and convergence (one per alpha)");
    require(coefficients.length == count, "coefficients (one per alpha)");
    SparseRow[][] rowsByAlpha = new SparseRow[count][rows];
    for (int k = 0; k < count; k++) {
      require(
          Double.isFinite(alphas[k]) && alphas[k] > 0 && (k == 0 || alphas[k] < alphas[k - 1]),
          "alphas (positive, finite, largest first)");
      require(intercepts[k].length == rows && coefficients[k].length == rows, "rows per alpha");
      for (int r = 0; r < rows; r++) {
        require(coefficients[k][r].length == p, "coefficients per row (one per feature)");
        rowsByAlpha[k][r] = SparseRow.of(coefficients[k][r]);
      }
    }
    double[][] interceptCopy = new double[count][];
    for (int k = 0; k < count; k++) {
      interceptCopy[k] = intercepts[k].clone();
    }
    return new RegularizationPath(
        family,
        classes,
        l1Ratio,
        featureNames,
        featureScales.clone(),
        alphas.clone(),
        interceptCopy,
        rowsByAlpha,
        devRatios.clone(),
        convergence.clone(),
        stopReason);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("inconsistent path: " + what);
    }
  }

  /** How many alphas were solved. */
  public int size() {
    return alphas.length;
  }

  public Family family() {
    return family;
  }

  /** The class labels of a classification path; empty for gaussian. */
  public List<String> classes() {
    return classes;
  }

  /** Coefficient rows per alpha: 1, or the number of classes for multinomial. */
  public int responses() {
    return coefficients.length == 0
        ? (family == Family.MULTINOMIAL ? classes.size() : 1)
        : coefficients[0].length;
  }

  public double l1Ratio() {
    return l1Ratio;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * Each feature's weighted population standard deviation (1 for constant features): multiply a
   * coefficient by it for a standardized coefficient.
   */
  public double[] featureScales() {
    return featureScales.clone();
  }

  public double[] alphas() {
    return alphas.clone();
  }

  public double alpha(int k) {
    return alphas[k];
  }

  /** The intercepts of a one-row path, one per alpha. */
  public double[] intercepts() {
    double[] out = new double[alphas.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = intercept(k);
    }
    return out;
  }

  /** The intercept at alpha {@code k} of a one-row path. */
  public double intercept(int k) {
    return intercepts[k][oneRow()];
  }

  /** The intercept of row {@code r} at alpha {@code k}. */
  public double intercept(int k, int r) {
    return intercepts[k][r];
  }

  /** The coefficients at alpha {@code k} of a one-row path, original scale; a copy. */
  public double[] coefficients(int k) {
    return coefficients[k][oneRow()].dense();
  }

  /** The coefficients of row {@code r} at alpha {@code k}, original scale; a copy. */
  public double[] coefficients(int k, int r) {
    return coefficients[k][r].dense();
  }

  /** The number of features with a non-zero coefficient in any row at alpha {@code k}. */
  public int nonZero(int k) {
    SparseRow[] rows = coefficients[k];
    if (rows.length == 1) {
      return rows[0].nonZeroCount();
    }
    boolean[] seen = new boolean[featureNames.size()];
    int count = 0;
    for (SparseRow row : rows) {
      for (int t = 0; t < row.nonZeroCount(); t++) {
        int j = row.feature(t);
        if (!seen[j]) {
          seen[j] = true;
          count++;
        }
      }
    }
    return count;
  }

  /** The fraction of null deviance explained at alpha {@code k}. */
  public double devRatio(int k) {
    return devRatios[k];
  }

  public Convergence convergence(int k) {
    return convergence[k];
  }

  public StopReason stopReason() {
    return stopReason;
  }

  /** Whether every alpha met the tolerance. */
  public boolean converged() {
    for (Convergence c : convergence) {
      if (!c.converged()) {
        return false;
      }
    }
    return true;
  }

  /** One line per alpha that did not converge; empty when all did. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < alphas.length; k++) {
      Convergence c = convergence[k];
      if (c.stalled()) {
        out.add(
            String.format(
                Locale.ROOT,
                "alpha %.6g (l1Ratio %.4g) stalled: the relative duality gap stopped falling at"
                    + " %.3g after %d iterations, above the tolerance (double precision cannot"
                    + " certify a tighter one here)",
                alphas[k],
                l1Ratio,
                c.relativeGap(),
                c.iterations()));
      } else if (!c.converged()) {
        out.add(
            String.format(
                Locale.ROOT,
                "alpha %.6g (l1Ratio %.4g) did not converge: relative duality gap %.3g after %d"
                    + " iterations",
                alphas[k],
                l1Ratio,
                c.relativeGap(),
                c.iterations()));
      }
    }
    return out;
  }

  /** The model at alpha {@code k}. */
  public Model model(int k) {
    return new Model(
        family,
        classes,
        alphas[k],
        l1Ratio,
        intercepts[k],
        denseRows(k),
        featureScales,
        featureNames,
        convergence[k]);
  }

  /**
   * The model at any alpha within the path: at a solved alpha its model, between two solved alphas
   * the coefficients and intercepts interpolated linearly in log(alpha). Its certificate is the
   * weaker of the two neighbours'.
   *
   * @throws IllegalArgumentException when alpha lies outside the solved range
   */
  public Model modelAt(double alpha) {
    int count = alphas.length;
    if (!(alpha <= alphas[0] && alpha >= alphas[count - 1])) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "alpha %.6g is outside the path, which runs from %.6g down to %.6g",
              alpha,
              alphas[0],
              alphas[count - 1]));
    }
    for (int k = 0; k < count; k++) {
      if (alphas[k] == alpha) {
        return model(k);
      }
    }
    // alphas[0] > alpha > alphas[count - 1], so the search stops inside the path.
    int lower = 1;
    while (alphas[lower] > alpha) {
      lower++;
    }
    int upper = lower - 1;
    double t =
        (Math.log(alphas[upper]) - Math.log(alpha))
            / (Math.log(alphas[upper]) - Math.log(alphas[lower]));
    double[][] above = denseRows(upper);
    double[][] below = denseRows(lower);
    double[] intercept = new double[above.length];
    for (int r = 0; r < above.length; r++) {
      intercept[r] = (1 - t) * intercepts[upper][r] + t * intercepts[lower][r];
      for (int j = 0; j < above[r].length; j++) {
        above[r][j] = (1 - t) * above[r][j] + t * below[r][j];
      }
    }
    Convergence a = convergence[upper];
    Convergence b = convergence[lower];
    Convergence weaker =
        !a.converged() ? a : !b.converged() ? b : a.relativeGap() >= b.relativeGap() ? a : b;
    return new Model(
        family, classes, alpha, l1Ratio, intercept, above, featureScales, featureNames, weaker);
  }

  private double[][] denseRows(int k) {
    double[][] rows = new double[coefficients[k].length][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = coefficients[k][r].dense();
    }
    return rows;
  }

  private int oneRow() {
    if (responses() != 1) {
      throw new IllegalStateException(
          "a multinomial path has one row per class; use coefficients(k, r) and intercept(k, r)");
    }
    return 0;
  }
}
