package org.l1path.solver.gaussian;

import java.util.Arrays;

/**
 * Inner products {@code z_j' V z_k} among the features that have ever entered the model, grown one
 * feature at a time: O(n · entered) per new feature, so a whole path costs O(n · entered^2) however
 * large p is. Used by naive mode, which keeps no Gram columns of its own.
 */
final class ActiveGram {
  private final GaussianProblem prob;
  private final int[] slotOf;
  private int[] featureOf = new int[16];
  private double[][] rows = new double[16][];
  private int size;
  private final double[] vz;

  ActiveGram(GaussianProblem prob) {
    this.prob = prob;
    slotOf = new int[prob.p];
    Arrays.fill(slotOf, -1);
    vz = new double[prob.n];
  }

  /** {@code z_j' V z_k}; both features get a slot if they lack one. */
  double get(int j, int k) {
    int a = slot(j);
    int b = slot(k);
    return a >= b ? rows[a][b] : rows[b][a];
  }

  private int slot(int j) {
    int s = slotOf[j];
    if (s >= 0) {
      return s;
    }
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, 2 * size);
      featureOf = Arrays.copyOf(featureOf, 2 * size);
    }
    s = size++;
    slotOf[j] = s;
    featureOf[s] = j;
    double sum = prob.weightedStandardized(j, vz);
    double[] row = new double[s + 1];
    double[] dots = new double[4];
    for (int t = 0; t <= s; ) {
      int done = prob.x.dotFour(featureOf, s + 1, t, vz, dots);
      for (int u = 0; u < done; u++, t++) {
        int k = featureOf[t];
        row[t] = (dots[u] - prob.centre[k] * sum) / prob.scale[k];
      }
    }
    rows[s] = row;
    return s;
  }
}
