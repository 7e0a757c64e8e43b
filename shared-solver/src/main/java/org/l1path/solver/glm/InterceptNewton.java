package org.l1path.solver.glm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * Newton steps on the intercepts of a logistic or multinomial fit alone, the coefficients held: the
 * duality gap of {@link LogisticPath} is a bound only at intercepts that are optimal.
 */
final class InterceptNewton {
  private InterceptNewton() {}

  /**
   * Steps the intercepts until {@code sum_i w_i (y_ri - p_ri)} vanishes: the duality gap is a bound
   * only for a dual point that sums to zero over the observations, which is the intercepts'
   * optimality condition. All rows step together, through their information matrix {@code H_rk =
   * sum_i w_i p_ri (d_rk - p_ki)}.
   */
  static void settle(
      ClassProbabilities probs, double[][] y, double[] intercept, GaussianProblem base) {
    int rows = probs.rows;
    int n = probs.n;
    double[][] prob = new double[rows][n];
    double[] score = new double[rows];
    DMatrixRMaj information = new DMatrixRMaj(rows, rows);
    for (int iteration = 0; iteration < 50; iteration++) {
      for (int r = 0; r < rows; r++) {
        probs.probabilities(r, prob[r]);
      }
      double largestScore = 0;
      for (int r = 0; r < rows; r++) {
        double residual = 0;
        for (int i = 0; i < n; i++) {
          residual += base.weight(i) * (y[r][i] - prob[r][i]);
        }
        score[r] = residual;
        largestScore = Math.max(largestScore, Math.abs(residual));
      }
      if (!(largestScore > 1e-15)) {
        return;
      }
      information(prob, information, base, probs.multinomial);
      double[] change = step(score, information, probs.multinomial);
      if (change == null) {
        return;
      }
      double largestStep = 0;
      double largestIntercept = 0;
      for (int r = 0; r < rows; r++) {
        intercept[r] += change[r];
        probs.addConstant(r, change[r]);
        largestStep = Math.max(largestStep, Math.abs(change[r]));
        largestIntercept = Math.max(largestIntercept, Math.abs(intercept[r]));
      }
      // Stop once the steps are down at the intercepts' rounding.
      if (largestStep <= 1e-15 * (1 + largestIntercept)) {
        return;
      }
    }
  }

  /** The intercepts' information matrix {@code H_rk = sum_i w_i p_ri (d_rk - p_ki)}. */
  private static void information(
      double[][] prob, DMatrixRMaj information, GaussianProblem base, boolean multinomial) {
    int rows = prob.length;
    int n = base.n;
    information.zero();
    for (int r = 0; r < rows; r++) {
      double[] pr = prob[r];
      double mass = 0;
      for (int i = 0; i < n; i++) {
        mass += base.weight(i) * pr[i];
      }
      information.data[r * rows + r] = mass;
      // Products of whole rows, which stream; a loop over classes per observation would not.
      for (int k = 0; k <= (multinomial ? r : 0); k++) {
        double[] pk = prob[k];
        double product = 0;
        for (int i = 0; i < n; i++) {
          product += base.weight(i) * pr[i] * pk[i];
        }
        information.data[r * rows + k] -= product;
        information.data[k * rows + r] = information.data[r * rows + k];
      }
    }
  }

  /**
   * The Newton step {@code H d = score}, or null when H has no curvature left. A multinomial H is
   * singular along equal shifts of every row, which change no probability, and the score is
   * orthogonal to them; adding {@code 11'} times the largest curvature makes H definite without
   * changing the step. A step is cut to at most 1 in any row: far from the optimum a full Newton
   * step can overshoot, and near it steps are small.
   */
  private static double[] step(double[] score, DMatrixRMaj information, boolean multinomial) {
    int rows = score.length;
    double largest = 0;
    for (int r = 0; r < rows; r++) {
      largest = Math.max(largest, information.get(r, r));
    }
    if (!(largest > 1e-300)) {
      return null;
    }
    if (multinomial) {
      for (int q = 0; q < rows * rows; q++) {
        information.data[q] += largest;
      }
    }
    DMatrixRMaj solution = new DMatrixRMaj(rows, 1);
    if (!CommonOps_DDRM.solve(information, new DMatrixRMaj(rows, 1, true, score), solution)) {
      return null;
    }
    double longest = CommonOps_DDRM.elementMaxAbs(solution);
    if (!(longest < Double.POSITIVE_INFINITY)) {
      return null;
    }
    if (longest > 1) {
      CommonOps_DDRM.scale(1 / longest, solution);
    }
    return solution.data;
  }
}
