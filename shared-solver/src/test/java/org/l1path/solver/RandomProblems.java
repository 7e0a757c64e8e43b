package org.l1path.solver;

import java.util.SplittableRandom;

/** Seeded random regression problems for property tests. */
final class RandomProblems {
  private RandomProblems() {}

  /** n rows, p features with different scales and offsets, y from the first few features. */
  static Dataset gaussian(int n, int p, long seed) {
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

  static double gauss(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
