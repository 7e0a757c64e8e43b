package org.l1path.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l1path.solver.data.Design;

/** Every feature's product with a vector, from the rows, against a plain loop down each column. */
class DesignRowsTest {
  /**
   * Row counts that are not multiples of four (the last rows one at a time), and more features than
   * one task takes (512), whose split over the pool must not change a single sum.
   */
  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"1, 64", "7, 100", "200, 1300", "33, 513"})
  void productsMatchEachColumnsSum(int n, int p) {
    SplittableRandom random = new SplittableRandom(n * 131L + p);
    double[][] columns = new double[p][n];
    for (double[] column : columns) {
      for (int i = 0; i < n; i++) {
        column[i] = random.nextDouble(-3, 3);
      }
    }
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = random.nextDouble(-1, 1);
    }
    DesignRows rows = DesignRows.of(Design.ofColumns(columns, n));
    assertNotNull(rows);
    double[] alone = new double[p];
    double[] split = new double[p];
    rows.products(u, alone, false);
    rows.products(u, split, true);
    assertArrayEquals(alone, split, "the split changed a sum");
    for (int j = 0; j < p; j++) {
      double expected = 0;
      for (int i = 0; i < n; i++) {
        expected += u[i] * columns[j][i];
      }
      assertEquals(expected, alone[j], 1e-12 * n, "feature " + j);
    }
  }

  @Test
  void fewFeaturesOrASparseDesignKeepNoRows() {
    assertNull(DesignRows.of(Design.ofColumns(new double[10][5], 5)));
    assertNull(DesignRows.of(Design.ofSparse(5, 100, new int[101], new int[0], new double[0])));
  }
}
