package org.l1path.solver;

import java.util.Arrays;

/**
 * The penalties to solve: either glmnet's automatic geometric grid from {@code alpha_max} down to
 * {@code minRatio · alpha_max}, or a user-given list (solved from the largest down).
 */
public final class AlphaGrid {
  /** glmnet's default number of alphas. */
  public static final int DEFAULT_COUNT = 100;

  private final int count;
  private final double minRatio;
  private final double[] given;

  private AlphaGrid(int count, double minRatio, double[] given) {
    this.count = count;
    this.minRatio = minRatio;
    this.given = given;
  }

  /** 100 alphas, with glmnet's default ratio (1e-4 when n > p, else 1e-2). */
  public static AlphaGrid automatic() {
    return automatic(DEFAULT_COUNT, Double.NaN);
  }

  /**
   * {@code count} alphas, geometric from {@code alpha_max} to {@code minRatio · alpha_max}.
   *
   * @param minRatio in (0, 1), or NaN for glmnet's default (1e-4 when n > p, else 1e-2)
   */
  public static AlphaGrid automatic(int count, double minRatio) {
    OptionRange.NUM_ALPHAS.check("numAlphas", count);
    if (!Double.isNaN(minRatio)) {
      OptionRange.ALPHA_MIN_RATIO.check("alphaMinRatio", minRatio);
    }
    return new AlphaGrid(count, minRatio, null);
  }

  /** Exactly these alphas, in any order; each must be finite and >= 0. */
  public static AlphaGrid of(double... alphas) {
    if (alphas == null || alphas.length == 0) {
      throw new IllegalArgumentException("alphas must not be empty");
    }
    for (int k = 0; k < alphas.length; k++) {
      OptionRange.ALPHA.check("alphas[" + k + "]", alphas[k]);
    }
    double[] sorted = alphas.clone();
    Arrays.sort(sorted);
    for (int i = 0, k = sorted.length - 1; i < k; i++, k--) {
      double t = sorted[i];
      sorted[i] = sorted[k];
      sorted[k] = t;
    }
    return new AlphaGrid(sorted.length, Double.NaN, sorted);
  }

  /** Whether the grid is derived from the data (and so may stop early when asked to). */
  public boolean isAutomatic() {
    return given == null;
  }

  /** glmnet's default ratio for an n × p design. */
  public static double defaultMinRatio(int n, int p) {
    return n > p ? 1e-4 : 1e-2;
  }

  /**
   * The alphas, largest first, for data whose smallest all-zero penalty is {@code alphaMax}. When
   * that is 0 (a constant response, or no feature that can enter), every alpha gives the same fit
   * and the grid starts at 1.
   */
  public double[] alphas(double alphaMax, int n, int p) {
    if (given != null) {
      return given.clone();
    }
    if (!(alphaMax > 0)) {
      alphaMax = 1.0;
    }
    double ratio = Double.isNaN(minRatio) ? defaultMinRatio(n, p) : minRatio;
    double[] out = new double[count];
    if (count == 1) {
      out[0] = alphaMax;
      return out;
    }
    // alpha_k = alpha_max * ratio^(k / (count - 1)), as numpy's geomspace
    double logMax = Math.log(alphaMax);
    double step = Math.log(ratio) / (count - 1);
    for (int k = 0; k < count; k++) {
      out[k] = Math.exp(logMax + k * step);
    }
    out[0] = alphaMax;
    out[count - 1] = alphaMax * ratio;
    return out;
  }

  @Override
  public String toString() {
    return given != null
        ? "AlphaGrid" + Arrays.toString(given)
        : "AlphaGrid[automatic, count="
            + count
            + ", minRatio="
            + (Double.isNaN(minRatio) ? "default" : minRatio)
            + "]";
  }
}
