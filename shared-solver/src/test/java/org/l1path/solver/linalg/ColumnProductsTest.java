package org.l1path.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.data.DenseDesign;
import org.l1path.solver.data.Design;

/**
 * The blocked product kernel, in both its forms, against a plain triple loop: odd sizes, a single
 * row or column, blocks of observations that do not divide n, and parallel tasks.
 */
class ColumnProductsTest {
  private static final List<MicroKernel> KERNELS =
      List.of(new ScalarMicroKernel(), new VectorMicroKernel(), new WideVectorMicroKernel());

  @Test
  void theSolversTestsRunTheVectorKernel() {
    // shared-solver's surefire configuration adds the module; without it this test says so.
    assertEquals("vector", ColumnProducts.kernelName());
  }

  @ParameterizedTest(name = "n {0}, {1} vectors x {2} of {3} columns")
  @CsvSource({
    "1, 1, 1, 1",
    "1, 3, 5, 7",
    "7, 1, 3, 3",
    "13, 5, 9, 11",
    "257, 4, 24, 30",
    "513, 9, 50, 61",
    "600, 2, 1, 1",
    "1000, 70, 130, 140"
  })
  void generalProductsMatchTheTripleLoop(int n, int rows, int count, int p) {
    SplittableRandom random = new SplittableRandom(n * 31L + rows * 7L + count);
    Design x = Design.ofColumns(columns(random, n, p), n);
    double[] a = new double[rows * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = RandomProblems.gauss(random);
    }
    int[] list = scrambledList(count, p);
    for (MicroKernel kernel : KERNELS) {
      for (boolean parallel : new boolean[] {false, true}) {
        double[] out = new double[rows * count];
        ColumnProducts.compute(kernel, a, rows, x, list, count, out, false, parallel);
        for (int r = 0; r < rows; r++) {
          for (int k = 0; k < count; k++) {
            double expected = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
              double term = a[r * n + i] * ((DenseDesign) x).arrays[list[k]][i];
              expected += term;
              size += Math.abs(term);
            }
            assertEquals(
                expected, out[r * count + k], 1e-13 * (1 + size), kernel + " " + r + "," + k);
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "n {0}, {1} of {2} columns, weighted, upper triangle")
  @CsvSource({"1, 1, 1", "5, 1, 4", "1, 6, 6", "300, 23, 29", "1100, 49, 60", "2000, 150, 150"})
  void upperTrianglesMatchTheTripleLoopAndDoNotDependOnTheSplit(int n, int count, int p) {
    SplittableRandom random = new SplittableRandom(n * 17L + count);
    double[][] columns = columns(random, n, p);
    Design x = Design.ofColumnMajor(flatten(columns, n), n, p);
    int[] list = scrambledList(count, p);
    double[] weighted = new double[count * n];
    for (int r = 0; r < count; r++) {
      for (int i = 0; i < n; i++) {
        weighted[r * n + i] = (0.1 + i % 7) * columns[list[r]][i];
      }
    }
    for (MicroKernel kernel : KERNELS) {
      double[] serial = new double[count * count];
      ColumnProducts.compute(kernel, weighted, count, x, list, count, serial, true, false);
      double[] parallel = new double[count * count];
      ColumnProducts.compute(kernel, weighted, count, x, list, count, parallel, true, true);
      assertArrayEquals(serial, parallel, 0.0, kernel + ": the same sums in any split");
      for (int r = 0; r < count; r++) {
        for (int k = r; k < count; k++) {
          double expected = 0;
          double size = 0;
          for (int i = 0; i < n; i++) {
            double term = (0.1 + i % 7) * columns[list[r]][i] * columns[list[k]][i];
            expected += term;
            size += Math.abs(term);
          }
          assertEquals(
              expected, serial[r * count + k], 1e-13 * (1 + size), kernel + " " + r + "," + k);
          if (k > r) {
            assertEquals(0.0, serial[k * count + r], 0.0, "below the diagonal: left as it was");
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "n {0}, {1} vectors x {2} of {3} columns, ranges of {4} blocks")
  @CsvSource({"3000, 5, 7, 9, 1", "2500, 6, 6, 8, 2", "1024, 3, 4, 4, 1", "5000, 9, 20, 20, 3"})
  void rangesOfWholeBlocksGiveTheWholeProductExactly(
      int n, int rows, int count, int p, int blocksPerRange) {
    SplittableRandom random = new SplittableRandom(n * 13L + rows);
    DenseDesign x = (DenseDesign) Design.ofColumns(columns(random, n, p), n);
    double[] a = new double[rows * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = RandomProblems.gauss(random);
    }
    int[] list = scrambledList(count, p);
    boolean upper = rows == count;
    double[] whole = new double[rows * count];
    ColumnProducts.ofRows(a, rows, x, list, count, whole, upper, 0, n, false, true);
    double[] ranged = new double[rows * count];
    java.util.Arrays.fill(ranged, Double.NaN);
    int step = blocksPerRange * ColumnProducts.ROW_BLOCK;
    for (int from = 0; from < n; from += step) {
      int to = Math.min(n, from + step);
      // The range's vectors alone, at a stride of its length, as a caller forms them.
      double[] slice = new double[rows * (to - from)];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(a, r * n + from, slice, r * (to - from), to - from);
      }
      ColumnProducts.ofRows(slice, rows, x, list, count, ranged, upper, from, to, from > 0, true);
    }
    for (int r = 0; r < rows; r++) {
      for (int k = upper ? r : 0; k < count; k++) {
        assertEquals(whole[r * count + k], ranged[r * count + k], 0.0, r + "," + k);
        double expected = 0;
        double size = 0;
        for (int i = 0; i < n; i++) {
          double term = a[r * n + i] * x.arrays[list[k]][x.offsets[list[k]] + i];
          expected += term;
          size += Math.abs(term);
        }
        assertEquals(expected, ranged[r * count + k], 1e-13 * (1 + size), r + "," + k);
      }
    }
  }

  private static double[][] columns(SplittableRandom random, int n, int p) {
    double[][] columns = new double[p][n];
    for (double[] column : columns) {
      for (int i = 0; i < n; i++) {
        column[i] = 2 + RandomProblems.gauss(random);
      }
    }
    return columns;
  }

  private static double[] flatten(double[][] columns, int n) {
    double[] values = new double[columns.length * n];
    for (int j = 0; j < columns.length; j++) {
      System.arraycopy(columns[j], 0, values, j * n, n);
    }
    return values;
  }

  /** Every other column from the end, wrapping: the list need not be sorted or contiguous. */
  private static int[] scrambledList(int count, int p) {
    int[] list = new int[count];
    boolean[] used = new boolean[p];
    int at = p - 1;
    for (int k = 0; k < count; k++) {
      while (used[at]) {
        at = (at + p - 1) % p;
      }
      list[k] = at;
      used[at] = true;
      at = (at + p - 2) % p;
    }
    return list;
  }
}
