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
  private final double[][] eta;

  private SupportRefit(Dataset data, int[] support, boolean intercept) {
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
    eta = new double[rows][n];
  }

  /**
   * Fits {@code data}'s family on the features {@code support} without a penalty.
   *
   * @param l1Ratio the path's l1 ratio, for centring multinomial coefficients
   */
  public static Result fit(Dataset data, int[] support, boolean intercept, double l1Ratio) {
    return new SupportRefit(data, support, intercept).solve(l1Ratio);
  }

  private Result solve(double l1Ratio) {
    int d = support.length + (intercept ? 1 : 0);
    double[][] params = new double[rows][d];
    startAtNullModel(params);
    double loss = loss();
    boolean converged = false;
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(d);
    DMatrixRMaj hessian = new DMatrixRMaj(d, d);
    DMatrixRMaj gradient = new DMatrixRMaj(d, 1);
    DMatrixRMaj step = new DMatrixRMaj(d, 1);
    double[] g = new double[n];
    double[] h = new double[n];
    double[] direction = new double[n];
    for (int round = 0; round < MAX_ROUNDS && !converged && d > 0; round++) {
      double decrement = 0;
      for (int r = 0; r < rows; r++) {
        workingResponse(r, g, h);
        normalEquations(g, h, hessian, gradient);
        if (!solve(solver, hessian, gradient, step)) {
          break;
        }
        double dec = 0;
        for (int t = 0; t < d; t++) {
          dec -= gradient.data[t] * step.data[t];
        }
        if (!(dec > 0)) {
          continue;
        }
        for (int i = 0; i < n; i++) {
          double v = intercept ? step.data[0] : 0;
          for (int t = 0; t < support.length; t++) {
            v += step.data[t + (intercept ? 1 : 0)] * z[t][i];
          }
          direction[i] = v;
        }
        double size = 1;
        double[] row = eta[r];
        while (true) {
          for (int i = 0; i < n; i++) {
            row[i] += size * direction[i];
          }
          double next = loss();
          if (next <= loss - 1e-4 * size * dec || size < 1e-12) {
            loss = next;
            break;
          }
          for (int i = 0; i < n; i++) {
            row[i] -= size * direction[i];
          }
          size /= 2;
        }
        for (int t = 0; t < d; t++) {
          params[r][t] += size * step.data[t];
        }
        decrement += dec;
      }
      converged = decrement / 2 <= TOLERANCE * Math.max(Math.abs(loss), 1e-300);
    }
    return originalScale(params, converged || d == 0, l1Ratio);
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

  private void normalEquations(double[] g, double[] h, DMatrixRMaj hessian, DMatrixRMaj gradient) {
    int offset = intercept ? 1 : 0;
    int d = support.length + offset;
    hessian.zero();
    gradient.zero();
    for (int i = 0; i < n; i++) {
      if (intercept) {
        gradient.data[0] += g[i];
        hessian.data[0] += h[i];
      }
    }
    for (int t = 0; t < support.length; t++) {
      double[] zt = z[t];
      double gs = 0;
      double hs = 0;
      for (int i = 0; i < n; i++) {
        gs += g[i] * zt[i];
        hs += h[i] * zt[i];
      }
      gradient.data[t + offset] = gs;
      if (intercept) {
        hessian.data[t + offset] = hs;
        hessian.data[(t + offset) * d] = hs;
      }
      for (int u = 0; u <= t; u++) {
        double[] zu = z[u];
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += h[i] * zt[i] * zu[i];
        }
        hessian.data[(t + offset) * d + u + offset] = s;
        hessian.data[(u + offset) * d + t + offset] = s;
      }
    }
  }

  /**
   * The Newton step; a Hessian that is singular (collinear features, or a class all but separated)
   * gets a small ridge, growing until it factors.
   */
  private static boolean solve(
      LinearSolverDense<DMatrixRMaj> solver,
      DMatrixRMaj hessian,
      DMatrixRMaj gradient,
      DMatrixRMaj step) {
    int d = hessian.numRows;
    double scale = 0;
    for (int t = 0; t < d; t++) {
      scale = Math.max(scale, hessian.get(t, t));
    }
    DMatrixRMaj a = hessian.copy();
    double ridge = 0;
    for (int attempt = 0; attempt < 12; attempt++) {
      if (solver.setA(a)) {
        solver.solve(gradient, step);
        boolean finite = true;
        for (int t = 0; t < d; t++) {
          step.data[t] = -step.data[t];
          finite &= Double.isFinite(step.data[t]);
        }
        if (finite) {
          return true;
        }
      }
      ridge = ridge == 0 ? 1e-12 * Math.max(scale, 1e-300) : ridge * 100;
      a.setTo(hessian);
      for (int t = 0; t < d; t++) {
        a.add(t, t, ridge);
      }
    }
    return false;
  }

  private Result originalScale(double[][] params, boolean converged, double l1Ratio) {
    int p = data.features();
    int offset = intercept ? 1 : 0;
    double[] intercepts = new double[rows];
    double[][] coefficients = new double[rows][p];
    for (int r = 0; r < rows; r++) {
      double a = intercept ? params[r][0] : 0;
      for (int t = 0; t < support.length; t++) {
        double b = params[r][t + offset] / scales[t];
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
    for (int j : support) {
      for (int r = 0; r < rows; r++) {
        column[r] = coefficients[r][j];
      }
      double c = PenaltyCentre.of(column, l1Ratio);
      for (int r = 0; r < rows; r++) {
        coefficients[r][j] -= c;
      }
    }
  }
}
