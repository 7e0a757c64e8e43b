package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.SparseFeatures;
import org.l1path.solver.gaussian.GaussianProblem;

/** Every class pair's block from the one product matches its sum taken entry by entry. */
class ClassPairGramsTest {
  @Test
  void oneRangeOfObservations() {
    assertBlocksMatch(200, 8, new int[] {5, 0, 7, 2}, 4);
  }

  @Test
  void rangesSummedInTurnOnATallDesign() {
    // 31 listed features make 528 entries, 2.4 million multiply-adds for 3 pairs: four blocks of
    // observations from multiples of 4 (372, 376, 376 and 377 rows), each summed in ranges of 28
    // observations and one shorter (the last block's of 13: four rows at a time, and one alone).
    assertBlocksMatch(1501, 31, allOf(31, 7), 3);
  }

  /**
   * 28 pairs of 8 classes over 231 entries of 3000 rows: past 2^24 multiply-adds, where the vector
   * kernel takes the product when the JVM has it (the tests' JVM adds its module), in ranges of its
   * own length.
   */
  @Test
  void aLargeProductOnTheVectorKernelWhereItRuns() {
    assertBlocksMatch(3000, 20, allOf(20, 3), 8);
  }

  /**
   * 190 pairs of 20 classes over 6216 entries (110 features): more sums than four blocks may hold
   * (2^21), so the form is one block whose ranges split their pairs over the pool. 12 rows keep the
   * product below the vector kernel's 2^24 multiply-adds, so the row kernel takes it.
   */
  @Test
  void sumsTooManyForBlocksTakeOneBlock() {
    assertBlocksMatch(12, 110, allOf(110, 13), 20);
  }

  @Test
  void rowsOfASparseDesignSummedByTheirNonZeros() {
    // One-hot-like columns, about 15 % non-zero: the row route's raw sums, centred after.
    Dataset data =
        sparseData(
            3,
            (j, random) ->
                random.nextDouble() < 0.15 ? (j % 4 == 0 ? 1 + 3 * random.nextDouble() : 1) : 0);
    assertBlocksMatch(data, new int[] {3, 0, 11, 6, 7}, 4);
    assertBlocksMatch(data, new int[] {2, 9}, 2);
  }

  /**
   * A column of values near 1000 on every row among sparse ones: its sums centred after summing
   * would lose about seven digits, so the blocks are formed densely, and match to rounding.
   */
  @Test
  void aSparseDesignWithAColumnFarFromZeroKeepsItsDigits() {
    Dataset data =
        sparseData(
            5,
            (j, random) ->
                j == 5 ? 1000 + random.nextDouble() : random.nextDouble() < 0.15 ? 1 : 0);
    assertBlocksMatch(data, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3);
  }

  /**
   * 400 rows of 12 sparse columns: column j of each row holds {@code value(j, random)}, if not 0.
   */
  private static Dataset sparseData(
      long seed, ToDoubleBiFunction<Integer, SplittableRandom> value) {
    int n = 400;
    int p = 12;
    SplittableRandom random = new SplittableRandom(seed);
    SparseFeatures.Builder builder = SparseFeatures.builder(p);
    int[] indices = new int[p];
    double[] values = new double[p];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int j = 0; j < p; j++) {
        double v = value.applyAsDouble(j, random);
        if (v != 0) {
          indices[count] = j;
          values[count++] = v;
        }
      }
      builder.addRow(indices, values, count);
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextGaussian();
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("f" + j);
    }
    return Dataset.ofSparse(builder.build(), y, null, names);
  }

  /** Features 0 to m - 1 out of order, {@code (step * a) % m} at place a; step and m coprime. */
  private static int[] allOf(int m, int step) {
    int[] list = new int[m];
    for (int a = 0; a < m; a++) {
      list[a] = (step * a) % m;
    }
    return list;
  }

  private static void assertBlocksMatch(int n, int p, int[] list, int classes) {
    assertBlocksMatch(RandomProblems.gaussian(n, p, 5), list, classes);
  }

  private static void assertBlocksMatch(Dataset data, int[] list, int classes) {
    SplittableRandom random = new SplittableRandom(11);
    int n = data.rows();
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = i % 9 == 0 ? 0 : 0.2 + 2 * random.nextDouble();
    }
    GaussianProblem base = new GaussianProblem(data.withWeights(w), Settings.defaults());
    double[][] prob = probabilities(n, classes, random);
    int m = list.length;
    ClassPairGrams grams = new ClassPairGrams(base, classes);
    grams.form(list, m, prob);

    double[][] y = standardized(base, list);
    int entries = ClassPairGrams.entries(m);
    for (int r = 0; r < classes; r++) {
      for (int s = r; s < classes; s++) {
        for (int a = 0; a <= m; a++) {
          for (int b = a; b <= m; b++) {
            double expected = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
              double term =
                  ClassPairGrams.weight(base.weight(i), prob[r][i], prob[s][i], r == s)
                      * y[a][i]
                      * y[b][i];
              expected += term;
              size += Math.abs(term);
            }
            double got = grams.sums[grams.pair(r, s) * entries + ClassPairGrams.entry(a, b, m)];
            assertEquals(expected, got, 1e-13 * size + 1e-300, "pair " + r + "," + s);
          }
        }
      }
    }
  }

  /**
   * Rows of class probabilities, each summing to 1. Every fifth row all but rules out class 0, and
   * every seventh all but settles on class 1: their curvature is clipped.
   */
  private static double[][] probabilities(int n, int classes, SplittableRandom random) {
    double[][] prob = new double[classes][n];
    for (int i = 0; i < n; i++) {
      double total = 0;
      for (int r = 0; r < classes; r++) {
        prob[r][i] = random.nextDouble();
        if (i % 5 == 0 && r == 0 || i % 7 == 0 && r != 1) {
          prob[r][i] = 1e-13;
        }
        total += prob[r][i];
      }
      for (int r = 0; r < classes; r++) {
        prob[r][i] /= total;
      }
    }
    return prob;
  }

  /** The constant, then each listed feature standardized: {@code (x_ij - mean_j) / scale_j}. */
  private static double[][] standardized(GaussianProblem base, int[] list) {
    double[][] y = new double[list.length + 1][base.n];
    java.util.Arrays.fill(y[0], 1.0);
    for (int a = 0; a < list.length; a++) {
      int j = list[a];
      base.x.copyColumn(j, y[a + 1], 0);
      for (int i = 0; i < base.n; i++) {
        y[a + 1][i] = (y[a + 1][i] - base.mean[j]) / base.scale[j];
      }
    }
    return y;
  }
}
