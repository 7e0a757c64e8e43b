package org.l1path.solver;

import java.util.Arrays;

/**
 * Feature values of which most are 0, held by their non-zeros only: bag-of-words text, one-hot
 * categories. Built row by row, as svmlight files and Weka's sparse instances arrive, and stored
 * column by column (compressed sparse columns), as the solver reads them. Immutable once built.
 *
 * <p>A 10⁵ x 10⁵ text design with 100 words per row takes 120 MB here against 80 GB dense.
 */
public final class SparseFeatures {
  private final int rows;
  private final int features;
  private final int[] columnStarts;
  private final int[] rowIndices;
  private final double[] values;

  private SparseFeatures(
      int rows, int features, int[] columnStarts, int[] rowIndices, double[] values) {
    this.rows = rows;
    this.features = features;
    this.columnStarts = columnStarts;
    this.rowIndices = rowIndices;
    this.values = values;
  }

  /** A builder of rows with {@code features} columns. */
  public static Builder builder(int features) {
    if (features < 0) {
      throw new IllegalArgumentException("features must be >= 0, got " + features);
    }
    return new Builder(features);
  }

  /** The non-zeros of dense columns of {@code rows} values each. */
  public static SparseFeatures ofColumns(double[][] columns, int rows) {
    int[] starts = new int[columns.length + 1];
    long count = 0;
    for (int j = 0; j < columns.length; j++) {
      for (int i = 0; i < rows; i++) {
        count += columns[j][i] != 0 ? 1 : 0;
      }
      starts[j + 1] = Math.toIntExact(count);
    }
    int[] rowIndices = new int[(int) count];
    double[] values = new double[(int) count];
    int at = 0;
    for (double[] column : columns) {
      for (int i = 0; i < rows; i++) {
        if (column[i] != 0) {
          rowIndices[at] = i;
          values[at++] = column[i];
        }
      }
    }
    return new SparseFeatures(rows, columns.length, starts, rowIndices, values);
  }

  /**
   * Rows given end to end, turned into columns without another copy of the rows: row i's entries
   * are {@code indices[t]} and {@code values[t]} for {@code rowEnds[i - 1] <= t < rowEnds[i]} (from
   * 0 for the first row), feature indices strictly ascending within [0, features) in each row,
   * values finite; zeros are dropped. A reader that collected a file's rows hands them over so,
   * where a {@link Builder} would hold them a second time.
   *
   * @throws IllegalArgumentException naming the row (1-based) and the offending entry
   */
  public static SparseFeatures ofRows(
      int features, int rows, int[] rowEnds, int[] indices, double[] values) {
    int[] starts = new int[features + 1];
    for (int i = 0, from = 0; i < rows; from = rowEnds[i++]) {
      checkRow(i + 1, indices, values, from, rowEnds[i], features);
      for (int t = from; t < rowEnds[i]; t++) {
        starts[indices[t] + 1] += values[t] != 0 ? 1 : 0;
      }
    }
    for (int j = 0; j < features; j++) {
      starts[j + 1] += starts[j];
    }
    int[] next = Arrays.copyOf(starts, features);
    int[] rowIndices = new int[starts[features]];
    double[] columnValues = new double[starts[features]];
    for (int i = 0, from = 0; i < rows; from = rowEnds[i++]) {
      for (int t = from; t < rowEnds[i]; t++) {
        if (values[t] != 0) {
          int at = next[indices[t]]++;
          rowIndices[at] = i;
          columnValues[at] = values[t];
        }
      }
    }
    return new SparseFeatures(rows, features, starts, rowIndices, columnValues);
  }

  /**
   * Row {@code row}'s entries {@code [from, to)}: indices ascending within range, values finite.
   */
  private static void checkRow(
      int row, int[] indices, double[] values, int from, int to, int features) {
    int previous = -1;
    for (int t = from; t < to; t++) {
      int j = indices[t];
      double value = values[t];
      if (j < 0 || j >= features) {
        throw new IllegalArgumentException(
            "row " + row + " has feature index " + j + " outside [0, " + features + ")");
      }
      if (j <= previous) {
        throw new IllegalArgumentException(
            "row "
                + row
                + " has feature index "
                + j
                + " after "
                + previous
                + "; indices must be strictly ascending");
      }
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "row " + row + " has " + value + " at feature index " + j + "; values must be finite");
      }
      previous = j;
    }
  }

  public int rows() {
    return rows;
  }

  public int features() {
    return features;
  }

  /** How many values are stored: the non-zeros. */
  public long nonZeros() {
    return columnStarts[features];
  }

  /** The share of cells that are not 0. */
  public double density() {
    return rows == 0 || features == 0 ? 0 : (double) nonZeros() / ((double) rows * features);
  }

  /** Bytes this storage takes: a value and a row index per non-zero, a start per column. */
  public long bytes() {
    return 12L * nonZeros() + 4L * (features + 1);
  }

  /** Column j's first place in {@link #rowIndices()} and {@link #values()}; j = p gives the end. */
  int columnStart(int j) {
    return columnStarts[j];
  }

  // Shared with the solver's engines, which only read them.
  int[] columnStarts() {
    return columnStarts;
  }

  int[] rowIndices() {
    return rowIndices;
  }

  double[] values() {
    return values;
  }

  /** Feature j's values, dense. */
  public double[] column(int j) {
    double[] out = new double[rows];
    for (int t = columnStarts[j]; t < columnStarts[j + 1]; t++) {
      out[rowIndices[t]] = values[t];
    }
    return out;
  }

  /** Collects rows; {@link #build} turns them into columns. */
  public static final class Builder {
    private final int features;
    private int rows;
    private int[] rowFeatures = new int[1024];
    private double[] rowValues = new double[1024];
    private int size;

    /** Where each row's entries end in {@link #rowFeatures}. */
    private int[] rowEnds = new int[256];

    private Builder(int features) {
      this.features = features;
    }

    /**
     * Adds the next row from its first {@code count} entries: feature indices strictly ascending
     * within [0, features), values finite. Zeros among them are dropped.
     *
     * @throws IllegalArgumentException naming the row (1-based) and the offending entry
     */
    public Builder addRow(int[] indices, double[] rowValuesIn, int count) {
      checkRow(rows + 1, indices, rowValuesIn, 0, count, features);
      for (int t = 0; t < count; t++) {
        if (rowValuesIn[t] != 0) {
          if (size == rowFeatures.length) {
            int grown = Math.toIntExact(Math.min((long) size * 2, Integer.MAX_VALUE - 8));
            if (grown == size) {
              throw new IllegalArgumentException(
                  "more than " + size + " non-zeros do not fit sparse storage");
            }
            rowFeatures = Arrays.copyOf(rowFeatures, grown);
            rowValues = Arrays.copyOf(rowValues, grown);
          }
          rowFeatures[size] = indices[t];
          rowValues[size++] = rowValuesIn[t];
        }
      }
      if (rows == rowEnds.length) {
        rowEnds = Arrays.copyOf(rowEnds, 2 * rows);
      }
      rowEnds[rows++] = size;
      return this;
    }

    public int rows() {
      return rows;
    }

    /** The rows added so far, as columns; the builder may go on adding rows afterwards. */
    public SparseFeatures build() {
      return ofRows(features, rows, rowEnds, rowFeatures, rowValues);
    }
  }
}
