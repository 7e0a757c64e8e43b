package org.l1path.solver.glm;

import org.l1path.solver.linalg.IncrementalCholesky;

/**
 * The exact minimizer of a Newton step's penalized quadratic over a few coordinates, by an
 * active-set method, where coordinate descent would creep: features far more correlated than the
 * rows can tell apart (a wide design), or curvature near 0 where the classes all but separate.
 *
 * <p>The quadratic is {@code -g'd + d'Hd / 2} in the change d of the coordinates' values, plus
 * {@code sum_c pf_c (a |value_c| + q value_c^2 / 2)} and bounds. On the members A of the support,
 * with their signs s held, the minimizer satisfies {@code (H_AA + q P) d = g_A - a P s - q P
 * value_A}. When that solution keeps every sign and bound, the values move there; then, if every
 * other coordinate passes its KKT check, the quadratic is solved, and otherwise (when {@code
 * partialMoves}) the coordinate that fails it by most joins the support with the sign of its
 * gradient and the solve is repeated. When a member would change sign or cross a bound (and {@code
 * partialMoves}), the values move towards the solution only as far as the first of them allows (the
 * quadratic falls all along the way); that one stops at 0, leaves the support, and the solve is
 * repeated. Up to {@link #MAX_CHANGES} coordinates come and go. The Cholesky factor of the support
 * block is kept from solve to solve on the same matrix, updated by them. A coordinate collinear
 * with the members (the levels of a one-hot encoded attribute, all in the support) first slides
 * with them along their common direction, where only the penalty changes, until one of them is 0
 * ({@link #slideToBreak}); one that is still collinear stays where it is while the rest are solved,
 * and the solve then reports the quadratic unsolved, for the caller's coordinate descent to finish.
 *
 * <p>Coordinates are the caller's local indices into its matrix. Unpenalized coordinates are always
 * in the support; a {@code held} one never is (the one intercept of a multinomial step that the
 * others determine: the loss does not change when every class's intercept moves alike).
 */
final class SupportSolve {
  /**
   * The most coordinates one solve adds to or drops from the support before it leaves the rest to
   * coordinate descent: each costs an update of the factor, O(|A|^2), and a gradient, O(|A| m).
   */
  private static final int MAX_CHANGES = 64;

  /**
   * A coordinate at 0 whose gradient passes its penalty by no more than this share of it fails its
   * KKT check by rounding alone. A lasso multinomial step meets that at every feature whose
   * classes' coefficients are centred on an even count ({@link ClassSumCentring}): the one at 0
   * sits exactly at its limit, and letting it in only found it collinear with the rest.
   */
  private static final double KKT_ROUNDING = 1e-10;

  /**
   * An entry of a collinear direction below this share of its largest is rounding: the direction
   * solves the factor for a combination that is exactly 0 only on the collinear coordinates.
   */
  private static final double DIRECTION_ROUNDING = 1e-12;

  private final boolean partialMoves;
  private IncrementalCholesky factor = new IncrementalCholesky(0);
  private boolean valid;
  private double factoredQ = Double.NaN;

  /** The sign each member of the factor is solved with: its value's, or its gradient's. */
  private double[] sign = new double[0];

  private double[] moved = new double[0];

  /** The support in the factor's order, and the Newton change of each member's value. */
  private int[] members = new int[0];

  private double[] change = new double[0];

  /** How far along the change the blocking member stops, and where. */
  private double blockingStep;

  private double blockedAt;

  /** A coordinate's entries against the members, as it is appended to the factor. */
  private double[] crossScratch = new double[0];

  /**
   * Coordinates collinear with the members when they were to join: held where they are for the rest
   * of the solve, which then leaves the last word to the caller's coordinate descent.
   */
  private boolean[] refused = new boolean[0];

  private boolean anyRefused;

  /** What the caller's quadratic is: set by {@link #solve}, read by its helpers. */
  private int m;

  private double[] hessian;
  private double[] gradient;
  private double[] value;
  private double[] penalty;
  private double[] lower;
  private double[] upper;

  /**
   * @param partialMoves whether a solve that would change a sign moves part of the way, and one
   *     that leaves a KKT violation lets the violator in; otherwise such a solve only reports
   *     failure (the class steps of a multinomial fit, where partial moves slowed the rounds down
   *     until alphas stalled)
   */
  SupportSolve(boolean partialMoves) {
    this.partialMoves = partialMoves;
  }

  /**
   * The factor of the last solve's support ({@code H_AA}, members the caller's coordinates) when it
   * holds no ridge and the matrix has not changed since; else null.
   */
  IncrementalCholesky unridgedFactor() {
    return valid && factoredQ == 0 ? factor : null;
  }

  /** Forgets the factor: the caller's matrix, or the meaning of its indices, changed. */
  void invalidate() {
    valid = false;
  }

  /**
   * Keeps the factor for a matrix that grew around the old one (its entries among the old
   * coordinates unchanged): coordinate c is now {@code newPlace[c]}, or gone where that is -1.
   */
  void renumber(int[] newPlace, int newSize) {
    if (!valid) {
      return;
    }
    factor.ensureCapacity(newSize);
    factor.renumber(newPlace);
  }

  /**
   * Solves, or moves towards the solution.
   *
   * @param hessian row-major {@code m x m}, without the ridge
   * @param gradient the quadratic's negative gradient at {@code value} (without the penalty); kept
   *     in step with the values
   * @param value each coordinate's value; moved
   * @param penalty each coordinate's penalty factor (0: unpenalized, always in the support)
   * @param held coordinates that never join the support, or null
   * @return whether the quadratic is now solved
   */
  boolean solve(
      int m,
      double[] hessian,
      double[] gradient,
      double[] value,
      double[] penalty,
      double[] lower,
      double[] upper,
      boolean[] held,
      double aScale,
      double qScale) {
    this.m = m;
    this.hessian = hessian;
    this.gradient = gradient;
    this.value = value;
    this.penalty = penalty;
    this.lower = lower;
    this.upper = upper;
    if (sign.length < m) {
      sign = new double[m];
      moved = new double[m];
      crossScratch = new double[m];
      members = new int[m];
      change = new double[m];
      refused = new boolean[m];
    }
    java.util.Arrays.fill(refused, 0, m, false);
    anyRefused = false;
    factor.ensureCapacity(m);
    if (!valid || qScale != factoredQ || factor.stale()) {
      factor.clear();
      valid = true;
      factoredQ = qScale;
    }
    factorSupport(held, qScale);
    if (factor.size() == 0) {
      return false;
    }
    for (int changes = 0; factor.size() > 0; changes++) {
      int size = factor.size();
      newtonChange(size, aScale, qScale);
      int blocking = blockingMember(size);
      if (blocking < 0) {
        int violator = moveIfDescent(size, held, aScale, qScale);
        if (violator < 0) {
          // Solved, unless a collinear coordinate was held where it is: then the caller's
          // coordinate descent checks it.
          return !anyRefused;
        }
        if (!partialMoves || changes == MAX_CHANGES) {
          return false;
        }
        enter(violator, qScale);
        continue;
      }
      if (!partialMoves || !(blockingStep > 0)) {
        return false;
      }
      for (int u = 0; u < size; u++) {
        int c = members[u];
        moveTo(c, u == blocking ? blockedAt : value[c] + blockingStep * change[u], gradient);
      }
      if (changes == MAX_CHANGES) {
        return false;
      }
      // The blocking member leaves the support: at 0, or held at its bound.
      factor.remove(blocking);
    }
    return false;
  }

  /**
   * Sets {@link #members} to the support, in the factor's order, and {@link #change} to the Newton
   * change of their values with their signs held.
   */
  private void newtonChange(int size, double aScale, double qScale) {
    for (int u = 0; u < size; u++) {
      int c = factor.member(u);
      members[u] = c;
      change[u] = gradient[c] - aScale * penalty[c] * sign[c] - qScale * penalty[c] * value[c];
    }
    factor.solve(change);
  }

  /**
   * The member whose sign change or bound comes first along the change, at {@link #blockingStep} of
   * it (and {@link #blockedAt}, where it stops), or -1 when the whole change keeps every sign and
   * bound. The loops of a solve are methods of their own: in one method, each loop's count set off
   * a compilation of all of it while it ran (three of them, half a second of a 2-core Weka run).
   */
  private int blockingMember(int size) {
    blockingStep = 1;
    int blocking = -1;
    for (int u = 0; u < size; u++) {
      int c = members[u];
      double to = value[c] + change[u];
      double stop;
      if (penalty[c] > 0 && (sign[c] > 0 ? to < 0 : to > 0)) {
        stop = 0;
      } else if (to > upper[c]) {
        stop = upper[c];
      } else if (to < lower[c]) {
        stop = lower[c];
      } else {
        continue;
      }
      double reach = (stop - value[c]) / change[u];
      if (reach < blockingStep) {
        blockingStep = reach;
        blocking = u;
        blockedAt = stop;
      }
    }
    return blocking;
  }

  /**
   * Brings the factor of {@code H_AA + q P} to the support A (every unpenalized coordinate and
   * every non-zero one, less the held and those at a bound): kept from the last solve where it can
   * be, members that left removed and new ones appended.
   */
  private void factorSupport(boolean[] held, double qScale) {
    for (int r = factor.size() - 1; r >= 0; r--) {
      if (!inSupport(factor.member(r), held)) {
        factor.remove(r);
      }
    }
    for (int c = 0; c < m; c++) {
      if (!inSupport(c, held)) {
        continue;
      }
      sign[c] = Math.signum(value[c]);
      if (!factor.contains(c)) {
        append(c, qScale);
      }
    }
  }

  private boolean inSupport(int c, boolean[] held) {
    boolean free = penalty[c] == 0 && lower[c] < 0 && upper[c] > 0;
    return (value[c] != 0 || free) && (held == null || !held[c]) && !atBound(c);
  }

  /** Whether coordinate c sits at a bound other than 0 (a bound at 0 is where the penalty is). */
  private boolean atBound(int c) {
    double v = value[c];
    return v != 0 && (v == upper[c] || v == lower[c]);
  }

  /**
   * Appends a coordinate outside the support to the factor: one at 0 to leave 0 with the sign of
   * its gradient, one at a bound to move back inside.
   */
  private void enter(int c, double qScale) {
    sign[c] = value[c] != 0 ? Math.signum(value[c]) : Math.signum(gradient[c]);
    append(c, qScale);
  }

  /**
   * Appends coordinate c to the factor, or, when it is collinear with the members, marks it
   * refused: it stays where it is for the rest of this solve.
   */
  private void append(int c, double qScale) {
    int row = c * m;
    double[] cross = crossScratch;
    for (int r = 0; r < factor.size(); r++) {
      cross[r] = hessian[row + factor.member(r)];
    }
    if (factor.append(c, cross, hessian[row + c] + qScale * penalty[c])) {
      return;
    }
    if (partialMoves && qScale == 0 && slideToBreak(c)) {
      // c reached 0 and stays out, or a member did and left: then c may join.
      if (value[c] != 0) {
        append(c, qScale);
      }
      return;
    }
    refused[c] = true;
    anyRefused = true;
  }

  /**
   * Along the direction d in which coordinate c and the members are collinear ({@code d_c = 1},
   * {@code d_A = -H_AA^-1 H_Ac}, so {@code H d = 0}), the quadratic stays as it is (its gradient is
   * in the range of H) and only the L1 penalty changes, piecewise linearly: moves to the weighted
   * median of the points where the coordinates reach 0, within their bounds. There a coordinate is
   * 0: c itself, or a member, which leaves the factor. Returns false, moving nothing, when no
   * coordinate would reach 0 (a bound comes first, or the penalty is flat along d).
   */
  private boolean slideToBreak(int c) {
    int size = factor.size();
    double[] direction = new double[size];
    factor.solveRejected(direction);
    int[] along = new int[size + 1];
    double[] d = new double[size + 1];
    for (int u = 0; u < size; u++) {
      along[u] = factor.member(u);
      d[u] = -direction[u];
    }
    along[size] = c;
    d[size] = 1;
    double largest = 0;
    for (int u = 0; u <= size; u++) {
      largest = Math.max(largest, Math.abs(d[u]));
    }
    // Minimizes sum_i pf_i |v_i + t d_i| over the t the bounds allow, among the coordinates the
    // direction moves: most members are not in the collinear set (the other levels of a one-hot
    // attribute, say) and their entries are rounding, which would only scramble the order.
    double negligible = DIRECTION_ROUNDING * largest;
    double low = Double.NEGATIVE_INFINITY;
    double high = Double.POSITIVE_INFINITY;
    double totalWeight = 0;
    int[] order = new int[size + 1];
    int moving = 0;
    double[] breakAt = new double[size + 1];
    for (int u = 0; u <= size; u++) {
      int k = along[u];
      if (!(Math.abs(d[u]) > negligible)) {
        continue;
      }
      order[moving++] = u;
      breakAt[u] = -value[k] / d[u];
      double toLower = (lower[k] - value[k]) / d[u];
      double toUpper = (upper[k] - value[k]) / d[u];
      low = Math.max(low, Math.min(toLower, toUpper));
      high = Math.min(high, Math.max(toLower, toUpper));
      totalWeight += penalty[k] * Math.abs(d[u]);
    }
    if (!(totalWeight > 0)) {
      return false;
    }
    sortBy(breakAt, order, moving);
    int median = -1;
    double below = 0;
    for (int v = 0; v < moving; v++) {
      int u = order[v];
      below += penalty[along[u]] * Math.abs(d[u]);
      if (below >= 0.5 * totalWeight) {
        median = u;
        break;
      }
    }
    double t = breakAt[median];
    if (!(t != 0) || t < low || t > high) {
      return false;
    }
    for (int v = 0; v < moving; v++) {
      int k = along[order[v]];
      moveTo(k, t == breakAt[order[v]] ? 0.0 : value[k] + t * d[order[v]], gradient);
      sign[k] = Math.signum(value[k]);
    }
    for (int u = size - 1; u >= 0; u--) {
      if (value[along[u]] == 0 && penalty[along[u]] > 0) {
        factor.remove(u);
      }
    }
    return true;
  }

  /**
   * Orders {@code order[0 .. count)} by ascending key, by insertion: O(count^2), without the boxed
   * indices and comparator calls of a library sort (which were half of this slide's time in a
   * one-hot German-credit-like Weka run).
   */
  private static void sortBy(double[] key, int[] order, int count) {
    for (int u = 1; u < count; u++) {
      int moving = order[u];
      int w = u;
      while (w > 0 && Double.compare(key[order[w - 1]], key[moving]) > 0) {
        order[w] = order[w - 1];
        w--;
      }
      order[w] = moving;
    }
  }

  /**
   * Takes the full change when every coordinate outside the support then passes its KKT check
   * (returns -1), or, with partial moves, also when one fails it: the move lowers the quadratic
   * either way. Returns the coordinate that fails its check by most, or -1.
   */
  private int moveIfDescent(int size, boolean[] held, double aScale, double qScale) {
    System.arraycopy(gradient, 0, moved, 0, m);
    for (int u = 0; u < size; u++) {
      subtractColumn(members[u], change[u], moved);
    }
    int violator = -1;
    double worst = 0;
    for (int c = 0; c < m; c++) {
      if (factor.contains(c) || refused[c] || (held != null && held[c])) {
        continue;
      }
      double excess = kktExcess(c, moved[c], aScale, qScale);
      if (excess > worst && excess > KKT_ROUNDING * aScale * penalty[c]) {
        worst = excess;
        violator = c;
      }
    }
    if (violator >= 0 && !partialMoves) {
      return violator;
    }
    for (int u = 0; u < size; u++) {
      value[members[u]] += change[u];
    }
    System.arraycopy(moved, 0, gradient, 0, m);
    return violator;
  }

  /**
   * How far a coordinate outside the support fails its KKT check, at negative gradient g: one at 0
   * by how much g exceeds its penalty in a direction its bounds allow; one held at a bound by how
   * much g pulls it back inside. 0 when it passes.
   */
  private double kktExcess(int c, double g, double aScale, double qScale) {
    double limit = aScale * penalty[c];
    double v = value[c];
    if (v == 0) {
      if (g > limit && upper[c] > 0) {
        return g - limit;
      }
      return g < -limit && lower[c] < 0 ? -g - limit : 0.0;
    }
    double pull = g - qScale * penalty[c] * v - limit * Math.signum(v);
    return v == upper[c] ? Math.max(-pull, 0.0) : v == lower[c] ? Math.max(pull, 0.0) : 0.0;
  }

  /** Sets coordinate c to {@code to}, keeping the gradient in step. */
  private void moveTo(int c, double to, double[] out) {
    double d = to - value[c];
    if (d == 0) {
      return;
    }
    value[c] = to;
    subtractColumn(c, d, out);
  }

  /** {@code out -= d H_c}: what a change d of coordinate c does to the quadratic's gradient. */
  private void subtractColumn(int c, double d, double[] out) {
    int row = c * m;
    for (int b = 0; b < m; b++) {
      out[b] -= hessian[row + b] * d;
    }
  }
}
