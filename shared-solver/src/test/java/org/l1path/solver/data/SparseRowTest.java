package org.l1path.solver.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparseRowTest {
  @Test
  void keepsExactlyTheNonZerosOfADenseRow() {
    double[] dense = {0, 1.5, 0, 0, -2e-300, 0, 7};
    SparseRow row = SparseRow.of(dense);
    assertEquals(3, row.nonZeroCount());
    assertEquals(4, row.feature(1));
    assertEquals(-2e-300, row.value(1));
    assertArrayEquals(dense, row.dense());
  }

  @Test
  void candidatesThatAreZeroAreDropped() {
    SparseRow row = SparseRow.of(6, new int[] {0, 2, 5}, new double[] {3, 0, -1});
    assertEquals(2, row.nonZeroCount());
    assertArrayEquals(new double[] {3, 0, 0, 0, 0, -1}, row.dense());
  }
}
