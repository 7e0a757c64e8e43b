package org.l1path.solver.glm;

import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.IncrementalCholesky;

/**
 * A binomial dual point that meets the optimality conditions on the support exactly, so that the
 * duality gap falls as the square of the distance to the solution instead of linearly.
 *
 * <p>The plain dual point is the residual {@code w_i (y_i - q_i)}, scaled by {@code c <= 1} until
 * no feature's gradient leaves its penalty's range. Near the solution a support feature's gradient
 * misses its subgradient {@code a_j sign(b_j) + q_j b_j} by a little, e, and scaling it back costs
 * the gap about e times the penalty: a relative gap of 1e-6 then needs solutions about 1e-10 from
 * optimal in objective, a Newton step more than the fit needs. Here the fitted probabilities move
 * first by {@code delta_i = (v_i / w_i) u_i}, with {@code u = Z_S z} and {@code G_SS z = G_S -
 * target_S} on the last Newton step's weighted Gram matrix {@code G_SS = Z_S' V Z_S}: the support's
 * gradients then equal their targets, the intercept's stays 0 (the columns are centred under v),
 * and what the move costs the loss's conjugate is second order, {@code z' G_SS z / 2}.
 *
 * <p>The gap takes every strong feature's gradient exactly at the moved probabilities (a support
 * feature collinear with the others, which the solve leaves at z = 0, then shows what it misses).
 * Outside the strong set the move changes feature j's gradient by at most {@code sqrt(r d_j z' G_SS
 * z)} (Cauchy-Schwarz under v, with {@code r = max v_i / w_i} and {@code d_j = sum_i w_i z_ij^2}),
 * where computing it exactly would cost a sweep over every feature: only the features that bound
 * leaves in doubt are computed.
 */
final class SupportDualPoint {
  private final GaussianProblem base;
  private final int n;

  /** The move of each fitted probability. */
  private final double[] delta;

  /** {@code u = Z_S z}: the change of eta that the support's solve {@code z} makes. */
  private final double[] combination;

  /** The move as {@link GaussianProblem#storedProducts} takes a vector, and its weighted sum. */
  private final double[] stored;

  private double storedSum;

  /** The factor of {@code G_SS} where the last support solve's is not of S. */
  private final IncrementalCholesky factor;

  /** The support S: the non-zero or unpenalized features. */
  private final int[] support;

  private int supportCount;

  /** {@code G_S - target_S}, then in place {@code z}. */
  private final double[] z;

  /** {@code sqrt(r z' G_SS z)}: times {@code sqrt(d_j)}, the bound off the support. */
  private double boundScale;

  /** The Gram matrix of the last {@link #build} that returned true. */
  private GramStep gram;

  /** The listed features outside that matrix, for {@link #gradientShifts}. */
  private final int[] outside;

  SupportDualPoint(GaussianProblem base) {
    this.base = base;
    this.n = base.n;
    delta = new double[n];
    combination = new double[n];
    stored = new double[n];
    factor = new IncrementalCholesky(base.p);
    support = new int[base.p];
    z = new double[base.p];
    outside = new int[base.p];
  }

  /**
   * Builds the move for coefficients {@code beta} with loss gradients {@code gradient} (in
   * standardized units) and probabilities {@code q}; false when it cannot: no Gram matrix, a
   * support feature outside it, or a move that leaves [0, 1].
   */
  boolean build(
      GramStep gram,
      int[] features,
      int featureCount,
      double[] beta,
      double[] gradient,
      double[] q,
      double aScale,
      double qScale) {
    supportCount = 0;
    if (gram == null) {
      return false;
    }
    for (int t = 0; t < featureCount; t++) {
      int j = features[t];
      double pf = base.penalty[j];
      if (beta[j] != 0 || pf == 0) {
        z[supportCount] = gradient[j] - target(j, beta[j], aScale, qScale);
        support[supportCount++] = j;
      }
    }
    if (!gram.solveOn(support, supportCount, z, factor)) {
      return false;
    }
    double curvature = 0;
    for (int t = 0; t < supportCount; t++) {
      int j = support[t];
      curvature += z[t] * (gradient[j] - target(j, beta[j], aScale, qScale));
    }
    gram.centredCombination(support, supportCount, z, combination);
    double largestRatio = moveRows(gram.formedWeights(), q);
    if (Double.isNaN(largestRatio)) {
      return false;
    }
    storedSum = base.weightedSum(delta);
    boundScale = Math.sqrt(largestRatio * Math.max(curvature, 0.0));
    this.gram = gram;
    return true;
  }

  /**
   * Each row's move {@code delta_i = (v_i / w_i) combination_i} into {@link #delta} and {@link
   * #stored}; returns the largest {@code v_i / w_i}, or NaN where a moved probability leaves [0,
   * 1]. A loop of its own: inside {@link #build} its count set off a compilation of the whole build
   * while it ran (on-stack replacement) in a fresh JVM.
   */
  private double moveRows(double[] v, double[] q) {
    double largestRatio = 0;
    for (int i = 0; i < n; i++) {
      double wi = base.weight(i);
      double ratio = wi > 0 ? v[i] / wi : 0.0;
      double d = ratio * combination[i];
      double moved = q[i] + d;
      if (!(moved >= 0 && moved <= 1)) {
        return Double.NaN;
      }
      delta[i] = d;
      stored[i] = base.v == null ? d : wi * d;
      largestRatio = Math.max(largestRatio, ratio);
    }
    return largestRatio;
  }

  /** The subgradient a support feature's loss gradient meets at the solution. */
  private double target(int j, double b, double aScale, double qScale) {
    double pf = base.penalty[j];
    return b == 0 ? 0.0 : pf * (aScale * Math.signum(b) + qScale * b);
  }

  /** The move of each fitted probability, from the last {@link #build} that returned true. */
  double[] delta() {
    return delta;
  }

  /** The most feature j's gradient (j off the support) moves with the fitted probabilities. */
  double bound(int j) {
    return Math.sqrt(base.curvature(j)) * boundScale;
  }

  /**
   * Sets {@code out[j]} to how far the move lowers the gradient of each listed feature, {@code
   * sum_i w_i z_ij delta_i = sum_i v_i z_ij u_i}: exact where the bound leaves a feature's penalty
   * term in doubt. For a feature in the Gram matrix that is its row times z ({@link
   * GramStep#combinationProduct}); only the others take a sweep over the rows. On a 50000 x 50
   * binomial path that sweep over the strong set was 6 % of the time.
   */
  void gradientShifts(int[] list, int count, double[] out) {
    int others = 0;
    for (int t = 0; t < count; t++) {
      int j = list[t];
      if (gram.holds(j)) {
        out[j] = gram.combinationProduct(j, support, supportCount, z);
      } else {
        outside[others++] = j;
      }
    }
    if (others > 0) {
      base.storedProducts(outside, others, stored, storedSum, out, false);
    }
  }
}
