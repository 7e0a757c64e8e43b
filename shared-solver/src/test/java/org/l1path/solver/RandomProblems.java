package org.l1path.solver;

import java.util.SplittableRandom;

/** Seeded random regression problems for property tests. */
public final class RandomProblems {
  private RandomProblems() {}

  /** n rows, p features with different scales and offsets, y from the first few features. */
  public static Dataset gaussian(int n, int p, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[p][n];
    for (int j = 0; j < p; j++) {
      double scale = 0.5 + 3 * random.nextDouble();
      double offset = 10 * random.nextDouble() - 5;
      for (int i = 0; i < n; i++) {
        x[j][i] = offset + scale * gauss(random);
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1.5 + gauss(random);
      for (int j = 0; j < Math.min(p, 5); j++) {
        y[i] += (j % 2 == 0 ? 1 : -0.7) * (j + 1) * x[j][i] / 3;
      }
    }
    return Dataset.of(x, y);
  }

  /**
   * glmnet's simulated design: features with pairwise correlation rho (a shared component plus
   * noise), alternating and decaying coefficients, signal-to-noise 3.
   */
  public static Dataset correlated(int n, int p, double rho, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] shared = new double[n];
    for (int i = 0; i < n; i++) {
      shared[i] = gauss(random);
    }
    double[][] x = new double[p][n];
    double[] signal = new double[n];
    for (int j = 0; j < p; j++) {
      double beta = (j % 2 == 0 ? 1 : -1) * Math.exp(-2.0 * j / 20);
      for (int i = 0; i < n; i++) {
        x[j][i] = Math.sqrt(rho) * shared[i] + Math.sqrt(1 - rho) * gauss(random);
        signal[i] += beta * x[j][i];
      }
    }
    double mean = 0;
    for (double s : signal) {
      mean += s / n;
    }
    double variance = 0;
    for (double s : signal) {
      variance += (s - mean) * (s - mean) / n;
    }
    double noise = Math.sqrt(variance) / 3;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = signal[i] + noise * gauss(random);
    }
    return Dataset.of(x, y);
  }

  public static double gauss(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
