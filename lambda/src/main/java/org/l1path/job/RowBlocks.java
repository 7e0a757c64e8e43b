package org.l1path.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Data rows held row by row, in blocks of a fixed number of cells, while the file streams by. Each
 * field is written next to the one before it whatever the width of the file; writing it straight
 * into its column instead would touch a different array per field, which on a file tens of
 * thousands of columns wide costs a cache miss per field and a growable array per column. The
 * columns are cut out at the end, a few dozen at a time, so that both the reads and the writes of
 * that copy stay in cache.
 */
final class RowBlocks {
  /** 256 KiB of doubles: small enough not to count as a huge object in a small heap's G1. */
  static final int BLOCK_CELLS = 1 << 15;

  /** Columns cut out together: their write positions fit in the first-level cache. */
  private static final int COLUMNS_AT_ONCE = 64;

  private static final int MAX_ROWS = Integer.MAX_VALUE - 16;

  private final int width;
  private final int rowsPerBlock;
  private final List<double[]> blocks = new ArrayList<>();
  private double[] block;
  private int rowInBlock;
  private int rowStart;
  private int rows;

  /**
   * @param width the cells in each row
   */
  RowBlocks(int width) {
    this.width = width;
    this.rowsPerBlock = Math.max(1, BLOCK_CELLS / Math.max(1, width));
    newBlock();
  }

  int rows() {
    return rows;
  }

  /** Sets a cell of the row being read. */
  void set(int column, double value) {
    block[rowStart + column] = value;
  }

  /**
   * Keeps the row being read; the next {@link #set} calls fill a new row.
   *
   * @throws InputException when the file has more rows than a column array can hold
   */
  void endRow() {
    if (rows == MAX_ROWS) {
      throw new InputException("too many rows: a column holds at most 2^31 - 16 values");
    }
    rows++;
    rowInBlock++;
    rowStart += width;
    if (rowInBlock == rowsPerBlock) {
      newBlock();
    }
  }

  private void newBlock() {
    block = new double[rowsPerBlock * width];
    blocks.add(block);
    rowInBlock = 0;
    rowStart = 0;
  }

  /**
   * The cells of the chosen columns, one array per column.
   *
   * @param wanted which columns to cut out
   * @return for each column an array of {@link #rows()} cells, or null where not wanted
   */
  double[][] columns(boolean[] wanted) {
    double[][] out = new double[width][];
    for (int j = 0; j < width; j++) {
      if (wanted[j]) {
        out[j] = new double[rows];
      }
    }
    for (int from = 0; from < width; from += COLUMNS_AT_ONCE) {
      copyColumns(from, Math.min(width, from + COLUMNS_AT_ONCE), out);
    }
    return out;
  }

  private void copyColumns(int from, int to, double[][] out) {
    int row = 0;
    for (double[] b : blocks) {
      int inBlock = Math.min(rowsPerBlock, rows - row);
      for (int r = 0; r < inBlock; r++, row++) {
        int start = r * width;
        for (int j = from; j < to; j++) {
          double[] column = out[j];
          if (column != null) {
            column[row] = b[start + j];
          }
        }
      }
    }
  }
}
