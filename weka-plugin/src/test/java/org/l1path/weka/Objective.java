package org.l1path.weka;

import org.l1path.solver.Family;
import org.l1path.solver.Model;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The penalized classification objective of the shared reference README, computed directly from a
 * model's coefficients: the negative mean log-likelihood plus alpha * (l1Ratio * sum |s_j b_j| + (1
 * - l1Ratio) / 2 * sum (s_j b_j)^2) over every coefficient row, with s_j the population standard
 * deviation of column j. For data with numeric attributes only, unit weights.
 */
final class Objective {
  private Objective() {}

  static double of(Model model, Instances data, double alpha, double l1Ratio) {
    int n = data.numInstances();
    int p = data.numAttributes() - 1;
    double logLikelihood = 0;
    for (int i = 0; i < n; i++) {
      Instance inst = data.instance(i);
      double[] eta = linearPredictors(model, inst);
      int y = (int) inst.classValue();
      if (model.family() == Family.BINOMIAL) {
        // log p(y) with p(second class) = 1 / (1 + exp(-eta)), computed stably.
        double signed = y == 1 ? eta[0] : -eta[0];
        logLikelihood -= softplus(-signed);
      } else {
        logLikelihood += eta[y] - logSumExp(eta);
      }
    }
    double l1 = 0;
    double l2 = 0;
    for (int j = 0; j < p; j++) {
      double s = populationSd(data, j);
      for (int r = 0; r < model.responses(); r++) {
        double sb = s * model.coefficients(r)[j];
        l1 += Math.abs(sb);
        l2 += sb * sb;
      }
    }
    return -logLikelihood / n + alpha * (l1Ratio * l1 + (1 - l1Ratio) / 2 * l2);
  }

  /** Each coefficient row's intercept plus the row times the instance's attribute values. */
  static double[] linearPredictors(Model model, Instance inst) {
    double[] eta = new double[model.responses()];
    for (int r = 0; r < eta.length; r++) {
      double[] b = model.coefficients(r);
      eta[r] = model.intercept(r);
      for (int j = 0; j < b.length; j++) {
        eta[r] += b[j] * inst.value(j);
      }
    }
    return eta;
  }

  static double logSumExp(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (double x : v) {
      sum += Math.exp(x - max);
    }
    return max + Math.log(sum);
  }

  private static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  private static double populationSd(Instances data, int j) {
    int n = data.numInstances();
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += data.instance(i).value(j);
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = data.instance(i).value(j) - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / n);
  }
}
