package org.l1path.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.data.Design;

/** The blocked weighted Gram kernel against a plain triple loop. */
class WeightedGramTest {
  @ParameterizedTest(name = "n {0}, {1} of {2} features")
  @CsvSource({"1, 1, 1", "1, 3, 5", "7, 1, 3", "13, 5, 9", "50, 7, 7", "200, 10, 31", "33, 2, 2"})
  void matchesTheTripleLoop(int n, int count, int p) {
    SplittableRandom random = new SplittableRandom(n * 31L + count);
    double[][] columns = new double[p][n];
    for (double[] column : columns) {
      for (int i = 0; i < n; i++) {
        column[i] = 3 + RandomProblems.gauss(random);
      }
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextDouble();
    }
    double[] centre = new double[p];
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        centre[j] += v[i] * columns[j][i];
      }
      double total = 0;
      for (double vi : v) {
        total += vi;
      }
      centre[j] /= total;
      scale[j] = 0.5 + random.nextDouble();
    }
    // Every other feature, from the end: the list need not be sorted or contiguous.
    int[] list = new int[count];
    for (int a = 0; a < count; a++) {
      list[a] = (p - 1 - 2 * a % p + p) % p;
    }
    double[] gram = new double[count * count];
    new WeightedGram(Design.ofColumns(columns, n), false)
        .compute(list, count, v, centre, scale, gram);
    for (int a = 0; a < count; a++) {
      for (int b = 0; b < count; b++) {
        double expected = 0;
        for (int i = 0; i < n; i++) {
          expected +=
              v[i]
                  * (columns[list[a]][i] - centre[list[a]])
                  / scale[list[a]]
                  * (columns[list[b]][i] - centre[list[b]])
                  / scale[list[b]];
        }
        // Tolerance: the kernel multiplies by the raw column, whose product with the centred
        // weighted column equals the centred product up to rounding of order 1e-15 per row.
        assertEquals(expected, gram[a * count + b], 1e-12 * (1 + Math.abs(expected)), a + "," + b);
        assertEquals(gram[a * count + b], gram[b * count + a], 0.0, "symmetric");
      }
    }
  }
}
