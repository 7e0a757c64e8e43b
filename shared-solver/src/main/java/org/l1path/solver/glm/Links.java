package org.l1path.solver.glm;

import org.l1path.solver.Family;

/** Numerically safe logistic and softmax functions. */
public final class Links {
  private Links() {}

  /** {@code 1 / (1 + e^-eta)}, without overflow. */
  static double sigmoid(double eta) {
    // One exp of -|eta| serves both signs, and the choice between them compiles to a select: a
    // branch on the sign would be mispredicted half the time over a sweep of mixed predictors.
    double z = Math.exp(-Math.abs(eta));
    double q = 1 / (1 + z);
    return eta >= 0 ? q : z * q;
  }

  /** {@code log(1 + e^eta)}, without overflow. */
  static double softplus(double eta) {
    return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  }

  /** Class probabilities from linear predictors: binomial [1 - p, p]; multinomial softmax. */
  public static double[] probabilities(Family family, double[] eta) {
    if (family == Family.BINOMIAL) {
      double p = sigmoid(eta[0]);
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

  /** {@code t log t}, with {@code 0 log 0 = 0}. */
  static double xlogx(double t) {
    return t > 0 ? t * Math.log(t) : 0.0;
  }
}
