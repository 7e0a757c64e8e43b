package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Rows written cell by cell come back as the same columns, whatever the shape. */
class RowBlocksTest {

  /** A cell value that names its row and column, so a misplaced copy cannot go unnoticed. */
  private static double cell(int row, int column) {
    return row * 100_000.0 + column;
  }

  private static void roundTrip(int rows, int width, boolean[] wanted) {
    RowBlocks blocks = new RowBlocks(width);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < width; j++) {
        blocks.set(j, cell(i, j));
      }
      blocks.endRow();
    }
    assertEquals(rows, blocks.rows());
    double[][] columns = blocks.columns(wanted);
    assertEquals(width, columns.length);
    for (int j = 0; j < width; j++) {
      if (!wanted[j]) {
        assertNull(columns[j], "column " + j + " was not asked for");
        continue;
      }
      double[] expected = new double[rows];
      for (int i = 0; i < rows; i++) {
        expected[i] = cell(i, j);
      }
      // Copies, not arithmetic: exact equality.
      assertArrayEquals(expected, columns[j], "column " + j);
    }
  }

  private static boolean[] allBut(int width, int... skipped) {
    boolean[] wanted = new boolean[width];
    java.util.Arrays.fill(wanted, true);
    for (int j : skipped) {
      wanted[j] = false;
    }
    return wanted;
  }

  @Test
  void manyRowsPerBlockAcrossSeveralBlocksAndAPartLastOne() {
    int width = 150; // not a multiple of the 64 columns copied together
    int rowsPerBlock = RowBlocks.BLOCK_CELLS / width;
    roundTrip(3 * rowsPerBlock + 7, width, allBut(width, 0, 63, 64, 149));
  }

  @Test
  void rowsWiderThanABlockTakeOneBlockEach() {
    int width = RowBlocks.BLOCK_CELLS + 3;
    roundTrip(5, width, allBut(width, 1, width - 1));
  }

  @Test
  void rowsEndingExactlyAtABlockBoundary() {
    int width = 64;
    roundTrip(2 * (RowBlocks.BLOCK_CELLS / width), width, allBut(width));
  }

  @Test
  void rowsAcrossSeveralBatchesOfBlocksAndAPartLastBatch() {
    int width = 1000;
    int rowsPerBatch = RowBlocks.BLOCKS_PER_BATCH * (RowBlocks.BLOCK_CELLS / width);
    roundTrip(2 * rowsPerBatch + 45, width, allBut(width, 0, 500, 999));
  }

  @Test
  void wideRowsAcrossBatchesOfTheMinimumRows() {
    // 6 rows a block: batches close at the first block boundary past the minimum rows.
    int width = 5000;
    roundTrip(3 * RowBlocks.MIN_ROWS_PER_BATCH, width, allBut(width, 4999));
  }

  @Test
  void rowsEndingExactlyAtABatchBoundary() {
    int width = 1000;
    int rowsPerBatch = RowBlocks.BLOCKS_PER_BATCH * (RowBlocks.BLOCK_CELLS / width);
    roundTrip(rowsPerBatch, width, allBut(width, 7));
  }

  @Test
  void noRowsGiveEmptyColumns() {
    roundTrip(0, 3, allBut(3, 2));
  }
}
