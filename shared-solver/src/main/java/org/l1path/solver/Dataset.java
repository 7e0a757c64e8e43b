package org.l1path.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A design matrix stored by column, a response and optional observation weights. Columns are not
 * copied: a coordinate step reads one contiguous {@code double[]}. Construction checks shapes and
 * rejects NaN or infinite values, naming the row and column.
 */
public final class Dataset {
  private final double[][] columns;
  private final double[] y;
  private final double[] weights;
  private final List<String> featureNames;

  private Dataset(double[][] columns, double[] y, double[] weights, List<String> featureNames) {
    this.columns = columns;
    this.y = y;
    this.weights = weights;
    this.featureNames = featureNames;
  }

  /**
   * A dataset of {@code columns.length} features and {@code y.length} rows, unit weights, and
   * features named {@code x1, x2, …}.
   *
   * @param columns one array per feature, each of length {@code y.length}; not modified, not copied
   * @param y the response; not modified, not copied
   */
  public static Dataset of(double[][] columns, double[] y) {
    List<String> names = new ArrayList<>(columns.length);
    for (int j = 0; j < columns.length; j++) {
      names.add("x" + (j + 1));
    }
    return of(columns, y, null, names);
  }

  /**
   * A dataset with weights and feature names.
   *
   * @param weights one non-negative weight per row, or null for unit weights
   * @param featureNames one name per column
   */
  public static Dataset of(
      double[][] columns, double[] y, double[] weights, List<String> featureNames) {
    if (columns == null || y == null) {
      throw new IllegalArgumentException("columns and y must not be null");
    }
    if (featureNames == null || featureNames.size() != columns.length) {
      throw new IllegalArgumentException(
          "featureNames must have one name per column ("
              + columns.length
              + "), got "
              + (featureNames == null ? "null" : featureNames.size()));
    }
    int n = y.length;
    if (n == 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    for (int j = 0; j < columns.length; j++) {
      if (columns[j] == null || columns[j].length != n) {
        throw new IllegalArgumentException(
            "column '" + featureNames.get(j) + "' does not have " + n + " rows");
      }
      requireFinite(columns[j], "column '" + featureNames.get(j) + "'");
    }
    requireFinite(y, "the response");
    if (weights != null) {
      checkWeights(weights, n);
    }
    return new Dataset(columns, y, weights, List.copyOf(featureNames));
  }

  /** The same data with other observation weights (null for unit weights). */
  public Dataset withWeights(double[] newWeights) {
    if (newWeights != null) {
      checkWeights(newWeights, rows());
    }
    return new Dataset(columns, y, newWeights, featureNames);
  }

  public int rows() {
    return y.length;
  }

  public int features() {
    return columns.length;
  }

  /** Feature {@code j}'s values. The array is shared: do not modify it. */
  public double[] column(int j) {
    return columns[j];
  }

  /** The response. The array is shared: do not modify it. */
  public double[] response() {
    return y;
  }

  /** The observation weights, or null when every row has weight 1. Shared: do not modify. */
  public double[] weights() {
    return weights;
  }

  /** The weight of row {@code i}. */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  public List<String> featureNames() {
    return featureNames;
  }

  double[][] columns() {
    return columns;
  }

  private static void requireFinite(double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            what + " has " + values[i] + " at row " + (i + 1) + "; values must be finite");
      }
    }
  }

  private static void checkWeights(double[] weights, int n) {
    if (weights.length != n) {
      throw new IllegalArgumentException(
          "weights has " + weights.length + " entries but the data has " + n + " rows");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "weights has " + w + " at row " + (i + 1) + "; weights must be finite and >= 0");
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights sum to zero; at least one row needs weight > 0");
    }
  }

  @Override
  public String toString() {
    return "Dataset["
        + rows()
        + " rows x "
        + features()
        + " features, weighted="
        + (weights != null)
        + ", features="
        + Arrays.toString(featureNames.toArray())
        + "]";
  }
}
