package org.l1path.bench;

import java.util.SplittableRandom;
import org.l1path.solver.Dataset;

/**
 * glmnet's benchmark design (Friedman, Hastie &amp; Tibshirani 2010, section 5.1): every pair of
 * features has correlation {@code rho}, {@code y = sum_j x_j beta_j + k e} with {@code beta_j =
 * (-1)^j exp(-2(j-1)/20)} (j from 1), and {@code k} set so that the sample standard deviation of
 * the signal is exactly 3 times that of the noise.
 */
public final class Simulation {
  /** The signal-to-noise ratio of the paper: sd(signal) / sd(noise). */
  public static final double SIGNAL_TO_NOISE = 3.0;

  private Simulation() {}

  /** The coefficient of feature {@code j} (1-based): {@code (-1)^j exp(-2(j-1)/20)}. */
  public static double beta(int j) {
    double size = Math.exp(-2.0 * (j - 1) / 20.0);
    return j % 2 == 0 ? size : -size;
  }

  /**
   * An {@code n × p} design with its response, the same for the same arguments on any JVM 17+.
   *
   * @param rho the pairwise correlation, in [0, 1)
   * @param seed the seed of the {@link SplittableRandom} all values come from
   */
  public static Dataset generate(int n, int p, double rho, long seed) {
    if (n < 2 || p < 1) {
      throw new IllegalArgumentException(
          "the simulation needs at least 2 rows and 1 feature, got " + n + " x " + p);
    }
    if (!(rho >= 0 && rho < 1)) {
      throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] columns = new double[p][n];
    double[] signal = new double[n];
    double shared = Math.sqrt(rho);
    double own = Math.sqrt(1 - rho);
    double[] beta = new double[p];
    for (int j = 0; j < p; j++) {
      beta[j] = beta(j + 1);
    }
    // x_ij = sqrt(rho) z_i + sqrt(1 - rho) e_ij: unit variance, correlation rho between columns.
    for (int i = 0; i < n; i++) {
      double z = shared * random.nextGaussian();
      double s = 0;
      for (int j = 0; j < p; j++) {
        double x = z + own * random.nextGaussian();
        columns[j][i] = x;
        s += x * beta[j];
      }
      signal[i] = s;
    }
    double[] noise = new double[n];
    for (int i = 0; i < n; i++) {
      noise[i] = random.nextGaussian();
    }
    double k = standardDeviation(signal) / (SIGNAL_TO_NOISE * standardDeviation(noise));
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = signal[i] + k * noise[i];
    }
    return Dataset.of(columns, y);
  }

  /** The population standard deviation (divide by n). */
  static double standardDeviation(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double ss = 0;
    for (double x : v) {
      double d = x - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / v.length);
  }
}
