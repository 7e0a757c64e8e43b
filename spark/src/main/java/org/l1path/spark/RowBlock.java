package org.l1path.spark;

import org.l1path.solver.SufficientStatistics;

/**
 * Rows gathered column by column until there are enough for {@link SufficientStatistics#addBlock}
 * to sum them with the solver's Gram kernel: one block of rows per set of statistics, instead of
 * one scalar update of the whole cross-product triangle per row. Several responses may share the
 * rows' features (a multinomial fit's classes), each with its own response and weights.
 */
final class RowBlock {
  /**
   * The most rows per block: few enough that a block of 100 features (200 KB) stays in the
   * second-level cache while rows are written into it column by column. 10^6 rows of 100 features
   * into 10 folds on one thread: 1.57 s at 256 rows, 1.55 s at 128, 1.75 s at 512, 1.84 s at 1,024
   * and 2.4 s at 4,096, against 2.05 s row by row ({@link SufficientStatistics#add}).
   */
  static final int ROWS = 256;

  /** The fewest rows per block, however wide the rows. */
  private static final int MIN_ROWS = 32;

  private final int p;
  private final int capacity;
  private final double[] x;
  private final double[][] y;
  private final double[][] w;
  private int count;

  /**
   * Rows per block when {@code blocks} blocks of rows of {@code features} features and {@code
   * responses} responses may hold {@code budget} doubles together.
   */
  static int rowsWithin(long budget, int blocks, int features, int responses) {
    long perRow = (long) blocks * (features + 2L * responses);
    return (int) Math.max(MIN_ROWS, Math.min(ROWS, budget / perRow));
  }

  RowBlock(int features, int responses, int capacity) {
    this.p = features;
    this.capacity = capacity;
    x = new double[features * capacity];
    y = new double[responses][capacity];
    w = new double[responses][capacity];
  }

  /**
   * Adds one row's features, and its response and weight for each response; flushes into {@code
   * stats} (one per response) once the block is full. Weights are checked where the block goes into
   * the statistics ({@link SufficientStatistics#addBlock}), before anything is added.
   *
   * @throws IllegalArgumentException for a row of the wrong length
   */
  void add(double[] features, double[] ys, double[] ws, SufficientStatistics[] stats) {
    putFeatures(features);
    for (int r = 0; r < y.length; r++) {
      y[r][count] = ys[r];
      w[r][count] = ws[r];
    }
    if (++count == capacity) {
      flush(stats);
    }
  }

  /** {@link #add} for a block of one response. */
  void add(double[] features, double response, double weight, SufficientStatistics stats) {
    putFeatures(features);
    y[0][count] = response;
    w[0][count] = weight;
    if (++count == capacity) {
      flush(stats);
    }
  }

  private void putFeatures(double[] features) {
    if (features.length != p) {
      throw new IllegalArgumentException(
          "a row has " + features.length + " features, expected " + p);
    }
    for (int j = 0; j < p; j++) {
      x[j * capacity + count] = features[j];
    }
  }

  /** Adds the rows gathered so far to {@code stats}, one per response, and empties the block. */
  void flush(SufficientStatistics... stats) {
    if (count == 0) {
      return;
    }
    // addBlock reads feature j at j * count: a part-filled block closes its gaps first.
    double[] rows = x;
    if (count < capacity) {
      rows = new double[p * count];
      for (int j = 0; j < p; j++) {
        System.arraycopy(x, j * capacity, rows, j * count, count);
      }
    }
    for (int r = 0; r < y.length; r++) {
      stats[r].addBlock(rows, y[r], w[r], count);
    }
    count = 0;
  }
}
