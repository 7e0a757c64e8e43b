package org.l1path.solver;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.l1path.solver.data.Design;
import org.l1path.solver.glm.Links;

/**
 * A fitted model at one alpha, on the original scale of the data. Immutable.
 *
 * <p>Gaussian: {@link #predict} gives the fitted value. Binomial: one coefficient row for the
 * log-odds of the second class. Multinomial: one row and intercept per class, and class
 * probabilities by softmax. {@link #probabilities} works for both classification families.
 */
public final class Model implements Serializable {
  private static final long serialVersionUID = 2L;

  private final Family family;
  private final List<String> classes;
  private final double alpha;
  private final double l1Ratio;
  private final double[] intercepts;
  private final double[][] coefficients;
  // Package-visible for RelaxedPath's blends, which share it as RegularizationPath's models do.
  final double[] featureScales;
  private final List<String> featureNames;
  private final Convergence convergence;

  Model(
      Family family,
      List<String> classes,
      double alpha,
      double l1Ratio,
      double[] intercepts,
      double[][] coefficients,
      double[] featureScales,
      List<String> featureNames,
      Convergence convergence) {
    this.family = family;
    this.classes = List.copyOf(classes);
    this.alpha = alpha;
    this.l1Ratio = l1Ratio;
    // Shared, not copied: only RegularizationPath and RelaxedPath make a Model, from arrays that
    // nothing changes or hands out (fresh dense rows, its own intercepts and scales).
    // Cross-validation makes one per alpha and fold, and on a wide design copies would be much of
    // its held-out scoring.
    this.intercepts = intercepts;
    this.coefficients = coefficients;
    this.featureScales = featureScales;
    this.featureNames = List.copyOf(featureNames);
    this.convergence = convergence;
  }

  public Family family() {
    return family;
  }

  /** The class labels of a classification model; empty for gaussian. */
  public List<String> classes() {
    return classes;
  }

  public double alpha() {
    return alpha;
  }

  public double l1Ratio() {
    return l1Ratio;
  }

  /** Coefficient rows: 1, or the number of classes for multinomial. */
  public int responses() {
    return coefficients.length;
  }

  /** The intercept of a one-row model. */
  public double intercept() {
    return intercepts[oneRow()];
  }

  public double intercept(int r) {
    return intercepts[r];
  }

  /** Coefficients of a one-row model on the original scale, one per feature. */
  public double[] coefficients() {
    return coefficients[oneRow()].clone();
  }

  public double[] coefficients(int r) {
    return coefficients[r].clone();
  }

  public double coefficient(int j) {
    return coefficients[oneRow()][j];
  }

  /**
   * Coefficients times each feature's weighted standard deviation: comparable effect sizes (one-row
   * models). For features that were constant the scale is 1.
   */
  public double[] standardizedCoefficients() {
    return standardizedCoefficients(oneRow());
  }

  public double[] standardizedCoefficients(int r) {
    double[] out = new double[featureScales.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = coefficients[r][j] * featureScales[j];
    }
    return out;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public Convergence convergence() {
    return convergence;
  }

  /** How many features have a non-zero coefficient in any row. */
  public int nonZeroCount() {
    return selected().length;
  }

  /**
   * Indices of the features with a non-zero coefficient, largest absolute standardized coefficient
   * (over rows) first.
   */
  public int[] selected() {
    double[] effect = effectSizes();
    List<Integer> idx = new ArrayList<>();
    for (int j = 0; j < effect.length; j++) {
      if (effect[j] != 0) {
        idx.add(j);
      }
    }
    idx.sort(Comparator.comparingDouble((Integer j) -> -effect[j]).thenComparing(j -> j));
    return idx.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Each feature's largest absolute standardized coefficient over the rows. */
  public double[] effectSizes() {
    double[] out = new double[featureScales.length];
    for (double[] row : coefficients) {
      for (int j = 0; j < out.length; j++) {
        out[j] = Math.max(out[j], Math.abs(row[j] * featureScales[j]));
      }
    }
    return out;
  }

  /** The fitted value of a gaussian model, or the linear predictor of row 0 otherwise. */
  public double predict(double[] row) {
    return linear(0, row);
  }

  /**
   * Predictions for a matrix stored by column, as {@link Dataset} stores it. With no features the
   * row count is unknown here: use {@link #predict(Dataset)}.
   *
   * @param columns one array per feature, all of one length; not modified
   */
  public double[] predict(double[][] columns) {
    checkWidth(columns.length);
    int n = columns.length == 0 ? 0 : columns[0].length;
    return linear(0, Design.ofColumns(columns, n));
  }

  /** Predictions for every row of {@code data}. */
  public double[] predict(Dataset data) {
    checkWidth(data.features());
    return linear(0, data.design());
  }

  /** Class probabilities for one row, in the order of {@link #classes()}; they sum to 1. */
  public double[] probabilities(double[] row) {
    requireClasses();
    double[] eta = new double[coefficients.length];
    for (int r = 0; r < eta.length; r++) {
      eta[r] = linear(r, row);
    }
    return Links.probabilities(family, eta);
  }

  /** Class probabilities for every row of {@code data}: [row][class]. */
  public double[][] probabilities(Dataset data) {
    requireClasses();
    checkWidth(data.features());
    int n = data.rows();
    double[][] eta = new double[coefficients.length][];
    for (int r = 0; r < eta.length; r++) {
      eta[r] = linear(r, data.design());
    }
    double[][] out = new double[n][];
    double[] e = new double[eta.length];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < e.length; r++) {
        e[r] = eta[r][i];
      }
      out[i] = Links.probabilities(family, e);
    }
    return out;
  }

  private double linear(int r, double[] row) {
    checkWidth(row.length);
    double sum = intercepts[r];
    double[] b = coefficients[r];
    for (int j = 0; j < row.length; j++) {
      sum += b[j] * row[j];
    }
    return sum;
  }

  private double[] linear(int r, Design design) {
    int n = design.n;
    double[] out = new double[n];
    Arrays.fill(out, intercepts[r]);
    double[] coef = coefficients[r];
    for (int j = 0; j < coef.length; j++) {
      double b = coef[j];
      if (b != 0) {
        design.addScaled(j, b, null, out);
      }
    }
    return out;
  }

  private void checkWidth(int width) {
    if (width != featureScales.length) {
      throw new IllegalArgumentException(
          "got "
              + width
              + " feature values but the model has "
              + featureScales.length
              + " features");
    }
  }

  private void requireClasses() {
    if (family == Family.GAUSSIAN) {
      throw new IllegalStateException("a gaussian model has no class probabilities");
    }
  }

  private int oneRow() {
    if (coefficients.length != 1) {
      throw new IllegalStateException(
          "a multinomial model has one row per class; use coefficients(r) and intercept(r)");
    }
    return 0;
  }

  /**
   * The non-zero coefficients of row {@code r}, largest absolute standardized coefficient of that
   * row ({@code |coefficient| * featureScale}) first, ties in feature order.
   */
  private List<Integer> byStandardizedEffect(int r) {
    double[] b = coefficients[r];
    List<Integer> idx = new ArrayList<>();
    for (int j = 0; j < b.length; j++) {
      if (b[j] != 0) {
        idx.add(j);
      }
    }
    idx.sort(
        Comparator.comparingDouble((Integer j) -> -Math.abs(b[j] * featureScales[j]))
            .thenComparing(j -> j));
    return idx;
  }

  /**
   * The model as text: alpha, then for each coefficient row its intercept and its non-zero
   * coefficients (original scale, then standardized: times the feature's standard deviation),
   * largest absolute standardized coefficient of that row first.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    String kind =
        switch (family) {
          case GAUSSIAN -> "Elastic-net model";
          case BINOMIAL -> "Elastic-net logistic model";
          case MULTINOMIAL -> "Elastic-net multinomial model";
        };
    sb.append(
        String.format(Locale.ROOT, "%s: alpha = %.6g, l1Ratio = %.4g%n", kind, alpha, l1Ratio));
    int width = "feature".length();
    for (int j : selected()) {
      width = Math.max(width, featureNames.get(j).length());
    }
    for (int r = 0; r < coefficients.length; r++) {
      if (family == Family.MULTINOMIAL) {
        sb.append("class ").append(classes.get(r)).append(":\n");
      } else if (family == Family.BINOMIAL) {
        sb.append("log-odds of class ").append(classes.get(1)).append(":\n");
      }
      sb.append(String.format(Locale.ROOT, "intercept = %.6g%n", intercepts[r]));
      List<Integer> order = byStandardizedEffect(r);
      sb.append(
          String.format(
              Locale.ROOT, "%d of %d coefficients non-zero", order.size(), featureScales.length));
      sb.append(order.isEmpty() ? "" : ", largest standardized effect first:").append('\n');
      String line = "  %-" + width + "s %14s %14s%n";
      if (!order.isEmpty()) {
        sb.append(String.format(Locale.ROOT, line, "feature", "coefficient", "standardized"));
      }
      for (int j : order) {
        double b = coefficients[r][j];
        sb.append(
            String.format(
                Locale.ROOT,
                line,
                featureNames.get(j),
                String.format(Locale.ROOT, "%.6g", b),
                String.format(Locale.ROOT, "%.6g", b * featureScales[j])));
      }
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
