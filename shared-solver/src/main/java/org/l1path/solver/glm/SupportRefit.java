package org.l1path.solver.glm;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.l1path.solver.Dataset;
import org.l1path.solver.Family;

/**
 * The unpenalized fit of a family on a few features: least squares, logistic or multinomial
 * regression with observation weights and an optional intercept, as the relaxed lasso refits each
 * support of its path. Newton's method, one response row at a time (a multinomial round steps every
 * class in turn), with a backtracking line search; least squares ends after one step. Features are
 * centred and scaled inside, and the result is on the original scale.
 *
 * <p>A multinomial fit is centred as glmnet centres it: intercepts to mean 0, and each feature's
 * coefficients across classes to the value that minimizes the elastic-net penalty of its row (the
 * median for the lasso), which leaves every probability unchanged.
 */
public final class SupportRefit {
  /** Ends a fit: the round's Newton decrement, relative to the loss. */
  private static final double TOLERANCE = 1e-14;

  private static final int MAX_ROUNDS = 200;

  /**
   * A refit.
   *
   * @param intercepts one per response row
   * @param coefficients [row][feature], zero off the support
   * @param converged whether the Newton decrement met its tolerance within the rounds allowed: not
   *     where the fit does not exist (a class separable on the support)
   */
  public record Result(double[] intercepts, double[][] coefficients, boolean converged) {}

  private final Dataset data;
  private final int[] support;
  private final boolean intercept;
  private final int n;
  private final int rows;
  private final double[] w;
  private final int[] label;
  private final double[] y;
  private final double[][] z;
  private final double[] means;
  private final double[] scales;
  private final double[] low;
  private final double[] high;
  private final double[] lowerLimit;
  private final double[] upperLimit;
  private final double[][] eta;

  private SupportRefit(
      Dataset data, int[] support, boolean intercept, double[] lower, double[] upper) {
    this.data = data;
    this.intercept = intercept;
    n = data.rows();
    rows = data.family() == Family.MULTINOMIAL ? data.classes().size() : 1;
    double wSum = 0;
    w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = data.weight(i);
      wSum += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= wSum;
    }
    double[] response = data.response();
    y = data.family() == Family.MULTINOMIAL ? null : response;
    label = new int[n];
    if (data.family() != Family.GAUSSIAN) {
      for (int i = 0; i < n; i++) {
        label[i] = (int) response[i];
      }
    }
    // A constant column cannot be refitted (the lasso keeps it at 0 anyway).
    int[] kept = new int[support.length];
    int count = 0;
    double[][] columns = new double[support.length][];
    double[] m = new double[support.length];
    double[] s = new double[support.length];
    for (int j : support) {
      double[] x = data.column(j);
      double mean = 0;
      if (intercept) {
        for (int i = 0; i < n; i++) {
          mean += w[i] * x[i];
        }
      }
      double var = 0;
      for (int i = 0; i < n; i++) {
        double d = x[i] - mean;
        var += w[i] * d * d;
      }
      if (!(var > 0)) {
        continue;
      }
      double sd = Math.sqrt(var);
      double[] col = new double[n];
      for (int i = 0; i < n; i++) {
        col[i] = (x[i] - mean) / sd;
      }
      kept[count] = j;
      columns[count] = col;
      m[count] = mean;
      s[count] = sd;
      count++;
    }
    this.support = Arrays.copyOf(kept, count);
    z = Arrays.copyOf(columns, count);
    means = Arrays.copyOf(m, count);
    scales = Arrays.copyOf(s, count);
    // Limits on the scaled coefficients: b_j = beta_t / s_t.
    low = new double[count];
    high = new double[count];
    lowerLimit = new double[count];
    upperLimit = new double[count];
    for (int t = 0; t < count; t++) {
      int j = this.support[t];
      lowerLimit[t] = limit(lower, j, Double.NEGATIVE_INFINITY);
      upperLimit[t] = limit(upper, j, Double.POSITIVE_INFINITY);
      low[t] = lowerLimit[t] * scales[t];
      high[t] = upperLimit[t] * scales[t];
    }
    eta = new double[rows][n];
  }

  /** Feature j's limit from one-per-feature or one-for-all limits, or {@code none} without. */
  private static double limit(double[] limits, int j, double none) {
    if (limits == null || limits.length == 0) {
      return none;
    }
    return limits.length == 1 ? limits[0] : limits[j];
  }

  /**
   * Fits {@code data}'s family on the features {@code support} without a penalty.
   *
   * @param l1Ratio the path's l1 ratio, for centring multinomial coefficients
   * @param lower each feature's lower limit on the original scale (one per feature, or one for
   *     all), or null for none
   * @param upper likewise, the upper limits
   */
  public static Result fit(
      Dataset data,
      int[] support,
      boolean intercept,
      double l1Ratio,
      double[] lower,
      double[] upper) {
    return new SupportRefit(data, support, intercept, lower, upper).solve(l1Ratio);
  }

  private Result solve(double l1Ratio) {
    int offset = intercept ? 1 : 0;
    int d = support.length + offset;
    double[][] params = new double[rows][d];
    startAtNullModel(params);
    double loss = loss();
    boolean converged = false;
    double[] g = new double[n];
    double[] h = new double[n];
    double[] gradient = new double[d];
    double[][] hessian = new double[d][d];
    double[] before = new double[d];
    for (int round = 0; round < MAX_ROUNDS && !converged && d > 0; round++) {
      double decrement = 0;
      for (int r = 0; r < rows; r++) {
        workingResponse(r, g, h);
        normalEquations(g, h, hessian, gradient);
        // Coefficients at a limit that their gradient presses against stay there this step.
        boolean[] free = new boolean[d];
        int freeCount = 0;
        for (int t = 0; t < d; t++) {
          int f = t - offset;
          double b = params[r][t];
          free[t] =
              f < 0 || !((b <= low[f] && gradient[t] > 0) || (b >= high[f] && gradient[t] < 0));
          freeCount += free[t] ? 1 : 0;
        }
        double[] step = newtonStep(hessian, gradient, free, freeCount);
        if (step == null) {
          break;
        }
        double dec = 0;
        for (int t = 0; t < d; t++) {
          dec -= gradient[t] * step[t];
        }
        if (!(dec > 0)) {
          continue;
        }
        System.arraycopy(params[r], 0, before, 0, d);
        double size = 1;
        while (true) {
          double moved = 0;
          for (int t = 0; t < d; t++) {
            double v = before[t] + size * step[t];
            if (t >= offset) {
              v = Math.min(Math.max(v, low[t - offset]), high[t - offset]);
            }
            params[r][t] = v;
            moved += gradient[t] * (v - before[t]);
          }
          setEta(r, params[r]);
          double next = loss();
          if (next <= loss + 1e-4 * moved || size < 1e-12) {
            loss = next;
            break;
          }
          size /= 2;
        }
        decrement += dec;
      }
      converged = decrement / 2 <= TOLERANCE * Math.max(Math.abs(loss), 1e-300);
    }
    return originalScale(params, converged || d == 0, l1Ratio);
  }

  /** Row r's linear predictor from its parameters. */
  private void setEta(int r, double[] params) {
    int offset = intercept ? 1 : 0;
    double a = intercept ? params[0] : 0;
    double[] row = eta[r];
    Arrays.fill(row, a);
    for (int t = 0; t < support.length; t++) {
      double b = params[t + offset];
      if (b != 0) {
        double[] zt = z[t];
        for (int i = 0; i < n; i++) {
          row[i] += b * zt[i];
        }
      }
    }
  }

  /**
   * The Newton step over the free parameters (0 for the others); a Hessian that is singular
   * (collinear features, or a class all but separated) gets a small ridge, growing until it
   * factors. Null when even that fails.
   */
  private static double[] newtonStep(
      double[][] hessian, double[] gradient, boolean[] free, int freeCount) {
    int d = gradient.length;
    int[] index = new int[freeCount];
    for (int t = 0, u = 0; t < d; t++) {
      if (free[t]) {
        index[u++] = t;
      }
    }
    DMatrixRMaj a = new DMatrixRMaj(freeCount, freeCount);
    DMatrixRMaj b = new DMatrixRMaj(freeCount, 1);
    double scale = 0;
    for (int u = 0; u < freeCount; u++) {
      b.data[u] = -gradient[index[u]];
      scale = Math.max(scale, hessian[index[u]][index[u]]);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(freeCount);
    DMatrixRMaj x = new DMatrixRMaj(freeCount, 1);
    double ridge = 0;
    for (int attempt = 0; attempt < 12; attempt++) {
      for (int u = 0; u < freeCount; u++) {
        for (int v = 0; v < freeCount; v++) {
          a.data[u * freeCount + v] = hessian[index[u]][index[v]] + (u == v ? ridge : 0);
        }
      }
      if (solver.setA(a)) {
        solver.solve(b, x);
        boolean finite = true;
        for (int u = 0; u < freeCount; u++) {
          finite &= Double.isFinite(x.data[u]);
        }
        if (finite) {
          double[] step = new double[d];
          for (int u = 0; u < freeCount; u++) {
            step[index[u]] = x.data[u];
          }
          return step;
        }
      }
      ridge = ridge == 0 ? 1e-12 * Math.max(scale, 1e-300) : ridge * 100;
    }
    return null;
  }

  /** Intercepts of the model without features; coefficients 0. */
  private void startAtNullModel(double[][] params) {
    if (!intercept) {
      return;
    }
    double[] start = new double[rows];
    if (data.family() == Family.GAUSSIAN) {
      for (int i = 0; i < n; i++) {
        start[0] += w[i] * y[i];
      }
    } else {
      double[] share = new double[data.classes().size()];
      for (int i = 0; i < n; i++) {
        share[label[i]] += w[i];
      }
      if (rows == 1) {
        double q = Math.min(Math.max(share[1], 1e-12), 1 - 1e-12);
        start[0] = Math.log(q / (1 - q));
      } else {
        double mean = 0;
        for (int r = 0; r < rows; r++) {
          start[r] = Math.log(Math.max(share[r], 1e-12));
          mean += start[r] / rows;
        }
        for (int r = 0; r < rows; r++) {
          start[r] -= mean;
        }
      }
    }
    for (int r = 0; r < rows; r++) {
      params[r][0] = start[r];
      Arrays.fill(eta[r], start[r]);
    }
  }

  /** The weighted mean loss: half squared error, or the negative log-likelihood. */
  private double loss() {
    double sum = 0;
    switch (data.family()) {
      case GAUSSIAN -> {
        for (int i = 0; i < n; i++) {
          double e = y[i] - eta[0][i];
          sum += w[i] * e * e / 2;
        }
      }
      case BINOMIAL -> {
        for (int i = 0; i < n; i++) {
          double e = eta[0][i];
          double softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
          sum += w[i] * (softplus - (label[i] == 1 ? e : 0));
        }
      }
      case MULTINOMIAL -> {
        for (int i = 0; i < n; i++) {
          sum += w[i] * (logSumExp(i) - eta[label[i]][i]);
        }
      }
    }
    return sum;
  }

  private double logSumExp(int i) {
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < rows; r++) {
      max = Math.max(max, eta[r][i]);
    }
    double s = 0;
    for (int r = 0; r < rows; r++) {
      s += Math.exp(eta[r][i] - max);
    }
    return max + Math.log(s);
  }

  /** Row r's weighted residuals (fitted minus observed) and Hessian weights. */
  private void workingResponse(int r, double[] g, double[] h) {
    for (int i = 0; i < n; i++) {
      double fitted;
      double observed;
      double variance;
      switch (data.family()) {
        case GAUSSIAN -> {
          fitted = eta[0][i];
          observed = y[i];
          variance = 1;
        }
        case BINOMIAL -> {
          fitted = 1 / (1 + Math.exp(-eta[0][i]));
          observed = label[i] == 1 ? 1 : 0;
          variance = fitted * (1 - fitted);
        }
        default -> {
          fitted = Math.exp(eta[r][i] - logSumExp(i));
          observed = label[i] == r ? 1 : 0;
          variance = fitted * (1 - fitted);
        }
      }
      g[i] = w[i] * (fitted - observed);
      h[i] = w[i] * variance;
    }
  }

  private void normalEquations(double[] g, double[] h, double[][] hessian, double[] gradient) {
    int offset = intercept ? 1 : 0;
    if (intercept) {
      double gs = 0;
      double hs = 0;
      for (int i = 0; i < n; i++) {
        gs += g[i];
        hs += h[i];
      }
      gradient[0] = gs;
      hessian[0][0] = hs;
    }
    for (int t = 0; t < support.length; t++) {
      double[] zt = z[t];
      double gs = 0;
      double hs = 0;
      for (int i = 0; i < n; i++) {
        gs += g[i] * zt[i];
        hs += h[i] * zt[i];
      }
      gradient[t + offset] = gs;
      if (intercept) {
        hessian[0][t + offset] = hs;
        hessian[t + offset][0] = hs;
      }
      for (int u = 0; u <= t; u++) {
        double[] zu = z[u];
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += h[i] * zt[i] * zu[i];
        }
        hessian[t + offset][u + offset] = sum;
        hessian[u + offset][t + offset] = sum;
      }
    }
  }

  private Result originalScale(double[][] params, boolean converged, double l1Ratio) {
    int p = data.features();
    int offset = intercept ? 1 : 0;
    double[] intercepts = new double[rows];
    double[][] coefficients = new double[rows][p];
    for (int r = 0; r < rows; r++) {
      double a = intercept ? params[r][0] : 0;
      for (int t = 0; t < support.length; t++) {
        // Unscaling may round a coefficient at its limit just past it.
        double b =
            Math.min(Math.max(params[r][t + offset] / scales[t], lowerLimit[t]), upperLimit[t]);
        coefficients[r][support[t]] = b;
        a -= b * means[t];
      }
      intercepts[r] = a;
    }
    if (rows > 1) {
      centre(intercepts, coefficients, l1Ratio);
    }
    return new Result(intercepts, coefficients, converged);
  }

  /** glmnet's centring of a multinomial fit; see the class comment. */
  private void centre(double[] intercepts, double[][] coefficients, double l1Ratio) {
    double mean = 0;
    for (double a : intercepts) {
      mean += a / rows;
    }
    for (int r = 0; r < rows; r++) {
      intercepts[r] -= mean;
    }
    double[] column = new double[rows];
    for (int t = 0; t < support.length; t++) {
      int j = support[t];
      for (int r = 0; r < rows; r++) {
        column[r] = coefficients[r][j];
      }
      // glmnet keeps the shifted row within the limits, as its own path does.
      double c = PenaltyCentre.of(column, l1Ratio);
      double lowest = Double.NEGATIVE_INFINITY;
      double highest = Double.POSITIVE_INFINITY;
      for (double b : column) {
        lowest = Math.max(lowest, b - upperLimit[t]);
        highest = Math.min(highest, b - lowerLimit[t]);
      }
      c = Math.min(Math.max(c, lowest), highest);
      for (int r = 0; r < rows; r++) {
        coefficients[r][j] -= c;
      }
    }
  }
}
