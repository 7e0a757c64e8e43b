package org.l1path.spark;

import org.l1path.solver.Family;

/**
 * Class probabilities from linear predictors, overflow-free: binomial [1 - p, p] with p the
 * logistic of the one predictor, multinomial the softmax. The solver's engines have the same; a
 * front end uses the solver's public API alone (docs/architecture.md), so the passes carry their
 * own few lines.
 */
final class ClassProbabilities {
  private ClassProbabilities() {}

  static double[] of(Family family, double[] eta) {
    if (family == Family.BINOMIAL) {
      double z = Math.exp(-Math.abs(eta[0]));
      double q = 1 / (1 + z);
      double p = eta[0] >= 0 ? q : z * q;
      return new double[] {1 - p, p};
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double e : eta) {
      max = Math.max(max, e);
    }
    double[] out = new double[eta.length];
    double sum = 0;
    for (int r = 0; r < eta.length; r++) {
      out[r] = Math.exp(eta[r] - max);
      sum += out[r];
    }
    for (int r = 0; r < eta.length; r++) {
      out[r] /= sum;
    }
    return out;
  }
}
