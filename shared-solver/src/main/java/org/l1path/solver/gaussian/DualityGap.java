package org.l1path.solver.gaussian;

/**
 * The duality-gap certificate over the strong set, and when it may end descent at one alpha: once
 * the gap meets the tolerance with a margin, or once it stalls at the floor that rounding puts
 * under it.
 */
final class DualityGap {
  /** Relative to the objective plus yVy: where a stalled gap counts as the rounding floor. */
  private static final double ROUNDING_FLOOR = 1e-11;

  /** Consecutive stalled certifications at the floor before descent gives up on an alpha. */
  private static final int FLOOR_STALLS = 3;

  /** What a measurement says about descent at the current alpha. */
  enum Verdict {
    /** The tolerance is met (with a margin, unless the gap stalls or passes ran out). */
    MET,
    /** The gap stopped shrinking at the rounding floor, above the tolerance. */
    AT_FLOOR,
    NOT_YET
  }

  private final DescentState state;
  private final GaussianProblem prob;
  private final double tolerance;

  /** Stalled certifications in a row at the rounding floor, at the current alpha. */
  private int floorStalls;

  /** The smallest gap certified so far at the current alpha. */
  private double bestGap;

  /** The objective, and the gap relative to it, at the last measurement. */
  double primal;

  double relativeGap;

  DualityGap(DescentState state, double tolerance) {
    this.state = state;
    this.prob = state.prob;
    this.tolerance = tolerance;
  }

  void startAlpha() {
    bestGap = Double.POSITIVE_INFINITY;
    floorStalls = 0;
  }

  /**
   * Measures the gap from {@code r'V r} and {@code r'V yc} and the strong set's exact gradients;
   * {@code outOfPasses} when descent may not go on.
   */
  Verdict measure(double rvr, double rvy, double aScale, double qScale, boolean outOfPasses) {
    primal =
        0.5 * rvr
            + PenaltyDual.value(
                prob, state.beta, state.strongList, state.strongCount, aScale, qScale);
    double gap = gap(primal, rvr, rvy, aScale, qScale);
    relativeGap = primal > 0 ? gap / primal : 0.0;
    // Rounding in the objective itself bounds what a gap can certify.
    double noise = 1e-15 * (prob.yVy + primal);
    // The tolerance is met; go on for a margin of ten while the gap still shrinks: along
    // strongly correlated directions the objective is flat, and coefficients settle only an
    // order after it does. Near the rounding floor the gap stalls, and then the margin is given
    // up.
    boolean met = gap <= tolerance * primal || gap <= noise;
    // Stalled: not half the best gap of this alpha. Against the last gap alone, a refit that
    // rounds worse than the descent before it (at the floor, on a collinear support) made the gap
    // swing up and down for ever, each fall looking like progress.
    boolean stalled = gap > 0.5 * bestGap;
    bestGap = Math.min(bestGap, gap);
    // A gap that stops shrinking within a few thousand roundings of the objective has hit the
    // floor of the arithmetic (gradients kept up by many small updates): a tolerance below it
    // cannot be certified, and more passes would run to maxIterations for nothing.
    floorStalls =
        !met && stalled && gap <= ROUNDING_FLOOR * (prob.yVy + primal) ? floorStalls + 1 : 0;
    if (floorStalls >= FLOOR_STALLS) {
      return Verdict.AT_FLOOR;
    }
    return met && (gap <= 0.1 * tolerance * primal || stalled || outOfPasses)
        ? Verdict.MET
        : Verdict.NOT_YET;
  }

  /**
   * The duality gap at the dual point {@code theta = c V r}, with c the largest scaling in (0, 1]
   * that keeps theta feasible:
   *
   * <pre>
   *   D(theta) = c r'V yc - c^2/2 r'V r - sum_j h_j*(c G_j)
   * </pre>
   *
   * where {@code h_j*} is the convex conjugate of feature j's penalty plus its bounds. An
   * unpenalized, unbounded feature has no finite conjugate off {@code G_j = 0}; its term is taken
   * at equality ({@code h_j(beta_j) + h_j*(t) = t beta_j}), which its exact coordinate updates keep
   * close to true.
   */
  private double gap(double primal, double rvr, double rvy, double aScale, double qScale) {
    int[] strongList = state.strongList;
    int strongCount = state.strongCount;
    double c =
        PenaltyDual.feasibleScale(prob, strongList, strongCount, state.grad, aScale, qScale, 1.0);
    double conjugates =
        PenaltyDual.conjugateSum(
            prob, strongList, strongCount, state.grad, state.beta, c, aScale, qScale);
    double dual = c * rvy - 0.5 * c * c * rvr - conjugates;
    return Math.max(primal - dual, 0.0);
  }
}
