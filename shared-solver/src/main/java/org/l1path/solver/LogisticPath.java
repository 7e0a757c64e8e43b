package org.l1path.solver;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Penalized logistic (binomial) and multinomial regression along a path, by proximal Newton steps
 * as glmnet takes them: at the current fit, the log-likelihood of one coefficient row is replaced
 * by its quadratic approximation (IRLS: working weights {@code v_i p_i (1 - p_i)} and working
 * response {@code eta_i + (y_i - p_i) / (p_i (1 - p_i))}), and that penalized weighted
 * least-squares problem is solved by {@link CoordinateDescent}. Multinomial fits cycle over the
 * classes. Every alpha is certified by the duality gap of the logistic problem itself.
 *
 * <p>Probabilities in the working weights are kept within [1e-9, 1 - 1e-9], so separable data and
 * tiny classes never divide by zero; the objective and its certificate use the exact probabilities.
 * (glmnet clips at 1e-5, which slows Newton to a crawl near separation.)
 */
final class LogisticPath {
  /** The bound on fitted probabilities inside the quadratic approximation. */
  private static final double P_MIN = 1e-9;

  /** The most coordinate-descent passes one quadratic step may take. */
  private static final int MAX_STEP_PASSES = 5_000;

  /** A penalty that holds every penalized coefficient at 0: used to fit the unpenalized part. */
  private static final double HUGE_ALPHA = 1e300;

  private final Dataset data;
  private final Settings settings;
  private final GaussianProblem base;
  private final Settings inner;
  private final int n;
  private final int p;
  private final int rows;
  private final boolean multinomial;

  /** Indicator of each row's class per coefficient row: {@code y[r][i]}. */
  private final double[][] y;

  /** Standardized coefficients {@code beta[r][j] = s_j b[r][j]}. */
  private final double[][] beta;

  /** Intercepts on the original scale. */
  private final double[] intercept;

  /** Linear predictors {@code eta[r][i]}. */
  private final double[][] eta;

  /** Fitted probabilities {@code prob[r][i]}, as of the last {@link #refreshProbabilities()}. */
  private final double[][] prob;

  private final double[] workingResponse;
  private final double[] workingWeight;

  /** Row r's linear predictor before a multinomial Newton step, to update the probabilities. */
  private final double[] previousEta;

  /** Scratch for {@link #normalizeRows}: each observation's sum over rows, then its inverse. */
  private final double[] rowSums;

  private final double[] gradient;
  private final int[] allFeatures;
  private final double nullDeviance;

  private double relativeGap;
  private int iterations;
  private boolean converged;
  private double objective;

  LogisticPath(Dataset data, Settings settings) {
    this.data = data;
    this.settings = settings;
    this.base = new GaussianProblem(data, settings);
    this.inner = settings.withUpdateMode(UpdateMode.NAIVE).withEarlyStop(false);
    this.n = data.rows();
    this.p = data.features();
    this.multinomial = data.family() == Family.MULTINOMIAL;
    this.rows = multinomial ? data.classes().size() : 1;
    this.y = new double[rows][n];
    double[] codes = data.response();
    for (int i = 0; i < n; i++) {
      int k = (int) codes[i];
      if (multinomial) {
        y[k][i] = 1;
      } else {
        y[0][i] = k;
      }
    }
    beta = new double[rows][p];
    intercept = new double[rows];
    eta = new double[rows][n];
    prob = new double[rows][n];
    workingResponse = new double[n];
    workingWeight = new double[n];
    previousEta = new double[n];
    rowSums = new double[n];
    gradient = new double[p];
    allFeatures = java.util.stream.IntStream.range(0, p).toArray();
    fitInterceptOnly();
    nullDeviance = deviance();
  }

  static Path fit(Dataset data, Settings settings, AlphaGrid grid, Progress progress) {
    return new LogisticPath(data, settings).path(grid, progress);
  }

  /** Fits the intercepts and unpenalized features alone; then alpha_max from their gradients. */
  double alphaMaxAfterUnpenalized() {
    if (hasUnpenalizedFeatures()) {
      solve(HUGE_ALPHA);
    }
    return alphaMax();
  }

  private Path path(AlphaGrid grid, Progress progress) {
    double[] alphas = grid.alphas(alphaMaxAfterUnpenalized(), n, p);
    // A saturated fit only chases coefficients to infinity: a default grid always stops there.
    boolean automatic = grid.isAutomatic();
    PathRecorder recorder =
        new PathRecorder(
            data,
            settings,
            base.sd,
            alphas,
            automatic,
            automatic && settings.earlyStop(),
            progress);
    boolean more = true;
    for (int k = 0; more; k++) {
      solve(alphas[k]);
      SparseRow[] rowCoefficients = new SparseRow[rows];
      for (int r = 0; r < rows; r++) {
        rowCoefficients[r] = SparseRow.of(base.toOriginal(beta[r]));
      }
      more =
          recorder.record(
              rowCoefficients,
              centredIntercepts(),
              nullDeviance > 0 ? 1 - deviance() / nullDeviance : 0.0,
              new Convergence(relativeGap, iterations, converged));
    }
    return recorder.path();
  }

  /** Multinomial intercepts are only defined up to a constant: report them summing to 0. */
  private double[] centredIntercepts() {
    double[] out = intercept.clone();
    if (multinomial) {
      double mean = 0;
      for (double b : out) {
        mean += b / rows;
      }
      for (int r = 0; r < rows; r++) {
        out[r] -= mean;
      }
    }
    return out;
  }

  private boolean hasUnpenalizedFeatures() {
    for (int j = 0; j < p; j++) {
      if (!base.fixed[j] && base.penalty[j] == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The intercept-only fit: the log-odds (or log-shares) of the weighted class frequencies; all
   * zero without an intercept.
   */
  private void fitInterceptOnly() {
    if (!settings.fitIntercept()) {
      return;
    }
    double[] share = new double[rows];
    for (int r = 0; r < rows; r++) {
      share[r] = Math.min(Math.max(base.weightedSum(y[r]), P_MIN), 1 - P_MIN);
    }
    if (multinomial) {
      double meanLog = 0;
      for (double s : share) {
        meanLog += Math.log(s) / rows;
      }
      for (int r = 0; r < rows; r++) {
        intercept[r] = Math.log(share[r]) - meanLog;
      }
    } else {
      intercept[0] = Math.log(share[0] / (1 - share[0]));
    }
    for (int r = 0; r < rows; r++) {
      Arrays.fill(eta[r], intercept[r]);
    }
  }

  /** The smallest alpha at which every penalized coefficient is 0, at the current fit. */
  private double alphaMax() {
    double max = 0;
    double l1 = Math.max(base.l1Ratio, 1e-3);
    refreshProbabilities();
    for (int r = 0; r < rows; r++) {
      lossGradient(r);
      for (int j = 0; j < p; j++) {
        double pf = base.penalty[j];
        double g = gradient[j];
        if (!base.fixed[j]
            && pf > 0
            && ((g > 0 && base.upper[j] > 0) || (g < 0 && base.lower[j] < 0))) {
          max = Math.max(max, Math.abs(g) / (pf * l1));
        }
      }
    }
    return max;
  }

  /** Proximal Newton steps at one alpha until the duality gap meets the tolerance. */
  private void solve(double alpha) {
    refreshProbabilities();
    iterations = 0;
    converged = false;
    double tolerance = settings.tolerance();
    double innerTolerance = 1e-4;
    double previousGap = Double.POSITIVE_INFINITY;
    boolean metBefore = false;
    while (true) {
      for (int r = 0; r < rows; r++) {
        newtonStep(r, alpha, innerTolerance);
      }
      if (settings.fitIntercept()) {
        settleIntercepts();
      }
      double gap = dualityGap(alpha);
      relativeGap = objective > 0 ? gap / objective : 0.0;
      boolean met = gap <= tolerance * objective || gap <= 1e-15 * (1 + objective);
      boolean stalled = gap > 0.5 * previousGap;
      // As for least squares, a margin of ten is sought, but for one more Newton step at most.
      if (met
          && (gap <= 0.1 * tolerance * objective
              || stalled
              || metBefore
              || iterations >= settings.maxIterations())) {
        converged = true;
        return;
      }
      metBefore = met;
      if (iterations >= settings.maxIterations()) {
        return;
      }
      // Newton converges fast only while each quadratic step is solved well below the current
      // outer gap; solving it tighter than that is wasted.
      innerTolerance = Math.min(innerTolerance, Math.max(1e-3 * relativeGap, 1e-13));
      previousGap = gap;
    }
  }

  /** One IRLS step for coefficient row r, the other rows held fixed. */
  private void newtonStep(int r, double alpha, double innerTolerance) {
    double weightSum = 0;
    for (int i = 0; i < n; i++) {
      double pi = prob[r][i];
      double clipped = Math.min(Math.max(pi, P_MIN), 1 - P_MIN);
      double curvature = clipped * (1 - clipped);
      workingWeight[i] = base.weight(i) * curvature;
      workingResponse[i] = eta[r][i] + (y[r][i] - pi) / curvature;
      weightSum += workingWeight[i];
    }
    if (!(weightSum > 0)) {
      return;
    }
    GaussianProblem step =
        new GaussianProblem(base, workingResponse, workingWeight, settings.fitIntercept());
    // One quadratic step gets a bounded share of the passes: the next step corrects it anyway.
    int budget = Math.max(1, Math.min(settings.maxIterations() - iterations, MAX_STEP_PASSES));
    CoordinateDescent cd =
        new CoordinateDescent(step, inner.withTolerance(innerTolerance).withMaxIterations(budget));
    cd.warmStart(beta[r]);
    double scaled = alpha / weightSum;
    cd.solve(scaled, scaled);
    iterations += cd.iterations;
    System.arraycopy(cd.beta(), 0, beta[r], 0, p);
    double[] b = base.toOriginal(beta[r]);
    intercept[r] = step.intercept(b);
    updateLinearPredictor(r, b);
  }

  /**
   * Newton steps on the intercepts alone, coefficients fixed, until {@code sum_i v_i (y_ri - p_ri)}
   * vanishes: the duality gap below is a bound only for a dual point that sums to zero over rows,
   * which is the intercepts' optimality condition. All rows step together, through their
   * information matrix {@code H_rk = sum_i v_i p_ri (d_rk - p_ki)}: stepping one row at a time
   * converged linearly through the coupling: with many classes, dozens of O(n K^2) sweeps per
   * alpha. A full step converges in two or three.
   */
  private void settleIntercepts() {
    refreshProbabilities();
    double[] score = new double[rows];
    DMatrixRMaj information = new DMatrixRMaj(rows, rows);
    for (int iteration = 0; iteration < 50; iteration++) {
      interceptScore(score);
      double largestScore = 0;
      for (double s : score) {
        largestScore = Math.max(largestScore, Math.abs(s));
      }
      if (!(largestScore > 1e-15)) {
        break;
      }
      interceptInformation(information);
      double[] step = interceptStep(score, information);
      if (step == null) {
        break;
      }
      shiftIntercepts(step);
      double largestStep = 0;
      double largestIntercept = 0;
      for (int r = 0; r < rows; r++) {
        largestStep = Math.max(largestStep, Math.abs(step[r]));
        largestIntercept = Math.max(largestIntercept, Math.abs(intercept[r]));
      }
      // Stop once the steps are down at the intercepts' rounding.
      if (largestStep <= 1e-15 * (1 + largestIntercept)) {
        break;
      }
    }
    refreshProbabilities();
  }

  /** The intercepts' score {@code sum_i v_i (y_ri - p_ri)}. */
  private void interceptScore(double[] score) {
    for (int r = 0; r < rows; r++) {
      double[] pr = prob[r];
      double[] yr = y[r];
      double residual = 0;
      for (int i = 0; i < n; i++) {
        residual += base.weight(i) * (yr[i] - pr[i]);
      }
      score[r] = residual;
    }
  }

  /** The intercepts' information matrix {@code H_rk = sum_i v_i p_ri (d_rk - p_ki)}. */
  private void interceptInformation(DMatrixRMaj information) {
    information.zero();
    for (int r = 0; r < rows; r++) {
      double[] pr = prob[r];
      double mass = 0;
      for (int i = 0; i < n; i++) {
        mass += base.weight(i) * pr[i];
      }
      information.data[r * rows + r] = mass;
      // Products of whole rows, which stream; a loop over classes per observation would not.
      for (int k = 0; k <= (multinomial ? r : 0); k++) {
        double[] pk = prob[k];
        double product = 0;
        for (int i = 0; i < n; i++) {
          product += base.weight(i) * pr[i] * pk[i];
        }
        information.data[r * rows + k] -= product;
        information.data[k * rows + r] = information.data[r * rows + k];
      }
    }
  }

  /**
   * The Newton step {@code H d = score}, or null when H has no curvature left. A multinomial H is
   * singular along equal shifts of every row, which change no probability, and the score is
   * orthogonal to them; adding {@code 11'} times the largest curvature makes H definite without
   * changing the step. A step is cut to at most 1 in any row: far from the optimum a full Newton
   * step can overshoot, and near it steps are small.
   */
  private double[] interceptStep(double[] score, DMatrixRMaj information) {
    double largest = 0;
    for (int r = 0; r < rows; r++) {
      largest = Math.max(largest, information.get(r, r));
    }
    if (!(largest > 1e-300)) {
      return null;
    }
    if (multinomial) {
      for (int q = 0; q < rows * rows; q++) {
        information.data[q] += largest;
      }
    }
    DMatrixRMaj step = new DMatrixRMaj(rows, 1);
    if (!CommonOps_DDRM.solve(information, new DMatrixRMaj(rows, 1, true, score), step)) {
      return null;
    }
    double longest = CommonOps_DDRM.elementMaxAbs(step);
    if (!(longest < Double.POSITIVE_INFINITY)) {
      return null;
    }
    if (longest > 1) {
      CommonOps_DDRM.scale(1 / longest, step);
    }
    return step.data;
  }

  /**
   * Adds {@code step[r]} to intercept r. Shifting eta_r by a constant scales p_r by its exp and
   * renormalizes: K exps in all, not n K.
   */
  private void shiftIntercepts(double[] step) {
    double[] factor = new double[rows];
    for (int r = 0; r < rows; r++) {
      intercept[r] += step[r];
      double[] e = eta[r];
      for (int i = 0; i < n; i++) {
        e[i] += step[r];
      }
      factor[r] = Math.exp(step[r]);
    }
    if (!multinomial) {
      for (int i = 0; i < n; i++) {
        double scaled = prob[0][i] * factor[0];
        prob[0][i] = scaled / (scaled + (1 - prob[0][i]));
      }
      return;
    }
    for (int r = 0; r < rows; r++) {
      double[] pr = prob[r];
      for (int i = 0; i < n; i++) {
        pr[i] *= factor[r];
      }
    }
    normalizeRows();
  }

  /**
   * Sets row r's linear predictor from its new coefficients and brings {@link #prob} up to date:
   * only eta_r changed, so p_r is scaled by exp(change) and every row renormalized, one exp per
   * observation where a softmax takes K (a softmax per Newton step was a sixth of a 10-class fit).
   */
  private void updateLinearPredictor(int r, double[] b) {
    double[] e = eta[r];
    if (multinomial) {
      System.arraycopy(e, 0, previousEta, 0, n);
    }
    Arrays.fill(e, intercept[r]);
    for (int j = 0; j < p; j++) {
      if (b[j] != 0) {
        double[] col = base.x.arrays[j];
        int o = base.x.offsets[j];
        for (int i = 0; i < n; i++) {
          e[i] += b[j] * col[o + i];
        }
      }
    }
    if (!multinomial) {
      refreshProbabilities();
      return;
    }
    double[] pr = prob[r];
    for (int i = 0; i < n; i++) {
      pr[i] *= Math.exp(e[i] - previousEta[i]);
    }
    normalizeRows();
  }

  /**
   * Divides every row of {@link #prob} by its observation's sum over rows, after some rows were
   * scaled. Row by row, each loop streams one array: a loop over the classes of each observation
   * reads K arrays at once (in a 30-class fit, 773 profile samples against 241).
   */
  private void normalizeRows() {
    double[] inverse = rowSums;
    Arrays.fill(inverse, 0);
    for (double[] pk : prob) {
      for (int i = 0; i < n; i++) {
        inverse[i] += pk[i];
      }
    }
    boolean extreme = false;
    for (int i = 0; i < n; i++) {
      extreme |= !(inverse[i] > 1e-300 && inverse[i] < Double.POSITIVE_INFINITY);
      inverse[i] = 1 / inverse[i];
    }
    for (double[] pk : prob) {
      for (int i = 0; i < n; i++) {
        pk[i] *= inverse[i];
      }
    }
    if (extreme) {
      // Defensive: a step that moves eta_r by more than about 700 (the working response grows as
      // 1 / (p (1 - p)) near separation) overflows the exp, or leaves no class with any mass.
      // Those observations get a fresh softmax; no test data has needed it.
      for (int i = 0; i < n; i++) {
        if (!(inverse[i] > 0 && inverse[i] < Double.POSITIVE_INFINITY)) {
          softmax(i);
        }
      }
    }
  }

  /** Recomputes {@link #prob} from the linear predictors: sigmoid, or softmax over the rows. */
  private void refreshProbabilities() {
    if (!multinomial) {
      for (int i = 0; i < n; i++) {
        prob[0][i] = Links.sigmoid(eta[0][i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      softmax(i);
    }
  }

  /** Observation i's class probabilities from its linear predictors. */
  private void softmax(int i) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < rows; k++) {
      max = Math.max(max, eta[k][i]);
    }
    double sum = 0;
    for (int k = 0; k < rows; k++) {
      double e = Math.exp(eta[k][i] - max);
      prob[k][i] = e;
      sum += e;
    }
    for (int k = 0; k < rows; k++) {
      prob[k][i] /= sum;
    }
  }

  /** {@code G_j = sum_i v_i z_ij (y_ri - p_ri)} for every feature, into {@link #gradient}. */
  private void lossGradient(int r) {
    double[] u = workingResponse;
    double sumU = 0;
    for (int i = 0; i < n; i++) {
      u[i] = base.weight(i) * (y[r][i] - prob[r][i]);
      sumU += u[i];
    }
    for (int j = 0; j < p; j++) {
      if (base.fixed[j]) {
        gradient[j] = 0;
        continue;
      }
      double[] col = base.x.arrays[j];
      int o = base.x.offsets[j];
      double dot = 0;
      for (int i = 0; i < n; i++) {
        dot += col[o + i] * u[i];
      }
      gradient[j] = (dot - base.centre[j] * sumU) / base.scale[j];
    }
  }

  /** {@code 2 sum_i v_i (negative log-likelihood of row i)}. */
  private double deviance() {
    return 2 * loss();
  }

  private double loss() {
    double total = 0;
    for (int i = 0; i < n; i++) {
      double li;
      if (multinomial) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < rows; k++) {
          max = Math.max(max, eta[k][i]);
        }
        double sum = 0;
        double observed = 0;
        for (int k = 0; k < rows; k++) {
          sum += Math.exp(eta[k][i] - max);
          observed += y[k][i] * eta[k][i];
        }
        li = max + Math.log(sum) - observed;
      } else {
        li = Links.softplus(eta[0][i]) - y[0][i] * eta[0][i];
      }
      total += base.weight(i) * li;
    }
    return total;
  }

  /**
   * The duality gap at the dual point {@code theta_ri = c v_i (y_ri - p_ri)}, c in (0, 1] the
   * largest scaling that keeps it feasible. The conjugate of the loss is the negative entropy of
   * {@code t_i = (1 - c) y_i + c p_i}, so
   *
   * <pre>
   *   D = - sum_i v_i sum_k t_ik log t_ik - sum_r sum_j h_j*(c G_rj)
   * </pre>
   *
   * Sets {@link #objective} to the primal objective.
   */
  private double dualityGap(double alpha) {
    refreshProbabilities();
    double aScale = alpha * base.l1Ratio;
    double qScale = alpha * (1 - base.l1Ratio);
    double penalty = 0;
    double[][] grads = new double[rows][];
    double c = 1.0;
    for (int r = 0; r < rows; r++) {
      penalty += PenaltyDual.value(base, beta[r], aScale, qScale);
      lossGradient(r);
      grads[r] = gradient.clone();
      c = PenaltyDual.feasibleScale(base, allFeatures, p, grads[r], aScale, qScale, c);
    }
    objective = loss() + penalty;
    double entropy = 0;
    for (int i = 0; i < n; i++) {
      double vi = base.weight(i);
      if (vi == 0) {
        continue;
      }
      double term = 0;
      if (multinomial) {
        for (int k = 0; k < rows; k++) {
          term += Links.xlogx((1 - c) * y[k][i] + c * prob[k][i]);
        }
      } else {
        double t = (1 - c) * y[0][i] + c * prob[0][i];
        term = Links.xlogx(t) + Links.xlogx(1 - t);
      }
      entropy += vi * term;
    }
    double conjugates = 0;
    for (int r = 0; r < rows; r++) {
      conjugates +=
          PenaltyDual.conjugateSum(base, allFeatures, p, grads[r], beta[r], c, aScale, qScale);
    }
    double dual = -entropy - conjugates;
    return Math.max(objective - dual, 0.0);
  }
}
