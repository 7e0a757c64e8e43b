package org.l1path.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UpperTriangleTest {
  /** Sizes below, at and across the tile's side, where a tile is cut short. */
  @Test
  void mirrorsEveryEntryAboveTheDiagonalAndKeepsTheRest() {
    for (int count : new int[] {1, 2, 31, 32, 33, 70}) {
      double[] matrix = new double[count * count];
      for (int a = 0; a < count; a++) {
        for (int b = 0; b < count; b++) {
          matrix[a * count + b] = b >= a ? a * 1000.0 + b : Double.NaN;
        }
      }
      UpperTriangle.mirror(matrix, count);
      for (int a = 0; a < count; a++) {
        for (int b = 0; b < count; b++) {
          double expected = Math.min(a, b) * 1000.0 + Math.max(a, b);
          assertEquals(
              expected, matrix[a * count + b], "count " + count + ", (" + a + ", " + b + ")");
        }
      }
    }
  }
}
