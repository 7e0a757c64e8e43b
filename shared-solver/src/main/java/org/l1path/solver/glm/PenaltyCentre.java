package org.l1path.solver.glm;

import java.util.Arrays;

/**
 * The shift c that minimizes a coefficient row's elastic-net penalty, {@code l1Ratio sum_k |b_k -
 * c| + (1 - l1Ratio)/2 sum_k (b_k - c)^2}: the mean for ridge, the median for the lasso (the mean
 * of the middle two for an even count), else the root of the penalty's derivative, which is
 * piecewise linear between the sorted values. Subtracting it from every class of a multinomial row
 * changes no probability, so glmnet reports rows so shifted; l1path does the same with relaxed
 * refits.
 */
final class PenaltyCentre {
  private PenaltyCentre() {}

  static double of(double[] values, double l1Ratio) {
    int k = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    if (l1Ratio == 0 || k == 2) {
      return sum / k;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (l1Ratio == 1) {
      return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
    }
    // Between sorted[i - 1] and sorted[i], i values lie below c and k - i above; the derivative
    // l1 (i - (k - i)) + (1 - l1)(k c - sum) is 0 at the c below.
    double ratio = l1Ratio / (1 - l1Ratio);
    for (int i = 0; i <= k; i++) {
      double c = (sum - ratio * (2 * i - k)) / k;
      double low = i == 0 ? Double.NEGATIVE_INFINITY : sorted[i - 1];
      double high = i == k ? Double.POSITIVE_INFINITY : sorted[i];
      if (c >= low && c <= high) {
        return c;
      }
    }
    // Otherwise the minimum sits at a value, where the derivative jumps across 0.
    for (int i = 0; i < k; i++) {
      double below = ratio * (2 * i - k) + (k * sorted[i] - sum);
      double above = ratio * (2 * (i + 1) - k) + (k * sorted[i] - sum);
      if (below <= 0 && above >= 0) {
        return sorted[i];
      }
    }
    return sorted[k / 2];
  }
}
