package org.l1path.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.l1path.solver.data.DenseDesign;
import org.l1path.solver.data.Design;

/**
 * A design matrix stored by column, a response and optional observation weights. Columns are not
 * copied: a coordinate step reads one contiguous {@code double[]}. Construction checks shapes and
 * rejects NaN or infinite values, naming the row and column. Row subsets made inside the solver
 * (cross-validation folds) hold their columns in one column-major array instead.
 *
 * <p>A numeric response makes a {@link Family#GAUSSIAN} problem. A class response (see {@link
 * #ofClasses}) holds each row's class index into {@link #classes()}; two classes make a {@link
 * Family#BINOMIAL} problem and more a {@link Family#MULTINOMIAL} one, unless {@link #withFamily}
 * says otherwise.
 */
public final class Dataset {
  private final Design design;

  private final double[] y;
  private final double[] weights;
  private final List<String> featureNames;
  private final List<String> classes;
  private final Family family;

  private Dataset(
      Design design,
      double[] y,
      double[] weights,
      List<String> featureNames,
      List<String> classes,
      Family family) {
    this.design = design;
    this.y = y;
    this.weights = weights;
    this.featureNames = featureNames;
    this.classes = classes;
    this.family = family;
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
      requireInRange(columns[j], "column '" + featureNames.get(j) + "'");
    }
    requireInRange(y, "the response");
    if (weights != null) {
      checkWeights(weights, n);
    }
    return new Dataset(
        Design.ofColumns(columns, n),
        y,
        weights,
        List.copyOf(featureNames),
        List.of(),
        Family.GAUSSIAN);
  }

  /**
   * A classification dataset: row i belongs to class {@code classes.get(classOfRow[i])}.
   *
   * @param classes the class labels, at least two; binomial models the second one
   */
  public static Dataset ofClasses(
      double[][] columns,
      int[] classOfRow,
      List<String> classes,
      double[] weights,
      List<String> featureNames) {
    double[] y = classIndices(classOfRow, classes);
    Dataset numeric = of(columns, y, weights, featureNames);
    return numeric.asClasses(classes);
  }

  /**
   * A dataset stored sparse (see {@link #withStorage} to let the density decide): the non-zeros
   * {@code x}, with weights and feature names.
   *
   * @param weights one non-negative weight per row, or null for unit weights
   */
  public static Dataset ofSparse(
      SparseFeatures x, double[] y, double[] weights, List<String> featureNames) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("x and y must not be null");
    }
    if (featureNames == null || featureNames.size() != x.features()) {
      throw new IllegalArgumentException(
          "featureNames must have one name per feature ("
              + x.features()
              + "), got "
              + (featureNames == null ? "null" : featureNames.size()));
    }
    int n = y.length;
    if (n == 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    if (x.rows() != n) {
      throw new IllegalArgumentException(
          "the features have " + x.rows() + " rows but the response has " + n);
    }
    for (int j = 0; j < x.features(); j++) {
      requireSparseInRange(x, j, "feature '" + featureNames.get(j) + "'");
    }
    requireInRange(y, "the response");
    if (weights != null) {
      checkWeights(weights, n);
    }
    return new Dataset(
        sparseDesign(x), y, weights, List.copyOf(featureNames), List.of(), Family.GAUSSIAN);
  }

  /**
   * A classification dataset stored sparse: row i belongs to class {@code
   * classes.get(classOfRow[i])}.
   */
  public static Dataset ofSparseClasses(
      SparseFeatures x,
      int[] classOfRow,
      List<String> classes,
      double[] weights,
      List<String> featureNames) {
    double[] y = classIndices(classOfRow, classes);
    return ofSparse(x, y, weights, featureNames).asClasses(classes);
  }

  private Dataset asClasses(List<String> classes) {
    Family family = classes.size() == 2 ? Family.BINOMIAL : Family.MULTINOMIAL;
    return new Dataset(design, y, weights, featureNames, List.copyOf(classes), family);
  }

  /**
   * The same data stored as asked: {@link Storage#AUTO} lets the share of non-zeros decide. The
   * values are copied when the storage changes; otherwise this data itself is returned.
   */
  public Dataset withStorage(Storage wanted) {
    Storage target = wanted.resolve(density(), family);
    if (target == storage()) {
      return this;
    }
    Design stored =
        target == Storage.SPARSE
            ? sparseDesign(SparseFeatures.ofColumns(denseColumns(), rows()))
            : Design.ofColumns(denseColumns(), rows());
    return new Dataset(stored, y, weights, featureNames, classes, family);
  }

  /** How the feature values are held: {@link Storage#DENSE} or {@link Storage#SPARSE}. */
  public Storage storage() {
    return design.sparse() ? Storage.SPARSE : Storage.DENSE;
  }

  /** The share of feature values that are not 0. */
  public double density() {
    long nonZeros = 0;
    if (design.sparse()) {
      nonZeros = design.storedValues();
    } else {
      double[] column = new double[rows()];
      for (int j = 0; j < features(); j++) {
        design.copyColumn(j, column, 0);
        for (double value : column) {
          nonZeros += value != 0 ? 1 : 0;
        }
      }
    }
    return features() == 0 ? 0 : (double) nonZeros / ((double) rows() * features());
  }

  private double[][] denseColumns() {
    double[][] columns = new double[features()][];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = column(j);
    }
    return columns;
  }

  private static Design sparseDesign(SparseFeatures x) {
    return Design.ofSparse(x.rows(), x.features(), x.columnStarts(), x.rowIndices(), x.values());
  }

  private static double[] classIndices(int[] classOfRow, List<String> classes) {
    if (classes == null || classes.size() < 2) {
      throw new IllegalArgumentException(
          "a class response needs at least 2 classes, got "
              + (classes == null ? 0 : classes.size()));
    }
    double[] y = new double[classOfRow.length];
    for (int i = 0; i < y.length; i++) {
      if (classOfRow[i] < 0 || classOfRow[i] >= classes.size()) {
        throw new IllegalArgumentException(
            "class index "
                + classOfRow[i]
                + " at row "
                + (i + 1)
                + " is not one of the "
                + classes.size()
                + " classes");
      }
      y[i] = classOfRow[i];
    }
    return y;
  }

  /** The same data with other observation weights (null for unit weights). */
  public Dataset withWeights(double[] newWeights) {
    if (newWeights != null) {
      checkWeights(newWeights, rows());
    }
    return new Dataset(design, y, newWeights, featureNames, classes, family);
  }

  /**
   * The same data fitted as another family: a class response with two classes may be fitted as
   * {@link Family#MULTINOMIAL}; a numeric response only as {@link Family#GAUSSIAN}.
   */
  public Dataset withFamily(Family newFamily) {
    boolean numeric = classes.isEmpty();
    if ((newFamily == Family.GAUSSIAN) != numeric
        || (newFamily == Family.BINOMIAL && classes.size() != 2)) {
      throw new IllegalArgumentException(
          "family "
              + newFamily.label()
              + " does not fit a response with "
              + (numeric ? "numeric values" : classes.size() + " classes"));
    }
    return new Dataset(design, y, weights, featureNames, classes, newFamily);
  }

  /**
   * The given rows, copied, with their weights, classes and family; the columns are copied into one
   * column-major array when it can hold them.
   */
  public Dataset subset(int[] rows) {
    int m = rows.length;
    int p = design.p;
    double[] ySub = new double[m];
    double[] wSub = weights == null ? null : new double[m];
    for (int t = 0; t < m; t++) {
      int i = rows[t];
      ySub[t] = y[i];
      if (wSub != null) {
        wSub[t] = weights[i];
      }
    }
    if (wSub != null) {
      checkWeights(wSub, m);
    }
    Design sub = design.rows(rows);
    return new Dataset(sub, ySub, wSub, featureNames, classes, family);
  }

  /**
   * This data with a contiguous copy of its columns, for one fit or one cross-validation (every fit
   * of which shares the copy), when the design is large enough for the layout to matter and the
   * heap has room to spare for the copy (see {@link Design#forSolving}); otherwise this data
   * itself.
   */
  public Dataset forSolving() {
    Design fast = design.forSolving();
    return fast == design ? this : new Dataset(fast, y, weights, featureNames, classes, family);
  }

  public Family family() {
    return family;
  }

  /** The class labels of a class response; empty for a numeric one. */
  public List<String> classes() {
    return classes;
  }

  public int rows() {
    return y.length;
  }

  public int features() {
    return design.p;
  }

  /**
   * Feature {@code j}'s values. For a dataset built from columns the array is the one given
   * (shared: do not modify it); a subset's column is copied out.
   */
  public double[] column(int j) {
    if (design instanceof DenseDesign dense
        && dense.offsets[j] == 0
        && dense.arrays[j].length == design.n) {
      return dense.arrays[j];
    }
    double[] out = new double[design.n];
    design.copyColumn(j, out, 0);
    return out;
  }

  /** The response (for a class response, each row's class index). Shared: do not modify it. */
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

  public Design design() {
    return design;
  }

  /**
   * Values beyond this magnitude, or a column whose values differ by less than its inverse, do not
   * survive the fit's sums of squares and cross-products in double precision: squares of 1e200
   * overflow, squares of 1e-200 vanish (the standardized column came out 0 or NaN). Within it,
   * products are at most 1e200 and sums over any number of rows stay finite.
   */
  public static final double MAX_MAGNITUDE = 1e100;

  private static void requireInRange(double[] values, String what) {
    int lowest = 0;
    int highest = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            what + " has " + v + " at row " + (i + 1) + "; values must be finite");
      }
      if (Math.abs(v) > MAX_MAGNITUDE) {
        throw new IllegalArgumentException(
            what
                + " has "
                + v
                + " at row "
                + (i + 1)
                + "; values must be within +-1e100 (rescale it, for example to other units)");
      }
      lowest = v < values[lowest] ? i : lowest;
      highest = v > values[highest] ? i : highest;
    }
    double spread = values[highest] - values[lowest];
    if (spread > 0 && spread < 1 / MAX_MAGNITUDE) {
      throw new IllegalArgumentException(
          what
              + " varies only by "
              + spread
              + " (rows "
              + (lowest + 1)
              + " and "
              + (highest + 1)
              + "); values that differ must differ by at least 1e-100 (rescale it)");
    }
  }

  /**
   * {@link #requireInRange} for a sparse column: its non-zeros, and the zeros it has when it has
   * fewer non-zeros than rows.
   */
  private static void requireSparseInRange(SparseFeatures x, int j, String what) {
    int[] rows = x.rowIndices();
    double[] values = x.values();
    int from = x.columnStart(j);
    int to = x.columnStart(j + 1);
    double lowest = to - from < x.rows() ? 0 : Double.POSITIVE_INFINITY;
    double highest = -lowest;
    for (int t = from; t < to; t++) {
      double v = values[t];
      if (Math.abs(v) > MAX_MAGNITUDE) {
        throw new IllegalArgumentException(
            what
                + " has "
                + v
                + " at row "
                + (rows[t] + 1)
                + "; values must be within +-1e100 (rescale it, for example to other units)");
      }
      lowest = Math.min(lowest, v);
      highest = Math.max(highest, v);
    }
    double spread = highest - lowest;
    if (spread > 0 && spread < 1 / MAX_MAGNITUDE) {
      throw new IllegalArgumentException(
          what
              + " varies only by "
              + spread
              + "; values that differ must differ by at least 1e-100 (rescale it)");
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
