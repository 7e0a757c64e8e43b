package org.l1path.weka;

import java.util.Arrays;
import weka.core.Instance;
import weka.core.Instances;

/**
 * What replaces a missing value of each predictor: the weighted mean of its observed values
 * (numeric), or its value of largest total weight (nominal), in the training data. Learned in one
 * pass over the values each instance stores, so that a sparse text collection of 20000 words costs
 * its non-zeros, not instances x attributes; an attribute an instance does not store is observed
 * there as 0 (for a nominal attribute, its first value).
 */
final class FillValues {
  private FillValues() {}

  /**
   * The fill value of each predictor.
   *
   * @param source the dataset index of each predictor
   * @param nominal whether each predictor is nominal
   * @return a numeric predictor's weighted mean (0 when no value is observed); a nominal
   *     predictor's value index of largest weight, the first on ties (-1 when none is observed,
   *     which leaves every indicator at 0)
   */
  static double[] of(Instances data, int[] source, boolean[] nominal) {
    int m = source.length;
    int[] predictorOf = new int[data.numAttributes()];
    Arrays.fill(predictorOf, -1);
    double[][] counts = new double[m][];
    for (int k = 0; k < m; k++) {
      predictorOf[source[k]] = k;
      if (nominal[k]) {
        counts[k] = new double[data.attribute(source[k]).numValues()];
      }
    }
    double[] sum = new double[m];
    double[] observedStoredWeight = new double[m];
    double[] storedWeight = new double[m];
    double total = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      double w = inst.weight();
      total += w;
      for (int t = 0; t < inst.numValues(); t++) {
        int k = predictorOf[inst.index(t)];
        if (k < 0) {
          continue;
        }
        storedWeight[k] += w;
        if (inst.isMissingSparse(t)) {
          continue;
        }
        if (nominal[k]) {
          counts[k][(int) inst.valueSparse(t)] += w;
        } else {
          sum[k] += w * inst.valueSparse(t);
          observedStoredWeight[k] += w;
        }
      }
    }
    double[] fill = new double[m];
    for (int k = 0; k < m; k++) {
      // Summed in the same order as the total, a stored weight equals it exactly when every
      // instance stores the attribute (dense data): no weight is then left to unstored values,
      // and the sums are those of a pass over every value.
      double unstored = total - storedWeight[k];
      if (nominal[k]) {
        if (unstored > 0 && counts[k].length > 0) {
          counts[k][0] += unstored;
        }
        fill[k] = mode(counts[k]);
      } else {
        double observed = observedStoredWeight[k] + unstored;
        fill[k] = observed > 0 ? sum[k] / observed : 0.0;
      }
    }
    return fill;
  }

  private static int mode(double[] counts) {
    int best = -1;
    for (int v = 0; v < counts.length; v++) {
      if (counts[v] > 0 && (best < 0 || counts[v] > counts[best])) {
        best = v;
      }
    }
    return best;
  }
}
