package org.l1path.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.data.Design;

/** The blocked weighted Gram kernel against a plain triple loop. */
class WeightedGramTest {
  /** The last two take the route by rows (96 features or more), the others the tiles. */
  @ParameterizedTest(name = "n {0}, {1} of {2} features")
  @CsvSource({
    "1, 1, 1",
    "1, 3, 5",
    "7, 1, 3",
    "13, 5, 9",
    "50, 7, 7",
    "200, 10, 31",
    "33, 2, 2",
    "150, 100, 211",
    "201, 131, 131"
  })
  void matchesTheTripleLoop(int n, int count, int p) {
    SplittableRandom random = new SplittableRandom(n * 31L + count);
    double[][] columns = new double[p][n];
    for (double[] column : columns) {
      for (int i = 0; i < n; i++) {
        column[i] = 3 + RandomProblems.gauss(random);
      }
    }
    assertMatchesTheTripleLoop(columns, n, count, Design.ofColumns(columns, n), random, 1e-12);
  }

  /**
   * A sparse design sums its raw products row by row and centres them after, unless its rows are
   * dense enough (0.9) for the centred route to cost less. A column of large values (1000 plus a
   * little, on every row) makes it take the centred route instead; centring it costs about six
   * digits either way (the centre's own rounding, times 1000, over a variance of 1/12), hence that
   * case's tolerance. Zero weights and empty rows are among the cases.
   */
  @ParameterizedTest(name = "sparse: n {0}, {1} of {2} features, density {3}, large column {4}")
  @CsvSource({
    "1, 1, 1, 0.3, false",
    "7, 3, 4, 0.3, false",
    "13, 5, 9, 0.3, false",
    "200, 10, 31, 0.3, false",
    "200, 10, 31, 0.9, false",
    "33, 2, 2, 0.3, false",
    "60, 6, 8, 0.3, true"
  })
  void aSparseDesignMatchesTheTripleLoop(int n, int count, int p, double density, boolean large) {
    SplittableRandom random = new SplittableRandom(n * 17L + count);
    double[][] columns = new double[p][n];
    int[] starts = new int[p + 1];
    java.util.List<Integer> rows = new java.util.ArrayList<>();
    java.util.List<Double> values = new java.util.ArrayList<>();
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        boolean dense = large && j == p - 1;
        if (dense || random.nextDouble() < density) {
          double value =
              dense ? 1000 + random.nextDouble() : j % 2 == 0 ? 1.0 : RandomProblems.gauss(random);
          columns[j][i] = value;
          rows.add(i);
          values.add(value);
        }
      }
      starts[j + 1] = rows.size();
    }
    Design sparse =
        Design.ofSparse(
            n,
            p,
            starts,
            rows.stream().mapToInt(Integer::intValue).toArray(),
            values.stream().mapToDouble(Double::doubleValue).toArray());
    assertMatchesTheTripleLoop(columns, n, count, sparse, random, large ? 1e-7 : 1e-12);
  }

  private static void assertMatchesTheTripleLoop(
      double[][] columns,
      int n,
      int count,
      Design design,
      SplittableRandom random,
      double tolerance) {
    int p = columns.length;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i % 5 == 4 ? 0.0 : random.nextDouble();
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
    new WeightedGram(design, false).compute(list, count, v, centre, scale, gram);
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
        assertEquals(
            expected, gram[a * count + b], tolerance * (1 + Math.abs(expected)), a + "," + b);
        assertEquals(gram[a * count + b], gram[b * count + a], 0.0, "symmetric");
      }
    }
  }

  /** The route by rows sums every entry the same way whether or not it splits over the pool. */
  @org.junit.jupiter.api.Test
  void rowsSplitOverThePoolSumAlike() {
    int n = 300;
    int p = 140;
    SplittableRandom random = new SplittableRandom(17);
    double[][] columns = new double[p][n];
    for (double[] column : columns) {
      for (int i = 0; i < n; i++) {
        column[i] = RandomProblems.gauss(random);
      }
    }
    Design design = Design.ofColumns(columns, n);
    int[] list = new int[p];
    double[] v = new double[n];
    double[] centre = new double[p];
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      list[j] = p - 1 - j;
      scale[j] = 1 + j % 3;
    }
    for (int i = 0; i < n; i++) {
      v[i] = random.nextDouble();
    }
    double[] alone = new double[p * p];
    double[] split = new double[p * p];
    new WeightedGram(design, false).compute(list, p, v, centre, scale, alone);
    new WeightedGram(design, true).compute(list, p, v, centre, scale, split);
    org.junit.jupiter.api.Assertions.assertArrayEquals(alone, split);
  }
}
