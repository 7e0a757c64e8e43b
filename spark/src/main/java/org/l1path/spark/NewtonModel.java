package org.l1path.spark;

import org.l1path.solver.StatisticsFit;
import org.l1path.solver.SufficientStatistics;

/**
 * A Newton step's quadratic model of one response row of a fit, as the least-squares statistics
 * {@link StatisticsFit} solves on the standardized scale. The model at the fit's iterate theta is
 * {@code 1/2 (t - theta)' H (t - theta) - r' (t - theta)} over t = (intercept, coefficients): H the
 * Gram matrix of the fit's training rows under Newton weights, r its log-likelihood's gradient
 * there. With the Gram matrix at the fit's own iterate these are exactly the statistics of
 * iteratively reweighted least squares (working response z = eta + (y - p) / v at weights w v).
 * With one taken at another iterate (the full-data fit's, shared by its fold fits), they are the
 * statistics of a weighted least-squares problem with that Hessian and this gradient: a step that
 * still descends, and converges as the two fits' weights agree.
 *
 * <p>Least-squares statistics hold the responses' spread too: {@code q - r0^2 / U + (quadratic in
 * beta)}, q being the weighted sum of squared working residuals {@code w (y - p)^2 / v} at the
 * fit's iterate. It shifts the objective and not its minimum; it is exact when the Gram matrix is
 * the fit's own.
 */
final class NewtonModel {
  private NewtonModel() {}

  /**
   * The statistics of the model.
   *
   * @param gram the training rows' Gram matrix under Newton weights, on the original scale (its
   *     response column is not read)
   * @param inverseScale 1 / the fit's feature scales
   * @param beta the fit's coefficients on the original scale
   * @param intercept its intercept
   * @param gradient {@code sum w (y - p) x} over its training rows at its iterate
   * @param interceptGradient {@code sum w (y - p)}
   * @param spread {@code sum w (y - p)^2 / v}
   */
  static SufficientStatistics statistics(
      SufficientStatistics gram,
      double[] inverseScale,
      double[] beta,
      double intercept,
      double[] gradient,
      double interceptGradient,
      double spread) {
    int p = gram.features();
    double u = gram.weight();
    double[] mean = new double[p + 1];
    double[][] cross = new double[p + 1][p + 1];
    int[] nonZero = new int[p];
    int m = 0;
    double fitted = intercept;
    for (int j = 0; j < p; j++) {
      mean[j] = gram.mean(j) * inverseScale[j];
      if (beta[j] != 0) {
        nonZero[m++] = j;
        fitted += gram.mean(j) * beta[j];
      }
    }
    // Standardized: C~ = D C D with D = diag(1 / scale), beta~ = beta / D, so C~ beta~ = D C beta.
    double quadratic = 0;
    double linear = 0;
    for (int j = 0; j < p; j++) {
      double curvature = 0;
      for (int a = 0; a < m; a++) {
        int k = nonZero[a];
        curvature += gram.crossProduct(j, k) * beta[k];
      }
      double centredGradient = (gradient[j] - interceptGradient * gram.mean(j)) * inverseScale[j];
      for (int k = j; k < p; k++) {
        cross[j][k] = gram.crossProduct(j, k) * inverseScale[j] * inverseScale[k];
      }
      cross[j][p] = curvature * inverseScale[j] + centredGradient;
      double standardizedBeta = beta[j] / inverseScale[j];
      quadratic += standardizedBeta * curvature * inverseScale[j];
      linear += standardizedBeta * centredGradient;
    }
    mean[p] = fitted + interceptGradient / u;
    cross[p][p] = quadratic + 2 * linear + spread - interceptGradient * interceptGradient / u;
    return SufficientStatistics.ofMoments(gram.rows(), u, mean, cross);
  }
}
