package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.gaussian.GaussianProblem;

/** Every class pair's block from the one product matches its sum taken entry by entry. */
class ClassPairGramsTest {
  @Test
  void oneRangeOfObservations() {
    assertBlocksMatch(200, 8, new int[] {5, 0, 7, 2}, 4);
  }

  @Test
  void rangesSummedInTurnOnATallDesign() {
    // 31 listed features make 528 entries: ranges of 448 observations, four of them here.
    int[] list = new int[31];
    for (int a = 0; a < list.length; a++) {
      list[a] = (7 * a) % 31;
    }
    assertBlocksMatch(1500, 31, list, 3);
  }

  private static void assertBlocksMatch(int n, int p, int[] list, int classes) {
    SplittableRandom random = new SplittableRandom(11);
    Dataset data = RandomProblems.gaussian(n, p, 5);
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
