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

  /**
   * The most features one support solve adds to or drops from the support before it leaves the rest
   * to coordinate descent: each costs an update of the factor, O(|A|^2), and a gradient, O(|A|
   * |S|).
   */
  private static final int MAX_CHANGES = 64;

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

  /** Builds of the matrix so far: a factor belongs to the build it was made from. */
  private long version;

  /** The factor of the support block of the last solve on the support, and what it was made for. */
  private final IncrementalCholesky factor;

  private long factoredVersion = -1;
  private double factoredQ = Double.NaN;
  private final java.util.BitSet inSupport = new java.util.BitSet();

  /** The sign each member of the factor is solved with: its coefficient's, or its gradient's. */
  private final double[] sign;

  /** The strong set, centres and curvatures the matrix was formed with. */
  private int[] members = new int[0];

  private double[] centres = new double[0];
  private double[] curvatures = new double[0];

  /**
   * Whether a support solve that would change a sign moves part of the way (a binomial step). In a
   * multinomial fit a class's step is one block of descent over the classes, and there the partial
   * moves slowed the rounds down until alphas stalled (a 7-class glass-like path).
   */
  private final boolean partialMoves;

  GramStep(GaussianProblem base, boolean partialMoves) {
    this.base = base;
    this.partialMoves = partialMoves;
    this.x = base.x;
    this.n = base.n;
    kernel = new WeightedGram(x);
    position = new int[base.p];
    factor = new IncrementalCholesky(base.p);
    sign = new double[base.p];
  }

  /**
   * Forms the Gram matrix of the strong set under weights {@code v}, and the starting gradient
   * {@code z_j' residual} (the residual sums to 0 with an intercept, and the centres are 0 without
   * one, so the centring drops out of it).
   */
  void build(FeatureSets sets, double[] v, double[] centre, double[] residual) {
    count = sets.strongCount;
    int[] strong = sets.strong;
    if (gram.length < count * count) {
      gram = new double[count * count];
      gradient = new double[count];
    }
    for (int a = 0; a < count; a++) {
      position[strong[a]] = a;
    }
    formGradient(strong, residual);
    kernel.compute(strong, count, v, centre, base.scale, gram);
    version++;
    if (members.length < count) {
      members = new int[count];
      centres = new double[count];
      curvatures = new double[count];
    }
    for (int a = 0; a < count; a++) {
      members[a] = strong[a];
      centres[a] = centre[strong[a]];
      curvatures[a] = gram[a * count + a];
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
   * Solves the quadratic exactly by an active-set method: on the members A of the support the
   * solution with their signs held satisfies {@code (G_AA + q P) d = g_A - a P s - q P beta_A} (P
   * the penalty factors, s the signs). When the solution keeps every sign and bound, the
   * coefficients move there; then, if every other strong feature passes its KKT check, the
   * quadratic is solved, and otherwise (in a binomial step) the feature that fails it by most joins
   * the support with the sign of its gradient and the solve is repeated. When a member would change
   * sign or cross a bound (and {@link #partialMoves}), the coefficients move towards the solution
   * only as far as the first of them allows (the quadratic falls all along the way); that one stops
   * at 0, leaves the support, and the solve is repeated. Up to {@link #MAX_CHANGES} features come
   * and go; the factor of the support block is kept from solve to solve on the same matrix, updated
   * by them. Where coordinate descent creeps (features far more correlated than rows can tell
   * apart, a wide design) this ends in a few solves what would take hundreds of passes.
   *
   * @return whether the quadratic is now solved
   */
  private boolean solveOnSupport(FeatureSets sets, double[] beta, double aScale, double qScale) {
    int[] support = supportOf(sets, beta);
    if (support.length == 0) {
      return false;
    }
    boolean complete = factorSupport(support, beta, qScale);
    for (int changes = 0; factor.size() > 0; changes++) {
      int size = factor.size();
      int[] members = new int[size];
      double[] change = new double[size];
      for (int u = 0; u < size; u++) {
        int j = factor.member(u);
        double pf = base.penalty[j];
        members[u] = j;
        change[u] = gradient[position[j]] - aScale * pf * sign[j] - qScale * pf * beta[j];
      }
      factor.solve(change);
      double step = 1;
      int blocking = -1;
      double blockedAt = 0;
      for (int u = 0; u < size; u++) {
        int j = members[u];
        double from = beta[j];
        double to = from + change[u];
        double stop;
        if (sign[j] > 0 ? to < 0 : to > 0) {
          stop = 0;
        } else if (to > base.upper[j]) {
          stop = base.upper[j];
        } else if (to < base.lower[j]) {
          stop = base.lower[j];
        } else {
          continue;
        }
        double reach = (stop - from) / change[u];
        if (reach < step) {
          step = reach;
          blocking = u;
          blockedAt = stop;
        }
      }
      if (blocking < 0) {
        if (!complete) {
          // Collinear members were held where they are: the move lowers the quadratic, but does
          // not solve it.
          for (int u = 0; u < size; u++) {
            moveTo(members[u], beta[members[u]] + change[u], beta);
          }
          return false;
        }
        int violator = moveIfDescent(sets, beta, members, change, aScale);
        if (violator < 0) {
          return true;
        }
        if (!partialMoves || changes == MAX_CHANGES) {
          return false;
        }
        complete = enter(violator, qScale);
        continue;
      }
      if (!partialMoves || !(step > 0)) {
        return false;
      }
      for (int u = 0; u < size; u++) {
        int j = members[u];
        moveTo(j, u == blocking ? blockedAt : beta[j] + step * change[u], beta);
      }
      if (blockedAt != 0 || changes == MAX_CHANGES) {
        // A coefficient held at a bound stays in the support, so a new solve would stop at once.
        return false;
      }
      factor.remove(blocking);
    }
    return false;
  }

  /**
   * Appends a feature at 0 to the factor, to leave 0 with the sign of its gradient; returns false
   * when it is collinear with the members (and so left out).
   */
  private boolean enter(int j, double qScale) {
    sign[j] = Math.signum(gradient[position[j]]);
    int row = position[j] * count;
    double[] cross = new double[factor.size()];
    for (int r = 0; r < factor.size(); r++) {
      cross[r] = gram[row + position[factor.member(r)]];
    }
    return factor.append(j, cross, gram[row + position[j]] + qScale * base.penalty[j]);
  }

  /**
   * Brings the factor of {@code G_AA + q P} to the support A: kept from the last solve on this
   * matrix where it can be, members that left removed and new ones appended. Returns false when a
   * member is collinear with the others and left out.
   */
  private boolean factorSupport(int[] support, double[] beta, double qScale) {
    if (factoredVersion != version || qScale != factoredQ || factor.stale()) {
      factor.clear();
      factoredVersion = version;
      factoredQ = qScale;
    }
    inSupport.clear();
    for (int j : support) {
      inSupport.set(j);
      sign[j] = Math.signum(beta[j]);
    }
    for (int r = factor.size() - 1; r >= 0; r--) {
      if (!inSupport.get(factor.member(r))) {
        factor.remove(r);
      }
    }
    boolean complete = true;
    double[] cross = new double[support.length];
    for (int j : support) {
      if (factor.contains(j)) {
        continue;
      }
      int row = position[j] * count;
      for (int r = 0; r < factor.size(); r++) {
        cross[r] = gram[row + position[factor.member(r)]];
      }
      complete &= factor.append(j, cross, gram[row + position[j]] + qScale * base.penalty[j]);
    }
    return complete;
  }

  /** The active features whose coefficients are non-zero. */
  private static int[] supportOf(FeatureSets sets, double[] beta) {
    int[] support = new int[sets.activeCount];
    int size = 0;
    for (int t = 0; t < sets.activeCount; t++) {
      int j = sets.active[t];
      if (beta[j] != 0) {
        support[size++] = j;
      }
    }
    return java.util.Arrays.copyOf(support, size);
  }

  /**
   * Takes the full change when every strong feature held at 0 then passes its KKT check (returns
   * -1), or, in a binomial step, also when one fails it: the move lowers the quadratic either way.
   * Returns the feature that fails its check by most, or -1.
   */
  private int moveIfDescent(
      FeatureSets sets, double[] beta, int[] support, double[] change, double aScale) {
    double[] moved = gradient.clone();
    for (int u = 0; u < support.length; u++) {
      subtractColumn(support[u], change[u], moved);
    }
    int violator = -1;
    double worst = 0;
    for (int t = 0; t < count; t++) {
      int j = sets.strong[t];
      if (beta[j] != 0 || factor.contains(j)) {
        continue;
      }
      double g = moved[position[j]];
      double limit = aScale * base.penalty[j];
      if (base.leavesZero(j, g, limit) && Math.abs(g) - limit > worst) {
        worst = Math.abs(g) - limit;
        violator = j;
      }
    }
    if (violator >= 0 && !partialMoves) {
      return violator;
    }
    for (int u = 0; u < support.length; u++) {
      beta[support[u]] += change[u];
    }
    System.arraycopy(moved, 0, gradient, 0, count);
    return violator;
  }

  /** Sets coefficient j to {@code value}, keeping the quadratic's gradient in step. */
  private void moveTo(int j, double value, double[] beta) {
    double d = value - beta[j];
    if (d == 0) {
      return;
    }
    beta[j] = value;
    subtractColumn(j, d, gradient);
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
