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
