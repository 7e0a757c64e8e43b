package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.WeightedGram;

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
 * <p>Forming the Hessian takes {@code K (K + 1) / 2} weighted Gram matrices of the strong sets'
 * union, so it is kept from step to step, and from alpha to alpha, while the linear predictors have
 * moved little since (as {@link NewtonStep} keeps its per-class matrices): a slightly stale Hessian
 * still contracts the error by a large factor per step. Features are centred on their overall means
 * {@code m_j}: {@code z_ij = (x_ij - m_j) / s_j}.
 */
final class JointNewtonStep {
  /**
   * The Hessian is formed again once the predictors may have moved this far since. Twice {@link
   * NewtonStep}'s: forming all class pairs costs more than the few extra steps a staler matrix
   * takes (3000 x 20, 3 and 10 classes: 15 and 35 % faster paths than at 0.25, and slower at 1).
   */
  private static final double MAX_DRIFT = 0.5;

  /** As {@link NewtonStep}'s: a step this short, less the drift, needs no line search. */
  private static final double SURE_STEP = 0.5;

  private static final int MAX_HALVINGS = 30;

  /** The bound on fitted probabilities in the curvature of a class with itself. */
  private static final double P_MIN = 1e-9;

  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final int classes;
  private final boolean intercept;
  private final WeightedGram kernel;

  /** Each step coordinate's class, and its feature or -1 for the class's intercept. */
  private int[] coordClass = new int[0];

  private int[] coordFeature = new int[0];
  private int coords;

  /** The coordinates the Hessian was formed for. */
  private int[] formedClass = new int[0];

  private int[] formedFeature = new int[0];
  private int formedCoords = -1;

  /** Row-major, {@code coords x coords}. */
  private double[] hessian = new double[0];

  /** How far the predictors may have moved since the Hessian was formed. */
  private double drift;

  /** The union of the strong sets and each feature's place in it. */
  private final int[] union;

  private final int[] unionPosition;
  private final double[] blockWeights;
  private double[] block = new double[0];
  private final double[] columnSums;
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

  /** The exact solve on the support, with its factor kept while the Hessian is. */
  private final SupportSolve support = new SupportSolve(true);

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
    kernel = new WeightedGram(x);
    union = new int[base.p];
    unionPosition = new int[base.p];
    blockWeights = new double[n];
    columnSums = new double[base.p];
    classResidual = new double[n];
    delta = new double[classes][n];
    factor = new double[classes][n];
    changed = new int[base.p];
    changeFactors = new double[base.p];
    interceptChange = new double[classes];
  }

  /**
   * The most coordinates a joint step takes on. A pass of its coordinate descent costs their
   * square, and forming the Hessian grows with the square of the classes: past about 250 (10
   * classes of 20 features), stepping one class at a time was faster (30 classes of 20: 6.0 s
   * against 8.0 s).
   */
  static final int MAX_COORDINATES = 256;

  /**
   * The most classes a joint step takes on. Its Hessian has K(K + 1) / 2 blocks, each a weighted
   * Gram matrix: as much to form as (K + 1) / 2 rounds of class steps, whose own Gram matrices it
   * replaces. Past about 10 classes that costs more than the rounds it saves: 10 classes of 3000 x
   * 20 took 0.58 s a path in joint steps against 0.81 s in class steps, and a 19-class soybean-like
   * set (683 rows, 35 nominal attributes) 2.1 s against 0.68 s.
   */
  static final int MAX_CLASSES = 10;

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
    listCoordinates(sets);
    if (drift > MAX_DRIFT || formedCoords < 0) {
      formHessian(probs);
      support.invalidate();
    } else if (!sameCoordinates()) {
      extendHessian(probs);
    }
    formGradient(y, probs);
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      start[c] = j < 0 ? 0.0 : beta[coordClass[c]][j];
      change[c] = 0;
    }
    solve(beta, sets, alpha * base.l1Ratio, alpha * (1 - base.l1Ratio), threshold, passBudget);
    finish(y, probs, beta, intercepts, alpha * base.l1Ratio, alpha * (1 - base.l1Ratio));
  }

  private void listCoordinates(FeatureSets[] sets) {
    int count = (int) coordinates(sets, intercept);
    if (coordClass.length < count) {
      coordClass = new int[count];
      coordFeature = new int[count];
      residual = new double[count];
      change = new double[count];
      start = new double[count];
      values = new double[count];
      penalties = new double[count];
      lowers = new double[count];
      uppers = new double[count];
      held = new boolean[count];
    }
    coords = 0;
    for (int r = 0; r < classes; r++) {
      if (intercept) {
        coordClass[coords] = r;
        coordFeature[coords++] = -1;
      }
      FeatureSets s = sets[r];
      for (int t = 0; t < s.strongCount; t++) {
        coordClass[coords] = r;
        coordFeature[coords++] = s.strong[t];
      }
    }
  }

  private boolean sameCoordinates() {
    return formedCoords == coords
        && java.util.Arrays.equals(coordClass, 0, coords, formedClass, 0, coords)
        && java.util.Arrays.equals(coordFeature, 0, coords, formedFeature, 0, coords);
  }

  /**
   * Forms the Hessian at the current probabilities: for each pair of classes r <= s, the Gram
   * matrix of the strong sets' union under weights {@code w_i p_ri (d_rs - p_si)}, its column sums
   * (the intercept's entries against the features) and total (the intercepts' entry).
   */
  private void formHessian(ClassProbabilities probs) {
    int m = 0;
    java.util.Arrays.fill(unionPosition, -1);
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      if (j >= 0 && unionPosition[j] < 0) {
        unionPosition[j] = m;
        union[m++] = j;
      }
    }
    if (hessian.length < coords * coords) {
      hessian = new double[coords * coords];
    }
    if (block.length < m * m) {
      block = new double[m * m];
    }
    double[][] prob = probabilities(probs);
    int[] firstOfClass = new int[classes + 1];
    for (int c = 0, r = 0; r <= classes; r++) {
      while (c < coords && coordClass[c] < r) {
        c++;
      }
      firstOfClass[r] = c;
    }
    for (int r = 0; r < classes; r++) {
      for (int s = r; s < classes; s++) {
        double total = pairWeights(prob, r, s);
        pairBlock(m, total);
        for (int c = firstOfClass[r]; c < firstOfClass[r + 1]; c++) {
          for (int d = firstOfClass[s]; d < firstOfClass[s + 1]; d++) {
            double h = entry(coordFeature[c], coordFeature[d], m, total);
            hessian[c * coords + d] = h;
            hessian[d * coords + c] = h;
          }
        }
      }
    }
    remember();
    drift = 0;
  }

  /**
   * Takes the Hessian over to new coordinates while the predictors have moved little since it was
   * formed: the entries of coordinates kept are kept, and only a new coordinate's row is computed,
   * at {@code O(n)} per entry, where forming it all again costs {@code O(n)} per entry of every
   * class pair (along a path a feature or two join at a time).
   */
  private void extendHessian(ClassProbabilities probs) {
    int p = base.p;
    int[] oldIndex = new int[classes * (p + 1)];
    java.util.Arrays.fill(oldIndex, -1);
    for (int c = 0; c < formedCoords; c++) {
      oldIndex[formedClass[c] * (p + 1) + formedFeature[c] + 1] = c;
    }
    double[] fresh = new double[coords * coords];
    int[] from = new int[coords];
    for (int c = 0; c < coords; c++) {
      from[c] = oldIndex[coordClass[c] * (p + 1) + coordFeature[c] + 1];
    }
    for (int c = 0; c < coords; c++) {
      if (from[c] < 0) {
        continue;
      }
      int oldRow = from[c] * formedCoords;
      for (int d = 0; d < coords; d++) {
        if (from[d] >= 0) {
          fresh[c * coords + d] = hessian[oldRow + from[d]];
        }
      }
    }
    double[][] prob = probabilities(probs);
    double[] weighted = classResidual;
    for (int c = 0; c < coords; c++) {
      if (from[c] >= 0) {
        continue;
      }
      int r = coordClass[c];
      int j = coordFeature[c];
      for (int d = 0; d < coords; ) {
        int s = coordClass[d];
        int first = d;
        while (d < coords && coordClass[d] == s) {
          d++;
        }
        pairWeights(prob, r, s);
        double[] col = j < 0 ? null : x.arrays[j];
        int o = j < 0 ? 0 : x.offsets[j];
        double centre = j < 0 ? 0.0 : base.mean[j];
        double inverse = j < 0 ? 1.0 : 1 / base.scale[j];
        for (int i = 0; i < n; i++) {
          weighted[i] =
              col == null ? blockWeights[i] : blockWeights[i] * (col[o + i] - centre) * inverse;
        }
        double sum = org.l1path.solver.linalg.Dot.sum(weighted, 0, n);
        int start = first;
        if (coordFeature[start] < 0) {
          fresh[c * coords + start] = sum;
          fresh[start * coords + c] = sum;
          start++;
        }
        for (int t = start; t < d; t += 4) {
          int summed = x.dotFour(coordFeature, d, t, weighted, dots);
          for (int k = 0; k < summed; k++) {
            int e = t + k;
            int feature = coordFeature[e];
            double h = (dots[k] - base.mean[feature] * sum) / base.scale[feature];
            fresh[c * coords + e] = h;
            fresh[e * coords + c] = h;
          }
        }
      }
    }
    hessian = fresh;
    // The entries among the coordinates kept are the old ones, so the support factor holds: its
    // members only take their new places.
    int[] newPlace = new int[formedCoords];
    java.util.Arrays.fill(newPlace, -1);
    for (int c = 0; c < coords; c++) {
      if (from[c] >= 0) {
        newPlace[from[c]] = c;
      }
    }
    support.renumber(newPlace, coords);
    remember();
  }

  private double[][] probabilities(ClassProbabilities probs) {
    double[][] prob = new double[classes][n];
    for (int r = 0; r < classes; r++) {
      probs.probabilities(r, prob[r]);
    }
    return prob;
  }

  /**
   * {@code w_i p_ri (d_rs - p_si)} into {@link #blockWeights}; returns their sum. The curvature of
   * a class with itself uses probabilities clipped as in {@link NewtonStep}, so that a class all
   * but absent keeps some.
   */
  private double pairWeights(double[][] prob, int r, int s) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      double w;
      if (r == s) {
        double q = Math.min(Math.max(prob[r][i], P_MIN), 1 - P_MIN);
        w = base.weight(i) * q * (1 - q);
      } else {
        w = -base.weight(i) * prob[r][i] * prob[s][i];
      }
      blockWeights[i] = w;
      total += w;
    }
    return total;
  }

  /** Records the coordinates the Hessian now holds. */
  private void remember() {
    if (formedClass.length < coords) {
      formedClass = new int[coords];
      formedFeature = new int[coords];
    }
    System.arraycopy(coordClass, 0, formedClass, 0, coords);
    System.arraycopy(coordFeature, 0, formedFeature, 0, coords);
    formedCoords = coords;
  }

  /**
   * The union's Gram matrix under {@link #blockWeights} into {@link #block}, and its column sums
   * {@code sum_i w_i z_ia} into {@link #columnSums}.
   */
  private void pairBlock(int m, double total) {
    for (int from = 0; from < m; from += 4) {
      int summed = x.dotFour(union, m, from, blockWeights, dots);
      for (int t = 0; t < summed; t++) {
        int j = union[from + t];
        columnSums[from + t] = (dots[t] - base.mean[j] * total) / base.scale[j];
      }
    }
    if (m == 0) {
      return;
    }
    kernel.compute(union, m, blockWeights, base.mean, base.scale, block);
    // The kernel's products are of centred weighted columns with raw ones, exact only when the
    // weighted columns sum to 0; these weights need not: take out the centres' share.
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double g = block[a * m + b] - base.mean[union[b]] / base.scale[union[b]] * columnSums[a];
        block[a * m + b] = g;
        block[b * m + a] = g;
      }
    }
  }

  private double entry(int a, int b, int m, double total) {
    if (a < 0 && b < 0) {
      return total;
    }
    if (a < 0) {
      return columnSums[unionPosition[b]];
    }
    if (b < 0) {
      return columnSums[unionPosition[a]];
    }
    return block[unionPosition[a] * m + unionPosition[b]];
  }

  /** The loss's negative gradient {@code sum_i w_i z_ij (y_ri - p_ri)} at every coordinate. */
  private void formGradient(double[][] y, ClassProbabilities probs) {
    for (int c = 0, r = 0; r < classes; r++) {
      probs.probabilities(r, classResidual);
      for (int i = 0; i < n; i++) {
        classResidual[i] = base.weight(i) * (y[r][i] - classResidual[i]);
      }
      double sum = org.l1path.solver.linalg.Dot.sum(classResidual, 0, n);
      int first = c;
      while (c < coords && coordClass[c] == r) {
        c++;
      }
      int from = first;
      if (from < c && coordFeature[from] < 0) {
        residual[from++] = sum;
      }
      int count = c - from;
      for (int t = 0; t < count; t += 4) {
        int summed = x.dotFour(coordFeature, from + count, from + t, classResidual, dots);
        for (int k = 0; k < summed; k++) {
          int j = coordFeature[from + t + k];
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
   * Solves the quadratic exactly by {@link SupportSolve}, or moves towards the solution; returns
   * whether it solved it. The last class's intercept is held: the others determine it.
   */
  private boolean solveOnSupport(
      double[][] beta, FeatureSets[] sets, double aScale, double qScale) {
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      boolean isIntercept = j < 0;
      values[c] = isIntercept ? change[c] : beta[coordClass[c]][j];
      penalties[c] = isIntercept ? 0.0 : base.penalty[j];
      lowers[c] = isIntercept ? Double.NEGATIVE_INFINITY : base.lower[j];
      uppers[c] = isIntercept ? Double.POSITIVE_INFINITY : base.upper[j];
      held[c] = isIntercept && coordClass[c] == classes - 1;
    }
    boolean solved =
        support.solve(
            coords, hessian, residual, values, penalties, lowers, uppers, held, aScale, qScale);
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      if (j < 0) {
        change[c] = values[c];
        continue;
      }
      int r = coordClass[c];
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
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      int r = coordClass[c];
      double h = hessian[c * coords + c];
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
      int row = c * coords;
      for (int d = 0; d < coords; d++) {
        residual[d] -= step * hessian[row + d];
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
      for (; c < coords && coordClass[c] == r; c++) {
        int j = coordFeature[c];
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
      for (int from = 0; from < changes; from += 4) {
        x.addFour(changed, changeFactors, changes, from, dr);
      }
      for (int i = 0; i < n; i++) {
        longest = Math.max(longest, Math.abs(dr[i]));
      }
    }
    if (!any) {
      return;
    }
    for (int c = 0; c < coords; c++) {
      largestChange = Math.max(largestChange, hessian[c * coords + c] * change[c] * change[c]);
    }
    double step = 1;
    boolean sure = longest + drift <= SURE_STEP;
    for (int halving = 0; !sure; halving++) {
      double lossChange = probs.jointLossChange(y, delta, step, base, factor);
      if (lossChange + penaltyChange(beta, step, aScale, qScale) <= 0) {
        break;
      }
      if (halving == MAX_HALVINGS) {
        step = 0;
        break;
      }
      step *= 0.5;
    }
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      if (j >= 0 && step != 1) {
        beta[coordClass[c]][j] = start[c] + step * change[c];
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
      probs.add(r, delta[r], step, sure ? null : factor[r]);
    }
  }

  /** How the penalty changes over {@code step} of the step, summed coordinate by coordinate. */
  private double penaltyChange(double[][] beta, double step, double aScale, double qScale) {
    double sum = 0;
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
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
