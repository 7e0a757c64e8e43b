package org.l1path.solver.gaussian;

import java.util.Arrays;
import org.l1path.solver.data.Dot;
import org.l1path.solver.linalg.IncrementalCholesky;

/**
 * The active-set refit: when descent crawls (correlated features), the support is refitted exactly
 * with an incrementally updated Cholesky factor of its Gram block, and along collinear directions a
 * lasso coefficient slides to 0. Along a path, the trend of the last refitted solutions also
 * predicts the next alpha's solution.
 */
final class ActiveSetRefit {
  /** Supports larger than this are left to descent: the dense solve would cost more. */
  private static final int MAX_REFIT = 1500;

  /**
   * An inexact refit (conjugate gradients under another ridge) stops when its own excess objective
   * is this fraction of the tolerance: far below what the gap must certify, a few steps early.
   */
  private static final double REFIT_EXCESS = 1e-3;

  /** A penalty slope below this fraction of its terms is a tie, within rounding. */
  private static final double TIE = 1e-9;

  private final DescentState state;
  private final GaussianProblem prob;
  private final GradientUpdates updates;
  private final double tolerance;

  /** Standardized coefficients: the state's, live. */
  private final double[] beta;

  /** The factored support block, and the ridge scale it was built with. */
  private final IncrementalCholesky cholesky;

  private double factoredQ = Double.NaN;

  /** Scratch marks of the free set. */
  private final boolean[] inFree;

  /** The solutions at the last alphas that ended on a refit; made at the first. */
  private SolutionTrend trend;

  /** The share of a new factor's cost the current alpha pays (see {@link #cost}). */
  private double ridgeFactorShare = 1;

  /**
   * Slides along collinear directions left at this alpha. Each slide ends one coefficient at 0;
   * when columns are only nearly collinear, one can cost the fit a little more than it saves in
   * penalty and descent moves back. The budget keeps slides and descent from undoing each other for
   * ever.
   */
  private int slidesLeft;

  ActiveSetRefit(DescentState state, GradientUpdates updates, double tolerance) {
    this.state = state;
    this.prob = state.prob;
    this.updates = updates;
    this.tolerance = tolerance;
    this.beta = state.beta;
    cholesky = new IncrementalCholesky(prob.p, true);
    inFree = new boolean[prob.p];
  }

  /** Readies the refit for a new alpha, reached from {@code alphaPrev}. */
  void startAlpha(double alpha, double alphaPrev) {
    ridgeFactorShare =
        alphaPrev >= Double.MAX_VALUE || alphaPrev <= alpha
            ? 1
            : Math.min(1, Math.log(alphaPrev / alpha) / Math.log(4));
    slidesLeft = prob.p;
  }

  /**
   * The predictor: refits the support from the trend's extrapolation to {@code alpha}; returns
   * whether the coefficients changed.
   */
  boolean predict(
      double alpha, double alphaPrev, double aScale, double qScale, double lastObjective) {
    trend.aim(alpha, alphaPrev);
    return refit(aScale, qScale, true, lastObjective);
  }

  /** Adds the current solution at {@code alpha} to the trend the predictor follows. */
  void recordSolution(double alpha) {
    if (trend == null) {
      trend = new SolutionTrend(prob.p);
    }
    trend.record(alpha, beta, state.strongList, state.strongCount);
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
  boolean refit(double aScale, double qScale, boolean fromTrend, double lastObjective) {
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
        target[r] = state.zvy[j] - aScale * prob.penalty[j] * Math.signum(beta[j]);
      }
      // Coefficients outside the factor (at a bound, or collinear with it) are held where they are.
      for (int t = 0; t < state.activeCount; t++) {
        int k = state.activeList[t];
        if (beta[k] != 0 && !cholesky.contains(k)) {
          for (int r = 0; r < m; r++) {
            target[r] -= updates.gramEntry(cholesky.member(r), k) * beta[k];
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
          state.rebuildActiveList();
          continue;
        }
        return true;
      }
      beta[blocking] = blockedAt;
      state.rebuildActiveList();
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
      w[r] = updates.gramEntry(cholesky.member(r), k);
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
    int[] free = new int[state.activeCount];
    int m = 0;
    for (int t = 0; t < state.activeCount; t++) {
      int j = state.activeList[t];
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
          cross[r] = updates.gramEntry(cholesky.member(r), j);
        }
        cholesky.append(j, cross, updates.gramEntry(j, j) + factoredQ * prob.penalty[j]);
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
  double cost(double qScale) {
    double m = state.activeCount;
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
    for (int t = 0; t < state.activeCount; t++) {
      if (cholesky.contains(state.activeList[t])) {
        kept++;
      }
    }
    double changes = (state.activeCount - kept) + (cholesky.size() - kept);
    // Conjugate gradients under another ridge, started from the current coefficients, take one or
    // two steps of 2 m^2 (measured on the benchmark designs; pricing them at 3 m^2 to 6 m^2 made
    // little difference, above that refits came too late).
    double solve = qScale == factoredQ ? m * m : 3 * m * m;
    return changes * m * m + solve;
  }
}
