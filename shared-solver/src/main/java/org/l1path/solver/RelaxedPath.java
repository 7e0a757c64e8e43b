package org.l1path.solver;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.l1path.solver.glm.SupportRefit;

/**
 * The relaxed lasso (Meinshausen 2007; glmnet's {@code relax = TRUE}): each solution of a path is
 * refitted without penalty on its own support (the features non-zero in any class), and the model
 * at alpha and {@code gamma} is {@code gamma * lasso + (1 - gamma) * refit}, coefficients and
 * intercepts alike. {@code gamma = 1} is the lasso, {@code gamma = 0} the refit. Cross-validation
 * picks alpha and gamma together ({@link FitSpec#withRelax}).
 *
 * <p>As glmnet does, a support of more than {@code n - 3} features is not refitted (its fit would
 * interpolate the data): there the refit is the lasso solution itself. The refits keep the
 * settings' coefficient limits, as glmnet's do.
 */
public final class RelaxedPath {
  /** glmnet's default gammas. */
  static final double[] DEFAULT_GAMMAS = {0, 0.25, 0.5, 0.75, 1};

  private final RegularizationPath lasso;
  private final RegularizationPath refits;

  private RelaxedPath(RegularizationPath lasso, RegularizationPath refits) {
    this.lasso = lasso;
    this.refits = refits;
  }

  /**
   * Refits every support of {@code lasso}, a path fitted on {@code data} with {@code settings}. A
   * refit that does not converge (where the unpenalized fit does not exist, for example a class
   * separable on the support) is reported to {@code progress} and kept as it ended.
   */
  public static RelaxedPath fit(
      Dataset data, Settings settings, RegularizationPath lasso, Progress progress) {
    Dataset solving = data.forSolving();
    int count = lasso.size();
    int rows = lasso.responses();
    int p = lasso.featureNames().size();
    int limit = solving.rows() - 3;
    double[][] intercepts = new double[count][];
    double[][][] coefficients = new double[count][][];
    double[] devRatios = new double[count];
    Convergence[] convergence = new Convergence[count];
    Map<BitSet, SupportRefit.Result> bySupport = new HashMap<>();
    for (int k = 0; k < count; k++) {
      BitSet support = new BitSet(p);
      for (int r = 0; r < rows; r++) {
        double[] b = lasso.coefficients(k, r);
        for (int j = 0; j < p; j++) {
          if (b[j] != 0) {
            support.set(j);
          }
        }
      }
      Convergence own = lasso.convergence(k);
      if (support.cardinality() > limit) {
        intercepts[k] = new double[rows];
        coefficients[k] = new double[rows][];
        for (int r = 0; r < rows; r++) {
          intercepts[k][r] = lasso.intercept(k, r);
          coefficients[k][r] = lasso.coefficients(k, r);
        }
        devRatios[k] = lasso.devRatio(k);
        convergence[k] = own;
        continue;
      }
      SupportRefit.Result refit =
          bySupport.computeIfAbsent(
              support,
              s ->
                  SupportRefit.fit(
                      solving,
                      s.stream().toArray(),
                      settings.fitIntercept(),
                      lasso.l1Ratio(),
                      settings.lowerBounds(),
                      settings.upperBounds()));
      intercepts[k] = refit.intercepts().clone();
      coefficients[k] = new double[rows][];
      for (int r = 0; r < rows; r++) {
        coefficients[k][r] = refit.coefficients()[r].clone();
      }
      if (!refit.converged()) {
        progress.notConverged(
            String.format(
                Locale.ROOT,
                "relaxed refit at alpha %.6g (l1Ratio %.4g, %d features) did not converge: the"
                    + " unpenalized fit on this support may not exist (a class separable on it)",
                lasso.alpha(k),
                lasso.l1Ratio(),
                support.cardinality()));
      }
      convergence[k] =
          new Convergence(
              own.relativeGap(), own.iterations(), own.converged() && refit.converged());
      devRatios[k] = Double.NaN;
    }
    double nullDeviance = Deviance.ofNull(solving, settings.fitIntercept());
    for (int k = 0; k < count; k++) {
      if (Double.isNaN(devRatios[k])) {
        Model refit =
            new Model(
                lasso.family(),
                lasso.classes(),
                lasso.alpha(k),
                lasso.l1Ratio(),
                intercepts[k],
                coefficients[k],
                lasso.featureScales(),
                lasso.featureNames(),
                convergence[k]);
        devRatios[k] = 1 - Deviance.of(solving, refit) / nullDeviance;
      }
    }
    return new RelaxedPath(lasso, restore(lasso, intercepts, coefficients, devRatios, convergence));
  }

  /**
   * A relaxed path from its two parts, as a saved model holds them.
   *
   * @throws IllegalArgumentException when the two do not share family, classes, features and alphas
   */
  public static RelaxedPath of(RegularizationPath lasso, RegularizationPath refits) {
    if (lasso.family() != refits.family()
        || !lasso.classes().equals(refits.classes())
        || !lasso.featureNames().equals(refits.featureNames())
        || !Arrays.equals(lasso.alphas(), refits.alphas())) {
      throw new IllegalArgumentException(
          "the refits must have the lasso path's family, classes, features and alphas");
    }
    return new RelaxedPath(lasso, refits);
  }

  /** The lasso path. */
  public RegularizationPath lasso() {
    return lasso;
  }

  /**
   * The unpenalized refits, one per alpha of the lasso path (gamma 0); each one's convergence is
   * the lasso's, and converged only when the refit converged too.
   */
  public RegularizationPath refits() {
    return refits;
  }

  /** The model at alpha {@code k} and {@code gamma}. */
  public Model model(int k, double gamma) {
    return blend(lasso.model(k), refits.model(k), gamma);
  }

  /**
   * The model at any alpha within the path and {@code gamma}: the lasso and the refits each
   * interpolated as {@link RegularizationPath#modelAt} does, then blended.
   */
  public Model modelAt(double alpha, double gamma) {
    return blend(lasso.modelAt(alpha), refits.modelAt(alpha), gamma);
  }

  /**
   * The path of blends at {@code gamma}, for held-out errors; its deviance ratios are the lasso's.
   */
  RegularizationPath blend(double gamma) {
    int count = lasso.size();
    double[][] intercepts = new double[count][];
    double[][][] coefficients = new double[count][][];
    double[] devRatios = new double[count];
    Convergence[] convergence = new Convergence[count];
    for (int k = 0; k < count; k++) {
      Model m = model(k, gamma);
      intercepts[k] = new double[m.responses()];
      coefficients[k] = new double[m.responses()][];
      for (int r = 0; r < m.responses(); r++) {
        intercepts[k][r] = m.intercept(r);
        coefficients[k][r] = m.coefficients(r);
      }
      devRatios[k] = lasso.devRatio(k);
      convergence[k] = m.convergence();
    }
    return restore(lasso, intercepts, coefficients, devRatios, convergence);
  }

  private static Model blend(Model lasso, Model refit, double gamma) {
    OptionRange.GAMMA.check("gamma", gamma);
    int rows = lasso.responses();
    double[] intercepts = new double[rows];
    double[][] coefficients = new double[rows][];
    for (int r = 0; r < rows; r++) {
      intercepts[r] = gamma * lasso.intercept(r) + (1 - gamma) * refit.intercept(r);
      double[] a = lasso.coefficients(r);
      double[] b = refit.coefficients(r);
      for (int j = 0; j < a.length; j++) {
        a[j] = gamma * a[j] + (1 - gamma) * b[j];
      }
      coefficients[r] = a;
    }
    return new Model(
        lasso.family(),
        lasso.classes(),
        lasso.alpha(),
        lasso.l1Ratio(),
        intercepts,
        coefficients,
        lasso.featureScales,
        lasso.featureNames(),
        gamma == 1 ? lasso.convergence() : refit.convergence());
  }

  private static RegularizationPath restore(
      RegularizationPath like,
      double[][] intercepts,
      double[][][] coefficients,
      double[] devRatios,
      Convergence[] convergence) {
    return RegularizationPath.restore(
        like.family(),
        like.classes(),
        like.l1Ratio(),
        like.featureNames(),
        like.featureScales(),
        like.alphas(),
        intercepts,
        coefficients,
        devRatios,
        convergence,
        like.stopReason());
  }

  /** Deviances on the training rows, for the refits' deviance ratios. */
  private static final class Deviance {
    private Deviance() {}

    static double of(Dataset data, Model model) {
      double[] weights = weights(data);
      if (data.family() == Family.GAUSSIAN) {
        return Scores.meanSquaredError(data.response(), model.predict(data), weights);
      }
      return Scores.deviance(labels(data), model.probabilities(data), weights);
    }

    static double ofNull(Dataset data, boolean intercept) {
      double[] weights = weights(data);
      int n = data.rows();
      double wSum = Arrays.stream(weights).sum();
      if (data.family() == Family.GAUSSIAN) {
        double mean = 0;
        if (intercept) {
          for (int i = 0; i < n; i++) {
            mean += weights[i] * data.response()[i] / wSum;
          }
        }
        double[] fitted = new double[n];
        Arrays.fill(fitted, mean);
        return Scores.meanSquaredError(data.response(), fitted, weights);
      }
      int[] labels = labels(data);
      int classes = data.classes().size();
      double[] share = new double[classes];
      for (int i = 0; i < n; i++) {
        share[labels[i]] += intercept ? weights[i] / wSum : 1.0 / n;
      }
      if (!intercept) {
        Arrays.fill(share, 1.0 / classes);
      }
      double[][] probabilities = new double[n][];
      Arrays.fill(probabilities, share);
      return Scores.deviance(labels, probabilities, weights);
    }

    private static double[] weights(Dataset data) {
      double[] w = new double[data.rows()];
      for (int i = 0; i < w.length; i++) {
        w[i] = data.weight(i);
      }
      return w;
    }

    private static int[] labels(Dataset data) {
      int[] labels = new int[data.rows()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = (int) data.response()[i];
      }
      return labels;
    }
  }
}
