package org.l1path.solver.glm;

import org.l1path.solver.UpdateMode;
import org.l1path.solver.data.Design;
import org.l1path.solver.data.Dot;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.AndersonHistory;

/**
 * One proximal Newton step for one coefficient row of a logistic or multinomial fit, as glmnet's
 * {@code lognet} takes it: the log-likelihood of row r is replaced by its quadratic approximation
 * at the current fit (working weights {@code v_i = w_i q_i (1 - q_i)}), and that penalized weighted
 * least-squares problem is solved by coordinate descent over the row's strong set, cycling its
 * active set between full passes. Updates are naive (a residual of n values is kept, each
 * coordinate reads one column) or, where that costs less, covariance updates from the strong set's
 * weighted Gram matrix ({@link GramStep}). A long step is then taken only as far along as lowers
 * the true objective (halving from the full step), so every step descends.
 *
 * <p>Within one step the features are centred on their v-weighted means {@code m_j}; the intercept,
 * fitted first, then stays optimal through every coordinate update and needs no pass of its own.
 */
final class NewtonStep {
  /** The bound on fitted probabilities inside the quadratic approximation. */
  private static final double P_MIN = 1e-9;

  /**
   * The longest move of a linear predictor, plus the drift of the curvature used, that is taken
   * without a line search.
   */
  private static final double SURE_STEP = 0.5;

  /**
   * A step's Gram matrix is formed again once the predictors may have moved this far since. For one
   * class of a multinomial round the drift counts every other class's moves twice (a bound through
   * the softmax's normalization), which overstates how far its weights moved: a soybean-like path
   * (19 classes on class steps, 7523 Gram matrices for 24567 steps at 0.25) took 0.40-0.41 s at 0.5
   * against 0.46-0.47 s, and 0.50-0.71 s at 1.0. Binomial paths, whose steps all take a matrix and
   * mostly start from a predicted point, form about half as many at 0.5 as at 0.25 for as many
   * steps (1000 x 80 one-hot: 37 to 20 matrices, 73 to 70 steps; 200 x 2000: 39 to 21, 120 to 127;
   * 50000 x 50: 36 to 21, 75 to 76): whole processes of 100 fits of 200 x 2000 on one core took
   * 6.8-7.5 s of CPU against 7.7-8.3 s.
   */
  private static final double MAX_DRIFT = 0.5;

  /** Halvings of a step before it is given up as making no progress. */
  private static final int MAX_HALVINGS = 30;

  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final boolean intercept;

  /** Working weights {@code v_i}. */
  private final double[] v;

  /** {@code w_i (y_i - q_i) - v_i delta_i}: the negative gradient of the quadratic in eta. */
  private final double[] residual;

  /** The step's change of eta_r. */
  private final double[] delta;

  /** {@code exp(t delta_i)} for the step length t last tried. */
  private final double[] factor;

  /** The v-weighted mean of each strong feature (0 without an intercept). */
  private final double[] centre;

  /**
   * {@code sum_i v_i x_ij}: how a coordinate update moves the residual's sum, without intercept.
   */
  private final double[] weightedSum;

  /** {@code sum_i v_i z_ij^2}: the quadratic's curvature along coordinate j. */
  private final double[] curvature;

  /** The row's standardized coefficients at the start of the step. */
  private final double[] start;

  /** The features a step changed, and the change of each one's original-scale coefficient. */
  private final int[] changed;

  private final double[] changeFactors;

  /**
   * Each coefficient row's inner solve with its strong set's weighted Gram matrix. A matrix is kept
   * from step to step while the working weights it was formed with stay close to the current ones:
   * forming it is most of a step's cost, and a multinomial fit takes many rounds of steps.
   */
  private final GramStep[] grams;

  /**
   * How far, at most, the linear predictors have moved since each row's Gram matrix was formed (see
   * {@link #addDrift}): its curvature is within a factor {@code e^drift} of the current one.
   */
  private final double[] drift;

  /** Each coefficient row's recent largest naive passes per step: the guess for its next. */
  private final int[] expectedPasses;

  /** The largest {@code curvature * change^2} of the last naive pass. */
  private double lastPassChange;

  /**
   * Within {@link #naiveSolve} the residual is {@code residual + residualShift v}: a coordinate
   * update takes out {@code x_j} (its non-zeros, on a sparse design), its centre going here.
   */
  private double residualShift;

  /**
   * An inexact Newton step's forcing term: without a Gram matrix, a step's passes stop once one
   * changes the coefficients by less than this share of the first pass's change (or by less than
   * the round threshold). The first step at a new alpha solves a quadratic that is still far from
   * the loss; solving it to the threshold took 130 to 150 passes of a 10000-word text fit, where
   * the next step starts over. 1e-3 against 1e-2 and 1e-1: 2.7, 3.2 and 3.6 s on that path.
   */
  private static final double FORCING = 1e-3;

  private final double[] moments = new double[2];

  /** Recent iterates of the active set, for Anderson extrapolation of naive passes. */
  private final AndersonHistory anderson = new AndersonHistory();

  /** A trial residual for the extrapolation. */
  private final double[] trial;

  /** Coordinate-descent passes of the last step. */
  int passes;

  /** The largest {@code curvature_j * change_j^2} of the last step (the intercept's included). */
  double largestChange;

  /** Whether the last step moved the fit at all. */
  boolean moved;

  /** Naive or Gram-matrix updates, or AUTO: by their estimated cost, step by step. */
  private final UpdateMode updateMode;

  NewtonStep(GaussianProblem base, boolean intercept, int rows, UpdateMode updateMode) {
    this.base = base;
    this.updateMode = updateMode;
    this.x = base.x;
    this.n = base.n;
    this.intercept = intercept;
    v = new double[n];
    residual = new double[n];
    trial = new double[n];
    delta = new double[n];
    factor = new double[n];
    centre = new double[base.p];
    weightedSum = new double[base.p];
    curvature = new double[base.p];
    start = new double[base.p];
    changed = new int[base.p];
    changeFactors = new double[base.p];
    grams = new GramStep[rows];
    drift = new double[rows];
    expectedPasses = new int[rows];
    java.util.Arrays.fill(expectedPasses, 10);
  }

  /**
   * Takes one step on row r: {@code beta} (standardized) and {@code intercepts[r]} (original scale)
   * move, and {@code probs} with them.
   *
   * @param threshold coordinate descent stops once a full pass changes no coordinate by more than
   *     this ({@code curvature * change^2})
   * @param passBudget the most passes this step may take
   */
  void take(
      int r,
      double[] yr,
      ClassProbabilities probs,
      double[] beta,
      double[] intercepts,
      FeatureSets sets,
      double alpha,
      double threshold,
      int passBudget) {
    passes = 0;
    largestChange = 0;
    moved = false;
    workingWeights(r, yr, probs);
    double weightTotal = Dot.sum(v, 0, n);
    double residualSum = Dot.sum(residual, 0, n);
    if (!(weightTotal > 0)) {
      return;
    }
    int[] strong = sets.strong;
    boolean useGram =
        switch (updateMode) {
          case NAIVE -> false;
          case COVARIANCE -> fitsGram(sets, grams.length);
          // A binomial step always takes the Gram matrix where it fits: besides its passes, it
          // gives the gap its moved dual point (SupportDualPoint), which needs the matrix. From
          // a predicted start the naive steps took few passes, so passes alone chose them, and
          // their alphas were certified on the plain gap: 200 x 2000, 4 alphas at gaps up to
          // 8.2e-7; 1000 x 80 one-hot, 36. With the matrix every alpha is certified by the moved
          // point, steps and checks fall (one-hot: 115 and 90 to 73 and 68; 200 x 2000: 147 and
          // 125 to 120 and 109) and so do the times (one-hot 0.022 to 0.012-0.016 s, 50000 x 50
          // 0.79-0.80 to 0.67-0.71 s, 200 x 2000 0.058-0.060 to 0.046-0.058 s).
          case AUTO ->
              fitsGram(sets, grams.length)
                  && (grams.length == 1 || gramPays(sets, expectedPasses[r]));
        };
    boolean current = useGram && grams[r] != null && drift[r] <= MAX_DRIFT;
    boolean reuse = current && grams[r].formedFor(sets);
    boolean extend = current && !reuse && grams[r].extendable(sets);
    for (int t = 0; t < sets.strongCount; t++) {
      int j = strong[t];
      if (extend && !grams[r].holds(j)) {
        // A new row of the matrix is centred as the others were, at the weights it was formed at.
        moments(j, grams[r].formedWeights(), grams[r].formedTotal());
      } else if (!reuse && !extend) {
        moments(j, v, weightTotal);
      }
      start[j] = beta[j];
    }
    double interceptStep = 0;
    if (intercept) {
      interceptStep = residualSum / weightTotal;
      // A loop inside take set off a compilation of all of take while it ran (on-stack
      // replacement), on top of its own: 0.55 s of C2 time in Weka's German-credit command.
      Dot.addScaled(residual, -interceptStep, v, n);
      residualSum = 0;
      largestChange = weightTotal * interceptStep * interceptStep;
    }
    double aScale = alpha * base.l1Ratio;
    double qScale = alpha * (1 - base.l1Ratio);
    if (useGram) {
      if (grams[r] == null) {
        grams[r] = new GramStep(base, grams.length == 1);
      }
      if (reuse) {
        grams[r].reuse(sets, residual, centre, curvature);
      } else if (extend) {
        grams[r].extend(sets, residual, centre, curvature);
      } else {
        grams[r].build(sets, v, weightTotal, centre, residual);
        drift[r] = 0;
      }
      passes = grams[r].solve(sets, beta, aScale, qScale, threshold, passBudget);
    } else {
      grams[r] = null;
      // Where no Gram matrix could hold the strong set, each step's quadratic is solved only by
      // passes: solve it as far as the step deserves (inexact Newton), not to the threshold.
      double forcing = fitsGram(sets, grams.length) ? 0.0 : FORCING;
      naiveSolve(sets, beta, aScale, qScale, threshold, forcing, passBudget, residualSum);
      // The first step at an alpha takes the most passes; later steps, near the solution, few. A
      // slowly fading maximum keeps the guess at what the next alpha's first step will need.
      // Passes with the Gram matrix say nothing of naive ones (its exact solves cut them short).
      expectedPasses[r] = Math.max(passes, expectedPasses[r] / 2);
    }
    finish(r, yr, probs, beta, intercepts, sets, interceptStep, aScale, qScale);
  }

  /** Row r's Gram matrix as its last step left it, or null where that step had none. */
  GramStep gram(int r) {
    return grams[r];
  }

  /**
   * The working weights {@code v_i} and the residual {@code w_i (y_i - q_i)} at the current fit. No
   * running sums here: each would wait on its last addition, and these loops run every step.
   */
  private void workingWeights(int r, double[] yr, ClassProbabilities probs) {
    probs.probabilities(r, residual);
    double[] w = base.v;
    double uniform = base.invN;
    for (int i = 0; i < n; i++) {
      double q = residual[i];
      double clipped = q < P_MIN ? P_MIN : q > 1 - P_MIN ? 1 - P_MIN : q;
      double wi = w == null ? uniform : w[i];
      v[i] = wi * clipped * (1 - clipped);
      residual[i] = wi * (yr[i] - q);
    }
  }

  /**
   * Counts a move of a binomial fit's eta by at most {@code move} (a path's predicted start): its
   * curvature changes by at most a factor {@code e^move}.
   */
  void addDrift(double move) {
    drift[0] += move;
  }

  /**
   * Counts a step's longest move of eta against every row's Gram matrix: the curvature {@code q(1 -
   * q)} of the row that moved changes by at most a factor {@code e^t} over a move of t, and another
   * row's by at most {@code e^2t} (through the softmax's normalization).
   */
  private void addDrift(int r, double move) {
    for (int k = 0; k < drift.length; k++) {
      drift[k] += k == r ? move : 2 * move;
    }
  }

  /**
   * Whether the strong set's weighted Gram matrix costs less than the naive passes it would save:
   * {@code n |S|^2 / 2} multiply-adds once, against {@code 2 n |A|} for each pass (a gradient and,
   * mostly, a residual update per active feature), with as many passes as the row's last step. For
   * the class steps of a multinomial round; a binomial step takes the matrix where it fits.
   */
  private static boolean gramPays(FeatureSets sets, int passes) {
    long strong = sets.strongCount;
    long active = Math.max(sets.activeCount, 1);
    return strong * (strong + 1) <= 4L * passes * active;
  }

  /** Whether every row's Gram matrix of this strong set's size stays within the memory cap. */
  private static boolean fitsGram(FeatureSets sets, int rows) {
    long strong = sets.strongCount;
    return rows * strong * strong <= GramStep.MAX_CELLS;
  }

  /** Coordinate descent with naive updates: cycles the active set between full passes. */
  private void naiveSolve(
      FeatureSets sets,
      double[] beta,
      double aScale,
      double qScale,
      double threshold,
      double forcing,
      int passBudget,
      double residualSum) {
    residualShift = 0;
    double stop = threshold;
    while (passes < passBudget) {
      residualSum = pass(sets.strong, sets.strongCount, beta, sets, aScale, qScale, residualSum);
      passes++;
      if (passes == 1) {
        stop = Math.max(threshold, forcing * lastPassChange);
      }
      if (lastPassChange <= stop) {
        break;
      }
      anderson.clear();
      while (passes < passBudget) {
        residualSum = pass(sets.active, sets.activeCount, beta, sets, aScale, qScale, residualSum);
        passes++;
        if (lastPassChange <= stop) {
          break;
        }
        anderson.add(beta, sets.active, sets.activeCount);
        if (anderson.full()) {
          residualSum = tryExtrapolation(sets, beta, aScale, qScale, residualSum);
          anderson.clear();
          anderson.add(beta, sets.active, sets.activeCount);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      residual[i] += residualShift * v[i];
    }
  }

  /**
   * Sets the centre and curvature of feature j under these weights: the working weights, or those a
   * Gram matrix taken over to a new strong set was formed at.
   */
  private void moments(int j, double[] weights, double weightTotal) {
    double s = base.scale[j];
    // Sums of x less its overall mean: a feature far from 0 would lose its variance to the
    // cancellation in sum v x^2 - (sum v x)^2 / V.
    double shift = intercept ? base.mean[j] : 0.0;
    x.shiftedMoments(j, weights, 0.0, weightTotal, shift, moments);
    double s1 = moments[0];
    double s2 = moments[1];
    centre[j] = intercept ? shift + s1 / weightTotal : 0.0;
    weightedSum[j] = s1 + shift * weightTotal;
    curvature[j] = Math.max(intercept ? s2 - s1 * s1 / weightTotal : s2, 0.0) / (s * s);
  }

  /**
   * Moves the active coefficients to the Anderson extrapolation of the last passes when that lowers
   * the step's penalized quadratic (checked exactly, on a trial residual); otherwise leaves them.
   * Where curvatures differ by orders of magnitude (rare words of a near-separable text fit)
   * descent creeps along the flat directions for hundreds of passes, and the extrapolation jumps
   * ahead. Returns the residual's sum.
   */
  private double tryExtrapolation(
      FeatureSets sets, double[] beta, double aScale, double qScale, double residualSum) {
    int m = sets.activeCount;
    int[] active = sets.active;
    double[] target = new double[m];
    if (!anderson.extrapolate(target)) {
      return residualSum;
    }
    System.arraycopy(residual, 0, trial, 0, n);
    double trialShift = residualShift;
    double trialSum = residualSum;
    double penaltyChange = 0;
    for (int t = 0; t < m; t++) {
      int j = active[t];
      double b = Math.min(Math.max(target[t], base.lower[j]), base.upper[j]);
      target[t] = b;
      double d = b - beta[j];
      if (d == 0) {
        continue;
      }
      double pf = base.penalty[j];
      penaltyChange +=
          pf
              * (aScale * (Math.abs(b) - Math.abs(beta[j]))
                  + 0.5 * qScale * (b * b - beta[j] * beta[j]));
      double f = d / base.scale[j];
      x.addScaled(j, -f, v, trial);
      trialShift += f * centre[j];
      if (!intercept) {
        trialSum -= f * weightedSum[j];
      }
    }
    if (quadraticLoss(trial, trialShift) + penaltyChange
        >= quadraticLoss(residual, residualShift)) {
      return residualSum;
    }
    System.arraycopy(trial, 0, residual, 0, n);
    residualShift = trialShift;
    for (int t = 0; t < m; t++) {
      beta[active[t]] = target[t];
    }
    return trialSum;
  }

  /** {@code 1/2 sum_i r_i^2 / v_i} of a residual stored as {@code stored + shift v}. */
  private double quadraticLoss(double[] stored, double shift) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (v[i] > 0) {
        double r = stored[i] + shift * v[i];
        sum += r * r / v[i];
      }
    }
    return 0.5 * sum;
  }

  /** One coordinate-descent pass over a list of features; returns the residual's new sum. */
  private double pass(
      int[] list,
      int count,
      double[] beta,
      FeatureSets sets,
      double aScale,
      double qScale,
      double residualSum) {
    double largest = 0;
    for (int t = 0; t < count; t++) {
      int j = list[t];
      double h = curvature[j];
      double pf = base.penalty[j];
      double denominator = h + qScale * pf;
      if (!(denominator > 0)) {
        continue;
      }
      double s = base.scale[j];
      double m = centre[j];
      double dot = x.dot(j, residual) + residualShift * weightedSum[j];
      double gradient = (dot - m * residualSum) / s;
      double old = beta[j];
      double u = gradient + h * old;
      double a = aScale * pf;
      double updated = base.coordinateMinimum(j, u, a, denominator);
      if (updated == old) {
        continue;
      }
      double d = updated - old;
      beta[j] = updated;
      largest = Math.max(largest, h * d * d);
      sets.addActive(j);
      double f = d / s;
      x.addScaled(j, -f, v, residual);
      residualShift += f * m;
      if (!intercept) {
        residualSum -= f * weightedSum[j];
      }
    }
    lastPassChange = largest;
    return residualSum;
  }

  /**
   * Turns the coordinate changes into a change of eta_r, finds how far along it the objective
   * falls, and applies that much to the coefficients, the intercept and the probabilities.
   */
  private void finish(
      int r,
      double[] yr,
      ClassProbabilities probs,
      double[] beta,
      double[] intercepts,
      FeatureSets sets,
      double interceptStep,
      double aScale,
      double qScale) {
    int[] strong = sets.strong;
    double interceptChange = interceptStep;
    int changes = 0;
    for (int t = 0; t < sets.strongCount; t++) {
      int j = strong[t];
      double d = beta[j] - start[j];
      if (d == 0) {
        continue;
      }
      largestChange = Math.max(largestChange, curvature[j] * d * d);
      double f = d / base.scale[j];
      interceptChange -= f * centre[j];
      changed[changes] = j;
      changeFactors[changes++] = f;
    }
    if (changes == 0 && interceptStep == 0) {
      return;
    }
    java.util.Arrays.fill(delta, interceptChange);
    x.addColumns(changed, changeFactors, changes, delta);
    double longest = Dot.largestMagnitude(delta, n);
    double step = 1;
    // The curvature of the log-likelihood along eta changes by at most a factor e^|t| over a move
    // of t, so a step that moves no eta by more than SURE_STEP, less the drift of the curvature it
    // used, lowers the objective by part of what the quadratic promised: it needs no line search.
    boolean sure = longest + drift[r] <= SURE_STEP;
    for (int halving = 0; !sure; halving++) {
      double change = probs.lossChange(r, yr, delta, step, base, factor);
      double penaltyChange = penaltyChange(sets, beta, step, aScale, qScale);
      if (change + penaltyChange <= 0) {
        break;
      }
      if (halving == MAX_HALVINGS) {
        step = 0;
        break;
      }
      step *= 0.5;
    }
    for (int t = 0; t < sets.strongCount; t++) {
      int j = strong[t];
      beta[j] = step == 1 ? beta[j] : start[j] + step * (beta[j] - start[j]);
    }
    if (step == 0) {
      largestChange = 0;
      return;
    }
    moved = true;
    addDrift(r, step * longest);
    largestChange *= step * step;
    intercepts[r] += step * interceptChange;
    probs.add(r, delta, step, sure ? null : factor, longest);
  }

  /**
   * How the penalty changes from {@code start} to {@code start + step * (beta - start)}, summed
   * feature by feature: near convergence the change is far below the rounding of the penalty's
   * total, so a difference of two totals would be noise.
   */
  private double penaltyChange(
      FeatureSets sets, double[] beta, double step, double aScale, double qScale) {
    double sum = 0;
    for (int t = 0; t < sets.strongCount; t++) {
      int j = sets.strong[t];
      double from = start[j];
      if (beta[j] == from) {
        continue;
      }
      double to = step == 1 ? beta[j] : from + step * (beta[j] - from);
      double absChange = Math.abs(to) - Math.abs(from);
      double squareChange = (to - from) * (to + from);
      sum += base.penalty[j] * (aScale * absChange + 0.5 * qScale * squareChange);
    }
    return sum;
  }
}
