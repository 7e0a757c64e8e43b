package org.l1path.solver.gaussian;

import org.l1path.solver.linalg.AndersonHistory;

/**
 * Naive updates: the residual is kept, and a visited feature's gradient is computed from it in
 * O(n). Suited to wide designs, where most features never enter and a Gram column would be wasted.
 * The KKT check of the other features is screened ({@link KktScreen}), and the active coefficients
 * are extrapolated (Anderson) every few passes.
 */
final class NaiveUpdates implements GradientUpdates {
  private final DescentState state;
  private final GaussianProblem prob;
  private final boolean parallelSweeps;

  /** The residual r (uniform weights) or V r (weighted). */
  private final double[] res;

  /** {@code sum_i v_i r_i}. */
  private double sumVr;

  /**
   * The residual is {@code res + shift} (V r is {@code res + shift v} when weighted) until {@link
   * #settle} adds it in: taking out a centred column {@code x_j - c_j} then reads only x_j's
   * non-zeros, its centre going to the shift.
   */
  private double shift;

  /**
   * Incremental residual updates since the residual was last rebuilt, and how many may pile up.
   * Each leaves rounding of about 1e-16 of the residual; the residual is rebuilt before that could
   * reach a thousandth of the tolerance (so at tolerance 1e-6 practically never, at 1e-12 at every
   * certification).
   */
  private long updatesSinceResidual;

  private final long residualDriftLimit;

  private final double[] scratch;

  /** Recent iterates of the active set, for Anderson extrapolation. */
  private final AndersonHistory anderson = new AndersonHistory();

  /** Inner products among entered features, for the active-set refit. */
  private final ActiveGram activeGram;

  private final KktScreen screen;

  NaiveUpdates(DescentState state, double tolerance, boolean parallelSweeps) {
    this.state = state;
    this.prob = state.prob;
    this.parallelSweeps = parallelSweeps;
    this.residualDriftLimit = (long) Math.min(1e13 * tolerance, 1e12);
    int n = prob.n;
    scratch = new double[n];
    activeGram = new ActiveGram(prob);
    screen = new KktScreen(state, parallelSweeps);
    res = new double[n];
    for (int i = 0; i < n; i++) {
      res[i] = prob.v == null ? prob.yc[i] : prob.v[i] * prob.yc[i];
    }
    sumVr = prob.weightedSum(prob.yc);
  }

  @Override
  public double gradient(int j) {
    double dot = prob.x.dot(j, res);
    if (prob.v == null) {
      dot *= prob.invN;
    }
    dot += shift * prob.mean[j];
    return (dot - prob.centre[j] * sumVr) / prob.scale[j];
  }

  @Override
  public void applyChange(int j, double delta) {
    sumVr -= takeOut(res, j, delta);
    shift += delta / prob.scale[j] * prob.centre[j];
    updatesSinceResidual++;
  }

  /** Adds the shift into the stored residual, for the sweeps that read it whole. */
  private void settle() {
    if (shift != 0) {
      for (int i = 0; i < prob.n; i++) {
        res[i] += prob.v == null ? shift : shift * prob.v[i];
      }
      shift = 0;
    }
  }

  @Override
  public double visitWork() {
    return prob.n;
  }

  @Override
  public double changeWork() {
    return prob.n;
  }

  /**
   * Takes {@code delta} times standardized feature j, less its centre, out of a stored residual (r,
   * or V r when weighted): the caller adds {@code delta c_j / s_j} to the residual's shift. Returns
   * what the whole change takes out of {@code sum_i v_i r_i}.
   */
  private double takeOut(double[] stored, int j, double delta) {
    double step = delta / prob.scale[j];
    prob.x.addScaled(j, -step, prob.v, stored);
    return step * (prob.mean[j] - prob.centre[j]);
  }

  /** Recomputes the strong set's gradients from a fresh residual when the old one may drift. */
  @Override
  public void refreshStrongGradients(boolean coefficientsJumped) {
    if (coefficientsJumped || updatesSinceResidual > residualDriftLimit) {
      recomputeResidual();
    }
    settle();
    prob.storedProducts(
        state.strongList, state.strongCount, res, sumVr, state.grad, parallelSweeps);
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
    double centres = 0;
    // The strong list holds every non-zero, in ascending order.
    for (int t = 0; t < state.strongCount; t++) {
      int j = state.strongList[t];
      double b = state.beta[j];
      if (b != 0) {
        double step = b / prob.scale[j];
        prob.x.addScaled(j, -step, null, r);
        centres += step * prob.centre[j];
      }
    }
    for (int i = 0; i < n; i++) {
      r[i] += centres;
    }
    shift = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double vi = prob.weight(i);
      res[i] = prob.v == null ? r[i] : vi * r[i];
      sum += vi * r[i];
    }
    sumVr = sum;
  }

  @Override
  public int kktCandidates(double aScale, double nextStrongThreshold) {
    settle();
    return screen.screen(res, sumVr, aScale, nextStrongThreshold);
  }

  /** Exact, from the stored residual. */
  @Override
  public double[] residualProducts() {
    settle();
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
    return new double[] {s1, s2};
  }

  @Override
  public double gramEntry(int j, int k) {
    return activeGram.get(j, k);
  }

  /**
   * Adds the active coefficients to the extrapolation history (which restarts when the active set
   * changes), and extrapolates once it is full.
   */
  @Override
  public double afterPass(double aScale, double qScale) {
    double work = 0;
    anderson.add(state.beta, state.activeList, state.activeCount);
    if (anderson.full()) {
      work = tryExtrapolation(aScale, qScale);
      anderson.clear();
      anderson.add(state.beta, state.activeList, state.activeCount);
    }
    return work;
  }

  /**
   * Moves the active coefficients to the Anderson extrapolation of the last passes when that lowers
   * the objective (checked exactly, on a trial residual); otherwise leaves them. Returns the work
   * spent.
   */
  private double tryExtrapolation(double aScale, double qScale) {
    int m = state.activeCount;
    int[] activeList = state.activeList;
    double[] beta = state.beta;
    double[] target = new double[m];
    if (!anderson.extrapolate(target)) {
      return 0;
    }
    int n = prob.n;
    settle();
    double[] trial = scratch;
    System.arraycopy(res, 0, trial, 0, n);
    double trialShift = 0;
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
        trialShift += (b - beta[j]) / prob.scale[j] * prob.centre[j];
      }
    }
    for (int i = 0; i < n; i++) {
      trial[i] += prob.v == null ? trialShift : trialShift * prob.v[i];
    }
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
    return 2.0 * n * m;
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

  /** A refit that moved the coefficients at one alpha predicts the next (see CoordinateDescent). */
  @Override
  public boolean predictsAlongPath() {
    return true;
  }
}
