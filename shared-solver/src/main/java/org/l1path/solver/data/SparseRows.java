package org.l1path.solver.data;

import java.util.Arrays;

/**
 * Listed columns of a sparse design laid out by rows: row i's non-zeros are entries {@code start[i]
 * <= e < start[i + 1]}, each with its place in the list ({@code column[e]}) and value, in list
 * order. Products summed row by row over the non-zeros cost the squares of the rows' counts, where
 * a column-by-column route costs n per column. The layout is kept for the last list: a Newton
 * step's strong set mostly stays from one matrix to the next, and laying the rows out was a third
 * of that route's time.
 */
public final class SparseRows {
  private final SparseDesign sparse;
  private final int n;

  private int[] start = new int[0];
  private int[] column = new int[0];
  private double[] value = new double[0];

  /** The list last laid out; null before the first. */
  private int[] laidOut;

  public SparseRows(SparseDesign sparse) {
    this.sparse = sparse;
    this.n = sparse.n;
  }

  /** Lays {@code list[0 .. count)} out by rows, unless it already is. */
  public void layOut(int[] list, int count) {
    if (laidOut != null && Arrays.equals(laidOut, 0, laidOut.length, list, 0, count)) {
      return;
    }
    laidOut = Arrays.copyOf(list, count);
    if (start.length < n + 1) {
      start = new int[n + 1];
    }
    Arrays.fill(start, 0, n + 1, 0);
    for (int a = 0; a < count; a++) {
      int j = list[a];
      for (int t = sparse.starts[j]; t < sparse.starts[j + 1]; t++) {
        start[sparse.rows[t] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int entries = start[n];
    if (column.length < entries) {
      column = new int[entries];
      value = new double[entries];
    }
    // start[i] is row i's next free place while filling, row i + 1's start afterwards.
    for (int a = 0; a < count; a++) {
      int j = list[a];
      for (int t = sparse.starts[j]; t < sparse.starts[j + 1]; t++) {
        int place = start[sparse.rows[t]]++;
        column[place] = a;
        value[place] = sparse.values[t];
      }
    }
    for (int i = n; i > 0; i--) {
      start[i] = start[i - 1];
    }
    start[0] = 0;
  }

  /**
   * Row i's entries are at {@code starts()[i] <= e < starts()[i + 1]}; read after {@link #layOut}.
   */
  public int[] starts() {
    return start;
  }

  /** Each entry's place in the laid-out list. */
  public int[] columns() {
    return column;
  }

  /** Each entry's value. */
  public double[] values() {
    return value;
  }

  /**
   * {@code sum_i (k_i + extra) (k_i + extra + 1) / 2} over the rows' counts k_i of the last list:
   * the products on and above the diagonal of each row's non-zeros, with {@code extra} more entries
   * per row (a constant).
   */
  public long rowPairs(int extra) {
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      long k = start[i + 1] - start[i] + extra;
      pairs += k * (k + 1) / 2;
    }
    return pairs;
  }
}
