package org.l1path.solver.gaussian;

import java.util.Arrays;

/**
 * Naive mode's KKT check of the features outside the strong set, screened so that most need no O(n)
 * gradient. The screen is Cauchy-Schwarz: with {@code ||z_j||_V = sqrt(d_j)} and r0 the residual at
 * which feature j's gradient was last computed,
 *
 * <pre>
 *   |G_j(r)| <= |G_j(r0)| + sqrt(d_j) ||r - r0||_V
 * </pre>
 *
 * so a feature whose bound stays below its penalty cannot violate, and its gradient is skipped.
 * Along a path the residual moves little from one alpha to the next, so most features are settled
 * for O(1) each; the residuals of the last few checks are kept as anchors. The bound is then taken
 * apart in a {@link ScreenBasis}: the residual's recent move and the design's common component,
 * along which each gradient's change is known exactly.
 */
final class KktScreen {
  /** How many recent residuals the screen keeps as anchors. */
  private static final int ANCHORS = 8;

  /**
   * The basis is null until the screens have computed this many sweeps' worth of gradients, then
   * rebuilt along the residual's latest move each time they have computed as many again. A rebuild
   * costs one sweep (the first, three), so a path's screens, which compute dozens of sweeps' worth,
   * rebuild it every few alphas; one logistic step's seldom get there. Rebuilding after two sweeps'
   * worth instead of four screened 7 % fewer gradients but cost more sweeps (100x20000 enet at rho
   * 0: 385 k gradients and sweeps together against 344 k).
   */
  private static final int REBUILD_AFTER = 4;

  private final DescentState state;
  private final GaussianProblem prob;
  private final boolean parallelSweeps;

  /** The residuals of the last {@link #ANCHORS} checks, by check number. */
  private final double[][] anchorRes;

  /** Each feature's gradient at its anchor, and the number of that check. */
  private final double[] anchorGrad;

  private final long[] anchorCheck;

  /** Each anchor's coordinates {@code <u_k, r0>_V} in the screen basis. */
  private final double[][] anchorAlong = new double[ANCHORS][ScreenBasis.MAX];

  /** {@code sqrt(d_j) = ||z_j||_V}. */
  private final double[] sqrtDiag;

  private ScreenBasis screenBasis;

  /** The common component alone, made with the first basis. */
  private ScreenBasis commonBasis;

  /** Gradients the screens have computed since the basis was last built. */
  private long screenedSinceBasis;

  /** Checks so far. */
  private long checks;

  KktScreen(DescentState state, boolean parallelSweeps) {
    this.state = state;
    this.prob = state.prob;
    this.parallelSweeps = parallelSweeps;
    int p = prob.p;
    anchorRes = new double[ANCHORS][prob.n];
    anchorGrad = new double[p];
    anchorCheck = new long[p];
    sqrtDiag = new double[p];
    // Never anchored: older than any kept anchor.
    Arrays.fill(anchorCheck, -ANCHORS);
    for (int j = 0; j < p; j++) {
      sqrtDiag[j] = Math.sqrt(prob.diag[j]);
    }
  }

  /**
   * The features outside the strong set whose KKT condition the screen cannot settle at {@code
   * aScale}, with their gradients made exact from the stored residual {@code res} (r, or V r when
   * weighted; it sums to {@code sumVr}); returns how many (in the state's {@code screened}). A
   * feature the screen settles gets its estimated gradient.
   */
  int screen(double[] res, double sumVr, double aScale, double nextStrongThreshold) {
    long check = checks++;
    if (check >= 1 && screenedSinceBasis >= REBUILD_AFTER * prob.p) {
      rebuildScreenBasis(res, check);
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
      double distance = residualDistance(res, anchorRes[slot]);
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
    int[] screened = state.screened;
    double[] grad = state.grad;
    int count = 0;
    for (int j = 0; j < prob.p; j++) {
      if (state.strong[j] || prob.fixed[j]) {
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
    prob.storedProducts(screened, count, res, sumVr, grad, parallelSweeps);
    screenedSinceBasis += count;
    anchor(res, check, count);
    return count;
  }

  /** Anchors the first {@code count} screened features at the residual, as check c. */
  private void anchor(double[] res, long check, int count) {
    int slot = (int) (check % ANCHORS);
    System.arraycopy(res, 0, anchorRes[slot], 0, prob.n);
    if (screenBasis != null) {
      screenBasis.along(res, anchorAlong[slot]);
    }
    for (int t = 0; t < count; t++) {
      int j = state.screened[t];
      anchorGrad[j] = state.grad[j];
      anchorCheck[j] = check;
    }
  }

  /**
   * Builds the screen basis from the common component and the residual's move since the last check,
   * and measures the kept anchors in it.
   */
  private void rebuildScreenBasis(double[] res, long check) {
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
  private double residualDistance(double[] res, double[] anchorResidual) {
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
}
