package org.l1path.solver.gaussian;

import org.l1path.solver.Dataset;
import org.l1path.solver.Settings;
import org.l1path.solver.data.Design;
import org.l1path.solver.data.Dot;
import org.l1path.solver.data.SparseRow;
import org.l1path.solver.linalg.DesignRows;
import org.l1path.solver.linalg.Sweep;

/**
 * One least-squares problem prepared for coordinate descent: normalized weights, each feature's
 * centre and scale, penalty factors and bounds in standardized units, and the centred response. The
 * design is never copied: standardization is applied on the fly, {@code z_ij = (x_ij - c_j) / s_j}.
 * Rows with weight 0 take no part, which is how cross-validation folds are expressed.
 */
public final class GaussianProblem {
  public final int n;
  public final int p;
  public final Design x;

  /** Weights divided by their sum; null when all rows weigh the same (then each is 1/n). */
  public final double[] v;

  /** 1/n: every row's normalized weight when {@link #v} is null. */
  public final double invN;

  /** What is subtracted from each feature: its weighted mean when fitting an intercept, else 0. */
  final double[] centre;

  /** Each feature's weighted mean. */
  public final double[] mean;

  /** What each centred feature is divided by: {@link #sd} when standardizing, else 1. */
  public final double[] scale;

  /** Weighted population standard deviation (1 for a constant feature). */
  public final double[] sd;

  /** {@code d_j = sum_i v_i z_ij^2}: the curvature of the loss along coordinate j. */
  final double[] diag;

  /** Features held at 0: excluded, or constant where an intercept absorbs them. */
  public final boolean[] fixed;

  /** Penalty factors, rescaled to sum to p. */
  public final double[] penalty;

  /** Bounds on the standardized coefficients {@code beta_j = s_j b_j}. */
  public final double[] lower;

  public final double[] upper;

  /** Bounds on the original scale, as given. */
  private final double[] originalLower;

  private final double[] originalUpper;

  /** The centred response {@code y - ybar} (or y itself without an intercept). */
  final double[] yc;

  final double yCentre;

  /** {@code sum_i v_i yc_i^2}: twice the null objective. */
  final double yVy;

  public final double l1Ratio;

  /**
   * Whether this fit's large sweeps and products may use the common fork-join pool: not in folds
   * fitted side by side, which keep every processor busy already.
   */
  public final boolean parallelSweeps;

  /**
   * The design's rows, kept once {@link #keepRows} found them worth it: then {@link
   * #storedProducts} of most features takes the products of every feature from them.
   */
  private DesignRows rows;

  /** Every feature's product from {@link #rows}, kept from call to call. */
  private double[] rowProducts;

  public GaussianProblem(Dataset data, Settings settings) {
    this(data, settings, false);
  }

  /**
   * As {@link #GaussianProblem(Dataset, Settings)}, the features' moments computed on the common
   * fork-join pool when {@code parallelSweeps}: each is a pass over its column, and on 10^6 x 50
   * these passes were a sixth of a path's time on one thread.
   */
  public GaussianProblem(Dataset data, Settings settings, boolean parallelSweeps) {
    this.parallelSweeps = parallelSweeps;
    n = data.rows();
    p = data.features();
    x = data.design();
    l1Ratio = settings.l1Ratio();
    double[] w = data.weights();
    double wSum = 0;
    boolean uniform = true;
    if (w != null) {
      for (int i = 0; i < n; i++) {
        wSum += w[i];
        uniform &= w[i] == w[0];
      }
    }
    invN = 1.0 / n;
    if (w == null || uniform) {
      v = null;
    } else {
      v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = w[i] / wSum;
      }
    }

    centre = new double[p];
    mean = new double[p];
    scale = new double[p];
    sd = new double[p];
    diag = new double[p];
    fixed = new boolean[p];
    for (int j : settings.excluded()) {
      if (j >= p) {
        throw new IllegalArgumentException(
            "excluded names feature index " + j + " but the data has " + p + " features");
      }
      fixed[j] = true;
    }
    boolean intercept = settings.fitIntercept();
    int rowsTakingPart = 0;
    for (int i = 0; i < n; i++) {
      rowsTakingPart += weight(i) > 0 ? 1 : 0;
    }
    int rowsThere = rowsTakingPart;
    Sweep.run(
        p,
        3L * n * p,
        parallelSweeps,
        j -> {
          double[] moments = new double[2];
          // Normalized weights sum to 1.
          double m = x.weightedSum(j, v, invN);
          x.shiftedMoments(j, v, invN, 1.0, m, moments);
          double var = moments[1];
          double constantValue = x.constantValue(j, v, rowsThere);
          boolean constant = !Double.isNaN(constantValue);
          mean[j] = m;
          sd[j] = constant ? 1.0 : Math.sqrt(var);
          centre[j] = intercept ? m : 0.0;
          scale[j] = settings.standardize() ? sd[j] : 1.0;
          if (constant && (intercept || constantValue == 0)) {
            fixed[j] = true;
          }
          double offset = m - centre[j];
          diag[j] = fixed[j] ? 0.0 : (var + offset * offset) / (scale[j] * scale[j]);
        });

    penalty = Settings.perFeature(settings.penaltyFactors(), p, "penaltyFactors");
    double pfSum = 0;
    for (double f : penalty) {
      pfSum += f;
    }
    if (pfSum > 0) {
      for (int j = 0; j < p; j++) {
        penalty[j] *= p / pfSum;
      }
    }
    originalLower = Settings.perFeature(settings.lowerBounds(), p, "lowerBounds");
    originalUpper = Settings.perFeature(settings.upperBounds(), p, "upperBounds");
    lower = originalLower.clone();
    upper = originalUpper.clone();
    for (int j = 0; j < p; j++) {
      lower[j] *= scale[j];
      upper[j] *= scale[j];
    }

    double[] y = data.response();
    yCentre = intercept ? weightedSum(y) : 0.0;
    yc = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      yc[i] = y[i] - yCentre;
      s += (v == null ? invN : v[i]) * yc[i] * yc[i];
    }
    yVy = s;
  }

  /**
   * One weighted least-squares step of a logistic fit (IRLS): the design, scales, penalties and
   * bounds of {@code base}, with working response {@code z} and working weights {@code w}. The
   * weights are normalized here, so the caller divides alpha by their sum.
   */
  GaussianProblem(GaussianProblem base, double[] z, double[] w, boolean intercept) {
    parallelSweeps = base.parallelSweeps;
    n = base.n;
    p = base.p;
    x = base.x;
    l1Ratio = base.l1Ratio;
    invN = base.invN;
    double wSum = 0;
    for (double wi : w) {
      wSum += wi;
    }
    v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = w[i] / wSum;
    }
    scale = base.scale;
    sd = base.sd;
    fixed = base.fixed;
    penalty = base.penalty;
    lower = base.lower;
    upper = base.upper;
    originalLower = base.originalLower;
    originalUpper = base.originalUpper;
    centre = new double[p];
    mean = new double[p];
    diag = new double[p];
    double[] moments = new double[2];
    for (int j = 0; j < p; j++) {
      if (fixed[j]) {
        continue;
      }
      double m = x.weightedSum(j, v, invN);
      x.shiftedMoments(j, v, invN, 1.0, m, moments);
      double var = moments[1];
      mean[j] = m;
      centre[j] = intercept ? m : 0.0;
      double offset = m - centre[j];
      diag[j] = (var + offset * offset) / (scale[j] * scale[j]);
    }
    yCentre = intercept ? weightedSum(z) : 0.0;
    yc = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      yc[i] = z[i] - yCentre;
      s += v[i] * yc[i] * yc[i];
    }
    yVy = s;
  }

  public double weight(int i) {
    return v == null ? invN : v[i];
  }

  /**
   * Fills {@code out} with {@code V z_j}, feature j weighted and standardized, the vector that Gram
   * entries with j are products with; returns its sum.
   */
  double weightedStandardized(int j, double[] out) {
    return weightedStandardized(j, out, 0);
  }

  /** As {@link #weightedStandardized(int, double[])}, into {@code out[from .. from + n)}. */
  double weightedStandardized(int j, double[] out, int from) {
    return x.weightedCentred(j, v, invN, centre[j], scale[j], out, from);
  }

  /**
   * As {@link #weightedStandardized(int, double[])} over the observations {@code first <= i < last}
   * alone, into {@code out[at ..]}; returns their sum.
   */
  double weightedStandardizedRows(int j, int first, int last, double[] out, int at) {
    return x.weightedCentredRows(j, v, invN, centre[j], scale[j], first, last, out, at);
  }

  /**
   * Sets {@code out[j] = z_j' V a} for the listed features, from a vector stored as naive mode
   * stores its residual (a, or V a when weighted) with {@code sumVa = sum_i v_i a_i}: the gradients
   * when a is the residual. This O(n · count) sweep dominates wide problems. It reads four columns
   * at a time: the design rarely fits in cache, and four streams keep four memory reads in flight
   * where one would wait on each. A large sweep is also split over the common fork-join pool when
   * {@code parallel}; each entry is computed the same way whatever the split.
   */
  public void storedProducts(
      int[] list, int count, double[] stored, double sumVa, double[] out, boolean parallel) {
    if (rows != null && 2 * count >= p) {
      double[] all = rowProducts;
      rows.products(stored, all, parallel);
      for (int t = 0; t < count; t++) {
        int j = list[t];
        double weighted = v == null ? all[j] * invN : all[j];
        out[j] = (weighted - centre[j] * sumVa) / scale[j];
      }
      return;
    }
    Sweep.run(
        (count + 3) / 4,
        (long) n * count,
        parallel,
        q -> {
          double[] dots = new double[4];
          int summed = x.dotFour(list, count, 4 * q, stored, dots);
          for (int t = 0; t < summed; t++) {
            int j = list[4 * q + t];
            double weighted = v == null ? dots[t] * invN : dots[t];
            out[j] = (weighted - centre[j] * sumVa) / scale[j];
          }
        });
  }

  /**
   * Keeps a row-by-row copy of the design where {@link DesignRows#of} finds one worth it: for fits
   * whose checks take the gradients of every feature often (logistic paths).
   */
  public void keepRows() {
    rows = DesignRows.of(x);
    rowProducts = rows == null ? null : new double[p];
  }

  /** {@code sum_i v_i a_i}. */
  public double weightedSum(double[] a) {
    return weightedSum(a, 0);
  }

  /** {@code sum_i v_i a_(offset + i)}. */
  double weightedSum(double[] a, int offset) {
    return v == null ? Dot.sum(a, offset, n) * invN : Dot.of(a, offset, v, n);
  }

  /**
   * A standardized coefficient this small next to the largest is rounding residue, not an effect:
   * exactly collinear features (the two indicators of a two-valued attribute) leave such residue
   * where the exact solution has 0.
   */
  private static final double RESIDUE = 1e-10;

  /** {@code sum_i v_i z_ij^2}, feature j's curvature of the loss (see {@link #diag}). */
  public double curvature(int j) {
    return diag[j];
  }

  /**
   * Original-scale coefficients from standardized ones; rounding residue (below {@link #RESIDUE}
   * times the largest) becomes exactly 0.
   */
  public double[] toOriginal(double[] beta) {
    double largest = 0;
    for (double v : beta) {
      largest = Math.max(largest, Math.abs(v));
    }
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = original(j, beta[j], largest);
    }
    return b;
  }

  /**
   * As {@link #toOriginal} for coefficients that are 0 outside {@code support} (ascending), as a
   * sparse row: a wide path's support is a few dozen of tens of thousands of features.
   */
  SparseRow toOriginalRow(double[] beta, int[] support) {
    double largest = 0;
    for (int j : support) {
      largest = Math.max(largest, Math.abs(beta[j]));
    }
    double[] values = new double[support.length];
    for (int t = 0; t < support.length; t++) {
      values[t] = original(support[t], beta[support[t]], largest);
    }
    return SparseRow.of(p, support, values);
  }

  private double original(int j, double beta, double largest) {
    if (Math.abs(beta) <= RESIDUE * largest) {
      return 0;
    }
    // Clipping undoes the rounding of beta / s at a bound.
    return Math.min(Math.max(beta / scale[j], originalLower[j]), originalUpper[j]);
  }

  /**
   * Whether coordinate j, at 0 with loss gradient g (the negative derivative), fails its KKT
   * condition under L1 weight {@code limit}: the gradient exceeds the weight in a direction its
   * bounds allow.
   */
  public boolean leavesZero(int j, double g, double limit) {
    return (g > limit && upper[j] > 0) || (g < -limit && lower[j] < 0);
  }

  /**
   * Coordinate j's minimizer {@code clip(soft(u, a) / denominator, lower_j, upper_j)}: the exact
   * solution of a one-coordinate elastic-net step, with u the gradient plus curvature times the
   * current value, a the L1 weight and the denominator the curvature plus the L2 weight.
   */
  public double coordinateMinimum(int j, double u, double a, double denominator) {
    double soft = u > a ? (u - a) / denominator : u < -a ? (u + a) / denominator : 0.0;
    return Math.min(Math.max(soft, lower[j]), upper[j]);
  }

  /** The intercept that goes with original-scale coefficients. */
  double intercept(double[] originalCoefficients) {
    double b0 = yCentre;
    for (int j = 0; j < p; j++) {
      b0 -= centre[j] * originalCoefficients[j];
    }
    return b0;
  }

  /** As {@link #intercept(double[])} for a sparse row (the same sum, zeros left out). */
  double intercept(SparseRow row) {
    double b0 = yCentre;
    for (int t = 0; t < row.nonZeroCount(); t++) {
      b0 -= centre[row.feature(t)] * row.value(t);
    }
    return b0;
  }
}
