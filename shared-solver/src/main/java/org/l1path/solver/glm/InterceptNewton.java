package org.l1path.solver.glm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.l1path.solver.data.Design;
import org.l1path.solver.data.Dot;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.ColumnProducts;
import org.l1path.solver.linalg.UpperTriangle;

/**
 * Newton steps on the intercepts of a logistic or multinomial fit alone, the coefficients held: the
 * duality gap of {@link LogisticPath} is a bound only at intercepts that are optimal.
 */
final class InterceptNewton {
  private final GaussianProblem base;
  private final int rows;
  private final int n;

  /** Each row's probabilities, one column of n per row: the columns of the information product. */
  private final double[] prob;

  /**
   * The same times the observation weights, or null when every weight is 1/n: then the products of
   * {@code prob} with itself, times 1/n, serve, and the fit holds no second copy of n values per
   * class.
   */
  private final double[] weighted;

  private final Design probColumns;
  private final int[] allRows;
  private final double[] score;

  /** {@code sum_i w_i p_ri p_ki} for {@code k >= r}, row-major. */
  private final double[] products;

  private final DMatrixRMaj information;

  InterceptNewton(GaussianProblem base, int rows) {
    this.base = base;
    this.rows = rows;
    this.n = base.n;
    prob = new double[rows * n];
    weighted = base.v == null ? null : new double[rows * n];
    probColumns = Design.ofColumnMajor(prob, n, rows);
    allRows = new int[rows];
    for (int r = 0; r < rows; r++) {
      allRows[r] = r;
    }
    score = new double[rows];
    products = new double[rows * rows];
    information = new DMatrixRMaj(rows, rows);
  }

  /**
   * Steps the intercepts until {@code sum_i w_i (y_ri - p_ri)} vanishes: the duality gap is a bound
   * only for a dual point that sums to zero over the observations, which is the intercepts'
   * optimality condition. All rows step together, through their information matrix {@code H_rk =
   * sum_i w_i p_ri (d_rk - p_ki)}.
   */
  void settle(ClassProbabilities probs, double[][] y, double[] intercept) {
    for (int iteration = 0; iteration < 50; iteration++) {
      if (!(scores(probs, y) > 1e-15)) {
        return;
      }
      information(probs.multinomial);
      double[] change = step(probs.multinomial);
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

  /**
   * Takes up the current probabilities and sets each row's score {@code sum_i w_i (y_ri - p_ri)};
   * returns the largest in absolute value.
   */
  double scores(ClassProbabilities probs, double[][] y) {
    double largest = 0;
    for (int r = 0; r < rows; r++) {
      probs.probabilities(r, prob, r * n);
      double residual = 0;
      for (int i = 0; i < n; i++) {
        double w = base.weight(i);
        double p = prob[r * n + i];
        if (weighted != null) {
          weighted[r * n + i] = w * p;
        }
        residual += w * (y[r][i] - p);
      }
      score[r] = residual;
      largest = Math.max(largest, Math.abs(residual));
    }
    return largest;
  }

  /**
   * The intercepts' information matrix {@code H_rk = sum_i w_i p_ri (d_rk - p_ki)} at the
   * probabilities of the last {@link #scores}. Its products {@code sum_i w_i p_ri p_ki} are the
   * Gram kernel's: summed one pair at a time, each sum waited on its last addition, and with 30
   * classes they were a twelfth of a path.
   */
  DMatrixRMaj information(boolean multinomial) {
    double[] a = weighted != null ? weighted : prob;
    double scale = weighted != null ? 1.0 : base.invN;
    double[] h = information.data;
    if (multinomial) {
      ColumnProducts.upperTriangle(a, probColumns, allRows, rows, products, base.parallelSweeps);
      UpperTriangle.mirror(products, rows);
      for (int q = 0; q < rows * rows; q++) {
        h[q] = -scale * products[q];
      }
    } else {
      h[0] = -scale * Dot.of(a, 0, prob, n);
    }
    for (int r = 0; r < rows; r++) {
      h[r * rows + r] += scale * Dot.sum(a, r * n, n);
    }
    return information;
  }

  /**
   * The Newton step {@code H d = score}, or null when H has no curvature left. A multinomial H is
   * singular along equal shifts of every row, which change no probability, and the score is
   * orthogonal to them; adding {@code 11'} times the largest curvature makes H definite without
   * changing the step. A step is cut to at most 1 in any row: far from the optimum a full Newton
   * step can overshoot, and near it steps are small.
   */
  private double[] step(boolean multinomial) {
    double largest = 0;
    for (int r = 0; r < rows; r++) {
      largest = Math.max(largest, information.get(r, r));
    }
    if (!(largest > 1e-300)) {
      return null;
    }
    if (!multinomial) {
      // One intercept: the step is a quotient, without a linear solver's code to compile and run.
      double change = score[0] / largest;
      if (!(Math.abs(change) < Double.POSITIVE_INFINITY)) {
        return null;
      }
      return new double[] {Math.max(-1, Math.min(1, change))};
    }
    for (int q = 0; q < rows * rows; q++) {
      information.data[q] += largest;
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
