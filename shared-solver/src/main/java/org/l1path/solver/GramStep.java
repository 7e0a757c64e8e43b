package org.l1path.solver;

/**
 * The inner solve of a {@link NewtonStep} by covariance updates: the strong set's weighted Gram
 * matrix {@code G_jk = sum_i v_i z_ij z_ik} (features centred on their v-weighted means) is formed
 * once per step, after which a coordinate update costs O(|S|) instead of O(n). It pays when the
 * strong set is small next to the passes a tight solve takes, which is most classification fits.
 */
final class GramStep {
  /** The largest strong set given a Gram matrix (2048^2 doubles are 32 MiB). */
  static final int MAX_FEATURES = 2048;

  private final GaussianProblem base;
  private final Design x;
  private final int n;

  /** {@code v_i (x_ij - m_j) / s_j} of the feature whose Gram row is being formed. */
  private final double[] weighted;

  /** The local index of each strong feature in the Gram matrix. */
  private final int[] position;

  private final double[] dots = new double[4];

  /** Row-major, {@code count x count}. */
  private double[] gram = new double[0];

  /** The quadratic's negative gradient at the current coefficients, by local index. */
  private double[] gradient = new double[0];

  private int count;

  GramStep(GaussianProblem base) {
    this.base = base;
    this.x = base.x;
    this.n = base.n;
    weighted = new double[n];
    position = new int[base.p];
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
    for (int a = 0; a < count; a += 4) {
      int summed = x.dotFour(strong, count, a, residual, dots);
      for (int t = 0; t < summed; t++) {
        gradient[a + t] = dots[t] / base.scale[strong[a + t]];
      }
    }
    for (int a = 0; a < count; a++) {
      int j = strong[a];
      double[] col = x.arrays[j];
      int o = x.offsets[j];
      double m = centre[j];
      double inverseScale = 1 / base.scale[j];
      for (int i = 0; i < n; i++) {
        weighted[i] = v[i] * (col[o + i] - m) * inverseScale;
      }
      // weighted sums to 0, so its product with x_k is its product with x_k - m_k.
      for (int b = a; b < count; b += 4) {
        int summed = x.dotFour(strong, count, b, weighted, dots);
        for (int t = 0; t < summed; t++) {
          double g = dots[t] / base.scale[strong[b + t]];
          gram[a * count + b + t] = g;
          gram[(b + t) * count + a] = g;
        }
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
      if (full <= threshold) {
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
      double updated =
          u > limit ? (u - limit) / denominator : u < -limit ? (u + limit) / denominator : 0.0;
      updated = Math.min(Math.max(updated, base.lower[j]), base.upper[j]);
      if (updated == old) {
        continue;
      }
      double d = updated - old;
      beta[j] = updated;
      largest = Math.max(largest, h * d * d);
      sets.addActive(j);
      int row = a * count;
      for (int b = 0; b < count; b++) {
        gradient[b] -= gram[row + b] * d;
      }
    }
    return largest;
  }
}
