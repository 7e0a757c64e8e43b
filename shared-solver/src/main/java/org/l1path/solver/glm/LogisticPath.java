package org.l1path.solver.glm;

import org.l1path.solver.AlphaGrid;
import org.l1path.solver.Convergence;
import org.l1path.solver.Dataset;
import org.l1path.solver.Family;
import org.l1path.solver.PathRecorder;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.Settings;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.data.SparseRow;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * Penalized logistic (binomial) and multinomial regression along a path, by proximal Newton steps
 * as glmnet's {@code lognet} takes them (see {@link NewtonStep}): one step per coefficient row per
 * round, each solving its quadratic approximation over the row's strong set only. Once a round
 * moves no coordinate by more than a threshold, the full gradient is computed: features that fail
 * the KKT check join the strong set, and otherwise the duality gap of the logistic problem itself
 * certifies the alpha, or the threshold is tightened for more rounds. A binomial gap's dual point
 * is the residual moved onto the support's optimality conditions where the last step's Gram matrix
 * allows ({@link SupportDualPoint}): that gap falls as the square of the distance to the solution,
 * where the plain residual's falls linearly.
 *
 * <p>A tolerance finer than double precision can certify ends when the gap stops falling: the alpha
 * is then reported as stalled, with the gap it reached, rather than run to maxIterations.
 */
public final class LogisticPath {
  /** A penalty that holds every penalized coefficient at 0: used to fit the unpenalized part. */
  private static final double HUGE_ALPHA = 1e300;

  /** Gap checks in a row without halving the best gap before an alpha is declared stalled. */
  private static final int STALL_CHECKS = 3;

  /** The most rounds between two gap checks. */
  private static final int CHECK_EVERY_ROUNDS = 50;

  /**
   * The share of the tolerance a fit aims its gap at where the dual point was moved onto the
   * support's conditions ({@link SupportDualPoint}). That gap is close to the true objective
   * excess, where the plain dual point's overstated it by orders of magnitude: aiming at the
   * tolerance itself left solutions up to 1.6e-7 from optimal (a 200 x 2000 binomial path) that
   * used to be 1e-11 from it. Newton steps converge quadratically, so the tenth costs about
   * nothing: 131 against 130 steps on a 3000 x 20 binomial path.
   */
  private static final double QUADRATIC_AIM = 0.1;

  /** The least a failed gap check tightens the round threshold by. */
  private static final double TIGHTEN = 0.01;

  /**
   * The most passes one joint step's coordinate descent may take: the next step, with a new
   * gradient, corrects it, and at a tolerance past rounding more passes only chase noise.
   */
  private static final int JOINT_PASSES = 100;

  /**
   * The relative gap below which a multinomial alpha at a finer tolerance goes on in class steps.
   */
  private static final double JOINT_MIN_TOLERANCE = 1e-10;

  /** The most coordinate-descent passes one Newton step may take: the next step corrects it. */
  private static final int MAX_STEP_PASSES = 1_000;

  /**
   * The most passes per step once the round threshold is down at rounding: coordinate changes there
   * are rounding noise, which no number of passes brings under the threshold.
   */
  private static final int FLOOR_STEP_PASSES = 50;

  /**
   * Below this share of the null loss a coordinate change is rounding: coefficients near 1 move by
   * an ulp, about 1e-16, and curvature times its square is about 1e-33.
   */
  private static final double SMALLEST_THRESHOLD = 1e-30;

  /** A probability floor for the intercept-only fit of a class that never occurs. */
  private static final double P_MIN = 1e-9;

  private final Settings settings;
  private final Dataset data;
  private final GaussianProblem base;
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

  private final ClassProbabilities probs;
  private final FeatureSets[] sets;
  private final NewtonStep step;
  private final JointNewtonStep joint;
  private final RoundExtrapolation extrapolation;

  /**
   * A binomial alpha's start: the extrapolation of the last two solutions. Not for a multinomial
   * path: its plain gap certifies only near-exact solutions, so a closer start saved few joint
   * steps (254 to 245 on a 4-class one-hot path), and its move counted against the Hessian's drift
   * (39 to 60 Hessians formed, the path 0.32-0.40 to 0.41-0.50 s).
   */
  private final PathPrediction prediction;

  private final InterceptNewton interceptNewton;

  /** The loss gradient {@code G[r][j] = sum_i w_i z_ij (y_ri - p_ri)} at the last check. */
  private final double[][] gradient;

  private final int[] allFeatures;

  /** The duality gap that certifies each alpha, and the objective and loss it was taken at. */
  private final LogisticGap certificate;

  private final int freeCount;
  private final double[] scratch;
  private final double nullLoss;

  private double relativeGap;

  private int iterations;
  private boolean converged;
  private boolean stalled;

  /**
   * How much an alpha's second Newton round changed coordinates against its first, at the last
   * alpha that had a second: the first round's rate for the next alphas' early checks.
   */
  private double firstRoundRate = Double.NaN;

  /** The round threshold the next alpha starts from. */
  private double roundThreshold;

  /**
   * The path's alpha_max: at or above it every penalized coefficient is 0, and a gradient that the
   * intercepts' settling lifts past it by rounding (by 1e-16 relative) takes no feature in. On
   * Weka's labor data the top of the path had a coefficient of -4.9e-16, counted as non-zero.
   */
  private double topAlpha = Double.POSITIVE_INFINITY;

  public LogisticPath(Dataset data, Settings settings) {
    this(data, settings, false);
  }

  /**
   * A path whose Newton steps form their weighted Gram matrices on the common fork-join pool when
   * {@code parallelSweeps} (not in folds fitted side by side).
   */
  private LogisticPath(Dataset data, Settings settings, boolean parallelSweeps) {
    this.data = data;
    this.settings = settings;
    this.base = new GaussianProblem(data, settings, parallelSweeps);
    // Each gap check takes every feature's gradient: on a wide design, from the rows.
    base.keepRows();
    this.n = data.rows();
    this.p = data.features();
    this.multinomial = data.family() == Family.MULTINOMIAL;
    this.rows = multinomial ? data.classes().size() : 1;
    y = new double[rows][n];
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
    probs = new ClassProbabilities(n, rows, multinomial);
    sets = new FeatureSets[rows];
    for (int r = 0; r < rows; r++) {
      sets[r] = new FeatureSets(p);
    }
    step = new NewtonStep(base, settings.fitIntercept(), rows, settings.updateMode());
    joint =
        multinomial && rows <= JointNewtonStep.MAX_CLASSES
            ? new JointNewtonStep(base, settings.fitIntercept(), rows)
            : null;
    gradient = new double[rows][p];
    extrapolation = new RoundExtrapolation(base, y, beta, intercept, probs, sets);
    interceptNewton = new InterceptNewton(base, rows);
    prediction = multinomial ? null : new PathPrediction(base, rows);
    allFeatures = new int[p];
    int free = 0;
    for (int j = 0; j < p; j++) {
      if (!base.fixed[j]) {
        allFeatures[free++] = j;
      }
    }
    freeCount = free;
    certificate =
        new LogisticGap(base, y, probs, beta, gradient, sets, allFeatures, freeCount, step);
    scratch = new double[n];
    fitInterceptOnly();
    nullLoss = probs.loss(y, base);
    roundThreshold = firstThreshold();
  }

  private double smallestThreshold() {
    return SMALLEST_THRESHOLD * Math.max(nullLoss, Double.MIN_NORMAL);
  }

  /**
   * The round threshold of the first alpha: glmnet's convergence rule (changes below 1e-7 of the
   * null deviance at its default), scaled with the tolerance.
   */
  private double firstThreshold() {
    return 0.1 * settings.tolerance() * Math.max(nullLoss, Double.MIN_NORMAL);
  }

  public static RegularizationPath fit(
      Dataset data, Settings settings, AlphaGrid grid, Progress progress, boolean parallelSweeps) {
    return new LogisticPath(data, settings, parallelSweeps).path(grid, progress);
  }

  /** Fits the intercepts and unpenalized features alone; then alpha_max from their gradients. */
  public double alphaMaxAfterUnpenalized() {
    if (hasUnpenalizedFeatures()) {
      solve(HUGE_ALPHA, HUGE_ALPHA);
    } else {
      computeGradients();
    }
    return alphaMax();
  }

  private RegularizationPath path(AlphaGrid grid, Progress progress) {
    double alphaMax = alphaMaxAfterUnpenalized();
    topAlpha = alphaMax;
    double[] alphas = grid.alphas(alphaMax, n, p);
    // A default grid ends where glmnet's does: once the fit is saturated (it only chases
    // coefficients to infinity) or its deviance ratio stops moving. The last alphas of a flat path
    // are its costliest (every feature in, the smallest penalty) and change little: on a
    // German-credit-like binomial set glmnet's path has 61 alphas, and 10-fold CV on 100 took
    // 0.150 s against 0.107 s on those 61.
    boolean automatic = grid.isAutomatic();
    PathRecorder recorder = new PathRecorder(data, settings, base.sd, alphas, automatic, progress);
    double previous = Math.max(alphaMax, alphas[0]);
    boolean more = true;
    for (int k = 0; more; k++) {
      if (prediction != null) {
        step.addDrift(prediction.moveTo(alphas[k], beta, intercept, probs));
      }
      solve(alphas[k], previous);
      if (prediction != null) {
        prediction.record(alphas[k], beta, intercept);
      }
      previous = alphas[k];
      SparseRow[] rowCoefficients = new SparseRow[rows];
      for (int r = 0; r < rows; r++) {
        rowCoefficients[r] = SparseRow.of(base.toOriginal(beta[r]));
      }
      more =
          recorder.record(
              rowCoefficients,
              centredIntercepts(),
              nullLoss > 0 ? 1 - certificate.loss() / nullLoss : 0.0,
              new Convergence(relativeGap, iterations, converged, stalled));
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
    if (settings.fitIntercept()) {
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
    }
    for (int r = 0; r < rows; r++) {
      probs.fill(r, intercept[r]);
    }
    probs.refresh();
  }

  /** The smallest alpha at which every penalized coefficient is 0, from the current gradients. */
  private double alphaMax() {
    double max = 0;
    double l1 = Math.max(base.l1Ratio, 1e-3);
    for (int r = 0; r < rows; r++) {
      for (int t = 0; t < freeCount; t++) {
        int j = allFeatures[t];
        double pf = base.penalty[j];
        double g = gradient[r][j];
        if (pf > 0 && base.leavesZero(j, g, 0)) {
          max = Math.max(max, Math.abs(g) / (pf * l1));
        }
      }
    }
    return max;
  }

  /**
   * Rounds of Newton steps at one alpha until the duality gap meets the tolerance, progress stalls,
   * or the passes run out.
   */
  private void solve(double alpha, double previousAlpha) {
    iterations = 0;
    converged = false;
    stalled = false;
    relativeGap = Double.POSITIVE_INFINITY;
    screen(alpha, previousAlpha);
    extrapolation.clear();
    double tolerance = settings.tolerance();
    double threshold = roundThreshold;
    double bestGap = Double.POSITIVE_INFINITY;
    double bestRelativeGap = Double.POSITIVE_INFINITY;
    int checksWithoutProgress = 0;
    int roundsSinceCheck = 0;
    double previousLargest = Double.NaN;
    boolean previousNewton = false;
    int rounds = 0;
    boolean predict = true;
    while (true) {
      roundsSinceCheck++;
      rounds++;
      double largest = 0;
      boolean moved = false;
      int stepPasses = threshold > smallestThreshold() ? MAX_STEP_PASSES : FLOOR_STEP_PASSES;
      boolean jointRound = jointSteps(bestRelativeGap);
      // A Newton step on every row at once (binomial, or joint) converges at least linearly and
      // mostly faster; rounds of class steps are block descent, whose slow linear rate makes the
      // early check's prediction fail.
      boolean newton = jointRound || !multinomial;
      if (jointRound) {
        int budget =
            Math.min(settings.maxIterations() - iterations, Math.min(stepPasses, JOINT_PASSES));
        if (budget > 0) {
          joint.take(y, probs, beta, intercept, sets, alpha, threshold, budget);
          iterations += joint.passes;
          largest = joint.largestChange;
          moved = joint.moved;
        }
      } else {
        for (int r = 0; r < rows; r++) {
          int budget = Math.min(settings.maxIterations() - iterations, stepPasses);
          if (budget <= 0) {
            break;
          }
          step.take(r, y[r], probs, beta[r], intercept, sets[r], alpha, threshold, budget);
          iterations += step.passes;
          largest = Math.max(largest, step.largestChange);
          moved |= step.moved;
        }
        if (multinomial && largest > threshold) {
          extrapolation.afterRound(alpha);
        }
      }
      boolean outOfPasses = iterations >= settings.maxIterations();
      // Changes at the rounding floor can stay above the smallest threshold forever: a check now
      // and then lets a stall be seen.
      boolean settled = largest <= threshold || !moved || outOfPasses;
      // An alpha's first round has no rate of its own yet: it takes the last one measured, that of
      // a second Newton round over its first.
      double rate = Double.isNaN(previousLargest) ? firstRoundRate : largest / previousLargest;
      if (newton && previousNewton && rounds == 2) {
        firstRoundRate = rate;
      }
      previousNewton = newton;
      boolean early = !settled && newton && predict && settlesNext(rate, largest, threshold);
      previousLargest = largest;
      if (!settled && !early && roundsSinceCheck < CHECK_EVERY_ROUNDS) {
        continue;
      }
      roundsSinceCheck = 0;
      if (settings.fitIntercept()) {
        interceptNewton.settle(probs, y, intercept);
      }
      probs.resum();
      computeGradients();
      if (alpha < topAlpha && addViolators(alpha) && !outOfPasses) {
        continue;
      }
      double gap = certificate.compute(alpha);
      double objective = certificate.objective();
      boolean quadraticGap = certificate.moved();
      relativeGap = objective > 0 ? gap / objective : 0.0;
      boolean certified = gap <= tolerance * objective || gap <= 1e-15 * (1 + objective);
      double aim = quadraticGap ? QUADRATIC_AIM * tolerance : tolerance;
      // The aim is at most the tolerance, so a gap that meets it is certified too.
      if (gap <= aim * objective || gap <= 1e-15 * (1 + objective)) {
        converged = true;
        // The next alpha starts from about the threshold that certified this one.
        roundThreshold =
            quadraticGap
                ? QUADRATIC_AIM * firstThreshold()
                : Math.min(2 * threshold, firstThreshold());
        return;
      }
      if (outOfPasses) {
        converged = certified;
        return;
      }
      if (early) {
        // The prediction was wrong: rounds go on to the threshold, as they would have.
        predict = false;
        continue;
      }
      // Every check counts toward a stall, also one forced while rounds still move: rounds can
      // keep moving by rounding noise above a threshold that is not yet at its floor (large
      // coefficients, whose last bits change by more than the floor), and the gap then only
      // wanders. Fifty rounds between checks that do not halve it three times running are no
      // progress either way.
      checksWithoutProgress = gap <= 0.5 * bestGap ? 0 : checksWithoutProgress + 1;
      bestGap = Math.min(bestGap, gap);
      bestRelativeGap = Math.min(bestRelativeGap, relativeGap);
      if (checksWithoutProgress >= STALL_CHECKS) {
        converged = certified;
        stalled = !certified;
        return;
      }
      // Rounds still moving by more than the threshold are progress, unless the threshold is
      // already down at rounding.
      if (!settled && threshold > smallestThreshold()) {
        continue;
      }
      // The plain gap falls about as the square root of the threshold (a KKT violation left by a
      // coordinate change d is curvature * d, and that gap is linear in the violation); the
      // moved one's as the threshold itself (curvature * d^2).
      double shortfall = 0.25 * aim * objective / gap;
      double factor = quadraticGap ? shortfall : shortfall * shortfall;
      threshold = Math.max(threshold * Math.min(TIGHTEN, factor), smallestThreshold());
      roundThreshold = threshold;
    }
  }

  /**
   * Whether the next round would, at this rate of contraction, change no coordinate by more than
   * the threshold: then the gap is checked now, a round early. Newton steps converge at least
   * linearly, so the next change is at most about {@code largest * rate}; on a binomial path the
   * round that only confirmed a settled fit was a fifth of all steps. From a predicted start
   * ({@link PathPrediction}) the first round mostly settles an alpha: checked after it, by the rate
   * the last alpha's second round had, a 3000 x 20 binomial path took 65 Newton steps for its 64
   * alphas, where it took 117 with the prediction alone and 129 with neither.
   */
  private static boolean settlesNext(double rate, double largest, double threshold) {
    return rate < 1 && largest * rate <= threshold;
  }

  /**
   * Whether this round steps every class at once ({@link JointNewtonStep}). Not once this alpha's
   * gap is down near rounding ({@link #JOINT_MIN_TOLERANCE}): there the joint steps' gap wandered
   * without settling into a stall (a 7-class path at 1e-15 spent 12,000 passes on an alpha), where
   * class steps stall within a few checks. Class steps from the start, though, converge so slowly
   * on a glass-like 6-class path that an alpha at 1e-15 was declared stalled at a relative gap of
   * 2e-4.
   */
  private boolean jointSteps(double bestRelativeGap) {
    if (joint == null
        || settings.tolerance() < JOINT_MIN_TOLERANCE && bestRelativeGap <= JOINT_MIN_TOLERANCE) {
      return false;
    }
    return joint.suits(sets);
  }

  /**
   * The sequential strong rule: row r keeps feature j for this alpha if {@code |G_rj| > l1Ratio
   * pf_j (2 alpha - previous alpha)} at the previous solution, or if it is non-zero or unpenalized.
   */
  private void screen(double alpha, double previousAlpha) {
    double cut = base.l1Ratio * (2 * alpha - previousAlpha);
    for (int r = 0; r < rows; r++) {
      FeatureSets s = sets[r];
      s.clear();
      for (int t = 0; t < freeCount; t++) {
        int j = allFeatures[t];
        double pf = base.penalty[j];
        if (beta[r][j] != 0 || pf == 0 || Math.abs(gradient[r][j]) > cut * pf) {
          s.addStrong(j);
          if (beta[r][j] != 0) {
            s.addActive(j);
          }
        }
      }
    }
  }

  /**
   * Adds to the strong sets every feature outside them that violates its KKT condition at 0;
   * returns whether there was any.
   */
  private boolean addViolators(double alpha) {
    double a = alpha * base.l1Ratio;
    boolean any = false;
    for (int r = 0; r < rows; r++) {
      for (int t = 0; t < freeCount; t++) {
        int j = allFeatures[t];
        if (sets[r].isStrong(j)) {
          continue;
        }
        double g = gradient[r][j];
        double limit = a * base.penalty[j];
        if (base.leavesZero(j, g, limit)) {
          sets[r].addStrong(j);
          any = true;
        }
      }
    }
    return any;
  }

  /** {@code G[r][j] = sum_i w_i z_ij (y_ri - p_ri)} for every row and free feature. */
  private void computeGradients() {
    for (int r = 0; r < rows; r++) {
      double[] u = scratch;
      probs.probabilities(r, u);
      double sum = residuals(y[r], u);
      base.storedProducts(allFeatures, freeCount, u, sum, gradient[r], false);
    }
  }

  /**
   * Turns the probabilities {@code u} into the residuals {@code y - u}, weighted where the weights
   * are not uniform (as storedProducts expects them); returns their weighted sum. A loop of its
   * own, so that its count sets off no compilation of its caller while it runs (on-stack
   * replacement).
   */
  private double residuals(double[] yr, double[] u) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double residual = yr[i] - u[i];
      u[i] = base.v == null ? residual : base.v[i] * residual;
      sum += base.v == null ? base.invN * residual : u[i];
    }
    return sum;
  }
}
