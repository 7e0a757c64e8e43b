package org.l1path.solver.glm;

import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.gaussian.PenaltyDual;

/**
 * The duality gap that certifies one alpha of a {@link LogisticPath}, from the path's coefficients,
 * probabilities and loss gradients (shared arrays, read as they are at each call): at the scaled
 * residual, or for a binomial fit at the residual moved onto the support's conditions ({@link
 * SupportDualPoint}) where the last Newton step's Gram matrix allows.
 */
final class LogisticGap {
  private final GaussianProblem base;
  private final double[][] y;
  private final ClassProbabilities probs;
  private final double[][] beta;
  private final double[][] gradient;
  private final FeatureSets[] sets;
  private final int[] allFeatures;
  private final int freeCount;
  private final NewtonStep step;
  private final int rows;

  /** The binomial dual point moved onto the support's conditions; null for a multinomial fit. */
  private final SupportDualPoint supportDual;

  /** The binomial probabilities, and the features whose terms {@link #supportGap} computes. */
  private final double[] probability;

  private final int[] termList;
  private final double[] movedGradient;

  private double objective;
  private double loss;
  private boolean moved;

  LogisticGap(
      GaussianProblem base,
      double[][] y,
      ClassProbabilities probs,
      double[][] beta,
      double[][] gradient,
      FeatureSets[] sets,
      int[] allFeatures,
      int freeCount,
      NewtonStep step) {
    this.base = base;
    this.y = y;
    this.probs = probs;
    this.beta = beta;
    this.gradient = gradient;
    this.sets = sets;
    this.allFeatures = allFeatures;
    this.freeCount = freeCount;
    this.step = step;
    this.rows = beta.length;
    boolean binomial = rows == 1;
    supportDual = binomial ? new SupportDualPoint(base) : null;
    probability = binomial ? new double[base.n] : null;
    termList = new int[base.p];
    movedGradient = new double[base.p];
  }

  /** The primal objective at the last {@link #compute}. */
  double objective() {
    return objective;
  }

  /** The loss at the last {@link #compute}: the loss of the solution once it certifies. */
  double loss() {
    return loss;
  }

  /** Whether the last gap's dual point was moved onto the support's conditions. */
  boolean moved() {
    return moved;
  }

  /**
   * The duality gap at the dual point {@code theta_ri = c w_i (y_ri - p_ri)}, c in (0, 1] the
   * largest scaling that keeps it feasible. The conjugate of the loss is the negative entropy of
   * {@code t_i = (1 - c) y_i + c p_i}, so
   *
   * <pre>
   *   D = - sum_i w_i sum_k t_ik log t_ik - sum_r sum_j h_j*(c G_rj)
   * </pre>
   *
   * Sets {@link #objective()} and {@link #loss()}; the gradients must be those of the current
   * probabilities.
   */
  double compute(double alpha) {
    double aScale = alpha * base.l1Ratio;
    double qScale = alpha * (1 - base.l1Ratio);
    double penalty = 0;
    for (int r = 0; r < rows; r++) {
      penalty += PenaltyDual.value(base, beta[r], aScale, qScale);
    }
    moved = false;
    if (supportDual != null) {
      probs.probabilities(0, probability);
      if (supportDual.build(
          step.gram(0),
          allFeatures,
          freeCount,
          beta[0],
          gradient[0],
          probability,
          aScale,
          qScale)) {
        moved = true;
        return supportGap(penalty, aScale, qScale);
      }
    }
    double c = 1.0;
    for (int r = 0; r < rows; r++) {
      c = PenaltyDual.feasibleScale(base, allFeatures, freeCount, gradient[r], aScale, qScale, c);
    }
    double[] lossAndEntropy = probs.lossAndEntropy(y, c, base);
    loss = lossAndEntropy[0];
    objective = loss + penalty;
    double conjugates = 0;
    for (int r = 0; r < rows; r++) {
      conjugates +=
          PenaltyDual.conjugateSum(
              base, allFeatures, freeCount, gradient[r], beta[r], c, aScale, qScale);
    }
    double dual = -lossAndEntropy[1] - conjugates;
    return Math.max(objective - dual, 0.0);
  }

  /**
   * The binomial duality gap at the dual point that {@link SupportDualPoint} moved. Every strong
   * feature's gradient is taken exactly at the moved probabilities (the support's then meet their
   * targets, up to collinear ones the move left out); a feature outside the strong set adds nothing
   * where its gradient, within the move's bound, stays inside its penalty's range, and is taken
   * exactly where it may not.
   */
  private double supportGap(double penalty, double aScale, double qScale) {
    double[] g = gradient[0];
    FeatureSets strong = sets[0];
    int listed = 0;
    for (int t = 0; t < freeCount; t++) {
      int j = allFeatures[t];
      if (strong.isStrong(j) || Math.abs(g[j]) + supportDual.bound(j) > aScale * base.penalty[j]) {
        termList[listed++] = j;
      }
    }
    supportDual.gradientShifts(termList, listed, movedGradient);
    for (int t = 0; t < listed; t++) {
      int j = termList[t];
      movedGradient[j] = g[j] - movedGradient[j];
    }
    double c =
        PenaltyDual.feasibleScale(base, termList, listed, movedGradient, aScale, qScale, 1.0);
    double[] lossAndEntropy = probs.lossAndEntropy(y, c, supportDual.delta(), base);
    loss = lossAndEntropy[0];
    objective = loss + penalty;
    double conjugates =
        PenaltyDual.conjugateSum(base, termList, listed, movedGradient, beta[0], c, aScale, qScale);
    double dual = -lossAndEntropy[1] - conjugates;
    return Math.max(objective - dual, 0.0);
  }
}
