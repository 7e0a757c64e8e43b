package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.IncrementalCholesky;

/**
 * A multinomial dual point that meets the optimality conditions on the support, as {@link
 * SupportDualPoint} does for a binomial fit, so that the duality gap falls as the square of the
 * distance to the solution instead of linearly. With the plain point a multinomial alpha certified
 * only after a third joint Newton step: on 30 classes of 3000 x 20 the second step left coordinate
 * changes of about 3e-7 and a relative gap of about 3e-5, the third 1e-13 and 5e-7. At the moved
 * point the second step's gap is 1e-9 to 1e-13.
 *
 * <p>The probabilities move by {@code dp_i = M_i u_i}, with {@code M_i = diag(f_i) - f_i f_i'} at
 * the probabilities f the last joint step's Hessian H was formed at, and {@code u_ri} the change of
 * class r's predictor that {@code H_AA z = G_A - target_A} makes on the support A of that step's
 * factor (each class's non-zero coefficients and intercepts). Each {@code dp_i} sums to 0 over the
 * classes, so the moved point stays in the simplex; an observation whose moves would take a
 * probability more than halfway to 0 or 1 takes only part of them. Had every observation taken all
 * of its moves, each coordinate's gradient would move by {@code (H z)_c} and the support would meet
 * its targets exactly; the cut rows change that little, and the gap takes every gradient it needs
 * exactly, by a sweep, at the point reached. What is left of each class's score is then added to
 * all its moves: that zeroes the intercepts' conditions and, the features being centred under the
 * weights, changes no feature's gradient. Outside the strong set the move changes class r's
 * gradient of feature j by at most {@code sqrt(d_j) sqrt(sum_i w_i dp_ri^2)} (Cauchy-Schwarz), and
 * only the features that bound leaves in doubt are computed.
 *
 * <p>It does not build without a joint step's unridged factor (an elastic net's holds a ridge),
 * where the Hessian's entries come from more than one set of probabilities (an extension took a
 * pass), where a member of the factor left the support, or where the scores' shift takes a
 * probability out of [0, 1].
 */
final class JointDualPoint {
  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final int classes;
  private final int p;
  private final boolean intercept;

  /** The current probabilities, and each one's move, by class. */
  private final double[][] current;

  private final double[][] move;

  /** Each class's move as {@link GaussianProblem#storedProducts} takes a vector, and its sum. */
  private final double[][] stored;

  private final double[] storedSums;

  /** {@code sqrt(sum_i w_i dp_ri^2)}: times {@code sqrt(d_j)}, the bound off the strong set. */
  private final double[] classBounds;

  /** The change of each class's predictors. */
  private final double[][] predictorChange;

  private final double[] scores;

  /** Per observation: {@code sum_s f_si u_si}, and how much of its moves it takes. */
  private final double[] meanChange;

  private final double[] rowScale;
  private final int[] changed;
  private final double[] factors;

  /** The support solve's z, by the Hessian's coordinates. */
  private double[] z = new double[0];

  private double[] ordered = new double[0];

  JointDualPoint(GaussianProblem base, int classes, boolean intercept) {
    this.base = base;
    this.intercept = intercept;
    this.x = base.x;
    this.n = base.n;
    this.classes = classes;
    this.p = base.p;
    current = new double[classes][n];
    move = new double[classes][n];
    stored = new double[classes][];
    storedSums = new double[classes];
    classBounds = new double[classes];
    predictorChange = new double[classes][n];
    scores = new double[classes];
    meanChange = new double[n];
    rowScale = new double[n];
    changed = new int[p];
    factors = new double[p];
  }

  /**
   * Builds the move for standardized coefficients {@code beta} with loss gradients {@code gradient}
   * at the current probabilities, from the last step of {@code joint}; false when it cannot.
   */
  boolean build(
      JointNewtonStep joint,
      double[][] y,
      ClassProbabilities probs,
      double[][] beta,
      double[][] gradient,
      double aScale,
      double qScale) {
    if (joint == null) {
      return false;
    }
    JointHessian h = joint.hessian();
    double[][] formed = h.formedProbabilities();
    IncrementalCholesky factor = joint.supportFactor();
    if (formed == null || factor == null || factor.size() == 0) {
      return false;
    }
    for (int r = 0; r < classes; r++) {
      probs.probabilities(r, current[r]);
      double score = 0;
      for (int i = 0; i < n; i++) {
        score += base.weight(i) * (y[r][i] - current[r][i]);
      }
      scores[r] = score;
    }
    if (!solve(h, factor, beta, gradient, aScale, qScale)) {
      return false;
    }
    predictorChanges(h);
    moveRows(formed);
    if (intercept && !settleScores()) {
      return false;
    }
    for (int r = 0; r < classes; r++) {
      if (base.v == null) {
        stored[r] = move[r];
      } else {
        if (stored[r] == null) {
          stored[r] = new double[n];
        }
        for (int i = 0; i < n; i++) {
          stored[r][i] = base.v[i] * move[r][i];
        }
      }
      storedSums[r] = base.weightedSum(move[r]);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += base.weight(i) * move[r][i] * move[r][i];
      }
      classBounds[r] = Math.sqrt(sum);
    }
    return true;
  }

  /**
   * {@code z} on the factor's members (0 elsewhere): {@code H_AA z = G_A - target_A}; false when a
   * member is not in the support.
   */
  private boolean solve(
      JointHessian h,
      IncrementalCholesky factor,
      double[][] beta,
      double[][] gradient,
      double aScale,
      double qScale) {
    int size = factor.size();
    if (z.length < h.coords) {
      z = new double[h.coords];
    }
    if (ordered.length < size) {
      ordered = new double[size];
    }
    java.util.Arrays.fill(z, 0, h.coords, 0.0);
    for (int u = 0; u < size; u++) {
      int c = factor.member(u);
      if (c >= h.coords) {
        return false;
      }
      int r = h.coordClass[c];
      int j = h.coordFeature[c];
      if (j < 0) {
        ordered[u] = scores[r];
        continue;
      }
      double b = beta[r][j];
      double pf = base.penalty[j];
      if (b == 0 && pf != 0) {
        return false;
      }
      double target = b == 0 ? 0.0 : pf * (aScale * Math.signum(b) + qScale * b);
      ordered[u] = gradient[r][j] - target;
    }
    factor.solve(ordered);
    for (int u = 0; u < size; u++) {
      z[factor.member(u)] = ordered[u];
    }
    return true;
  }

  /** Each class's predictor change {@code u_r}: its intercept's z plus its features' columns. */
  private void predictorChanges(JointHessian h) {
    for (int c = 0, r = 0; r < classes; r++) {
      int changes = 0;
      double shift = 0;
      for (; c < h.coords && h.coordClass[c] == r; c++) {
        int j = h.coordFeature[c];
        if (z[c] == 0) {
          continue;
        }
        if (j < 0) {
          shift += z[c];
        } else {
          double f = z[c] / base.scale[j];
          shift -= f * base.mean[j];
          changed[changes] = j;
          factors[changes++] = f;
        }
      }
      java.util.Arrays.fill(predictorChange[r], shift);
      x.addColumns(changed, factors, changes, predictorChange[r]);
    }
  }

  /**
   * Each probability's move {@code dp_ri = f_ri (u_ri - sum_s f_si u_si)}, f the formed
   * probabilities, each observation's moves cut short where they would take a probability more than
   * halfway to 0 or 1 (the moves sum to 0 still; the gap takes the gradients at whatever point
   * results). Observations of weight 0 do not move (nothing they hold enters the gap).
   */
  private void moveRows(double[][] formed) {
    // Class by class over all observations, where a loop over the classes inside one over the
    // observations read 4 K arrays a few entries at a time (a tenth of a 10-class path).
    java.util.Arrays.fill(meanChange, 0.0);
    for (int r = 0; r < classes; r++) {
      double[] f = formed[r];
      double[] u = predictorChange[r];
      for (int i = 0; i < n; i++) {
        meanChange[i] += f[i] * u[i];
      }
    }
    java.util.Arrays.fill(rowScale, 1.0);
    for (int r = 0; r < classes; r++) {
      double[] f = formed[r];
      double[] u = predictorChange[r];
      double[] c = current[r];
      double[] m = move[r];
      for (int i = 0; i < n; i++) {
        double d = f[i] * (u[i] - meanChange[i]);
        m[i] = d;
        double half = 0.5 * (d < 0 ? c[i] : 1 - c[i]);
        if (Math.abs(d) > half) {
          rowScale[i] = Math.min(rowScale[i], half / Math.abs(d));
        }
      }
    }
    for (int r = 0; r < classes; r++) {
      double[] m = move[r];
      for (int i = 0; i < n; i++) {
        m[i] = base.weight(i) == 0 ? 0.0 : m[i] * rowScale[i];
      }
    }
  }

  /**
   * Makes every class's score at the moved point exactly 0, as the intercepts' optimality needs of
   * a dual point: the move already zeroes the scores of the factor's intercepts (the held one's
   * follows from the rest) up to rounding, and adding what remains, {@code a_r = score_r - sum_i
   * w_i dp_ri}, to every observation's move of class r changes no feature's gradient (the features
   * are centred under the weights) and keeps each observation's moves summing to 0 (the scores and
   * moves of all classes sum to 0). False where a moved probability then leaves [0, 1].
   */
  private boolean settleScores() {
    for (int r = 0; r < classes; r++) {
      double rest = scores[r] - base.weightedSum(move[r]);
      double[] mr = move[r];
      double[] cr = current[r];
      for (int i = 0; i < n; i++) {
        if (base.weight(i) == 0) {
          continue;
        }
        mr[i] += rest;
        double moved = cr[i] + mr[i];
        if (!(moved >= 0 && moved <= 1)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The dual objective's first term at the moved point scaled by c: the negative entropy {@code
   * sum_i w_i sum_r t_ri log t_ri} of {@code t_i = (1 - c) y_i + c (p_i + dp_i)}.
   */
  double negativeEntropy(double[][] y, double c) {
    double sum = 0;
    for (int r = 0; r < classes; r++) {
      double[] yr = y[r];
      double[] cr = current[r];
      double[] mr = move[r];
      for (int i = 0; i < n; i++) {
        double wi = base.weight(i);
        if (wi != 0) {
          sum += wi * Links.xlogx((1 - c) * yr[i] + c * (cr[i] + mr[i]));
        }
      }
    }
    return sum;
  }

  /** The most the move changes class r's gradient of feature j. */
  double bound(int r, int j) {
    return Math.sqrt(base.curvature(j)) * classBounds[r];
  }

  /**
   * Sets {@code out[j]} to how far the move lowers class r's gradient of each listed feature,
   * {@code sum_i w_i z_ij dp_ri}, by a sweep over the rows: exact at the point the moves, cut short
   * or shifted, reached, where the Hessian's row times z would be exact only for the moves as
   * solved.
   */
  void gradientShifts(int r, int[] list, int count, double[] out) {
    base.storedProducts(list, count, stored[r], storedSums[r], out, false);
  }
}
