package org.l1path.solver;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A fitted linear model at one alpha, on the original scale of the data. Immutable. */
public final class Model implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double alpha;
  private final double l1Ratio;
  private final double intercept;
  private final double[] coefficients;
  private final double[] featureScales;
  private final List<String> featureNames;
  private final Convergence convergence;

  Model(
      double alpha,
      double l1Ratio,
      double intercept,
      double[] coefficients,
      double[] featureScales,
      List<String> featureNames,
      Convergence convergence) {
    this.alpha = alpha;
    this.l1Ratio = l1Ratio;
    this.intercept = intercept;
    this.coefficients = coefficients.clone();
    this.featureScales = featureScales.clone();
    this.featureNames = List.copyOf(featureNames);
    this.convergence = convergence;
  }

  public double alpha() {
    return alpha;
  }

  public double l1Ratio() {
    return l1Ratio;
  }

  public double intercept() {
    return intercept;
  }

  /** Coefficients on the original scale, one per feature. */
  public double[] coefficients() {
    return coefficients.clone();
  }

  public double coefficient(int j) {
    return coefficients[j];
  }

  /**
   * Coefficients times each feature's weighted standard deviation: comparable effect sizes. For
   * features that were constant the scale is 1.
   */
  public double[] standardizedCoefficients() {
    double[] out = new double[coefficients.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = coefficients[j] * featureScales[j];
    }
    return out;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public Convergence convergence() {
    return convergence;
  }

  /** How many coefficients are non-zero. */
  public int nonZeroCount() {
    int count = 0;
    for (double b : coefficients) {
      if (b != 0) {
        count++;
      }
    }
    return count;
  }

  /** Indices of the non-zero coefficients, largest absolute standardized coefficient first. */
  public int[] selected() {
    double[] std = standardizedCoefficients();
    List<Integer> idx = new ArrayList<>();
    for (int j = 0; j < std.length; j++) {
      if (coefficients[j] != 0) {
        idx.add(j);
      }
    }
    idx.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(std[j])).thenComparing(j -> j));
    return idx.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The prediction for one row of feature values. */
  public double predict(double[] row) {
    if (row.length != coefficients.length) {
      throw new IllegalArgumentException(
          "row has "
              + row.length
              + " values but the model has "
              + coefficients.length
              + " features");
    }
    double sum = intercept;
    for (int j = 0; j < row.length; j++) {
      sum += coefficients[j] * row[j];
    }
    return sum;
  }

  /**
   * Predictions for a matrix stored by column, as {@link Dataset} stores it.
   *
   * @param columns one array per feature, all of one length; not modified
   */
  public double[] predict(double[][] columns) {
    if (columns.length != coefficients.length) {
      throw new IllegalArgumentException(
          "got "
              + columns.length
              + " columns but the model has "
              + coefficients.length
              + " features");
    }
    int n = columns.length == 0 ? 0 : columns[0].length;
    return predictInto(columns, n);
  }

  /** Predictions for every row of {@code data}. */
  public double[] predict(Dataset data) {
    return predictInto(data.columns(), data.rows());
  }

  private double[] predictInto(double[][] columns, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, intercept);
    for (int j = 0; j < coefficients.length; j++) {
      double b = coefficients[j];
      if (b != 0) {
        double[] x = columns[j];
        for (int i = 0; i < n; i++) {
          out[i] += b * x[i];
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "Elastic-net model: alpha = %.6g, l1Ratio = %.4g%n", alpha, l1Ratio));
    sb.append(String.format(Locale.ROOT, "intercept = %.6g%n", intercept));
    int[] order = selected();
    sb.append(
        String.format(
            Locale.ROOT, "%d of %d coefficients non-zero", order.length, coefficients.length));
    sb.append(order.length > 0 ? ", largest standardized effect first:" : "").append('\n');
    int width = 4;
    for (int j : order) {
      width = Math.max(width, featureNames.get(j).length());
    }
    for (int j : order) {
      sb.append(
          String.format(
              Locale.ROOT, "  %-" + width + "s %14.6g%n", featureNames.get(j), coefficients[j]));
    }
    if (!convergence.converged()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "WARNING: not converged (relative duality gap %.3g after %d iterations)%n",
              convergence.relativeGap(),
              convergence.iterations()));
    }
    return sb.toString();
  }
}
