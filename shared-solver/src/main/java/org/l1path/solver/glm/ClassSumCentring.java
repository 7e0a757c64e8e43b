package org.l1path.solver.glm;

import java.util.Arrays;

/**
 * Moves the coefficients of a feature that every class of a lasso multinomial step holds away from
 * 0 by one common amount, to where their L1 penalty is least: a median of them, so that one class's
 * coefficient becomes 0. The softmax, and so the loss with its gradient and Hessian, does not
 * change when every class's coefficient of a feature moves alike: only the penalty does, and it
 * falls.
 *
 * <p>Without this, those K coordinates are collinear in the Hessian. The support solve found that
 * out one append at a time, as it built its factor, and slid them with an O(m^2) solve and sort per
 * feature ({@link SupportSolve}'s slide): on a 10-class path over 100 one-hot-like features, about
 * 3,900 slides in 520 solves took most of the path's time.
 */
final class ClassSumCentring {
  /** Per feature: how many classes list it, then (for a full group) where its group starts. */
  private final int[] count;

  private final int[] groupStart;

  /** The coordinates of full groups, feature by feature, and the features themselves. */
  private int[] grouped = new int[0];

  private final int[] features;
  private double[] keys = new double[0];

  ClassSumCentring(int p) {
    count = new int[p];
    groupStart = new int[p];
    features = new int[p];
  }

  /**
   * Centres every feature whose coordinates in all {@code classes} classes are non-zero, where its
   * penalty factor is positive and the common move keeps every coefficient within its bounds. The
   * quadratic's negative {@code gradient} is kept in step through the {@code hessian} (row-major,
   * {@code coords x coords}); the move is in its null space, up to the rounding of its entries.
   *
   * @param coordFeature each coordinate's feature, or -1 for an intercept
   * @return how many features moved
   */
  int centre(
      int coords,
      int[] coordFeature,
      int classes,
      double[] value,
      double[] penalty,
      double[] lower,
      double[] upper,
      double[] gradient,
      double[] hessian) {
    int full = 0;
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      if (j >= 0 && value[c] != 0 && ++count[j] == classes) {
        features[full++] = j;
      }
    }
    if (grouped.length < full * classes) {
      grouped = new int[full * classes];
      keys = new double[classes];
    }
    for (int f = 0; f < full; f++) {
      groupStart[features[f]] = f * classes;
      count[features[f]] = -1;
    }
    // Groups the full features' coordinates, and clears the others' counts.
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      if (j < 0) {
        continue;
      }
      if (count[j] < 0) {
        grouped[groupStart[j]++] = c;
      } else {
        count[j] = 0;
      }
    }
    int moved = 0;
    for (int f = 0; f < full; f++) {
      count[features[f]] = 0;
      if (centreGroup(
          f * classes, classes, value, penalty, lower, upper, gradient, hessian, coords)) {
        moved++;
      }
    }
    return moved;
  }

  private boolean centreGroup(
      int from,
      int classes,
      double[] value,
      double[] penalty,
      double[] lower,
      double[] upper,
      double[] gradient,
      double[] hessian,
      int coords) {
    int first = grouped[from];
    if (!(penalty[first] > 0)) {
      return false;
    }
    for (int k = 0; k < classes; k++) {
      keys[k] = value[grouped[from + k]];
    }
    Arrays.sort(keys, 0, classes);
    // Any shift between the two middle values is a minimum for an even count: the smaller move.
    double low = keys[(classes - 1) / 2];
    double high = keys[classes / 2];
    double shift = Math.abs(low) <= Math.abs(high) ? -low : -high;
    for (int k = 0; k < classes; k++) {
      int c = grouped[from + k];
      double to = value[c] + shift;
      if (to < lower[c] || to > upper[c]) {
        return false;
      }
    }
    boolean zeroed = false;
    for (int k = 0; k < classes; k++) {
      int c = grouped[from + k];
      double to = value[c] + shift;
      if (!zeroed && value[c] == -shift) {
        to = 0;
        zeroed = true;
      }
      value[c] = to;
      int row = c * coords;
      for (int b = 0; b < coords; b++) {
        gradient[b] -= hessian[row + b] * shift;
      }
    }
    return true;
  }
}
