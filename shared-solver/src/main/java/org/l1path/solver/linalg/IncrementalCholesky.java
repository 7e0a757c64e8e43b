package org.l1path.solver.linalg;

import java.util.Arrays;

/**
 * The Cholesky factor {@code L L' = A} of a symmetric positive definite block whose rows and
 * columns are features that come and go: appending a feature costs O(m^2) (one triangular solve)
 * and removing one costs O(m^2) (Givens rotations), where refactoring would cost O(m^3 / 3). Along
 * a lasso path the support changes by one or two features at a time, so this is what keeps exact
 * active-set refits cheap.
 */
public final class IncrementalCholesky {
  /** A pivot below this fraction of its diagonal entry means the new feature is collinear. */
  private static final double SINGULAR = 1e-10;

  /** Row r of L holds its r + 1 entries on and below the diagonal. */
  private double[][] rows = new double[16][];

  /**
   * Column c of L: entry q (for rows q >= c; arrays may be longer, entries before c unused) is
   * {@code L[q][c]}. With rows and columns both at hand, each triangular solve is a run of axpys
   * over one contiguous array, which vectorize; one of them over rows alone would need a dot
   * product per row, which does not (the forward solves were a sixth of a 100x1000 elastic net).
   */
  private double[][] columns = new double[16][];

  /**
   * Row r of the factored block A itself, all {@code size} entries (arrays may be longer), or null
   * when the caller never multiplies by A: conjugate gradients under another ridge multiply by it,
   * and looking its entries up again would cost more than the products. Whole rows make the product
   * a run of axpys, which vectorize; half rows would need a dot product per row, which does not
   * (twice the time at m = 120). Kept only for {@link #multiply}: every append writes an entry into
   * each row, and every removal shifts them all: 6 % of a 200 x 2000 logistic path's time, where
   * nothing read them.
   */
  private double[][] block;

  private int[] members = new int[16];
  private int size;

  /** Each feature's position, or -1. */
  private int[] positions;

  /** The size at the last append that was refused (its forward solve is at rows[size]), or -1. */
  private int rejectedAt = -1;

  /** Appends and removals since the factor was last built from scratch. */
  private int updates;

  /**
   * Rounding builds up over many updates; after this many plus twice the current size the caller
   * should refactor. A refactor, O(m^3 / 3), then costs about as much as the 2m updates of O(m^2)
   * it follows, so refreshing never dominates.
   */
  private static final int REFRESH_AFTER = 128;

  /** A factor of features 0 to {@code features - 1}, without {@link #multiply}. */
  public IncrementalCholesky(int features) {
    this(features, false);
  }

  /**
   * A factor of features 0 to {@code features - 1}; with {@code multiplies}, it also keeps the
   * block itself for {@link #multiply}.
   */
  public IncrementalCholesky(int features, boolean multiplies) {
    positions = new int[features];
    Arrays.fill(positions, -1);
    block = multiplies ? new double[16][] : null;
  }

  public int size() {
    return size;
  }

  /** How many features the factor can index: features are 0 to capacity - 1. */
  public int capacity() {
    return positions.length;
  }

  /** Lets the factor index features up to at least {@code features - 1}, keeping what it holds. */
  public void ensureCapacity(int features) {
    int old = positions.length;
    if (features > old) {
      int grown = Math.max(features, 2 * old);
      positions = Arrays.copyOf(positions, grown);
      Arrays.fill(positions, old, grown, -1);
    }
  }

  /** The feature at position r; positions follow the order of appends, less removals. */
  public int member(int r) {
    return members[r];
  }

  public int positionOf(int feature) {
    return positions[feature];
  }

  public boolean contains(int feature) {
    return positions[feature] >= 0;
  }

  /**
   * Gives the members new feature numbers: feature f becomes {@code newNumber[f]}; a member whose
   * new number is -1 is removed. The factor itself is unchanged (the block's entries are the same).
   */
  public void renumber(int[] newNumber) {
    for (int r = size - 1; r >= 0; r--) {
      if (newNumber[members[r]] < 0) {
        remove(r);
      }
    }
    for (int r = 0; r < size; r++) {
      positions[members[r]] = -1;
    }
    for (int r = 0; r < size; r++) {
      members[r] = newNumber[members[r]];
      positions[members[r]] = r;
    }
  }

  /** Whether enough updates have piled up that the factor should be rebuilt. */
  public boolean stale() {
    return updates > REFRESH_AFTER + 2 * size;
  }

  public void clear() {
    for (int r = 0; r < size; r++) {
      positions[members[r]] = -1;
    }
    size = 0;
    rejectedAt = -1;
    updates = 0;
  }

  /**
   * Appends {@code feature}, whose entries against the current members are {@code cross[r]} (in
   * position order) and whose diagonal entry is {@code diagonal}.
   *
   * @return false, leaving the factor unchanged, when the block would be singular
   */
  public boolean append(int feature, double[] cross, double diagonal) {
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, 2 * size);
      columns = Arrays.copyOf(columns, 2 * size);
      block = block == null ? null : Arrays.copyOf(block, 2 * size);
      members = Arrays.copyOf(members, 2 * size);
    }
    // The new row of L solves L row = cross.
    double[] row = spare(rows, size);
    System.arraycopy(cross, 0, row, 0, size);
    forwardSolve(row);
    double sumSquares = 0;
    for (int c = 0; c < size; c++) {
      sumSquares += row[c] * row[c];
    }
    double pivot = diagonal - sumSquares;
    if (!(pivot > SINGULAR * diagonal)) {
      rows[size] = row;
      rejectedAt = size;
      return false;
    }
    rejectedAt = -1;
    row[size] = Math.sqrt(pivot);
    rows[size] = row;
    if (block != null) {
      appendToBlock(cross, diagonal);
    }
    for (int r = 0; r < size; r++) {
      columns[r] = withRoomFor(columns[r], size);
      columns[r][size] = row[r];
    }
    double[] column = spare(columns, size);
    column[size] = row[size];
    columns[size] = column;
    members[size] = feature;
    positions[feature] = size;
    size++;
    updates++;
    return true;
  }

  /** The new member's row and column of the block: {@code cross}, then {@code diagonal}. */
  private void appendToBlock(double[] cross, double diagonal) {
    double[] original = spare(block, size);
    System.arraycopy(cross, 0, original, 0, size);
    original[size] = diagonal;
    block[size] = original;
    for (int r = 0; r < size; r++) {
      block[r] = withRoomFor(block[r], size);
      block[r][size] = cross[r];
    }
  }

  /**
   * The array at {@code arrays[index]}, past the members, when it has an entry {@code index}, or a
   * new one: a factor built again from scratch (every new Hessian of a Newton step) reuses the
   * arrays of the last, where allocating them was as costly as the solves. Its entries are whatever
   * they were; each is written before it is read.
   */
  private static double[] spare(double[][] arrays, int index) {
    double[] array = arrays[index];
    return array != null && array.length > index
        ? array
        : new double[Math.max(16, 2 * (index + 1))];
  }

  /** The array itself when it has an entry {@code index}, else a copy of twice the length. */
  private static double[] withRoomFor(double[] array, int index) {
    return index < array.length ? array : Arrays.copyOf(array, 2 * index);
  }

  /**
   * Removes the member at {@code position}. Without its row, L's rows below it each have one entry
   * past the diagonal; a Givens rotation of columns r and r + 1 per row zeroes it again (rows keep
   * their longer arrays; entries past the diagonal are never read).
   */
  public void remove(int position) {
    positions[members[position]] = -1;
    double[] removedRow = rows[position];
    for (int r = position + 1; r < size; r++) {
      rows[r - 1] = rows[r];
      members[r - 1] = members[r];
      positions[members[r - 1]] = r - 1;
    }
    // The removed array becomes the spare past the members, so no array is held twice.
    rows[size - 1] = removedRow;
    if (block != null) {
      removeFromBlock(position);
    }
    // The columns lose the row too; column c > position then starts at row c - 1.
    for (int c = 0; c < size; c++) {
      double[] column = columns[c];
      int from = Math.max(position, c - 1);
      System.arraycopy(column, from + 1, column, from, size - 1 - from);
    }
    size--;
    updates++;
    rejectedAt = -1;
    for (int r = position; r < size; r++) {
      double[] row = rows[r];
      double h = Math.hypot(row[r], row[r + 1]);
      double cos = row[r] / h;
      double sin = row[r + 1] / h;
      row[r] = h;
      row[r + 1] = 0;
      for (int q = r + 1; q < size; q++) {
        double[] below = rows[q];
        double u = below[r];
        double v = below[r + 1];
        below[r] = cos * u + sin * v;
        below[r + 1] = cos * v - sin * u;
      }
      double[] left = columns[r];
      double[] right = columns[r + 1];
      left[r] = h;
      right[r] = 0;
      for (int q = r + 1; q < size; q++) {
        double u = left[q];
        double v = right[q];
        left[q] = cos * u + sin * v;
        right[q] = cos * v - sin * u;
      }
    }
    // The last column is now all zero: it goes, and the columns keep the rest in place.
  }

  /** Takes the member at {@code position} out of the block's rows and columns. */
  private void removeFromBlock(int position) {
    double[] removed = block[position];
    for (int r = position + 1; r < size; r++) {
      block[r - 1] = block[r];
    }
    block[size - 1] = removed;
    for (int r = 0; r < size - 1; r++) {
      double[] original = block[r];
      System.arraycopy(original, position + 1, original, position, size - 1 - position);
    }
  }

  /**
   * After an {@link #append} that returned false, and nothing else since: {@code A^-1 cross} of
   * that append into {@code out} (position order), from the triangular solve it already did. A
   * collinear feature's direction along the members, at half a solve's cost.
   */
  public void solveRejected(double[] out) {
    if (rejectedAt != size) {
      throw new IllegalStateException("no rejected append since the factor last changed");
    }
    System.arraycopy(rows[size], 0, out, 0, size);
    backSolve(out);
  }

  /** Solves {@code A x = b} in place; b is in position order. */
  public void solve(double[] b) {
    forwardSolve(b);
    backSolve(b);
  }

  /** Solves {@code L' x = b} in place for the first {@code size} entries, row by row. */
  private void backSolve(double[] b) {
    for (int r = size - 1; r >= 0; r--) {
      double[] lr = rows[r];
      double x = b[r] / lr[r];
      b[r] = x;
      for (int c = 0; c < r; c++) {
        b[c] -= lr[c] * x;
      }
    }
  }

  /** Solves {@code L x = b} in place for the first {@code size} entries, column by column. */
  private void forwardSolve(double[] b) {
    for (int c = 0; c < size; c++) {
      double[] lc = columns[c];
      double x = b[c] / lc[c];
      b[c] = x;
      for (int q = c + 1; q < size; q++) {
        b[q] -= x * lc[q];
      }
    }
  }

  /**
   * {@code out = A v}, A the block as appended; v and out in position order. Only for a factor made
   * to multiply.
   */
  public void multiply(double[] v, double[] out) {
    if (block == null) {
      throw new IllegalStateException("this factor keeps no block to multiply by");
    }
    Arrays.fill(out, 0, size, 0);
    for (int r = 0; r < size; r++) {
      double[] ar = block[r];
      double vr = v[r];
      for (int c = 0; c < size; c++) {
        out[c] += ar[c] * vr;
      }
    }
  }
}
