package org.l1path.solver.glm;

import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.IncrementalCholesky;

/**
 * The multinomial counterpart of {@link SupportDualPoint}, on the last joint step's Hessian ({@link
 * JointHessian}, formed at probabilities {@code P}): with {@code H_SS z = G_S - target_S} over the
 * support's coordinates (every class's intercept but the last, whose condition the others' imply,
 * and its non-zero or unpenalized features), each class's predictors would change by {@code u_r =
 * Z_S z_r}, and each observation's probabilities move by {@code delta_i = (diag(P_i) - P_i P_i')
 * u_i}. The move keeps every row on the simplex (its entries sum to 0), and it makes each support
 * coordinate's gradient its target up to what the matrix's clipped curvatures and rows added at
 * later probabilities leave.
 *
 * <p>So the gap takes every strong feature's gradient at the moved probabilities exactly (a sweep
 * over the strong sets), and bounds the rest by Cauchy-Schwarz, {@code |sum_i w_i z_ij delta_ri| <=
 * sqrt(d_j) sqrt(sum_i w_i delta_ri^2)}, computing those exactly whose bound leaves their penalty
 * term in doubt. What the move costs the loss's conjugate is second order. The intercepts'
 * condition (each class's residual sums to 0) must hold exactly for the dual point to be feasible:
 * where rows the Hessian gained after it was formed leave it off, a constant per class puts it
 * back, and a move that still misses it by more than rounding is refused.
 */
final class JointDualPoint {
  /**
   * The most support coordinates whose factor is built here when the last support solve's is of
   * another set: building costs their cube over 3.
   */
  private static final int MAX_OWN_FACTOR = 160;

  /**
   * The most a class's moved residual may sum to: the weights sum to 1, and the intercepts are
   * settled to rounding before every gap.
   */
  private static final double INTERCEPT_ROUNDING = 1e-13;

  /**
   * How far a left-out coordinate's equation may miss, next to the largest right-hand side, and
   * still count as consistent with the others.
   */
  private static final double COLLINEAR_ROUNDING = 1e-9;

  private final GaussianProblem base;
  private final int n;
  private final int classes;

  /** The move of each class's probabilities, and the same as storedProducts takes it. */
  private final double[][] delta;

  private final double[][] stored;
  private final double[] storedSums;

  /** {@code sqrt(sum_i w_i delta_ri^2)} per class: times {@code sqrt(d_j)}, the bound. */
  private final double[] deltaNorms;

  /** Each class's change of predictors, {@code u_r}. */
  private final double[][] etaChange;

  /** {@code sum_s P_si u_si} per row. */
  private final double[] mean;

  private final IncrementalCholesky factor;
  private final IncrementalCholesky interceptFactor;
  private int[] support = new int[0];
  private double[] z = new double[0];
  private double[] rhs = new double[0];
  private double[] ordered = new double[0];
  private double[] cross = new double[0];
  private boolean[] inSupport = new boolean[0];
  private int supportCount;
  private final int[] features;
  private final double[] factors;

  JointDualPoint(GaussianProblem base, int classes) {
    this.base = base;
    this.n = base.n;
    this.classes = classes;
    delta = new double[classes][n];
    stored = new double[classes][n];
    storedSums = new double[classes];
    deltaNorms = new double[classes];
    etaChange = new double[classes][n];
    mean = new double[n];
    factor = new IncrementalCholesky(0);
    interceptFactor = new IncrementalCholesky(0);
    features = new int[base.p];
    factors = new double[base.p];
  }

  /**
   * Builds the move for coefficients {@code beta}, loss gradients {@code gradient} and each class's
   * residual sum {@code sum_i w_i (y_ri - p_ri)}; false when it cannot (no Hessian, a support
   * coordinate outside it, a block too large to factor here, or a move off the simplex).
   */
  boolean build(
      JointNewtonStep joint,
      double[][] beta,
      double[][] gradient,
      double[] residualSums,
      ClassProbabilities probs,
      double aScale,
      double qScale) {
    JointHessian h = joint == null ? null : joint.hessian();
    if (h == null || !h.formed() || !h.holdsListed()) {
      return false;
    }
    int coords = h.coords;
    if (support.length < coords) {
      support = new int[coords];
      z = new double[coords];
      rhs = new double[coords];
      ordered = new double[coords];
      cross = new double[coords];
      inSupport = new boolean[coords];
    }
    supportCount = 0;
    for (int c = 0; c < coords; c++) {
      int r = h.coordClass[c];
      int j = h.coordFeature[c];
      if (j < 0) {
        if (r != classes - 1) {
          z[supportCount] = residualSums[r];
          support[supportCount++] = c;
        }
      } else if (beta[r][j] != 0 || base.penalty[j] == 0) {
        z[supportCount] = gradient[r][j] - target(j, beta[r][j], aScale, qScale);
        support[supportCount++] = c;
      }
    }
    if (!solve(joint, h)) {
      return false;
    }
    predictorChanges(h);
    if (!moveProbabilities(h.formedProbabilities(), probs)) {
      return false;
    }
    if (interceptsMet(residualSums)) {
      return true;
    }
    return settleIntercepts(h, residualSums)
        && moveProbabilities(h.formedProbabilities(), probs)
        && interceptsMet(residualSums);
  }

  /** Whether each class's moved residual sums to 0, to rounding. */
  private boolean interceptsMet(double[] residualSums) {
    for (int r = 0; r < classes; r++) {
      if (!(Math.abs(residualSums[r] - storedSums[r]) <= INTERCEPT_ROUNDING)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Shifts each class's predictor change by a constant {@code a_r} ({@code a_K = 0}) that makes the
   * moved residuals sum to 0: {@code B a = residual sums - sum_i w_i delta_ri}, B the intercepts'
   * block of the Hessian, formed at {@code P} as the move is. The rest of the Hessian can hold rows
   * added at later probabilities ({@link JointHessian#extend}), which the move does not follow.
   */
  private boolean settleIntercepts(JointHessian h, double[] residualSums) {
    int coords = h.coords;
    int[] at = new int[classes - 1];
    for (int c = 0; c < coords; c++) {
      if (h.coordFeature[c] < 0 && h.coordClass[c] < classes - 1) {
        at[h.coordClass[c]] = c;
      }
    }
    interceptFactor.clear();
    interceptFactor.ensureCapacity(classes);
    double[] crossing = new double[classes];
    double[] shift = new double[classes];
    for (int r = 0; r < classes - 1; r++) {
      for (int s = 0; s < r; s++) {
        crossing[s] = h.matrix[at[r] * coords + at[s]];
      }
      if (!interceptFactor.append(r, crossing, h.matrix[at[r] * coords + at[r]])) {
        return false;
      }
      shift[r] = residualSums[r] - storedSums[r];
    }
    interceptFactor.solve(shift);
    for (int r = 0; r < classes - 1; r++) {
      double[] u = etaChange[r];
      for (int i = 0; i < n; i++) {
        u[i] += shift[r];
      }
    }
    return true;
  }

  /**
   * Solves {@code H_SS z = rhs} in place, on the support solve's factor where its members are all
   * in S. A coordinate of S outside the factor (or refused by the one built here) is collinear with
   * the others, as the K coefficients of a feature every class holds are through the softmax: its z
   * stays 0, and its condition holds with the others' where the system is consistent. The gap takes
   * every strong gradient exactly, so where it is not, the gap shows it.
   */
  private boolean solve(JointNewtonStep joint, JointHessian h) {
    System.arraycopy(z, 0, rhs, 0, supportCount);
    IncrementalCholesky last = joint.supportFactor();
    if (last != null && last.capacity() >= h.coords && membersInSupport(last, h.coords)) {
      solveOn(last);
      if (consistent(h, last)) {
        return true;
      }
      System.arraycopy(rhs, 0, z, 0, supportCount);
    }
    if (supportCount > MAX_OWN_FACTOR) {
      return false;
    }
    factor.clear();
    factor.ensureCapacity(h.coords);
    double[] m = h.matrix;
    int coords = h.coords;
    for (int t = 0; t < supportCount; t++) {
      int c = support[t];
      for (int u = 0; u < factor.size(); u++) {
        cross[u] = m[c * coords + factor.member(u)];
      }
      factor.append(c, cross, m[c * coords + c]);
    }
    solveOn(factor);
    return consistent(h, factor);
  }

  /** Solves on {@code f} in place; a coordinate of S that is not a member of f gets z = 0. */
  private void solveOn(IncrementalCholesky f) {
    java.util.Arrays.fill(ordered, 0, f.size(), 0.0);
    for (int t = 0; t < supportCount; t++) {
      if (f.contains(support[t])) {
        ordered[f.positionOf(support[t])] = z[t];
      }
    }
    f.solve(ordered);
    for (int t = 0; t < supportCount; t++) {
      z[t] = f.contains(support[t]) ? ordered[f.positionOf(support[t])] : 0.0;
    }
  }

  /**
   * Whether the equations of the coordinates of S outside {@code f} hold too: they do where those
   * coordinates are collinear with the members and the system is consistent. The last support
   * solve's factor can also lack a coordinate for other reasons (a class's intercept it held), and
   * then the move would miss that coordinate's condition.
   */
  private boolean consistent(JointHessian h, IncrementalCholesky f) {
    double largest = 0;
    for (int t = 0; t < supportCount; t++) {
      largest = Math.max(largest, Math.abs(rhs[t]));
    }
    double[] m = h.matrix;
    int coords = h.coords;
    for (int t = 0; t < supportCount; t++) {
      int c = support[t];
      if (f.contains(c)) {
        continue;
      }
      double left = rhs[t];
      for (int u = 0; u < supportCount; u++) {
        left -= m[c * coords + support[u]] * z[u];
      }
      if (!(Math.abs(left) <= COLLINEAR_ROUNDING * largest + Double.MIN_NORMAL)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every member of {@code last} is a coordinate of the support S. */
  private boolean membersInSupport(IncrementalCholesky last, int coords) {
    java.util.Arrays.fill(inSupport, 0, coords, false);
    for (int t = 0; t < supportCount; t++) {
      inSupport[support[t]] = true;
    }
    for (int u = 0; u < last.size(); u++) {
      int c = last.member(u);
      if (c >= coords || !inSupport[c]) {
        return false;
      }
    }
    return true;
  }

  /** {@code u_r = z_r0 + sum_j z_rj (x_j - m_j) / s_j} for each class r. */
  private void predictorChanges(JointHessian h) {
    int t = 0;
    for (int r = 0; r < classes; r++) {
      double constant = 0;
      int count = 0;
      for (; t < supportCount && h.coordClass[support[t]] == r; t++) {
        int j = h.coordFeature[support[t]];
        if (j < 0) {
          constant += z[t];
        } else {
          factors[count] = z[t] / base.scale[j];
          constant -= factors[count] * base.mean[j];
          features[count++] = j;
        }
      }
      double[] u = etaChange[r];
      java.util.Arrays.fill(u, constant);
      for (int from = 0; from < count; from += 4) {
        base.x.addFour(features, factors, count, from, u);
      }
    }
  }

  /**
   * {@code delta_ri = P_ri (u_ri - sum_s P_si u_si)}; false when a moved probability would fall
   * below 0. Class by class, over rows: the arrays are a class's rows each.
   */
  private boolean moveProbabilities(double[][] formed, ClassProbabilities probs) {
    java.util.Arrays.fill(mean, 0);
    for (int r = 0; r < classes; r++) {
      double[] f = formed[r];
      double[] u = etaChange[r];
      for (int i = 0; i < n; i++) {
        mean[i] += f[i] * u[i];
      }
    }
    for (int r = 0; r < classes; r++) {
      double[] f = formed[r];
      double[] u = etaChange[r];
      double[] d = delta[r];
      double[] moved = stored[r];
      probs.probabilities(r, moved);
      double squares = 0;
      boolean inRange = true;
      for (int i = 0; i < n; i++) {
        double wi = base.weight(i);
        double di = wi > 0 ? f[i] * (u[i] - mean[i]) : 0.0;
        inRange &= moved[i] + di >= 0;
        d[i] = di;
        squares += wi * di * di;
      }
      if (!inRange) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        moved[i] = base.v == null ? d[i] : base.v[i] * d[i];
      }
      deltaNorms[r] = Math.sqrt(squares);
      storedSums[r] = base.weightedSum(d);
    }
    return true;
  }

  /** The subgradient a support feature's loss gradient meets at the solution. */
  private double target(int j, double b, double aScale, double qScale) {
    return b == 0 ? 0.0 : base.penalty[j] * (aScale * Math.signum(b) + qScale * b);
  }

  /** Each class's move of its probabilities, from the last {@link #build} that returned true. */
  double[][] delta() {
    return delta;
  }

  /** The most class r's gradient of feature j moves with the probabilities. */
  double bound(int r, int j) {
    return Math.sqrt(base.curvature(j)) * deltaNorms[r];
  }

  /**
   * Sets {@code out[j]} to how far the move lowers class r's gradient of each listed feature,
   * {@code sum_i w_i z_ij delta_ri}.
   */
  void gradientShifts(int r, int[] list, int count, double[] out) {
    base.storedProducts(list, count, stored[r], storedSums[r], out, false);
  }
}
