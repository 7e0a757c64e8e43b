package org.l1path.solver.gaussian;

import org.l1path.solver.data.Dot;

/**
 * Up to two orthonormal directions u_k in row space (V-inner product) along which naive mode's KKT
 * screen measures the residual's moves exactly, with every feature's loadings {@code w_kj = <z_j,
 * u_k>_V}. A residual move d changes gradient j by {@code sum_k w_kj <u_k, d>_V} plus a rest that
 * Cauchy-Schwarz bounds with the parts of z_j and d orthogonal to the basis:
 *
 * <pre>
 *   |G_j(r0 + d) - G_j(r0) - sum_k w_kj <u_k, d>_V|
 *       <= sqrt(d_j - sum_k w_kj^2) sqrt(||d||_V^2 - sum_k <u_k, d>_V^2)
 * </pre>
 *
 * The directions are the sum of the standardized features, when it carries a common component
 * (glmnet's simulation at rho 0.95, or measurements that move together), and the residual's latest
 * move: along a path the residual keeps moving in much the same direction for many alphas, so the
 * rest of later moves is a fraction of the whole. The bound holds for any orthonormal basis.
 */
final class ScreenBasis {
  /** The most directions a basis holds: the common component and the latest move. */
  static final int MAX = 2;

  /**
   * Below this share of the features' total variance along their sum there is no common component
   * worth a direction (on uncorrelated designs the share is about 1/n).
   */
  private static final double MIN_SHARE = 0.2;

  /**
   * Covers rounding in {@code d_j - sum_k w_kj^2} and its like, relative to the whole: cancellation
   * there must not make an orthogonal norm look smaller than it is.
   */
  private static final double ROUNDING = 1e-12;

  /** A move this short next to its part along the common component adds no direction. */
  private static final double NEW_DIRECTION_MIN = 1e-6;

  private final GaussianProblem prob;
  private final int[] features;
  private final int count;

  /** How many leading directions are the common component (0 or 1); a move's may follow. */
  private final int common;

  /** The directions, unit and orthogonal in the V-inner product. */
  private final double[][] u;

  /** {@code w_kj = <z_j, u_k>_V} (0 for fixed features). */
  private final double[][] loadings;

  /** {@code ||z_j - sum_k w_kj u_k||_V}, rounded up. */
  private final double[] orthogonalNorms;

  private ScreenBasis(
      GaussianProblem prob,
      int[] features,
      int count,
      int common,
      double[][] u,
      double[][] loadings) {
    this.prob = prob;
    this.features = features;
    this.count = count;
    this.common = common;
    this.u = u;
    this.loadings = loadings;
    orthogonalNorms = new double[prob.p];
    for (int j = 0; j < prob.p; j++) {
      double along = 0;
      for (double[] w : loadings) {
        along += w[j] * w[j];
      }
      orthogonalNorms[j] = orthogonal(prob.diag[j], along);
    }
  }

  /**
   * The common component of {@code prob}'s non-fixed features as a one-direction basis, or an empty
   * basis when they share too little: two O(n p) sweeps.
   *
   * @param parallel whether the sweeps may use the common fork-join pool
   */
  static ScreenBasis common(GaussianProblem prob, boolean parallel) {
    int[] features = new int[prob.p];
    int count = 0;
    double total = 0;
    for (int j = 0; j < prob.p; j++) {
      if (!prob.fixed[j]) {
        features[count++] = j;
        total += prob.diag[j];
      }
    }
    double[][] none = new double[0][];
    ScreenBasis empty = new ScreenBasis(prob, features, count, 0, none, none);
    double[] sum = sumOf(prob, features, count);
    if (!normalize(prob, sum)) {
      return empty;
    }
    double[] w = loadings(prob, features, count, sum, parallel);
    if (!(Dot.of(w, 0, w, prob.p) >= MIN_SHARE * total)) {
      return empty;
    }
    return new ScreenBasis(prob, features, count, 1, new double[][] {sum}, new double[][] {w});
  }

  /**
   * This basis's common component (if any) and the direction of {@code move}, a difference of two
   * stored residuals (r, or V r when weighted), in place of any earlier move's: one O(n p) sweep.
   * This basis itself when the move adds no direction.
   */
  ScreenBasis withMove(double[] move, boolean parallel) {
    int kept = common;
    double[] direction = move.clone();
    double length = norm(prob, direction);
    for (int k = 0; k < kept; k++) {
      double along = inner(prob, u[k], direction);
      for (int i = 0; i < prob.n; i++) {
        direction[i] -= along * u[k][i];
      }
    }
    if (!(norm(prob, direction) > NEW_DIRECTION_MIN * length) || !normalize(prob, direction)) {
      return this;
    }
    double[][] basis = new double[kept + 1][];
    double[][] w = new double[kept + 1][];
    for (int k = 0; k < kept; k++) {
      basis[k] = u[k];
      w[k] = loadings[k];
    }
    basis[kept] = direction;
    w[kept] = loadings(prob, features, count, direction, parallel);
    return new ScreenBasis(prob, features, count, kept, basis, w);
  }

  int size() {
    return u.length;
  }

  double loading(int k, int j) {
    return loadings[k][j];
  }

  double orthogonalNorm(int j) {
    return orthogonalNorms[j];
  }

  /** {@code out[k] = <u_k, r>_V} from a stored residual (r, or V r when weighted). */
  void along(double[] stored, double[] out) {
    for (int k = 0; k < u.length; k++) {
      double dot = Dot.of(u[k], 0, stored, prob.n);
      out[k] = prob.v == null ? dot * prob.invN : dot;
    }
  }

  /** {@code sqrt(total^2 - part^2)}: a norm's part orthogonal to the basis, rounded up. */
  static double orthogonal(double totalSquared, double partSquared) {
    return Math.sqrt(Math.max(0, totalSquared - partSquared) + ROUNDING * totalSquared);
  }

  /** {@code sum_j z_j} over the listed features. */
  private static double[] sumOf(GaussianProblem prob, int[] features, int count) {
    double[] u = new double[prob.n];
    double shift = 0;
    for (int t = 0; t < count; t++) {
      int j = features[t];
      double step = 1 / prob.scale[j];
      shift += step * prob.centre[j];
      prob.x.addScaled(j, step, null, u);
    }
    for (int i = 0; i < prob.n; i++) {
      u[i] -= shift;
    }
    return u;
  }

  private static double inner(GaussianProblem prob, double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < prob.n; i++) {
      sum += prob.weight(i) * a[i] * b[i];
    }
    return sum;
  }

  private static double norm(GaussianProblem prob, double[] a) {
    return Math.sqrt(inner(prob, a, a));
  }

  /** Scales u to unit V-norm; false when it is 0 or not finite. */
  private static boolean normalize(GaussianProblem prob, double[] u) {
    double sum = inner(prob, u, u);
    if (!(sum > 0) || Double.isInfinite(sum)) {
      return false;
    }
    double inverse = 1 / Math.sqrt(sum);
    for (int i = 0; i < prob.n; i++) {
      u[i] *= inverse;
    }
    return true;
  }

  /** {@code w_j = <z_j, u>_V} for the listed features, 0 for the others. */
  private static double[] loadings(
      GaussianProblem prob, int[] features, int count, double[] u, boolean parallel) {
    double[] w = new double[prob.p];
    double[] stored = new double[prob.n];
    for (int i = 0; i < prob.n; i++) {
      stored[i] = prob.v == null ? u[i] : prob.v[i] * u[i];
    }
    prob.storedProducts(features, count, stored, prob.weightedSum(u), w, parallel);
    return w;
  }
}
