package org.l1path.solver.gaussian;

import java.util.Arrays;
import org.l1path.solver.Settings;

/**
 * Coordinate descent for one {@link GaussianProblem}, solved alpha after alpha with warm starts
 * (Friedman, Hastie and Tibshirani 2010). Works on standardized coefficients; this class runs the
 * loop at one alpha, and its parts do the rest:
 *
 * <ul>
 *   <li>{@link DescentState}: the coefficients, gradients, strong set and active set;
 *   <li>{@link GradientUpdates}: how gradients follow the coefficients, by {@link
 *       CovarianceUpdates} (cached Gram columns, {@link GramCache}) or {@link NaiveUpdates} (the
 *       residual, with the {@link KktScreen} and Anderson extrapolation);
 *   <li>{@link ActiveSetRefit}: the exact refit of the support when descent crawls;
 *   <li>{@link DualityGap}: the certificate that ends descent.
 * </ul>
 *
 * <p>At each alpha: sequential strong rules pick the features worth visiting (at most a few times
 * as many as move); passes over that set alternate with passes over the non-zero features until
 * coefficients stop moving; then the duality gap over the strong set certifies the result, and once
 * it meets the tolerance a KKT check of every other feature follows (violators join the set and
 * descent goes on). When descent crawls (correlated features), the support is refitted exactly. If
 * the gap is still above the tolerance, the movement threshold tightens and descent goes on. No
 * allocation happens inside a pass.
 */
final class CoordinateDescent {
  /**
   * The strong rule's candidates admitted at one alpha: at most this many times as many as there
   * are non-zero coefficients, and never fewer than {@link #WORKING_SET_MIN}.
   */
  private static final int WORKING_SET_GROWTH = 2;

  private static final int WORKING_SET_MIN = 32;

  private final GaussianProblem prob;
  private final double tolerance;
  private final int maxIterations;
  private final DescentState state;
  private final GradientUpdates updates;
  private final ActiveSetRefit refit;
  private final DualityGap certificate;

  /** The objective at the last certification. */
  private double lastObjective;

  /**
   * Work (multiply-adds) spent in passes at the current alpha. A refit is tried only once descent
   * has spent about what the refit would cost: well-conditioned problems converge without it.
   */
  private double descentWork;

  /** After a refit fails, descent must again spend what a refit costs before the next try. */
  private double refitDebt;

  /**
   * Whether a refit moved the coefficients at the last alpha (and the updates predict along the
   * path); then the next alpha starts with one.
   */
  private boolean refitLastAlpha;

  /** The strong-rule threshold expected at the next alpha (per unit penalty factor). */
  private double nextStrongThreshold;

  /** Set by {@link #fitUnpenalized}: above it every penalized coefficient is exactly 0. */
  private double alphaMax = Double.POSITIVE_INFINITY;

  /** Results of the last {@link #solve}. */
  double relativeGap;

  int iterations;
  boolean converged;
  double residualSquares;

  CoordinateDescent(GaussianProblem prob, Settings settings) {
    this(prob, settings, null, null, true);
  }

  /**
   * As {@link #CoordinateDescent(GaussianProblem, Settings)} for one fit of a cross-validation:
   * covariance mode then takes its Gram columns from the shared cross-products of the full data,
   * less the {@code heldOutRows} (row indices into the full data). Large sweeps use the common
   * fork-join pool only when {@code parallelSweeps}: folds fitted side by side already keep every
   * core busy, and splitting their sweeps as well only makes threads wait on each other.
   */
  CoordinateDescent(
      GaussianProblem prob,
      Settings settings,
      CrossProducts shared,
      int[] heldOutRows,
      boolean parallelSweeps) {
    this.prob = prob;
    this.tolerance = settings.tolerance();
    this.maxIterations = settings.maxIterations();
    boolean covariance =
        switch (settings.updateMode()) {
          case COVARIANCE -> true;
          case NAIVE -> false;
          case AUTO -> useCovariance(prob.n, prob.p);
        };
    state = new DescentState(prob, parallelSweeps);
    if (covariance) {
      FoldGram foldGram =
          shared != null ? new FoldGram(shared, heldOutRows, prob, parallelSweeps) : null;
      updates = new CovarianceUpdates(state, foldGram, parallelSweeps);
    } else {
      updates = new NaiveUpdates(state, tolerance, parallelSweeps);
    }
    refit = new ActiveSetRefit(state, updates, tolerance);
    certificate = new DualityGap(state, tolerance);
    lastObjective = 0.5 * prob.yVy;
    residualSquares = prob.yVy;
  }

  /**
   * Gram updates pay when n is large next to p, and the Gram block (p columns of p doubles at most)
   * stays small.
   */
  static boolean useCovariance(int n, int p) {
    return p <= 2000 && n >= 2L * p;
  }

  /** Standardized coefficients; the array is live. */
  double[] beta() {
    return state.beta;
  }

  /** The features whose coefficients may be non-zero: the strong set, which never shrinks. */
  int[] mayBeNonZero() {
    return Arrays.copyOf(state.strongList, state.strongCount);
  }

  /**
   * Fits the unpenalized features alone (penalized ones at 0), so that {@link #alphaMax} is the
   * smallest alpha at which every penalized coefficient is 0.
   */
  void fitUnpenalized() {
    boolean any = false;
    for (int j = 0; j < prob.p; j++) {
      if (!prob.fixed[j] && prob.penalty[j] == 0) {
        any = true;
      }
    }
    if (any) {
      solve(Double.MAX_VALUE, Double.MAX_VALUE);
    }
    alphaMax = alphaMax();
  }

  /** The smallest alpha at which every penalized coefficient is 0, from the current gradients. */
  double alphaMax() {
    double max = 0;
    double l1 = Math.max(prob.l1Ratio, 1e-3);
    for (int j = 0; j < prob.p; j++) {
      double pf = prob.penalty[j];
      if (prob.fixed[j] || pf == 0) {
        continue;
      }
      double g = state.grad[j];
      // A bound at 0 forbids moves in its direction, so that side needs no penalty to stop it.
      if (prob.leavesZero(j, g, 0)) {
        max = Math.max(max, Math.abs(g) / (pf * l1));
      }
    }
    return max;
  }

  /**
   * Solves at {@code alpha}, warm-started from the current coefficients, which were solved at
   * {@code alphaPrev}. Sets {@link #relativeGap}, {@link #iterations}, {@link #converged}.
   */
  void solve(double alpha, double alphaPrev) {
    double l1 = prob.l1Ratio;
    double aScale = alpha * l1;
    double qScale = alpha * (1 - l1);
    // At alpha_max (when it is the lasso threshold, l1Ratio >= 1e-3) the all-zero solution is
    // exact; a rounding-level excess of |G_j| over the penalty must not make a coefficient of
    // 1e-17.
    boolean zeroSolution =
        l1 >= 1e-3 && alpha >= alphaMax * (1 - 1e-12) && !state.anyPenalizedNonZero();
    double strongThreshold =
        zeroSolution || alphaPrev >= Double.MAX_VALUE
            ? Double.POSITIVE_INFINITY
            : l1 * (2 * alpha - alphaPrev);
    admitStrongFeatures(strongThreshold);

    // The next alpha is likely the same ratio below this one; its strong rule guides the screen.
    nextStrongThreshold =
        alphaPrev >= Double.MAX_VALUE ? 0 : Math.max(0, l1 * alpha * (2 * alpha / alphaPrev - 1));
    double cdTol = tolerance * lastObjective;
    refit.startAlpha(alpha, alphaPrev);
    certificate.startAlpha();
    iterations = 0;
    converged = false;
    // Descent that crawls (collinear supports) is interrupted now and then for a certificate and
    // a refit, with a budget that doubles each time.
    int passLimit = 64;
    descentWork = 0;
    refitDebt = 0;
    // Predictor: along a path the support and its signs mostly carry over from one alpha to the
    // next. When the last alpha needed a refit, refitting its support at this alpha first lands
    // next to the new solution; descent then only admits the features that enter, and the
    // certificate mostly follows in a pass or two (100x1000 elastic net: 4.5 passes and 2
    // certificates per alpha became about 2 and 1). Only where the updates predict along the path
    // (see GradientUpdates#predictsAlongPath).
    boolean predict = refitLastAlpha;
    refitLastAlpha = false;
    Check check = Check.NOT_YET;
    if (predict) {
      if (refit.predict(alpha, alphaPrev, aScale, qScale, lastObjective)) {
        refitLastAlpha = true;
        // The prediction is often the solution already: certify it before any pass.
        check = certify(true, zeroSolution, aScale, qScale);
      }
    }
    while (!(check == Check.CONVERGED || check == Check.AT_FLOOR || iterations >= maxIterations)) {
      boolean settled = descend(aScale, qScale, cdTol, passLimit);
      check = certify(false, zeroSolution, aScale, qScale);
      if (check == Check.NOT_YET && descentWork >= refitDebt + refit.cost(qScale)) {
        if (refit.refit(aScale, qScale, false, lastObjective)) {
          refitLastAlpha = updates.predictsAlongPath();
          check = certify(true, zeroSolution, aScale, qScale);
        } else {
          refitDebt = descentWork + refit.cost(qScale);
        }
      }
      if (check == Check.NOT_YET && settled) {
        cdTol = Math.max(cdTol * 0.1, 1e-30);
      }
      if (!settled) {
        passLimit = (int) Math.min(2L * passLimit, Integer.MAX_VALUE);
      }
    }
    if (refitLastAlpha) {
      refit.recordSolution(alpha);
    }
  }

  /**
   * Adds to the strong set the features that move or are unpenalized, and those the sequential
   * strong rule picks ({@code |G_j| >= threshold * pf_j}), at most {@link #WORKING_SET_GROWTH}
   * times the non-zero count of them, largest gradients first. On strongly correlated designs the
   * rule picks half of all features when a few dozen will move; every pass would visit them all.
   * Leaving the rest out is safe: the KKT check after convergence adds any that must move.
   */
  private void admitStrongFeatures(double threshold) {
    int p = prob.p;
    double[] beta = state.beta;
    double[] grad = state.grad;
    boolean[] strong = state.strong;
    int nonZero = 0;
    int found = 0;
    int[] candidates = state.screened;
    for (int j = 0; j < p; j++) {
      if (prob.fixed[j]) {
        continue;
      }
      if (beta[j] != 0) {
        nonZero++;
      }
      if (strong[j]) {
        continue;
      }
      if (beta[j] != 0 || prob.penalty[j] == 0) {
        strong[j] = true;
      } else if (Math.abs(grad[j]) >= threshold * prob.penalty[j]) {
        candidates[found++] = j;
      }
    }
    int cap = Math.max(WORKING_SET_MIN, WORKING_SET_GROWTH * nonZero);
    if (found > cap) {
      Integer[] order = new Integer[found];
      for (int t = 0; t < found; t++) {
        order[t] = candidates[t];
      }
      Arrays.sort(
          order,
          (u, v) ->
              Double.compare(
                  Math.abs(grad[v]) / prob.penalty[v], Math.abs(grad[u]) / prob.penalty[u]));
      for (int t = 0; t < cap; t++) {
        strong[order[t]] = true;
      }
    } else {
      for (int t = 0; t < found; t++) {
        strong[candidates[t]] = true;
      }
    }
    state.rebuildStrongList();
  }

  /** What a certification found. */
  private enum Check {
    CONVERGED,
    /** Features outside the strong set violate the KKT conditions; they have joined it. */
    VIOLATORS,
    /** The gap stopped shrinking at the rounding floor, above the tolerance: not converged. */
    AT_FLOOR,
    NOT_YET
  }

  /**
   * Makes the strong set's gradients exact and measures the duality gap over it; once that meets
   * the tolerance, checks every other feature's KKT condition. Sets {@link #relativeGap} and {@link
   * #converged}.
   */
  private Check certify(
      boolean coefficientsJumped, boolean zeroSolution, double aScale, double qScale) {
    updates.refreshStrongGradients(coefficientsJumped);
    double[] products = updates.residualProducts();
    residualSquares = products[0];
    DualityGap.Verdict verdict =
        certificate.measure(products[0], products[1], aScale, qScale, iterations >= maxIterations);
    lastObjective = certificate.primal;
    relativeGap = certificate.relativeGap;
    if (verdict == DualityGap.Verdict.NOT_YET) {
      return Check.NOT_YET;
    }
    // The gap above covers the strong set; it holds for the whole problem once every other
    // feature meets its KKT condition, which only this check (screened in naive mode) can tell.
    if (!zeroSolution && addKktViolators(aScale) && iterations < maxIterations) {
      return Check.VIOLATORS;
    }
    converged = verdict == DualityGap.Verdict.MET;
    return converged ? Check.CONVERGED : Check.AT_FLOOR;
  }

  /**
   * Passes over the strong set, each followed by passes over the non-zero set, until a strong pass
   * moves no coefficient by more than {@code cdTol} (then true) or {@code passLimit} passes are
   * spent (then false). After each pass that moved more, the updates may extrapolate.
   */
  private boolean descend(double aScale, double qScale, double cdTol, int passLimit) {
    int limit = (int) Math.min(maxIterations, (long) iterations + passLimit);
    while (iterations < limit) {
      iterations++;
      double change = pass(state.strongList, state.strongCount, aScale, qScale);
      state.rebuildActiveList();
      if (change <= cdTol) {
        return true;
      }
      descentWork += updates.afterPass(aScale, qScale);
      while (iterations < limit) {
        iterations++;
        if (pass(state.activeList, state.activeCount, aScale, qScale) <= cdTol) {
          break;
        }
        descentWork += updates.afterPass(aScale, qScale);
      }
    }
    return false;
  }

  /** One pass of coordinate updates; returns the largest {@code (d_j + q_j) * delta^2}. */
  private double pass(int[] list, int count, double aScale, double qScale) {
    double[] beta = state.beta;
    descentWork += (double) count * updates.visitWork();
    double maxChange = 0;
    for (int k = 0; k < count; k++) {
      int j = list[k];
      double pf = prob.penalty[j];
      double a = aScale * pf;
      double curvature = prob.diag[j] + qScale * pf;
      double g = updates.gradient(j);
      double u = g + prob.diag[j] * beta[j];
      double updated = prob.coordinateMinimum(j, u, a, curvature);
      double delta = updated - beta[j];
      if (delta != 0) {
        beta[j] = updated;
        updates.applyChange(j, delta);
        maxChange = Math.max(maxChange, curvature * delta * delta);
        descentWork += updates.changeWork();
      }
    }
    return maxChange;
  }

  /**
   * Adds features outside the strong set that violate the KKT conditions; true if any. The updates
   * make exact the gradients of those that may (naive mode screens the rest out).
   */
  private boolean addKktViolators(double aScale) {
    int count = updates.kktCandidates(aScale, nextStrongThreshold);
    boolean any = false;
    for (int t = 0; t < count; t++) {
      int j = state.screened[t];
      double g = state.grad[j];
      double a = aScale * prob.penalty[j];
      if (prob.leavesZero(j, g, a)) {
        state.strong[j] = true;
        any = true;
      }
    }
    if (any) {
      state.rebuildStrongList();
    }
    return any;
  }

  @Override
  public String toString() {
    return "CoordinateDescent["
        + updates.getClass().getSimpleName()
        + ", beta="
        + Arrays.toString(state.beta)
        + "]";
  }
}
