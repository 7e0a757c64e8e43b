package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.l1path.solver.SufficientStatistics;

/**
 * A Newton step's statistics from a Gram matrix and a gradient: with the Gram matrix at the fit's
 * own iterate they are iteratively reweighted least squares' (working response z = eta + (y - p) /
 * v at weights w v, standardized features); with one from another iterate, the least-squares
 * gradient at the fit's iterate is still its log-likelihood's.
 */
class NewtonModelTest {
  private static final int P = 4;
  private static final int N = 300;

  private final Random random = new Random(11);
  private final double[][] x = new double[N][P];
  private final double[] y = new double[N];
  private final double[] w = new double[N];
  private final double[] inverseScale = {1 / 2.0, 1 / 0.5, 1.0, 1 / 3.0};

  NewtonModelTest() {
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < P; j++) {
        x[i][j] = 1.5 + random.nextGaussian() / inverseScale[j];
      }
      y[i] = random.nextBoolean() ? 1 : 0;
      w[i] = i % 7 == 0 ? 0.5 : 1.0 + random.nextDouble();
    }
  }

  @Test
  void ownGramGivesTheReweightedLeastSquaresStatistics() {
    double[] beta = {0.3, 0, -0.2, 0.05};
    double intercept = -0.4;
    SufficientStatistics irls = new SufficientStatistics(P);
    for (int i = 0; i < N; i++) {
      double eta = intercept + dot(x[i], beta);
      double p = 1 / (1 + Math.exp(-eta));
      double v = Math.max(p * (1 - p), WorkingMoments.V_MIN);
      double[] scaled = new double[P];
      for (int j = 0; j < P; j++) {
        scaled[j] = x[i][j] * inverseScale[j];
      }
      irls.add(scaled, eta + (y[i] - p) / v, w[i] * v);
    }
    SufficientStatistics model = model(gramAt(intercept, beta), intercept, beta);
    assertEquals(irls.weight(), model.weight(), 1e-12 * irls.weight());
    for (int j = 0; j <= P; j++) {
      assertEquals(irls.mean(j), model.mean(j), 1e-10 * (1 + Math.abs(irls.mean(j))), "mean " + j);
      for (int k = j; k <= P; k++) {
        double expected = irls.crossProduct(j, k);
        assertEquals(expected, model.crossProduct(j, k), 1e-9 * (1 + Math.abs(expected)));
      }
    }
  }

  @Test
  void anotherIteratesGramKeepsTheFitsGradient() {
    double[] beta = {0.3, 0, -0.2, 0.05};
    double intercept = -0.4;
    // The Hessian of a quite different iterate: only the curvature changes.
    SufficientStatistics gram = gramAt(0.8, new double[] {-0.5, 0.4, 0, 0.2});
    SufficientStatistics model = model(gram, intercept, beta);
    double u = model.weight();
    // Least squares' gradient at theta, per unit weight: the residual's mean and its centred
    // covariance with each standardized feature, which must be the log-likelihood's gradient.
    double meanResidual = model.mean(P) - intercept;
    for (int j = 0; j < P; j++) {
      meanResidual -= model.mean(j) * beta[j] / inverseScale[j];
    }
    double[] gradient = new double[P];
    double interceptGradient = 0;
    for (int i = 0; i < N; i++) {
      double p = 1 / (1 + Math.exp(-(intercept + dot(x[i], beta))));
      interceptGradient += w[i] * (y[i] - p);
      for (int j = 0; j < P; j++) {
        gradient[j] += w[i] * (y[i] - p) * x[i][j];
      }
    }
    assertEquals(interceptGradient, meanResidual * u, 1e-9 * N);
    for (int j = 0; j < P; j++) {
      double covariance = model.crossProduct(j, P);
      for (int k = 0; k < P; k++) {
        covariance -= model.crossProduct(j, k) * beta[k] / inverseScale[k];
      }
      double centred = (gradient[j] - interceptGradient * gram.mean(j)) * inverseScale[j];
      assertEquals(centred, covariance, 1e-9 * N, "feature " + j);
    }
  }

  /** Statistics of the raw rows under Newton weights at (intercept, beta), as a pass sums them. */
  private SufficientStatistics gramAt(double intercept, double[] beta) {
    SufficientStatistics gram = new SufficientStatistics(P);
    for (int i = 0; i < N; i++) {
      double p = 1 / (1 + Math.exp(-(intercept + dot(x[i], beta))));
      gram.add(x[i], 0, w[i] * Math.max(p * (1 - p), WorkingMoments.V_MIN));
    }
    return gram;
  }

  private SufficientStatistics model(SufficientStatistics gram, double intercept, double[] beta) {
    double[] gradient = new double[P];
    double interceptGradient = 0;
    double spread = 0;
    for (int i = 0; i < N; i++) {
      double p = 1 / (1 + Math.exp(-(intercept + dot(x[i], beta))));
      double residual = w[i] * (y[i] - p);
      interceptGradient += residual;
      for (int j = 0; j < P; j++) {
        gradient[j] += residual * x[i][j];
      }
      spread += residual * (y[i] - p) / Math.max(p * (1 - p), WorkingMoments.V_MIN);
    }
    return NewtonModel.statistics(
        gram, inverseScale, beta, intercept, gradient, interceptGradient, spread);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
