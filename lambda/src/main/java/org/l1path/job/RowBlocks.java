package org.l1path.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Data rows held row by row, in blocks of a fixed number of cells, while the file streams by. Each
 * field is written next to the one before it whatever the width of the file; writing it straight
 * into its column instead would touch a different array per field, which on a file tens of
 * thousands of columns wide costs a cache miss per field and a growable array per column.
 *
 * <p>Every {@link #BLOCKS_PER_BATCH} blocks (or {@link #MIN_ROWS_PER_BATCH} rows) the rows are cut
 * into column pieces, a few dozen columns at a time so that both the reads and the writes of that
 * copy stay in cache, and the blocks are let go. At the end each column is joined from its pieces,
 * which are let go one column at a time. So the cells are held about once while the file is read,
 * not twice: all the rows as blocks next to all the columns cut from them.
 */
final class RowBlocks {
  /** 256 KiB of doubles: small enough not to count as a huge object in a small heap's G1. */
  static final int BLOCK_CELLS = 1 << 15;

  /** Full blocks cut into column pieces together: 8 MiB of rows... */
  static final int BLOCKS_PER_BATCH = 32;

  /**
   * ...or more rows, so that a wide file's pieces are not a few cells each: 50,000 columns of 32
   * rows made 50,000 small arrays per batch.
   */
  static final int MIN_ROWS_PER_BATCH = 256;

  /** Columns cut out together: their write positions fit in the first-level cache. */
  private static final int COLUMNS_AT_ONCE = 64;

  private static final int MAX_ROWS = Integer.MAX_VALUE - 16;

  private final int width;
  private final int rowsPerBlock;
  private final int rowsPerBatch;
  private final List<double[]> blocks = new ArrayList<>();

  /** The rows already cut, batch by batch: piece [j] of a batch holds column j's cells. */
  private final List<double[][]> pieces = new ArrayList<>();

  private double[] block;
  private int rowInBlock;
  private int rowStart;
  private int rows;

  /** Rows already cut into pieces. */
  private int rowsCut;

  /**
   * @param width the cells in each row
   */
  RowBlocks(int width) {
    this.width = width;
    this.rowsPerBlock = Math.max(1, BLOCK_CELLS / Math.max(1, width));
    this.rowsPerBatch = Math.max(BLOCKS_PER_BATCH * rowsPerBlock, MIN_ROWS_PER_BATCH);
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
      if (rows - rowsCut >= rowsPerBatch) {
        cutBlocks();
      }
      newBlock();
    }
  }

  private void newBlock() {
    block = new double[rowsPerBlock * width];
    blocks.add(block);
    rowInBlock = 0;
    rowStart = 0;
  }

  /** Cuts the rows held in blocks into one batch of column pieces and lets the blocks go. */
  private void cutBlocks() {
    int count = rows - rowsCut;
    double[][] batch = new double[width][count];
    for (int from = 0; from < width; from += COLUMNS_AT_ONCE) {
      copyColumns(from, Math.min(width, from + COLUMNS_AT_ONCE), count, batch);
    }
    pieces.add(batch);
    blocks.clear();
    rowsCut = rows;
  }

  private void copyColumns(int from, int to, int count, double[][] batch) {
    int row = 0;
    for (double[] b : blocks) {
      int inBlock = Math.min(rowsPerBlock, count - row);
      for (int r = 0; r < inBlock; r++, row++) {
        int start = r * width;
        for (int j = from; j < to; j++) {
          batch[j][row] = b[start + j];
        }
      }
    }
  }

  /**
   * The cells of the chosen columns, one array per column. Call once, at the end: the cells are
   * handed over.
   *
   * @param wanted which columns to cut out
   * @return for each column an array of {@link #rows()} cells, or null where not wanted
   */
  double[][] columns(boolean[] wanted) {
    if (rows > rowsCut) {
      cutBlocks();
    }
    blocks.clear();
    block = null;
    if (pieces.size() == 1) {
      // One batch: its pieces are the columns.
      double[][] out = pieces.remove(0);
      for (int j = 0; j < width; j++) {
        out[j] = wanted[j] ? out[j] : null;
      }
      return out;
    }
    double[][] out = new double[width][];
    for (int j = 0; j < width; j++) {
      double[] column = wanted[j] ? new double[rows] : null;
      int at = 0;
      for (double[][] batch : pieces) {
        if (column != null) {
          System.arraycopy(batch[j], 0, column, at, batch[j].length);
        }
        at += batch[j].length;
        batch[j] = null;
      }
      out[j] = column;
    }
    pieces.clear();
    return out;
  }
}
