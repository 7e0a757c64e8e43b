package org.l1path.solver;

/**
 * A unit direction u in row space (in the V-norm) along the sum of the standardized features, with
 * every feature's loading {@code w_j = <z_j, u>_V}. It sharpens naive mode's KKT screen: a residual
 * move d splits into its part along u, whose effect on every gradient is known exactly ({@code w_j
 * <u, d>_V}), and the rest, which Cauchy-Schwarz bounds with the parts of z_j and d orthogonal to
 * u:
 *
 * <pre>
 *   |G_j(r0 + d) - G_j(r0) - w_j <u, d>_V| <= sqrt(d_j - w_j^2) sqrt(||d||_V^2 - <u, d>_V^2)
 * </pre>
 *
 * On a design whose features share a component (glmnet's simulation at rho 0.95, or measurements
 * that move together) the sum points along it, and the orthogonal parts are a fraction of the
 * whole. The bound holds for any unit u. Features whose shared component comes with mixed signs
 * cancel in the sum; the direction is then weak and not made: a power iteration towards the leading
 * principal component would find it, for two more sweeps, which on the benchmark designs cost more
 * than it saved.
 */
final class ScreenDirection {
  /**
   * Below this share of the features' total variance along their sum, the sharper bound settles too
   * few more features to repay its two sweeps (on uncorrelated designs the share is about 1/n).
   */
  private static final double MIN_SHARE = 0.2;

  /**
   * Covers rounding in {@code d_j - w_j^2} and its like, relative to the whole: cancellation there
   * must not make an orthogonal norm look smaller than it is.
   */
  private static final double ROUNDING = 1e-12;

  private final GaussianProblem prob;
  private final double[] u;

  /** {@code w_j = <z_j, u>_V} (0 for fixed features). */
  private final double[] loadings;

  /** {@code ||z_j - w_j u||_V}, rounded up. */
  private final double[] orthogonalNorms;

  private ScreenDirection(GaussianProblem prob, double[] u, double[] loadings) {
    this.prob = prob;
    this.u = u;
    this.loadings = loadings;
    orthogonalNorms = new double[prob.p];
    for (int j = 0; j < prob.p; j++) {
      double d = prob.diag[j];
      orthogonalNorms[j] = orthogonal(d, loadings[j] * loadings[j]);
    }
  }

  /**
   * The direction for {@code prob}'s non-fixed features, or null when they share too little: two
   * O(n p) sweeps.
   *
   * @param parallel whether the sweeps may use the common fork-join pool
   */
  static ScreenDirection of(GaussianProblem prob, boolean parallel) {
    int[] features = new int[prob.p];
    int count = 0;
    double total = 0;
    for (int j = 0; j < prob.p; j++) {
      if (!prob.fixed[j]) {
        features[count++] = j;
        total += prob.diag[j];
      }
    }
    double[] u = sumOf(prob, features, count);
    if (!normalize(prob, u)) {
      return null;
    }
    double[] w = loadings(prob, features, count, u, parallel);
    if (!(Dot.of(w, 0, w, prob.p) >= MIN_SHARE * total)) {
      return null;
    }
    return new ScreenDirection(prob, u, w);
  }

  double loading(int j) {
    return loadings[j];
  }

  double orthogonalNorm(int j) {
    return orthogonalNorms[j];
  }

  /** {@code <u, r>_V} from a stored residual (r, or V r when weighted). */
  double along(double[] stored) {
    double dot = Dot.of(u, 0, stored, prob.n);
    return prob.v == null ? dot * prob.invN : dot;
  }

  /** {@code sqrt(total^2 - part^2)}: a norm's part orthogonal to u, rounded up. */
  static double orthogonal(double totalSquared, double partSquared) {
    return Math.sqrt(Math.max(0, totalSquared - partSquared) + ROUNDING * totalSquared);
  }

  /** {@code sum_j z_j} over the listed features. */
  private static double[] sumOf(GaussianProblem prob, int[] features, int count) {
    double[] u = new double[prob.n];
    double shift = 0;
    for (int t = 0; t < count; t++) {
      int j = features[t];
      double[] col = prob.x.arrays[j];
      int o = prob.x.offsets[j];
      double step = 1 / prob.scale[j];
      shift += step * prob.centre[j];
      for (int i = 0; i < prob.n; i++) {
        u[i] += step * col[o + i];
      }
    }
    for (int i = 0; i < prob.n; i++) {
      u[i] -= shift;
    }
    return u;
  }

  /** Scales u to unit V-norm; false when it is 0. */
  private static boolean normalize(GaussianProblem prob, double[] u) {
    double sum = 0;
    for (int i = 0; i < prob.n; i++) {
      sum += prob.weight(i) * u[i] * u[i];
    }
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
    double[] vu = new double[prob.n];
    for (int i = 0; i < prob.n; i++) {
      vu[i] = prob.v == null ? u[i] : prob.v[i] * u[i];
    }
    double sumVu = prob.weightedSum(u);
    Sweep.run(
        (count + 3) / 4,
        (long) prob.n * count,
        parallel,
        q -> {
          double[] dots = new double[4];
          int summed = prob.x.dotFour(features, count, 4 * q, vu, dots);
          for (int t = 0; t < summed; t++) {
            int j = features[4 * q + t];
            double weighted = prob.v == null ? dots[t] * prob.invN : dots[t];
            w[j] = (weighted - prob.centre[j] * sumVu) / prob.scale[j];
          }
        });
    return w;
  }
}
