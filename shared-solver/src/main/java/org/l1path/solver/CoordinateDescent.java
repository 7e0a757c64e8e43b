package org.l1path.solver;

import java.util.Arrays;

/**
 * Coordinate descent for one {@link GaussianProblem}, solved alpha after alpha with warm starts
 * (Friedman, Hastie and Tibshirani 2010). Works on standardized coefficients {@code beta}.
 *
 * <p>At each alpha: sequential strong rules pick the features worth visiting (at most a few times
 * as many as move); passes over that set alternate with passes over the non-zero features until
 * coefficients stop moving; then the duality gap over the strong set certifies the result, and once
 * it meets the tolerance a KKT check of every other feature follows (violators join the set and
 * descent goes on). In naive mode that check skips the features whose gradient provably stays below
 * the penalty since it was last computed, and the active coefficients are extrapolated (Anderson)
 * every few passes. When descent crawls (correlated features), the support is refitted exactly with
 * an incrementally updated Cholesky factor. If the gap is still above the tolerance, the movement
 * threshold tightens and descent goes on.
 *
 * <p>Gradients {@code G_j = z_j' V r} (r the residual, V the normalized weights) are kept either by
 * covariance updates (cached Gram columns of the features that entered; O(p) per step) or naively
 * from the residual (O(n) per visit). No allocation happens inside a pass.
 */
final class CoordinateDescent {
  private final GaussianProblem prob;

  /** Whether large sweeps may split over the common fork-join pool. */
  private final boolean parallelSweeps;

  /** How many Gram columns the next batch computes; see {@link #gramColumn}. */
  private int gramBatch = FIRST_GRAM_BATCH;

  /** The largest batch: as many columns as {@link #GRAM_BATCH_CELLS} values hold, at least 4. */
  private final int maxGramBatch;

  private final boolean covariance;

  /** Supports larger than this are left to descent: the dense solve would cost more. */
  private static final int MAX_REFIT = 1500;

  /**
   * An inexact refit (conjugate gradients under another ridge) stops when its own excess objective
   * is this fraction of the tolerance: far below what the gap must certify, a few steps early.
   */
  private static final double REFIT_EXCESS = 1e-3;

  /** A penalty slope below this fraction of its terms is a tie, within rounding. */
  private static final double TIE = 1e-9;

  /** The strong rule admits at most this many features per alpha, or this times the non-zeros. */
  private static final int WORKING_SET_MIN = 32;

  private static final int WORKING_SET_GROWTH = 2;

  /** How many Gram columns the first pass over the design computes. */
  private static final int FIRST_GRAM_BATCH = 4;

  /** The most values the weighted columns of one batch hold: 64 MB. */
  private static final long GRAM_BATCH_CELLS = 1L << 23;

  private final double tolerance;
  private final int maxIterations;

  /** Standardized coefficients. */
  private final double[] beta;

  /**
   * Gradients {@code z_j' V r}; valid on the strong set after a certification, everywhere after one
   * that converged.
   */
  private final double[] grad;

  /** {@code z_j' V yc}: the gradients at beta = 0. */
  private final double[] zvy;

  /** Naive mode: the residual r (uniform weights) or V r (weighted). */
  private final double[] res;

  /** Naive mode: {@code sum_i v_i r_i}. */
  private double sumVr;

  /**
   * Naive mode: incremental residual updates since the residual was last rebuilt, and how many may
   * pile up. Each leaves rounding of about 1e-16 of the residual; the residual is rebuilt before
   * that could reach a thousandth of the tolerance (so at tolerance 1e-6 practically never, at
   * 1e-12 at every certification).
   */
  private long updatesSinceResidual;

  private final long residualDriftLimit;

  /** How many recent residuals the KKT screen keeps as anchors. */
  private static final int ANCHORS = 8;

  /** Naive mode: the residuals of the last {@link #ANCHORS} KKT checks, by check number. */
  private final double[][] anchorRes;

  /** Naive mode: each feature's gradient at its anchor, and the number of that check. */
  private final double[] anchorGrad;

  private final long[] anchorCheck;

  /** Each anchor's coordinates {@code <u_k, r0>_V} in the screen basis. */
  private final double[][] anchorAlong = new double[ANCHORS][ScreenBasis.MAX];

  /**
   * Naive mode's screen basis: null until the screens have computed {@link #REBUILD_AFTER} sweeps'
   * worth of gradients, then rebuilt along the residual's latest move each time they have computed
   * as many again. A rebuild costs one sweep (the first, three), so a path's screens, which compute
   * dozens of sweeps' worth, rebuild it every few alphas; one logistic step's seldom get there.
   * Rebuilding after two sweeps' worth instead of four screened 7 % fewer gradients but cost more
   * sweeps (100x20000 enet at rho 0: 385 k gradients and sweeps together against 344 k).
   */
  private ScreenBasis screenBasis;

  /** The common component alone, made with the first basis. */
  private ScreenBasis commonBasis;

  private static final int REBUILD_AFTER = 4;

  /** Gradients the KKT screens have computed since the basis was last built. */
  private long screenedSinceBasis;

  /** Naive mode: {@code sqrt(d_j) = ||z_j||_V}. */
  private final double[] sqrtDiag;

  /** Naive mode: KKT checks so far. */
  private long checks;

  /** The strong-rule threshold expected at the next alpha (per unit penalty factor). */
  private double nextStrongThreshold;

  /** Features outside the strong set whose gradients a KKT check computed. */
  private final int[] screened;

  /** Covariance mode: Gram column {@code z' V z_j}, computed when feature j first moves. */
  private final double[][] gram;

  /** Covariance mode in cross-validation: where Gram columns come from instead. */
  private final FoldGram foldGram;

  private final double[] scratch;

  /** Naive mode: recent iterates of the active set, for Anderson extrapolation. */
  private final AndersonHistory anderson = new AndersonHistory();

  /** Naive mode: inner products among entered features, for the active-set refit. */
  private final ActiveGram activeGram;

  private final boolean[] strong;
  private final int[] strongList;
  private int strongCount;
  private final int[] activeList;
  private int activeCount;

  private double lastObjective;

  /**
   * Work (multiply-adds) spent in passes at the current alpha. A refit is tried only once descent
   * has spent about what the refit would cost: well-conditioned problems converge without it.
   */
  private double descentWork;

  /** The share of a new factor's cost the current alpha pays (see {@link #refitCost}). */
  private double ridgeFactorShare = 1;

  /**
   * Slides along collinear directions left at this alpha. Each slide ends one coefficient at 0;
   * when columns are only nearly collinear, one can cost the fit a little more than it saves in
   * penalty and descent moves back. The budget keeps slides and descent from undoing each other for
   * ever.
   */
  private int slidesLeft;

  /** After a refit fails, descent must again spend what a refit costs before the next try. */
  private double refitDebt;

  /**
   * Naive mode: whether a refit moved the coefficients at the last alpha; then the next starts with
   * one.
   */
  private boolean refitLastAlpha;

  /** The solutions at the last alphas that ended on a refit; made at the first. */
  private SolutionTrend trend;

  /** The factored support block of the refit, and the ridge scale it was built with. */
  private final IncrementalCholesky cholesky;

  private double factoredQ = Double.NaN;

  /** Scratch marks of the free set. */
  private final boolean[] inFree;

  /** Relative to the objective plus yVy: where a stalled gap counts as the rounding floor. */
  private static final double ROUNDING_FLOOR = 1e-11;

  /** Consecutive stalled certifications at the floor before descent gives up on an alpha. */
  private static final int FLOOR_STALLS = 3;

  /** Stalled certifications in a row at the rounding floor, at the current alpha. */
  private int floorStalls;

  /** The smallest gap certified so far at the current alpha. */
  private double bestGap;

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
    this.parallelSweeps = parallelSweeps;
    this.tolerance = settings.tolerance();
    this.maxIterations = settings.maxIterations();
    this.residualDriftLimit = (long) Math.min(1e13 * tolerance, 1e12);
    int n = prob.n;
    int p = prob.p;
    this.covariance =
        switch (settings.updateMode()) {
          case COVARIANCE -> true;
          case NAIVE -> false;
          case AUTO -> useCovariance(n, p);
        };
    beta = new double[p];
    grad = new double[p];
    zvy = new double[p];
    strong = new boolean[p];
    strongList = new int[p];
    activeList = new int[p];
    cholesky = new IncrementalCholesky(p);
    inFree = new boolean[p];
    screened = new int[p];
    anchorRes = covariance ? null : new double[ANCHORS][n];
    anchorGrad = covariance ? null : new double[p];
    anchorCheck = covariance ? null : new long[p];
    sqrtDiag = covariance ? null : new double[p];
    if (!covariance) {
      // Never anchored: older than any kept anchor.
      Arrays.fill(anchorCheck, -ANCHORS);
      for (int j = 0; j < p; j++) {
        sqrtDiag[j] = Math.sqrt(prob.diag[j]);
      }
    }
    // Covariance mode needs room for n values only here, to weigh the response: not kept.
    scratch = covariance ? null : new double[n];
    gram = covariance ? new double[p][] : null;
    maxGramBatch = (int) Math.max(FIRST_GRAM_BATCH, Math.min(p, GRAM_BATCH_CELLS / Math.max(n, 1)));
    foldGram =
        covariance && shared != null
            ? new FoldGram(shared, heldOutRows, prob, parallelSweeps)
            : null;
    activeGram = covariance ? null : new ActiveGram(prob);
    if (covariance) {
      res = null;
    } else {
      res = new double[n];
      for (int i = 0; i < n; i++) {
        res[i] = prob.v == null ? prob.yc[i] : prob.v[i] * prob.yc[i];
      }
      sumVr = prob.weightedSum(prob.yc);
    }
    double[] vy = weightedResponse();
    double sumVy = prob.weightedSum(prob.yc);
    for (int j = 0; j < p; j++) {
      if (!prob.fixed[j]) {
        zvy[j] = zDot(j, vy, sumVy);
      }
    }
    System.arraycopy(zvy, 0, grad, 0, p);
    lastObjective = 0.5 * prob.yVy;
    residualSquares = prob.yVy;
  }

  /**
   * Starts from {@code start} (standardized coefficients) instead of 0: the features it uses join
   * the strong set and every gradient is made exact.
   */
  void warmStart(double[] start) {
    System.arraycopy(start, 0, beta, 0, prob.p);
    for (int j = 0; j < prob.p; j++) {
      if (beta[j] != 0) {
        strong[j] = true;
      }
    }
    rebuildStrongList();
    refreshStrongGradients(true);
    refreshOtherGradients();
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
    return beta;
  }

  /** The features whose coefficients may be non-zero: the strong set, which never shrinks. */
  int[] mayBeNonZero() {
    return Arrays.copyOf(strongList, strongCount);
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
      double g = grad[j];
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
    int p = prob.p;
    double l1 = prob.l1Ratio;
    double aScale = alpha * l1;
    double qScale = alpha * (1 - l1);
    // At alpha_max (when it is the lasso threshold, l1Ratio >= 1e-3) the all-zero solution is
    // exact; a rounding-level excess of |G_j| over the penalty must not make a coefficient of
    // 1e-17.
    boolean zeroSolution = l1 >= 1e-3 && alpha >= alphaMax * (1 - 1e-12) && !anyPenalizedNonZero();
    double strongThreshold =
        zeroSolution || alphaPrev >= Double.MAX_VALUE
            ? Double.POSITIVE_INFINITY
            : l1 * (2 * alpha - alphaPrev);
    admitStrongFeatures(strongThreshold);

    // The next alpha is likely the same ratio below this one; its strong rule guides the screen.
    nextStrongThreshold =
        alphaPrev >= Double.MAX_VALUE ? 0 : Math.max(0, l1 * alpha * (2 * alpha / alphaPrev - 1));
    double cdTol = tolerance * lastObjective;
    ridgeFactorShare =
        alphaPrev >= Double.MAX_VALUE || alphaPrev <= alpha
            ? 1
            : Math.min(1, Math.log(alphaPrev / alpha) / Math.log(4));
    slidesLeft = prob.p;
    iterations = 0;
    converged = false;
    bestGap = Double.POSITIVE_INFINITY;
    floorStalls = 0;
    // Descent that crawls (collinear supports) is interrupted now and then for a certificate and
    // a refit, with a budget that doubles each time.
    int passLimit = 64;
    descentWork = 0;
    refitDebt = 0;
    // Predictor: along a path the support and its signs mostly carry over from one alpha to the
    // next. When the last alpha needed a refit, refitting its support at this alpha first lands
    // next to the new solution; descent then only admits the features that enter, and the
    // certificate mostly follows in a pass or two (100x1000 elastic net: 4.5 passes and 2
    // certificates per alpha became about 2 and 1). Naive mode only: in covariance mode a jump
    // costs a gradient update of O(p x support), and long designs converge fast enough from the
    // last solution (10-fold CV of 10000x1000 took 5.4 s with the predictor, 4.4 s without).
    boolean predict = refitLastAlpha;
    refitLastAlpha = false;
    Check check = Check.NOT_YET;
    if (predict) {
      trend.aim(alpha, alphaPrev);
      if (refitActiveSet(aScale, qScale, true)) {
        refitLastAlpha = true;
        // The prediction is often the solution already: certify it before any pass.
        check = certify(true, zeroSolution, aScale, qScale);
      }
    }
    while (!(check == Check.CONVERGED || check == Check.AT_FLOOR || iterations >= maxIterations)) {
      boolean settled = descend(aScale, qScale, cdTol, passLimit);
      check = certify(false, zeroSolution, aScale, qScale);
      if (check == Check.NOT_YET && descentWork >= refitDebt + refitCost(qScale)) {
        if (refitActiveSet(aScale, qScale, false)) {
          refitLastAlpha = !covariance;
          check = certify(true, zeroSolution, aScale, qScale);
        } else {
          refitDebt = descentWork + refitCost(qScale);
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
      if (trend == null) {
        trend = new SolutionTrend(p);
      }
      trend.record(alpha, beta, strongList, strongCount);
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
    int nonZero = 0;
    int found = 0;
    int[] candidates = screened;
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
    rebuildStrongList();
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
   * the tolerance, sweeps every other feature's KKT condition. Sets {@link #relativeGap} and {@link
   * #converged}.
   */
  private Check certify(
      boolean coefficientsJumped, boolean zeroSolution, double aScale, double qScale) {
    refreshStrongGradients(coefficientsJumped);
    double[] products = residualProducts();
    residualSquares = products[0];
    double primal =
        0.5 * products[0] + PenaltyDual.value(prob, beta, strongList, strongCount, aScale, qScale);
    double gap = dualityGap(primal, products[0], products[1], aScale, qScale);
    lastObjective = primal;
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
    boolean atFloor = floorStalls >= FLOOR_STALLS;
    if (!(atFloor
        || met && (gap <= 0.1 * tolerance * primal || stalled || iterations >= maxIterations))) {
      return Check.NOT_YET;
    }
    // The gap above covers the strong set; it holds for the whole problem once every other
    // feature meets its KKT condition, which only this check (screened in naive mode) can tell.
    if (!zeroSolution && addKktViolators(aScale) && iterations < maxIterations) {
      return Check.VIOLATORS;
    }
    converged = met;
    return met ? Check.CONVERGED : Check.AT_FLOOR;
  }

  private boolean anyPenalizedNonZero() {
    for (int j = 0; j < prob.p; j++) {
      if (beta[j] != 0 && prob.penalty[j] > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Passes over the strong set, each followed by passes over the non-zero set, until a strong pass
   * moves no coefficient by more than {@code cdTol} (then true) or {@code passLimit} passes are
   * spent (then false).
   */
  private boolean descend(double aScale, double qScale, double cdTol, int passLimit) {
    int limit = (int) Math.min(maxIterations, (long) iterations + passLimit);
    while (iterations < limit) {
      iterations++;
      double change = pass(strongList, strongCount, aScale, qScale);
      rebuildActiveList();
      if (change <= cdTol) {
        return true;
      }
      recordIterate(aScale, qScale);
      while (iterations < limit) {
        iterations++;
        if (pass(activeList, activeCount, aScale, qScale) <= cdTol) {
          break;
        }
        recordIterate(aScale, qScale);
      }
    }
    return false;
  }

  /**
   * Naive mode: adds the active coefficients to the extrapolation history (which restarts when the
   * active set changes), and extrapolates once it is full.
   */
  private void recordIterate(double aScale, double qScale) {
    if (covariance) {
      return;
    }
    anderson.add(beta, activeList, activeCount);
    if (anderson.full()) {
      tryExtrapolation(aScale, qScale);
      anderson.clear();
      anderson.add(beta, activeList, activeCount);
    }
  }

  /**
   * Naive mode: moves the active coefficients to the Anderson extrapolation of the last passes when
   * that lowers the objective (checked exactly, on a trial residual); otherwise leaves them.
   */
  private void tryExtrapolation(double aScale, double qScale) {
    int m = activeCount;
    double[] target = new double[m];
    if (!anderson.extrapolate(target)) {
      return;
    }
    int n = prob.n;
    double[] trial = scratch;
    System.arraycopy(res, 0, trial, 0, n);
    double trialSumVr = sumVr;
    double penaltyBefore = 0;
    double penaltyAfter = 0;
    for (int t = 0; t < m; t++) {
      int j = activeList[t];
      double b = Math.min(Math.max(target[t], prob.lower[j]), prob.upper[j]);
      target[t] = b;
      double pf = prob.penalty[j];
      penaltyBefore += pf * (aScale * Math.abs(beta[j]) + 0.5 * qScale * beta[j] * beta[j]);
      penaltyAfter += pf * (aScale * Math.abs(b) + 0.5 * qScale * b * b);
      if (b != beta[j]) {
        trialSumVr -= takeOut(trial, j, b - beta[j]);
      }
    }
    descentWork += 2.0 * n * m;
    double before = 0.5 * storedResidualSquares(res) + penaltyBefore;
    double after = 0.5 * storedResidualSquares(trial) + penaltyAfter;
    if (after < before) {
      System.arraycopy(trial, 0, res, 0, n);
      sumVr = trialSumVr;
      for (int t = 0; t < m; t++) {
        beta[activeList[t]] = target[t];
      }
      updatesSinceResidual += m;
    }
  }

  /** {@code r'V r} from a stored residual (r when unweighted, V r when weighted). */
  private double storedResidualSquares(double[] stored) {
    double s = 0;
    if (prob.v == null) {
      for (int i = 0; i < prob.n; i++) {
        s += stored[i] * stored[i];
      }
      return s * prob.invN;
    }
    for (int i = 0; i < prob.n; i++) {
      if (prob.v[i] > 0) {
        s += stored[i] * stored[i] / prob.v[i];
      }
    }
    return s;
  }

  /** One pass of coordinate updates; returns the largest {@code (d_j + q_j) * delta^2}. */
  private double pass(int[] list, int count, double aScale, double qScale) {
    descentWork += (double) count * (covariance ? 1 : prob.n);
    double maxChange = 0;
    for (int k = 0; k < count; k++) {
      int j = list[k];
      double pf = prob.penalty[j];
      double a = aScale * pf;
      double curvature = prob.diag[j] + qScale * pf;
      double g = covariance ? grad[j] : naiveGradient(j);
      double u = g + prob.diag[j] * beta[j];
      double updated = prob.coordinateMinimum(j, u, a, curvature);
      double delta = updated - beta[j];
      if (delta != 0) {
        beta[j] = updated;
        applyChange(j, delta);
        maxChange = Math.max(maxChange, curvature * delta * delta);
        descentWork += covariance ? prob.p : prob.n;
      }
    }
    return maxChange;
  }

  private double naiveGradient(int j) {
    return zDot(j, res, sumVr);
  }

  /** {@code z_j' a} where {@code a} is already weighted and sums to {@code sumA}. */
  private double zDot(int j, double[] a, double sumA) {
    double dot = Dot.of(prob.x.arrays[j], prob.x.offsets[j], a, prob.n);
    if (prob.v == null && a == res) {
      dot *= prob.invN;
    }
    return (dot - prob.centre[j] * sumA) / prob.scale[j];
  }

  /** The weighted centred response, as the naive residual stores it at beta = 0. */
  private double[] weightedResponse() {
    double[] out = scratch != null ? scratch : new double[prob.n];
    for (int i = 0; i < prob.n; i++) {
      out[i] = prob.weight(i) * prob.yc[i];
    }
    return out;
  }

  private void applyChange(int j, double delta) {
    if (covariance) {
      double[] column = gramColumn(j);
      for (int k = 0; k < prob.p; k++) {
        grad[k] -= delta * column[k];
      }
      return;
    }
    sumVr -= takeOut(res, j, delta);
    updatesSinceResidual++;
  }

  /**
   * Naive mode: takes {@code delta} times standardized feature j out of a stored residual (r, or V
   * r when weighted); returns what that takes out of {@code sum_i v_i r_i}.
   */
  private double takeOut(double[] stored, int j, double delta) {
    double[] col = prob.x.arrays[j];
    int o = prob.x.offsets[j];
    double c = prob.centre[j];
    double step = delta / prob.scale[j];
    int n = prob.n;
    if (prob.v == null) {
      for (int i = 0; i < n; i++) {
        stored[i] -= step * (col[o + i] - c);
      }
    } else {
      double[] v = prob.v;
      for (int i = 0; i < n; i++) {
        stored[i] -= step * v[i] * (col[o + i] - c);
      }
    }
    return step * (prob.mean[j] - c);
  }

  /**
   * {@code C_kj = z_k' V z_j} for every k, computed once. Columns are computed in batches: with j
   * go the features without a column that are likeliest to enter next, so each pass over the design
   * serves several columns, as one matrix product ({@link ColumnProducts}). Batches grow fourfold
   * as columns keep being asked for (4, 16, 64, ...), up to {@link #maxGramBatch}: a path that
   * takes few features computes few spare columns, one that takes them all computes its Gram matrix
   * in a few large products, as a BLAS would. C is symmetric: entries that an earlier column holds
   * are copied, and of the batch's own block only the upper triangle is summed.
   */
  private double[] gramColumn(int j) {
    if (gram[j] != null) {
      return gram[j];
    }
    int[] batch = nextGramBatch(j);
    gramBatch = Math.min(4 * gramBatch, maxGramBatch);
    if (foldGram != null) {
      foldGram.prefetch(batch);
      for (int k : batch) {
        gram[k] = foldGram.column(k, gram);
      }
      return gram[j];
    }
    int size = batch.length;
    int n = prob.n;
    double[] vz = new double[size * n];
    double[] sums = new double[size];
    boolean[] inBatch = new boolean[prob.p];
    for (int b = 0; b < size; b++) {
      sums[b] = prob.weightedStandardized(batch[b], vz, b * n);
      inBatch[batch[b]] = true;
    }
    double[][] columns = new double[size][prob.p];
    int[] others = new int[prob.p];
    int count = 0;
    for (int k = 0; k < prob.p; k++) {
      if (prob.fixed[k] || inBatch[k]) {
        continue;
      }
      if (gram[k] != null) {
        for (int b = 0; b < size; b++) {
          columns[b][k] = gram[k][batch[b]];
        }
      } else {
        others[count++] = k;
      }
    }
    double[] products = new double[size * count];
    ColumnProducts.of(vz, size, prob.x, others, count, products, parallelSweeps);
    for (int b = 0; b < size; b++) {
      for (int t = 0; t < count; t++) {
        columns[b][others[t]] = centredEntry(products[b * count + t], sums[b], others[t]);
      }
    }
    double[] block = new double[size * size];
    ColumnProducts.upperTriangle(vz, prob.x, batch, size, block, parallelSweeps);
    for (int b = 0; b < size; b++) {
      for (int c = b; c < size; c++) {
        double entry = centredEntry(block[b * size + c], sums[b], batch[c]);
        columns[b][batch[c]] = entry;
        columns[c][batch[b]] = entry;
      }
    }
    for (int b = 0; b < size; b++) {
      gram[batch[b]] = columns[b];
    }
    return gram[j];
  }

  /**
   * {@code z_k' V z_j} from the product of {@code V z_j} (summing to {@code sum}) with the raw
   * column k.
   */
  private double centredEntry(double product, double sum, int k) {
    return (product - prob.centre[k] * sum) / prob.scale[k];
  }

  /**
   * j, then up to {@link #gramBatch} - 1 other features without a Gram column: strong ones first,
   * then those whose gradient is closest to entering.
   */
  private int[] nextGramBatch(int j) {
    int[] batch = new int[gramBatch];
    batch[0] = j;
    int size = 1;
    for (int t = 0; t < strongCount && size < gramBatch; t++) {
      int k = strongList[t];
      if (k != j && gram[k] == null) {
        batch[size++] = k;
      }
    }
    boolean[] chosen = new boolean[prob.p];
    for (int b = 0; b < size; b++) {
      chosen[batch[b]] = true;
    }
    while (size < gramBatch) {
      int best = -1;
      double bestScore = -1;
      for (int k = 0; k < prob.p; k++) {
        if (prob.fixed[k] || strong[k] || gram[k] != null || chosen[k]) {
          continue;
        }
        double score = Math.abs(grad[k]) / prob.penalty[k];
        if (score > bestScore) {
          best = k;
          bestScore = score;
        }
      }
      if (best < 0) {
        break;
      }
      chosen[best] = true;
      batch[size++] = best;
    }
    return Arrays.copyOf(batch, size);
  }

  /**
   * Makes {@link #grad} exact on the strong set (naive mode recomputes from a fresh residual;
   * covariance mode keeps every gradient, and recomputes them after a refit's jump).
   */
  private void refreshStrongGradients(boolean coefficientsJumped) {
    if (covariance) {
      if (coefficientsJumped) {
        recomputeCovarianceGradients();
      }
      return;
    }
    if (coefficientsJumped || updatesSinceResidual > residualDriftLimit) {
      recomputeResidual();
    }
    computeGradients(strongList, strongCount);
  }

  /** Naive mode: makes every gradient outside the strong set exact (covariance keeps them). */
  private void refreshOtherGradients() {
    if (covariance) {
      return;
    }
    int count = listOutsideStrongSet();
    computeGradients(screened, count);
    anchor(checks++, count);
  }

  /** Lists the free features outside the strong set in {@link #screened}; returns how many. */
  private int listOutsideStrongSet() {
    int count = 0;
    for (int j = 0; j < prob.p; j++) {
      if (!strong[j] && !prob.fixed[j]) {
        screened[count++] = j;
      }
    }
    return count;
  }

  /** Makes the listed features' gradients exact, from the residual. */
  private void computeGradients(int[] list, int count) {
    prob.storedProducts(list, count, res, sumVr, grad, parallelSweeps);
  }

  /** Anchors the first {@code count} screened features at the current residual, as check c. */
  private void anchor(long check, int count) {
    int slot = (int) (check % ANCHORS);
    System.arraycopy(res, 0, anchorRes[slot], 0, prob.n);
    if (screenBasis != null) {
      screenBasis.along(res, anchorAlong[slot]);
    }
    for (int t = 0; t < count; t++) {
      int j = screened[t];
      anchorGrad[j] = grad[j];
      anchorCheck[j] = check;
    }
  }

  /**
   * Naive mode: the features outside the strong set whose KKT condition the screen cannot settle,
   * with their gradients made exact; returns how many (in {@link #screened}). The screen is
   * Cauchy-Schwarz: with {@code ||z_j||_V = sqrt(d_j)} and r0 the residual at which feature j's
   * gradient was last computed,
   *
   * <pre>
   *   |G_j(r)| <= |G_j(r0)| + sqrt(d_j) ||r - r0||_V
   * </pre>
   *
   * so a feature whose bound stays below its penalty cannot violate, and its O(n) gradient is
   * skipped. Along a path the residual moves little from one alpha to the next, so most features
   * are settled for O(1) each; the residuals of the last few checks are kept as anchors. The bound
   * is then taken apart in a {@link ScreenBasis}: the residual's recent move and the design's
   * common component, along which each gradient's change is known exactly.
   */
  private int screenedGradients(double aScale) {
    long check = checks++;
    if (check >= 1 && screenedSinceBasis >= REBUILD_AFTER * prob.p) {
      rebuildScreenBasis(check);
    }
    ScreenBasis basis = screenBasis;
    int directions = basis == null ? 0 : basis.size();
    double[] now = new double[ScreenBasis.MAX];
    if (directions > 0) {
      basis.along(res, now);
    }
    // The residual's move from each kept anchor, by its age in checks (age 0: none kept): its
    // coordinates in the basis, and the length of the rest.
    double[][] alongByAge = new double[ANCHORS][ScreenBasis.MAX];
    double[] restByAge = new double[ANCHORS];
    restByAge[0] = Double.POSITIVE_INFINITY;
    for (int age = 1; age < ANCHORS && age <= check; age++) {
      int slot = (int) ((check - age) % ANCHORS);
      double distance = residualDistance(anchorRes[slot]);
      double along = 0;
      for (int k = 0; k < directions; k++) {
        double delta = now[k] - anchorAlong[slot][k];
        alongByAge[age][k] = delta;
        along += delta * delta;
      }
      restByAge[age] =
          directions == 0 ? distance : ScreenBasis.orthogonal(distance * distance, along);
    }
    // The margin covers rounding in the anchored gradient. The threshold is the next alpha's
    // strong rule, lower than this alpha's penalty: a feature the screen settles keeps its
    // estimated gradient, and that must not pull it into the next strong set.
    double limit = Math.min(aScale * (1 - 1e-9), nextStrongThreshold);
    int count = 0;
    for (int j = 0; j < prob.p; j++) {
      if (strong[j] || prob.fixed[j]) {
        continue;
      }
      long age = check - anchorCheck[j];
      if (age < ANCHORS) {
        double estimate = anchorGrad[j];
        double rest = sqrtDiag[j];
        if (directions > 0) {
          double[] moved = alongByAge[(int) age];
          for (int k = 0; k < directions; k++) {
            estimate += basis.loading(k, j) * moved[k];
          }
          rest = basis.orthogonalNorm(j);
        }
        if (Math.abs(estimate) + rest * restByAge[(int) age] < limit * prob.penalty[j]) {
          grad[j] = estimate;
          continue;
        }
      }
      screened[count++] = j;
    }
    computeGradients(screened, count);
    screenedSinceBasis += count;
    anchor(check, count);
    return count;
  }

  /**
   * Builds the screen basis from the common component and the residual's move since the last check,
   * and measures the kept anchors in it.
   */
  private void rebuildScreenBasis(long check) {
    if (commonBasis == null) {
      commonBasis = ScreenBasis.common(prob, parallelSweeps);
    }
    double[] previous = anchorRes[(int) ((check - 1) % ANCHORS)];
    double[] move = new double[prob.n];
    for (int i = 0; i < prob.n; i++) {
      move[i] = res[i] - previous[i];
    }
    screenBasis = commonBasis.withMove(move, parallelSweeps);
    for (int slot = 0; slot < ANCHORS; slot++) {
      screenBasis.along(anchorRes[slot], anchorAlong[slot]);
    }
    screenedSinceBasis = 0;
  }

  /** {@code ||r - r0||_V}, from the stored residuals (r, or V r when weighted). */
  private double residualDistance(double[] anchorResidual) {
    double sum = 0;
    if (prob.v == null) {
      for (int i = 0; i < prob.n; i++) {
        double d = res[i] - anchorResidual[i];
        sum += d * d;
      }
      sum *= prob.invN;
    } else {
      for (int i = 0; i < prob.n; i++) {
        if (prob.v[i] > 0) {
          double d = res[i] - anchorResidual[i];
          sum += d * d / prob.v[i];
        }
      }
    }
    return Math.sqrt(sum);
  }

  /**
   * Rebuilds the residual from the coefficients: O(n · non-zeros), and it removes the rounding that
   * thousands of incremental updates leave, which would otherwise floor the duality gap.
   */
  private void recomputeResidual() {
    updatesSinceResidual = 0;
    int n = prob.n;
    double[] r = scratch;
    System.arraycopy(prob.yc, 0, r, 0, n);
    // The strong list holds every non-zero, in ascending order.
    for (int t = 0; t < strongCount; t++) {
      int j = strongList[t];
      double b = beta[j];
      if (b != 0) {
        double[] col = prob.x.arrays[j];
        int o = prob.x.offsets[j];
        double c = prob.centre[j];
        double step = b / prob.scale[j];
        for (int i = 0; i < n; i++) {
          r[i] -= step * (col[o + i] - c);
        }
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double vi = prob.weight(i);
      res[i] = prob.v == null ? r[i] : vi * r[i];
      sum += vi * r[i];
    }
    sumVr = sum;
  }

  /** {@code G = Z'V yc - C beta}, exactly, from the Gram columns of the non-zero features. */
  private void recomputeCovarianceGradients() {
    System.arraycopy(zvy, 0, grad, 0, prob.p);
    for (int j = 0; j < prob.p; j++) {
      double b = beta[j];
      if (b != 0) {
        double[] column = gramColumn(j);
        for (int k = 0; k < prob.p; k++) {
          grad[k] -= b * column[k];
        }
      }
    }
  }

  /**
   * Moves to the exact minimizer on the current support: with the signs {@code s} of the non-zero
   * coefficients strictly inside their bounds (the free set F) held fixed, the objective is
   * quadratic there and
   *
   * <pre>
   *   (C_FF + diag(q_F)) beta_F = Z_F'V yc - C_FB beta_B - a_F s_F
   * </pre>
   *
   * with B the non-zero coefficients held fixed: those at a bound, and those the factor leaves out
   * as collinear with it (then the solve is an exact step on a block of the support). When the
   * solution keeps every sign and bound the coefficients jump to it. Otherwise they move along the
   * segment towards it as far as signs and bounds allow (the objective is the convex quadratic
   * there, so it falls all the way), the coefficient that stops the move leaves F at 0 or at its
   * bound, and the solve is repeated on the smaller set. This is what makes correlated designs
   * converge in a few passes instead of thousands: descent finds the support, the solves settle the
   * values.
   *
   * @param fromTrend whether the first solve starts from the {@link #trend}'s extrapolation (the
   *     predictor at a new alpha) rather than from the current coefficients
   * @return whether the coefficients changed
   */
  private boolean refitActiveSet(double aScale, double qScale, boolean fromTrend) {
    boolean moved = false;
    boolean extrapolate = fromTrend;
    boolean exactRidge = false;
    while (true) {
      int[] free = freeSet();
      if (free.length == 0 || free.length > MAX_REFIT) {
        return moved;
      }
      factor(free, qScale, exactRidge);
      int m = cholesky.size();
      if (m == 0) {
        return moved;
      }
      double[] target = new double[m];
      for (int r = 0; r < m; r++) {
        int j = cholesky.member(r);
        target[r] = zvy[j] - aScale * prob.penalty[j] * Math.signum(beta[j]);
      }
      // Coefficients outside the factor (at a bound, or collinear with it) are held where they are.
      for (int t = 0; t < activeCount; t++) {
        int k = activeList[t];
        if (beta[k] != 0 && !cholesky.contains(k)) {
          for (int r = 0; r < m; r++) {
            target[r] -= gramEntry(cholesky.member(r), k) * beta[k];
          }
        }
      }
      boolean solved =
          solveRefit(target, qScale, REFIT_EXCESS * tolerance * lastObjective, extrapolate);
      extrapolate = false;
      if (!solved) {
        // Refactored at this very ridge, the solve is direct and cannot fail again.
        cholesky.clear();
        exactRidge = true;
        continue;
      }
      double step = 1;
      int blocking = -1;
      double blockedAt = 0;
      for (int r = 0; r < m; r++) {
        int j = cholesky.member(r);
        double from = beta[j];
        double to = target[r];
        double stop =
            Math.signum(to) != Math.signum(from) ? 0 : to > prob.upper[j] ? prob.upper[j] : to;
        stop = stop < prob.lower[j] ? prob.lower[j] : stop;
        if (stop != to) {
          double reach = (stop - from) / (to - from);
          if (reach < step) {
            step = reach;
            blocking = j;
            blockedAt = stop;
          }
        }
      }
      for (int r = 0; r < m; r++) {
        int j = cholesky.member(r);
        beta[j] += step * (target[r] - beta[j]);
      }
      moved = true;
      if (blocking < 0) {
        if (qScale == 0 && slidesLeft > 0 && slideAlongCollinear(free, aScale)) {
          slidesLeft--;
          rebuildActiveList();
          continue;
        }
        return true;
      }
      beta[blocking] = blockedAt;
      rebuildActiveList();
    }
  }

  /** Where beta_j stops moving at {@code rate}: 0 if it moves toward it, else its bound. */
  private double limitOf(int j, double rate) {
    if ((rate > 0) != (beta[j] > 0)) {
      return 0;
    }
    return rate > 0 ? prob.upper[j] : prob.lower[j];
  }

  /**
   * A free lasso coefficient left out of the factor is collinear with it, {@code z_k = Z_F w}: a
   * support at the design's rank, as at the end of a wide path or in a fold of one. Moving beta_k
   * by t and beta_F by -t w leaves the fit unchanged and the penalty linear in t, so the objective
   * falls in one direction until a coefficient reaches 0 or a bound (a lasso solution needs no more
   * non-zeros than the rank). Descent alone crawls along that flat direction for thousands of
   * passes.
   *
   * @return whether a coefficient moved (then one more has reached 0 or its bound)
   */
  private boolean slideAlongCollinear(int[] free, double aScale) {
    int k = -1;
    for (int j : free) {
      if (!cholesky.contains(j)) {
        k = j;
        break;
      }
    }
    if (k < 0) {
      return false;
    }
    int m = cholesky.size();
    double[] w = new double[m];
    for (int r = 0; r < m; r++) {
      w[r] = gramEntry(cholesky.member(r), k);
    }
    cholesky.solve(w);
    // d(penalty)/dt along (+1 on k, -w on F), over aScale. Within rounding of the direction's
    // size it is a tie (indicators of one nominal attribute, say): the objective is flat that
    // way, and a slide would follow rounding noise. The size is the largest penalty in the
    // direction times its longest component, not only the penalized terms: when the collinear
    // features are unpenalized, the one penalized term left is a rounding-level w (1e-17), and a
    // slide by beta / w sent the unpenalized coefficients to 1e16.
    double slope = prob.penalty[k] * Math.signum(beta[k]);
    double terms = prob.penalty[k];
    double largestPenalty = prob.penalty[k];
    double longest = 1;
    for (int r = 0; r < m; r++) {
      int j = cholesky.member(r);
      slope -= prob.penalty[j] * Math.signum(beta[j]) * w[r];
      terms += Math.abs(prob.penalty[j] * w[r]);
      largestPenalty = Math.max(largestPenalty, prob.penalty[j]);
      longest = Math.max(longest, Math.abs(w[r]));
    }
    double size = Math.max(terms, largestPenalty * longest);
    if (aScale == 0 || !(Math.abs(slope) > TIE * size)) {
      return false;
    }
    // Coefficient j changes at rate[j] per unit of t; t stops where the first reaches its limit.
    double direction = slope > 0 ? -1 : 1;
    double[] rate = new double[m];
    double step = (limitOf(k, direction) - beta[k]) / direction;
    int stop = k;
    for (int r = 0; r < m; r++) {
      int j = cholesky.member(r);
      rate[r] = -direction * w[r];
      double s =
          rate[r] == 0 ? Double.POSITIVE_INFINITY : (limitOf(j, rate[r]) - beta[j]) / rate[r];
      if (s < step) {
        step = s;
        stop = j;
      }
    }
    if (!(step < Double.POSITIVE_INFINITY)) {
      return false;
    }
    double stopAt = limitOf(stop, stop == k ? direction : rate[cholesky.positionOf(stop)]);
    beta[k] += direction * step;
    for (int r = 0; r < m; r++) {
      beta[cholesky.member(r)] += rate[r] * step;
    }
    beta[stop] = stopAt;
    return true;
  }

  /** The non-zero coefficients strictly inside their bounds, in active-list order. */
  private int[] freeSet() {
    int[] free = new int[activeCount];
    int m = 0;
    for (int t = 0; t < activeCount; t++) {
      int j = activeList[t];
      if (beta[j] != 0 && beta[j] != prob.lower[j] && beta[j] != prob.upper[j]) {
        free[m++] = j;
      }
    }
    return Arrays.copyOf(free, m);
  }

  /**
   * Brings the Cholesky factor of {@code C_FF + diag(q_F)} to the free set F: members that left are
   * removed and new ones appended, each O(m^2), since along a path the support changes by a feature
   * or two at a time. The factor is rebuilt when the ridge leaves the range it serves, or updates
   * have piled up. A feature that would make the block singular (collinear with the factored ones,
   * such as every indicator of a nominal attribute next to the intercept, or a support larger than
   * the rank of a wide design) is left out; the refit then holds it fixed. A new factor carries
   * half the ridge, or the ridge itself when {@code exactRidge} (after conjugate gradients failed).
   */
  private void factor(int[] free, double qScale, boolean exactRidge) {
    if (!ridgeCloseEnough(qScale) || cholesky.stale() || cholesky.size() == 0) {
      cholesky.clear();
      // Along a path the ridge only falls. A factor at half of it serves from here until the
      // ridge is a quarter of this one, with the preconditioned condition number at most 2
      // throughout (ridgeCloseEnough): twice the alphas of a factor at this ridge (100x1000
      // elastic net, 5 % faster).
      factoredQ = exactRidge ? qScale : 0.5 * qScale;
    }
    for (int j : free) {
      inFree[j] = true;
    }
    for (int r = cholesky.size() - 1; r >= 0; r--) {
      if (!inFree[cholesky.member(r)]) {
        cholesky.remove(r);
      }
    }
    for (int j : free) {
      inFree[j] = false;
      if (!cholesky.contains(j)) {
        double[] cross = new double[cholesky.size()];
        for (int r = 0; r < cross.length; r++) {
          cross[r] = gramEntry(cholesky.member(r), j);
        }
        cholesky.append(j, cross, gramEntry(j, j) + factoredQ * prob.penalty[j]);
      }
    }
  }

  /**
   * Whether the factor, built with ridge scale q0, can serve ridge q: the elastic net's ridge term
   * changes with every alpha, but {@code C + q0 D} preconditions {@code C + q D} with a condition
   * number of at most max(q/q0, q0/q), so conjugate gradients settle in a few O(m^2) steps where
   * refactoring would cost O(m^3).
   */
  private boolean ridgeCloseEnough(double qScale) {
    return qScale == factoredQ || (qScale >= 0.5 * factoredQ && qScale <= 2 * factoredQ);
  }

  /**
   * Solves {@code (C_FF + q D_F) x = b} in place (b in factor order): directly when the factor
   * carries this ridge, else by conjugate gradients preconditioned with the factor and started from
   * the current coefficients, or from their extrapolation along the path. With A = C_FF + q D_F and
   * M = C_FF + q0 D_F the factored block, the refit quadratic's excess at x is {@code r' A^-1 r / 2
   * <= max(1, q0/q) r' M^-1 r / 2}, which conjugate gradients compute anyway; they stop once that
   * bound is within {@code excessBudget}. False when they do not get there; then the caller
   * refactors.
   */
  private boolean solveRefit(double[] b, double qScale, double excessBudget, boolean extrapolate) {
    if (qScale == factoredQ) {
      cholesky.solve(b);
      return true;
    }
    int m = cholesky.size();
    // A v = M v + (q - q0) D v.
    double[] ridgeChange = new double[m];
    for (int r = 0; r < m; r++) {
      ridgeChange[r] = (qScale - factoredQ) * prob.penalty[cholesky.member(r)];
    }
    double[] x = new double[m];
    for (int r = 0; r < m; r++) {
      int j = cholesky.member(r);
      x[r] = extrapolate ? trend.at(j, beta[j]) : beta[j];
    }
    double[] product = new double[m];
    cholesky.multiply(x, product);
    double[] residual = new double[m];
    for (int r = 0; r < m; r++) {
      residual[r] = b[r] - product[r] - ridgeChange[r] * x[r];
    }
    double[] z = residual.clone();
    cholesky.solve(z);
    double[] direction = z.clone();
    double rz = dot(residual, z);
    double excessPerRz = 0.5 * Math.max(1, factoredQ / qScale);
    for (int iteration = 0; iteration < 50; iteration++) {
      if (excessPerRz * rz <= excessBudget) {
        System.arraycopy(x, 0, b, 0, m);
        return true;
      }
      cholesky.multiply(direction, product);
      for (int r = 0; r < m; r++) {
        product[r] += ridgeChange[r] * direction[r];
      }
      double step = rz / dot(direction, product);
      for (int r = 0; r < m; r++) {
        x[r] += step * direction[r];
        residual[r] -= step * product[r];
      }
      System.arraycopy(residual, 0, z, 0, m);
      cholesky.solve(z);
      double rzNext = dot(residual, z);
      double ratio = rzNext / rz;
      rz = rzNext;
      for (int r = 0; r < m; r++) {
        direction[r] = z[r] + ratio * direction[r];
      }
    }
    return false;
  }

  private static double dot(double[] u, double[] v) {
    return Dot.of(u, 0, v, u.length);
  }

  /**
   * About what a refit costs in multiply-adds: O(m^2) per feature that joins or leaves the factored
   * set, or the whole factor, plus the solve.
   */
  private double refitCost(double qScale) {
    double m = activeCount;
    if (!ridgeCloseEnough(qScale)) {
      // A new factor serves the alphas until the ridge is a quarter of this one (see factor);
      // this one pays its share. Charged in full, descent would first spend a refactor's worth on
      // every such alpha.
      return ridgeFactorShare * m * m * m / 3 + m * m;
    }
    if (cholesky.stale()) {
      return m * m * m / 3 + m * m;
    }
    int kept = 0;
    for (int t = 0; t < activeCount; t++) {
      if (cholesky.contains(activeList[t])) {
        kept++;
      }
    }
    double changes = (activeCount - kept) + (cholesky.size() - kept);
    // Conjugate gradients under another ridge, started from the current coefficients, take one or
    // two steps of 2 m^2 (measured on the benchmark designs; pricing them at 3 m^2 to 6 m^2 made
    // little difference, above that refits came too late).
    double solve = qScale == factoredQ ? m * m : 3 * m * m;
    return changes * m * m + solve;
  }

  private double gramEntry(int j, int k) {
    return covariance ? gramColumn(k)[j] : activeGram.get(j, k);
  }

  /**
   * Adds features outside the strong set that violate the KKT conditions; true if any. In naive
   * mode only the features the screen cannot settle are checked (their gradients made exact first);
   * covariance mode keeps every gradient exact.
   */
  private boolean addKktViolators(double aScale) {
    int count = covariance ? listOutsideStrongSet() : screenedGradients(aScale);
    boolean any = false;
    for (int t = 0; t < count; t++) {
      int j = screened[t];
      double g = grad[j];
      double a = aScale * prob.penalty[j];
      if (prob.leavesZero(j, g, a)) {
        strong[j] = true;
        any = true;
      }
    }
    if (any) {
      rebuildStrongList();
    }
    return any;
  }

  private void rebuildStrongList() {
    strongCount = 0;
    for (int j = 0; j < prob.p; j++) {
      if (strong[j]) {
        strongList[strongCount++] = j;
      }
    }
  }

  private void rebuildActiveList() {
    activeCount = 0;
    for (int k = 0; k < strongCount; k++) {
      int j = strongList[k];
      if (beta[j] != 0) {
        activeList[activeCount++] = j;
      }
    }
  }

  /** {@code r' V r} and {@code r' V yc}, exact in naive mode, from gradients in covariance mode. */
  private double[] residualProducts() {
    double rvr;
    double rvy;
    if (covariance) {
      // r = yc - Z beta, G = Z'V yc - C beta:  r'V yc = yVy - beta·zvy,  r'V r = r'V yc - beta·G
      double bz = 0;
      double bg = 0;
      for (int j = 0; j < prob.p; j++) {
        if (beta[j] != 0) {
          bz += beta[j] * zvy[j];
          bg += beta[j] * grad[j];
        }
      }
      rvy = prob.yVy - bz;
      rvr = Math.max(rvy - bg, 0.0);
    } else {
      double s1 = 0;
      double s2 = 0;
      if (prob.v == null) {
        for (int i = 0; i < prob.n; i++) {
          s1 += res[i] * res[i];
          s2 += res[i] * prob.yc[i];
        }
        s1 *= prob.invN;
        s2 *= prob.invN;
      } else {
        for (int i = 0; i < prob.n; i++) {
          if (prob.v[i] > 0) {
            s1 += res[i] * res[i] / prob.v[i];
          }
          s2 += res[i] * prob.yc[i];
        }
      }
      rvr = s1;
      rvy = s2;
    }
    return new double[] {rvr, rvy};
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
  private double dualityGap(double primal, double rvr, double rvy, double aScale, double qScale) {
    double c = PenaltyDual.feasibleScale(prob, strongList, strongCount, grad, aScale, qScale, 1.0);
    double conjugates =
        PenaltyDual.conjugateSum(prob, strongList, strongCount, grad, beta, c, aScale, qScale);
    double dual = c * rvy - 0.5 * c * c * rvr - conjugates;
    return Math.max(primal - dual, 0.0);
  }

  @Override
  public String toString() {
    return "CoordinateDescent[covariance=" + covariance + ", beta=" + Arrays.toString(beta) + "]";
  }
}
