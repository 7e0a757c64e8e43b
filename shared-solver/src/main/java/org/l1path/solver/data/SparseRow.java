package org.l1path.solver.data;

import java.util.Arrays;

/**
 * One coefficient row of a path, holding only its non-zeros (ascending feature order). A lasso row
 * has at most about n non-zeros, so a 100-alpha path on 50000 features takes a few hundred
 * kilobytes instead of 40 MB, and each of cross-validation's fold paths as little. Immutable.
 */
public final class SparseRow {
  private final int width;
  private final int[] features;
  private final double[] values;

  private SparseRow(int width, int[] features, double[] values) {
    this.width = width;
    this.features = features;
    this.values = values;
  }

  /** The non-zeros of a dense row. */
  public static SparseRow of(double[] dense) {
    int count = 0;
    for (double v : dense) {
      if (v != 0) {
        count++;
      }
    }
    int[] features = new int[count];
    double[] values = new double[count];
    int t = 0;
    for (int j = 0; j < dense.length; j++) {
      if (dense[j] != 0) {
        features[t] = j;
        values[t++] = dense[j];
      }
    }
    return new SparseRow(dense.length, features, values);
  }

  /**
   * A row of {@code width} features from its candidate non-zeros; zeros among them are dropped.
   *
   * @param features ascending feature indices
   * @param values their values, in the same order
   */
  public static SparseRow of(int width, int[] features, double[] values) {
    int count = 0;
    int[] kept = new int[features.length];
    double[] keptValues = new double[features.length];
    for (int t = 0; t < features.length; t++) {
      if (values[t] != 0) {
        kept[count] = features[t];
        keptValues[count++] = values[t];
      }
    }
    return new SparseRow(width, Arrays.copyOf(kept, count), Arrays.copyOf(keptValues, count));
  }

  public int nonZeroCount() {
    return features.length;
  }

  /** The t-th non-zero's feature index. */
  public int feature(int t) {
    return features[t];
  }

  /** The t-th non-zero's value. */
  public double value(int t) {
    return values[t];
  }

  /** The whole row, zeros included; a new array. */
  public double[] dense() {
    double[] out = new double[width];
    for (int t = 0; t < features.length; t++) {
      out[features[t]] = values[t];
    }
    return out;
  }
}
