package org.l1path.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A regularization path: the fitted model at each alpha, largest alpha first, with each solve's
 * certificate. Coefficients are on the original scale. Immutable.
 */
public final class Path {
  private final double l1Ratio;
  private final List<String> featureNames;
  private final double[] featureScales;
  private final double[] alphas;
  private final double[] intercepts;
  private final double[][] coefficients;
  private final double[] devRatios;
  private final Convergence[] convergence;
  private final StopReason stopReason;

  Path(
      double l1Ratio,
      List<String> featureNames,
      double[] featureScales,
      double[] alphas,
      double[] intercepts,
      double[][] coefficients,
      double[] devRatios,
      Convergence[] convergence,
      StopReason stopReason) {
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

  public double l1Ratio() {
    return l1Ratio;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * Each feature's weighted population standard deviation (1 for constant features, or when not
   * standardizing): multiply a coefficient by it for a standardized coefficient.
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

  public double[] intercepts() {
    return intercepts.clone();
  }

  public double intercept(int k) {
    return intercepts[k];
  }

  /** The coefficients at alpha {@code k}, original scale; a copy. */
  public double[] coefficients(int k) {
    return coefficients[k].clone();
  }

  /** The number of non-zero coefficients (degrees of freedom) at alpha {@code k}. */
  public int nonZero(int k) {
    int count = 0;
    for (double b : coefficients[k]) {
      if (b != 0) {
        count++;
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
      if (!c.converged()) {
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
        alphas[k],
        l1Ratio,
        intercepts[k],
        coefficients[k],
        featureScales,
        featureNames,
        convergence[k]);
  }
}
