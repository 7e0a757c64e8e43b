package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.Dot;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * One proximal Newton step on every class of a multinomial fit at once. {@link NewtonStep} steps
 * one class at a time, holding the others: the classes are coupled through the softmax, so those
 * rounds converge only linearly, slowly where classes are many and unequal (a 6-class glass-like
 * path stalled at a relative gap of 1e-5 after 1,800 passes). Here the quadratic model has the full
 * Hessian
 *
 * <pre>
 *   H_(r,a),(s,b) = sum_i w_i z_ia z_ib p_ri (d_rs - p_si)
 * </pre>
 *
 * over each class's strong set and intercept, and its penalized minimum is found by coordinate
 * descent on that matrix, at O(coordinates) per update and no pass over the data. Newton steps then
 * converge quadratically.
 *
 * <p>Forming the Hessian ({@link JointHessian}) takes {@code K (K + 1) / 2} weighted Gram matrices
 * of the strong sets' union, so it is kept from step to step, and from alpha to alpha, while the
 * linear predictors have moved little since (as {@link NewtonStep} keeps its per-class matrices): a
 * slightly stale Hessian still contracts the error by a large factor per step. Features are centred
 * on their overall means {@code m_j}: {@code z_ij = (x_ij - m_j) / s_j}.
 */
final class JointNewtonStep {
  /**
   * The Hessian is formed again once the predictors may have moved this far since, as {@link
   * NewtonStep}'s matrices are: forming all class pairs costs more than the few extra steps a
   * staler matrix takes (3000 x 20, 3 and 10 classes: 15 and 35 % faster paths than at 0.25, and
   * slower at 1).
   */
  private static final double MAX_DRIFT = 0.5;

  /** As {@link NewtonStep}'s: a step this short, less the drift, needs no line search. */
  private static final double SURE_STEP = 0.5;

  private static final int MAX_HALVINGS = 30;

  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final int classes;
  private final boolean intercept;

  /** The Hessian over the step's coordinates, and the coordinates themselves. */
  private final JointHessian hessian;

  /** How far the predictors may have moved since the Hessian was formed. */
  private double drift;

  private final double[] dots = new double[4];

  /** The model's negative gradient at the current step, by coordinate. */
  private double[] residual = new double[0];

  /** The step so far, by coordinate; the starting coefficients, by coordinate. */
  private double[] change = new double[0];

  private double[] start = new double[0];
  private final double[] classResidual;
  private final double[][] delta;
  private final double[][] factor;
  private final int[] changed;
  private final double[] changeFactors;
  private final double[] interceptChange;

  /** Each class's largest predictor change of the last step, {@code max_i |delta[r][i]|}. */
  private final double[] classLongest;

  /** The exact solve on the support, with its factor kept while the Hessian is. */
  private final SupportSolve support = new SupportSolve(true);

  /** Takes each feature's coefficients off the direction all classes share, before that solve. */
  private final ClassSumCentring centring;

  /** Each coordinate's value, penalty factor, bounds and whether it is held, for the solve. */
  private double[] values = new double[0];

  private double[] penalties = new double[0];
  private double[] lowers = new double[0];
  private double[] uppers = new double[0];
  private boolean[] held = new boolean[0];

  /** Coordinate-descent passes of the last step. */
  int passes;

  /** The largest {@code curvature * change^2} of the last step. */
  double largestChange;

  /** Whether the last step moved the fit at all. */
  boolean moved;

  JointNewtonStep(GaussianProblem base, boolean intercept, int classes) {
    this.base = base;
    this.x = base.x;
    this.n = base.n;
    this.classes = classes;
    this.intercept = intercept;
    hessian = new JointHessian(base, intercept, classes);
    classResidual = new double[n];
    delta = new double[classes][n];
    factor = new double[classes][n];
    changed = new int[base.p];
    changeFactors = new double[base.p];
    interceptChange = new double[classes];
    classLongest = new double[classes];
    inUnion = new boolean[base.p];
    centring = new ClassSumCentring(base.p);
  }

  /**
   * The most coordinates a joint step takes on: a pass of its coordinate descent costs their
   * square, and a factor of the support solve up to their cube.
   */
  static final int MAX_COORDINATES = 1024;

  /**
   * The most classes a joint step takes on: it holds two more predictors per class and observation,
   * besides the fit's own.
   */
  static final int MAX_CLASSES = 50;

  /**
   * How many rounds of class steps' Gram matrices the joint Hessian may cost to form. It has {@code
   * K (K + 1) / 2} blocks over the strong sets' union, where a class step's matrix is over its own
   * strong set alone, and a round of class steps forms K of those; but the joint steps take far
   * fewer rounds. 30 classes of 3000 x 20, where forming costs 16 to 40 rounds at most alphas: the
   * path took 2.4 s in joint steps against 4.1 s in class steps. A 19-class soybean-like set of 683
   * x 84 one-hot features, whose classes keep different features, where it costs over 150: 3.0 s
   * against 0.46 s.
   */
  private static final int FORMING_ROUNDS = 128;

  /**
   * The most features in the strong sets' union, and the most entries of all class pairs' Gram
   * matrices over it ({@link ClassPairGrams}), that a joint step forms: at most 16 MB of entry
   * products for a range of 64 observations, and 32 MB of sums.
   */
  private static final int MAX_UNION = 255;

  private static final long MAX_PAIR_ENTRIES = 1L << 22;

  /** Marks the strong sets' union while it is counted. */
  private final boolean[] inUnion;

  /**
   * Whether a joint step suits these strong sets: at most {@link #MAX_COORDINATES} coordinates
   * (every class's strong features, and its intercept), a union of at most {@link #MAX_UNION}
   * features, and a Hessian that costs at most {@link #FORMING_ROUNDS} rounds of class steps' Gram
   * matrices.
   */
  boolean suits(FeatureSets[] sets) {
    long classRound = 0;
    int union = 0;
    for (FeatureSets s : sets) {
      classRound += ClassPairGrams.entries(s.strongCount);
      for (int t = 0; t < s.strongCount; t++) {
        if (!inUnion[s.strong[t]]) {
          inUnion[s.strong[t]] = true;
          union++;
        }
      }
    }
    for (FeatureSets s : sets) {
      for (int t = 0; t < s.strongCount; t++) {
        inUnion[s.strong[t]] = false;
      }
    }
    long pairEntries = (long) classes * (classes + 1) / 2 * ClassPairGrams.entries(union);
    return coordinates(sets, intercept) <= MAX_COORDINATES
        && union <= MAX_UNION
        && pairEntries <= MAX_PAIR_ENTRIES
        && pairEntries <= FORMING_ROUNDS * classRound;
  }

  /**
   * The number of step coordinates for these strong sets: every class's strong features, and its
   * intercept.
   */
  static long coordinates(FeatureSets[] sets, boolean intercept) {
    long count = intercept ? sets.length : 0;
    for (FeatureSets s : sets) {
      count += s.strongCount;
    }
    return count;
  }

  /**
   * Takes one step on every class: {@code beta} (standardized) and {@code intercepts} (original
   * scale) move, and {@code probs} with them.
   *
   * @param threshold coordinate descent stops once a full pass changes no coordinate by more than
   *     this ({@code curvature * change^2})
   * @param passBudget the most passes this step may take
   */
  void take(
      double[][] y,
      ClassProbabilities probs,
      double[][] beta,
      double[] intercepts,
      FeatureSets[] sets,
      double alpha,
      double threshold,
      int passBudget) {
    passes = 0;
    largestChange = 0;
    moved = false;
    hessian.list(sets);
    ensureRoom(hessian.coords);
    if (drift > MAX_DRIFT || !hessian.formed()) {
      hessian.form(probs);
      drift = 0;
      support.invalidate();
    } else if (!hessian.holdsListed()) {
      // The entries among the coordinates kept are the old ones, so the support factor holds:
      // its members only take their new places.
      support.renumber(hessian.extend(probs), hessian.coords);
    }
    formGradient(y, probs);
    for (int c = 0; c < hessian.coords; c++) {
      int j = hessian.coordFeature[c];
      start[c] = j < 0 ? 0.0 : beta[hessian.coordClass[c]][j];
      change[c] = 0;
    }
    solve(beta, sets, alpha * base.l1Ratio, alpha * (1 - base.l1Ratio), threshold, passBudget);
    finish(y, probs, beta, intercepts, alpha * base.l1Ratio, alpha * (1 - base.l1Ratio));
  }

  /** Sizes the per-coordinate arrays for {@code count} coordinates. */
  private void ensureRoom(int count) {
    if (residual.length < count) {
      residual = new double[count];
      change = new double[count];
      start = new double[count];
      values = new double[count];
      penalties = new double[count];
      lowers = new double[count];
      uppers = new double[count];
      held = new boolean[count];
    }
  }

  /** The loss's negative gradient {@code sum_i w_i z_ij (y_ri - p_ri)} at every coordinate. */
  private void formGradient(double[][] y, ClassProbabilities probs) {
    for (int c = 0, r = 0; r < classes; r++) {
      probs.probabilities(r, classResidual);
      weightedResiduals(y[r]);
      double sum = Dot.sum(classResidual, 0, n);
      int first = c;
      while (c < hessian.coords && hessian.coordClass[c] == r) {
        c++;
      }
      int from = first;
      if (from < c && hessian.coordFeature[from] < 0) {
        residual[from++] = sum;
      }
      int count = c - from;
      for (int t = 0; t < count; t += 4) {
        int summed = x.dotFour(hessian.coordFeature, from + count, from + t, classResidual, dots);
        for (int k = 0; k < summed; k++) {
          int j = hessian.coordFeature[from + t + k];
          residual[from + t + k] = (dots[k] - base.mean[j] * sum) / base.scale[j];
        }
      }
    }
  }

  /**
   * Coordinate descent on the quadratic model: full passes, with passes over the coordinates away
   * from 0 between them, until a full pass changes nothing by more than the threshold.
   */
  private void solve(
      double[][] beta,
      FeatureSets[] sets,
      double aScale,
      double qScale,
      double threshold,
      int passBudget) {
    while (passes < passBudget) {
      double full = pass(beta, sets, aScale, qScale, false);
      passes++;
      if (full <= threshold || solveOnSupport(beta, sets, aScale, qScale)) {
        return;
      }
      while (passes < passBudget) {
        double active = pass(beta, sets, aScale, qScale, true);
        passes++;
        if (active <= threshold) {
          break;
        }
      }
    }
  }

  /**
   * {@code w_i (y_i - p_i)} into {@link #classResidual}, which holds the class's probabilities. A
   * loop of its own, so that its count sets off no compilation of formGradient while it runs
   * (on-stack replacement).
   */
  private void weightedResiduals(double[] yr) {
    for (int i = 0; i < n; i++) {
      classResidual[i] = base.weight(i) * (yr[i] - classResidual[i]);
    }
  }

  /**
   * Solves the quadratic exactly by {@link SupportSolve}, or moves towards the solution; returns
   * whether it solved it. The last class's intercept is held: the others determine it.
   */
  private boolean solveOnSupport(
      double[][] beta, FeatureSets[] sets, double aScale, double qScale) {
    for (int c = 0; c < hessian.coords; c++) {
      int j = hessian.coordFeature[c];
      boolean isIntercept = j < 0;
      values[c] = isIntercept ? change[c] : beta[hessian.coordClass[c]][j];
      penalties[c] = isIntercept ? 0.0 : base.penalty[j];
      lowers[c] = isIntercept ? Double.NEGATIVE_INFINITY : base.lower[j];
      uppers[c] = isIntercept ? Double.POSITIVE_INFINITY : base.upper[j];
      held[c] = isIntercept && hessian.coordClass[c] == classes - 1;
    }
    if (qScale == 0) {
      centring.centre(
          hessian.coords,
          hessian.coordFeature,
          classes,
          values,
          penalties,
          lowers,
          uppers,
          residual,
          hessian.matrix);
    }
    boolean solved =
        support.solve(
            hessian.coords,
            hessian.matrix,
            residual,
            values,
            penalties,
            lowers,
            uppers,
            held,
            aScale,
            qScale);
    for (int c = 0; c < hessian.coords; c++) {
      int j = hessian.coordFeature[c];
      if (j < 0) {
        change[c] = values[c];
        continue;
      }
      int r = hessian.coordClass[c];
      change[c] += values[c] - beta[r][j];
      beta[r][j] = values[c];
      if (values[c] != 0) {
        sets[r].addActive(j);
      }
    }
    return solved;
  }

  /** One pass; returns the largest {@code curvature * change^2}. */
  private double pass(
      double[][] beta, FeatureSets[] sets, double aScale, double qScale, boolean activeOnly) {
    double largest = 0;
    for (int c = 0; c < hessian.coords; c++) {
      int j = hessian.coordFeature[c];
      int r = hessian.coordClass[c];
      double h = hessian.matrix[c * hessian.coords + c];
      double step;
      if (j < 0) {
        if (!(h > 0)) {
          continue;
        }
        step = residual[c] / h;
      } else {
        double old = beta[r][j];
        if (activeOnly && old == 0) {
          continue;
        }
        double pf = base.penalty[j];
        double denominator = h + qScale * pf;
        if (!(denominator > 0)) {
          continue;
        }
        double updated = base.coordinateMinimum(j, residual[c] + h * old, aScale * pf, denominator);
        if (updated == old) {
          continue;
        }
        step = updated - old;
        beta[r][j] = updated;
        sets[r].addActive(j);
      }
      if (step == 0) {
        continue;
      }
      change[c] += step;
      largest = Math.max(largest, h * step * step);
      int row = c * hessian.coords;
      for (int d = 0; d < hessian.coords; d++) {
        residual[d] -= step * hessian.matrix[row + d];
      }
    }
    return largest;
  }

  /**
   * Turns the step into changes of every class's predictors, finds how far along them the objective
   * falls, and applies that much to the coefficients, intercepts and probabilities.
   */
  private void finish(
      double[][] y,
      ClassProbabilities probs,
      double[][] beta,
      double[] intercepts,
      double aScale,
      double qScale) {
    double longest = 0;
    boolean any = false;
    for (int c = 0, r = 0; r < classes; r++) {
      int changes = 0;
      double shift = 0;
      for (; c < hessian.coords && hessian.coordClass[c] == r; c++) {
        int j = hessian.coordFeature[c];
        if (change[c] == 0) {
          continue;
        }
        any = true;
        if (j < 0) {
          shift += change[c];
        } else {
          double f = change[c] / base.scale[j];
          shift -= f * base.mean[j];
          changed[changes] = j;
          changeFactors[changes++] = f;
        }
      }
      interceptChange[r] = shift;
      double[] dr = delta[r];
      java.util.Arrays.fill(dr, shift);
      x.addColumns(changed, changeFactors, changes, dr);
      // A loop inside finish set off a compilation of all of finish while it ran (on-stack
      // replacement; 0.18 s of C2 time in Weka's iris command).
      classLongest[r] = Dot.largestMagnitude(dr, n);
      longest = Math.max(longest, classLongest[r]);
    }
    if (!any) {
      return;
    }
    for (int c = 0; c < hessian.coords; c++) {
      largestChange =
          Math.max(largestChange, hessian.matrix[c * hessian.coords + c] * change[c] * change[c]);
    }
    double step = 1;
    boolean sure = longest + drift <= SURE_STEP;
    for (int halving = 0; !sure; halving++) {
      double lossChange = probs.jointLossChange(y, delta, classLongest, step, base, factor);
      if (lossChange + penaltyChange(beta, step, aScale, qScale) <= 0) {
        break;
      }
      if (halving == MAX_HALVINGS) {
        step = 0;
        break;
      }
      step *= 0.5;
    }
    for (int c = 0; c < hessian.coords; c++) {
      int j = hessian.coordFeature[c];
      if (j >= 0 && step != 1) {
        beta[hessian.coordClass[c]][j] = start[c] + step * change[c];
      }
    }
    if (step == 0) {
      largestChange = 0;
      return;
    }
    moved = true;
    drift += step * longest;
    largestChange *= step * step;
    for (int r = 0; r < classes; r++) {
      intercepts[r] += step * interceptChange[r];
      probs.add(r, delta[r], step, sure ? null : factor[r], classLongest[r]);
    }
  }

  /** How the penalty changes over {@code step} of the step, summed coordinate by coordinate. */
  private double penaltyChange(double[][] beta, double step, double aScale, double qScale) {
    double sum = 0;
    for (int c = 0; c < hessian.coords; c++) {
      int j = hessian.coordFeature[c];
      if (j < 0 || change[c] == 0) {
        continue;
      }
      double from = start[c];
      double to = from + step * change[c];
      double absChange = Math.abs(to) - Math.abs(from);
      double squareChange = (to - from) * (to + from);
      sum += base.penalty[j] * (aScale * absChange + 0.5 * qScale * squareChange);
    }
    return sum;
  }
}
