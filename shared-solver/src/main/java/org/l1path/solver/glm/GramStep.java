package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.IncrementalCholesky;
import org.l1path.solver.linalg.WeightedGram;

/**
 * The inner solve of a {@link NewtonStep} by covariance updates: the strong set's weighted Gram
 * matrix {@code G_jk = sum_i v_i z_ij z_ik} (features centred on their v-weighted means) is formed
 * once per step, after which a coordinate update costs O(|S|) instead of O(n). It pays when the
 * strong set is small next to the passes a tight solve takes, which is most classification fits.
 */
final class GramStep {
  /**
   * The most entries the Gram matrices of all coefficient rows may hold together (32 MiB): past it
   * the steps make do with naive updates.
   */
  static final long MAX_CELLS = 1L << 22;

  private final GaussianProblem base;
  private final Design x;
  private final int n;

  private final WeightedGram kernel;

  /** The local index of each strong feature in the Gram matrix. */
  private final int[] position;

  private final double[] dots = new double[4];

  /** Row-major, {@code count x count}. */
  private double[] gram = new double[0];

  /** The quadratic's negative gradient at the current coefficients, by local index. */
  private double[] gradient = new double[0];

  private int count;

  /** The exact solve on the support, with its factor kept between solves on one matrix. */
  private final SupportSolve support;

  /** The strong features' values, penalty factors and bounds, by local index. */
  private double[] values = new double[0];

  private double[] penalties = new double[0];
  private double[] lowers = new double[0];
  private double[] uppers = new double[0];

  /** The strong set, centres and curvatures the matrix was formed with. */
  private int[] members = new int[0];

  private double[] centres = new double[0];
  private double[] curvatures = new double[0];

  /** The working weights {@code v} the matrix was formed with, and their sum. */
  private double[] formedWeights = new double[0];

  private double formedTotal;

  /** A new feature's weighted, centred column, for {@link #extend}. */
  private double[] column = new double[0];

  private double[] scratch = new double[0];

  /** Each listed feature's factor in {@link #centredCombination}. */
  private double[] combinationFactors = new double[0];

  /** Marks of the features {@link #membersListed} was given; all false between calls. */
  private boolean[] listed = new boolean[0];

  /**
   * @param partialMoves whether a support solve that would change a sign moves part of the way (a
   *     binomial step). In a multinomial fit a class's step is one block of descent over the
   *     classes, and there the partial moves slowed the rounds down until alphas stalled (a 7-class
   *     glass-like path).
   */
  GramStep(GaussianProblem base, boolean partialMoves) {
    this.base = base;
    this.x = base.x;
    this.n = base.n;
    kernel = new WeightedGram(x, base.parallelSweeps);
    position = new int[base.p];
    support = new SupportSolve(partialMoves);
  }

  /**
   * Forms the Gram matrix of the strong set under weights {@code v} (summing to {@code
   * weightTotal}), and the starting gradient {@code z_j' residual} (the residual sums to 0 with an
   * intercept, and the centres are 0 without one, so the centring drops out of it).
   */
  void build(FeatureSets sets, double[] v, double weightTotal, double[] centre, double[] residual) {
    count = sets.strongCount;
    int[] strong = sets.strong;
    if (gram.length < count * count) {
      gram = new double[count * count];
    }
    ensureRoom(count);
    for (int a = 0; a < count; a++) {
      position[strong[a]] = a;
    }
    formGradient(strong, residual);
    kernel.compute(strong, count, v, centre, base.scale, gram);
    support.invalidate();
    for (int a = 0; a < count; a++) {
      members[a] = strong[a];
      centres[a] = centre[strong[a]];
      curvatures[a] = gram[a * count + a];
    }
    if (formedWeights.length != n) {
      formedWeights = new double[n];
    }
    System.arraycopy(v, 0, formedWeights, 0, n);
    formedTotal = weightTotal;
  }

  /** Sizes the per-feature arrays for {@code length} features; members' centres are kept. */
  private void ensureRoom(int length) {
    if (gradient.length < length) {
      gradient = new double[length];
      values = new double[length];
      penalties = new double[length];
      lowers = new double[length];
      uppers = new double[length];
    }
    if (members.length < length) {
      members = new int[length];
      centres = java.util.Arrays.copyOf(centres, length);
      curvatures = new double[length];
    }
  }

  /**
   * Row a's entries with the factor's members, in factor order, into {@code cross}. A loop of its
   * own: nested in {@link #solveOn}'s, its count set off compilations of all of solveOn while it
   * ran (on-stack replacement; 0.14 s of C2 time in Weka's German-credit command).
   */
  private void crossWithMembers(int a, IncrementalCholesky factor, double[] cross) {
    for (int u = 0; u < factor.size(); u++) {
      cross[u] = gram[a * count + factor.member(u)];
    }
  }

  /** The working weights {@code v_i} the matrix was formed with. */
  double[] formedWeights() {
    return formedWeights;
  }

  /** Their sum. */
  double formedTotal() {
    return formedTotal;
  }

  /**
   * Solves {@code G_SS z = rhs} in place for the listed features S (z and rhs in list order): on
   * the last support solve's factor where its members are all in S, else on {@code factor}, cleared
   * and built here. A feature of S outside the factor, or refused by it as collinear with the
   * others (the levels of a one-hot attribute beside the intercept), gets z = 0. False when a
   * listed feature is not in the matrix.
   */
  boolean solveOn(int[] features, int length, double[] rhs, IncrementalCholesky factor) {
    for (int t = 0; t < length; t++) {
      int a = position[features[t]];
      if (a >= count || members[a] != features[t]) {
        return false;
      }
    }
    IncrementalCholesky last = support.unridgedFactor();
    if (last == null || !membersListed(last, features, length)) {
      factor.clear();
      factor.ensureCapacity(count);
      double[] cross = spare(length);
      for (int t = 0; t < length; t++) {
        int a = position[features[t]];
        crossWithMembers(a, factor, cross);
        factor.append(a, cross, gram[a * count + a]);
      }
      last = factor;
    }
    // The cross-products are spent: their scratch takes the right-hand side in factor order.
    double[] ordered = spare(length);
    java.util.Arrays.fill(ordered, 0, last.size(), 0.0);
    for (int t = 0; t < length; t++) {
      int a = position[features[t]];
      if (last.contains(a)) {
        ordered[last.positionOf(a)] = rhs[t];
      }
    }
    last.solve(ordered);
    for (int t = 0; t < length; t++) {
      int a = position[features[t]];
      rhs[t] = last.contains(a) ? ordered[last.positionOf(a)] : 0.0;
    }
    return true;
  }

  /** Whether every member of {@code last} (local indices) is one of the listed features. */
  private boolean membersListed(IncrementalCholesky last, int[] features, int length) {
    if (last.capacity() < count || last.size() > length) {
      return false;
    }
    if (listed.length < count) {
      listed = new boolean[count];
    }
    for (int t = 0; t < length; t++) {
      listed[position[features[t]]] = true;
    }
    boolean all = true;
    for (int u = 0; u < last.size() && all; u++) {
      int a = last.member(u);
      all = a < count && listed[a];
    }
    for (int t = 0; t < length; t++) {
      listed[position[features[t]]] = false;
    }
    return all;
  }

  private double[] spare(int length) {
    if (scratch.length < length) {
      scratch = new double[Math.max(length, 2 * scratch.length)];
    }
    return scratch;
  }

  /**
   * {@code out_i = sum_t z_t (x_ij - m_j) / s_j} over the listed features {@code j = features[t]},
   * centred as the matrix was formed: the change of eta that coefficient changes {@code z} make.
   */
  void centredCombination(int[] features, int length, double[] z, double[] out) {
    if (combinationFactors.length < length) {
      combinationFactors = new double[Math.max(length, 2 * combinationFactors.length)];
    }
    double[] factors = combinationFactors;
    double constant = 0;
    for (int t = 0; t < length; t++) {
      int j = features[t];
      factors[t] = z[t] / base.scale[j];
      constant -= factors[t] * centres[position[j]];
    }
    java.util.Arrays.fill(out, constant);
    x.addColumns(features, factors, length, out);
  }

  /**
   * {@code sum_t G_(j, features[t]) z_t}, for a feature j and listed features all in the matrix:
   * column j's weighted product with the change of eta that {@link #centredCombination} forms from
   * z, read off the matrix where the combination costs a pass over the rows. (The combination is
   * centred under the formed weights, so its product with column j is the same whatever j's
   * centre.)
   */
  double combinationProduct(int j, int[] features, int length, double[] z) {
    int row = position[j] * count;
    double sum = 0;
    for (int t = 0; t < length; t++) {
      sum += gram[row + position[features[t]]] * z[t];
    }
    return sum;
  }

  /** Whether feature j is in the matrix. */
  boolean holds(int j) {
    int a = position[j];
    return a < count && members[a] == j;
  }

  /**
   * Whether the matrix, formed for an earlier strong set, costs less to take over to this one
   * ({@link #extend}) than to form again: a new feature's row costs {@code n |S|} multiply-adds,
   * the whole matrix {@code n |S|^2 / 2}.
   */
  boolean extendable(FeatureSets sets) {
    if (gram.length == 0) {
      return false;
    }
    int fresh = 0;
    for (int t = 0; t < sets.strongCount; t++) {
      if (!holds(sets.strong[t])) {
        fresh++;
      }
    }
    return 2 * fresh <= sets.strongCount;
  }

  /**
   * Takes the matrix over to a strong set that changed while the weights drifted little, as {@link
   * JointHessian#extend} does for a multinomial step: the entries among features kept stay, and a
   * new feature's row is formed at the weights the matrix was formed with ({@link
   * #formedWeights()}), centred on {@code centre[j]}, which the caller took at those weights too.
   * Along a 200 x 2000 binomial path the strong set grows a few features at a time, and each change
   * had formed the whole matrix again: taken over 37 times, 72 matrices formed became 38. The
   * support solve's factor is kept. Then as {@link #reuse}: the gradient is formed, and every
   * member's centre and curvature go back into {@code centre} and {@code curvature}.
   */
  void extend(FeatureSets sets, double[] residual, double[] centre, double[] curvature) {
    int[] strong = sets.strong;
    int newCount = sets.strongCount;
    int[] from = new int[newCount];
    int[] newPlace = new int[count];
    java.util.Arrays.fill(newPlace, -1);
    for (int a = 0; a < newCount; a++) {
      int j = strong[a];
      from[a] = holds(j) ? position[j] : -1;
      if (from[a] >= 0) {
        newPlace[from[a]] = a;
      }
    }
    double[] fresh = new double[newCount * newCount];
    KeptEntries.copy(gram, count, from, newCount, fresh);
    if (column.length < n) {
      column = new double[n];
    }
    for (int a = 0; a < newCount; a++) {
      if (from[a] < 0) {
        addRow(a, strong, newCount, centre[strong[a]], fresh);
      }
    }
    double[] keptCentres = centres;
    centres = new double[Math.max(newCount, members.length)];
    for (int a = 0; a < newCount; a++) {
      centres[a] = from[a] >= 0 ? keptCentres[from[a]] : centre[strong[a]];
    }
    gram = fresh;
    count = newCount;
    ensureRoom(newCount);
    for (int a = 0; a < newCount; a++) {
      position[strong[a]] = a;
      members[a] = strong[a];
      curvatures[a] = gram[a * count + a];
    }
    support.renumber(newPlace, newCount);
    reuse(sets, residual, centre, curvature);
  }

  /**
   * Row and column a of {@code fresh} (new feature {@code list[a]}, centred on c) at the formed
   * weights, as {@link WeightedGram} forms an entry: the weighted, centred column against the raw
   * ones, whose centring drops out.
   */
  private void addRow(int a, int[] list, int length, double c, double[] fresh) {
    int j = list[a];
    x.weightedCentred(j, formedWeights, 0.0, c, base.scale[j], column, 0);
    for (int b = 0; b < length; b += 4) {
      int summed = x.dotFour(list, length, b, column, dots);
      for (int t = 0; t < summed; t++) {
        double h = dots[t] / base.scale[list[b + t]];
        fresh[a * length + b + t] = h;
        fresh[(b + t) * length + a] = h;
      }
    }
  }

  /** Whether the matrix was formed for exactly this strong set. */
  boolean formedFor(FeatureSets sets) {
    return gram.length > 0
        && sets.strongCount == count
        && java.util.Arrays.equals(members, 0, count, sets.strong, 0, count);
  }

  /**
   * Takes up the matrix formed at an earlier step for a new residual: only the gradient is formed
   * again, and the centres and curvatures the matrix was formed with go back into {@code centre}
   * and {@code curvature}, so that the step's change of eta matches the quadratic it solved.
   */
  void reuse(FeatureSets sets, double[] residual, double[] centre, double[] curvature) {
    int[] strong = sets.strong;
    for (int a = 0; a < count; a++) {
      centre[strong[a]] = centres[a];
      curvature[strong[a]] = curvatures[a];
    }
    formGradient(strong, residual);
  }

  /** The quadratic's starting gradient {@code z_j' residual} for the strong features. */
  private void formGradient(int[] strong, double[] residual) {
    for (int a = 0; a < count; a += 4) {
      int summed = x.dotFour(strong, count, a, residual, dots);
      for (int t = 0; t < summed; t++) {
        gradient[a + t] = dots[t] / base.scale[strong[a + t]];
      }
    }
  }

  /**
   * Coordinate descent on the quadratic, cycling the active set between full passes, until a full
   * pass changes no coordinate by more than {@code threshold} ({@code curvature * change^2}).
   *
   * @return the passes taken
   */
  int solve(
      FeatureSets sets,
      double[] beta,
      double aScale,
      double qScale,
      double threshold,
      int passBudget) {
    int passes = 0;
    while (passes < passBudget) {
      double full = pass(sets.strong, sets.strongCount, sets, beta, aScale, qScale);
      passes++;
      if (full <= threshold || solveOnSupport(sets, beta, aScale, qScale)) {
        break;
      }
      while (passes < passBudget) {
        double change = pass(sets.active, sets.activeCount, sets, beta, aScale, qScale);
        passes++;
        if (change <= threshold) {
          break;
        }
      }
    }
    return passes;
  }

  /**
   * Solves the quadratic exactly on the strong set by {@link SupportSolve}, or moves towards the
   * solution; returns whether it solved it.
   */
  private boolean solveOnSupport(FeatureSets sets, double[] beta, double aScale, double qScale) {
    int[] strong = sets.strong;
    for (int a = 0; a < count; a++) {
      int j = strong[a];
      values[a] = beta[j];
      penalties[a] = base.penalty[j];
      lowers[a] = base.lower[j];
      uppers[a] = base.upper[j];
    }
    boolean solved =
        support.solve(
            count, gram, gradient, values, penalties, lowers, uppers, null, aScale, qScale);
    for (int a = 0; a < count; a++) {
      int j = strong[a];
      beta[j] = values[a];
      if (values[a] != 0) {
        sets.addActive(j);
      }
    }
    return solved;
  }

  /** {@code out -= d G_j}: what a change d of coefficient j does to the quadratic's gradient. */
  private void subtractColumn(int j, double d, double[] out) {
    int row = position[j] * count;
    for (int b = 0; b < count; b++) {
      out[b] -= gram[row + b] * d;
    }
  }

  /** One pass over the listed features; returns the largest {@code curvature * change^2}. */
  private double pass(
      int[] list, int length, FeatureSets sets, double[] beta, double aScale, double qScale) {
    double largest = 0;
    for (int t = 0; t < length; t++) {
      int j = list[t];
      int a = position[j];
      double h = gram[a * count + a];
      double pf = base.penalty[j];
      double denominator = h + qScale * pf;
      if (!(denominator > 0)) {
        continue;
      }
      double old = beta[j];
      double u = gradient[a] + h * old;
      double limit = aScale * pf;
      double updated = base.coordinateMinimum(j, u, limit, denominator);
      if (updated == old) {
        continue;
      }
      double d = updated - old;
      beta[j] = updated;
      largest = Math.max(largest, h * d * d);
      sets.addActive(j);
      subtractColumn(j, d, gradient);
    }
    return largest;
  }
}
