package org.l1path.solver.data;

import java.util.Arrays;

/**
 * The design held by its non-zeros, in compressed sparse columns: column j's values are {@code
 * values[t]} at rows {@code rows[t]}, {@code starts[j] <= t < starts[j + 1]}, rows ascending. Every
 * operation that reads a column costs its non-zeros; those that fill an n-vector (a weighted,
 * centred column) cost n more, as they would on a dense design.
 */
public final class SparseDesign extends Design {
  /** Column j's non-zeros are at {@code starts[j] <= t < starts[j + 1]}. */
  public final int[] starts;

  /** Each non-zero's row, ascending within a column. */
  public final int[] rows;

  public final double[] values;

  SparseDesign(int n, int p, int[] starts, int[] rows, double[] values) {
    super(n, p);
    this.starts = starts;
    this.rows = rows;
    this.values = values;
  }

  @Override
  public Design forSolving() {
    return this;
  }

  @Override
  public boolean contiguous() {
    return true;
  }

  @Override
  public long storedValues() {
    return starts[p];
  }

  @Override
  public double dot(int j, double[] v) {
    double sum = 0;
    for (int t = starts[j]; t < starts[j + 1]; t++) {
      sum += values[t] * v[rows[t]];
    }
    return sum;
  }

  @Override
  public int dotFour(int[] list, int count, int from, double[] v, double[] out) {
    int summed = Math.min(4, count - from);
    for (int t = 0; t < summed; t++) {
      out[t] = dot(list[from + t], v);
    }
    return summed;
  }

  @Override
  public void addFour(int[] list, double[] factors, int count, int from, double[] out) {
    int summed = Math.min(4, count - from);
    for (int t = 0; t < summed; t++) {
      addScaled(list[from + t], factors[from + t], null, out);
    }
  }

  @Override
  public void addScaled(int j, double factor, double[] w, double[] out) {
    if (w == null) {
      for (int t = starts[j]; t < starts[j + 1]; t++) {
        out[rows[t]] += factor * values[t];
      }
    } else {
      for (int t = starts[j]; t < starts[j + 1]; t++) {
        int i = rows[t];
        out[i] += factor * w[i] * values[t];
      }
    }
  }

  @Override
  public double weightedSum(int j, double[] w, double uniform) {
    double sum = 0;
    for (int t = starts[j]; t < starts[j + 1]; t++) {
      sum += weight(w, uniform, rows[t]) * values[t];
    }
    return sum;
  }

  /**
   * The non-zero rows' terms, less what a zero would add there; then what zeros add on every row:
   * {@code -shift} and {@code shift^2} times all the weight.
   */
  @Override
  public void shiftedMoments(
      int j, double[] w, double uniform, double weightTotal, double shift, double[] out) {
    double sum = 0;
    double squares = 0;
    for (int t = starts[j]; t < starts[j + 1]; t++) {
      double weight = weight(w, uniform, rows[t]);
      double d = values[t] - shift;
      sum += weight * values[t];
      squares += weight * (d * d - shift * shift);
    }
    out[0] = sum - shift * weightTotal;
    out[1] = squares + shift * shift * weightTotal;
  }

  @Override
  public double constantValue(int j, double[] w, int rowsTakingPart) {
    int nonZerosTakingPart = 0;
    double value = Double.NaN;
    for (int t = starts[j]; t < starts[j + 1]; t++) {
      if (w == null || w[rows[t]] > 0) {
        if (nonZerosTakingPart++ == 0) {
          value = values[t];
        } else if (values[t] != value) {
          return Double.NaN;
        }
      }
    }
    if (nonZerosTakingPart == 0) {
      return 0.0;
    }
    return nonZerosTakingPart == rowsTakingPart ? value : Double.NaN;
  }

  @Override
  public double weightedCentredRows(
      int j,
      double[] w,
      double uniform,
      double centre,
      double scale,
      int first,
      int last,
      double[] out,
      int at) {
    double inverse = 1 / scale;
    double shifted = -centre * inverse;
    for (int i = first; i < last; i++) {
      out[at + i - first] = weight(w, uniform, i) * shifted;
    }
    int t = Arrays.binarySearch(rows, starts[j], starts[j + 1], first);
    for (t = t < 0 ? -t - 1 : t; t < starts[j + 1] && rows[t] < last; t++) {
      int i = rows[t];
      out[at + i - first] += weight(w, uniform, i) * values[t] * inverse;
    }
    return Dot.sum(out, at, last - first);
  }

  @Override
  public void copyColumn(int j, double[] out, int from) {
    Arrays.fill(out, from, from + n, 0.0);
    for (int t = starts[j]; t < starts[j + 1]; t++) {
      out[from + rows[t]] = values[t];
    }
  }

  @Override
  public Design rows(int[] kept) {
    int[] newRow = new int[n];
    Arrays.fill(newRow, -1);
    for (int t = 0; t < kept.length; t++) {
      newRow[kept[t]] = t;
    }
    boolean ascending = true;
    for (int t = 1; t < kept.length; t++) {
      ascending &= kept[t] > kept[t - 1];
    }
    int[] newStarts = new int[p + 1];
    int count = 0;
    for (int t = 0; t < starts[p]; t++) {
      count += newRow[rows[t]] >= 0 ? 1 : 0;
    }
    int[] newRows = new int[count];
    double[] newValues = new double[count];
    int at = 0;
    for (int j = 0; j < p; j++) {
      int first = at;
      for (int t = starts[j]; t < starts[j + 1]; t++) {
        int r = newRow[rows[t]];
        if (r >= 0) {
          newRows[at] = r;
          newValues[at++] = values[t];
        }
      }
      if (!ascending) {
        sortByRow(newRows, newValues, first, at);
      }
      newStarts[j + 1] = at;
    }
    return new SparseDesign(kept.length, p, newStarts, newRows, newValues);
  }

  /** Insertion sort of one column's entries by row: kept rows are ascending but for tests. */
  private static void sortByRow(int[] rowsOf, double[] valuesOf, int from, int to) {
    for (int a = from + 1; a < to; a++) {
      int r = rowsOf[a];
      double v = valuesOf[a];
      int b = a - 1;
      while (b >= from && rowsOf[b] > r) {
        rowsOf[b + 1] = rowsOf[b];
        valuesOf[b + 1] = valuesOf[b];
        b--;
      }
      rowsOf[b + 1] = r;
      valuesOf[b + 1] = v;
    }
  }
}
