package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.gaussian.GaussianProblem;

/** The intercepts' Newton steps end where each class's weighted residuals sum to 0. */
class InterceptNewtonTest {
  private static final int N = 300;

  /** From intercepts 0 alone, the optimum is the log of each class's weighted share. */
  @Test
  void interceptsAloneSettleAtTheLogSharesOfTheClasses() {
    int classes = 4;
    Fixture f = new Fixture(classes, 0.0);
    double[] share = new double[classes];
    double total = 0;
    for (int i = 0; i < N; i++) {
      share[f.label[i]] += f.base.weight(i);
      total += f.base.weight(i);
    }
    double meanLog = 0;
    for (int r = 0; r < classes; r++) {
      meanLog += Math.log(share[r] / total) / classes;
    }
    f.settle();
    double meanIntercept = 0;
    for (double b : f.intercept) {
      meanIntercept += b / classes;
    }
    for (int r = 0; r < classes; r++) {
      double expected = Math.log(share[r] / total) - meanLog;
      assertEquals(expected, f.intercept[r] - meanIntercept, 1e-12, "class " + r);
    }
  }

  @Test
  void multinomialScoresVanishWithCoefficientsHeld() {
    new Fixture(5, 1.5).settleAndAssertScoresVanish();
  }

  @Test
  void binomialScoreVanishesWithCoefficientsHeld() {
    new Fixture(1, 2.0).settleAndAssertScoresVanish();
  }

  /** With weights, and with every weight 1/n (where the products need no weighted copy). */
  @Test
  void informationMatrixIsTheWeightedSumOverObservations() {
    for (int given : new int[] {1, 3, 7, -1, -3}) {
      int rows = Math.abs(given);
      Fixture f = new Fixture(rows, 3.0, given > 0);
      InterceptNewton newton = new InterceptNewton(f.base, rows);
      newton.scores(f.probs, f.y);
      DMatrixRMaj h = newton.information(rows > 1);
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < rows; k++) {
          double expected = 0;
          for (int i = 0; i < N; i++) {
            double pr = f.probs.probability(r, i);
            expected += f.base.weight(i) * pr * ((r == k ? 1 : 0) - f.probs.probability(k, i));
          }
          assertEquals(expected, h.get(r, k), 1e-14, rows + " rows, entry " + r + "," + k);
        }
      }
    }
  }

  /** Weighted observations, random labels, and linear predictors of the given spread per row. */
  private static final class Fixture {
    final int rows;
    final GaussianProblem base;
    final ClassProbabilities probs;
    final int[] label = new int[N];
    final double[][] y;
    final double[] intercept;

    Fixture(int rows, double spread) {
      this(rows, spread, true);
    }

    /** Without {@code weighted}, every weight is 1/n. */
    Fixture(int rows, double spread, boolean weighted) {
      this.rows = rows;
      SplittableRandom random = new SplittableRandom(17);
      double[] w = new double[N];
      for (int i = 0; i < N; i++) {
        w[i] = i % 11 == 0 ? 0 : 0.1 + random.nextDouble();
      }
      Dataset data = RandomProblems.gaussian(N, 3, 2);
      base = new GaussianProblem(weighted ? data.withWeights(w) : data, Settings.defaults());
      boolean multinomial = rows > 1;
      probs = new ClassProbabilities(N, rows, multinomial);
      y = new double[rows][N];
      int classes = multinomial ? rows : 2;
      for (int i = 0; i < N; i++) {
        // Class 0 three times as often as the rest, so that the shares differ.
        label[i] = random.nextInt(classes + 2) < 3 ? 0 : 1 + random.nextInt(classes - 1);
        if (multinomial) {
          y[label[i]][i] = 1;
        } else {
          y[0][i] = label[i];
        }
      }
      probs.refresh();
      double[] delta = new double[N];
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < N; i++) {
          delta[i] = spread * (random.nextDouble() - 0.5);
        }
        probs.add(r, delta, 1.0, null, org.l1path.solver.data.Dot.largestMagnitude(delta, N));
      }
      intercept = new double[rows];
    }

    void settle() {
      new InterceptNewton(base, rows).settle(probs, y, intercept);
    }

    void settleAndAssertScoresVanish() {
      settle();
      for (int r = 0; r < rows; r++) {
        double score = 0;
        for (int i = 0; i < N; i++) {
          score += base.weight(i) * (y[r][i] - probs.probability(r, i));
        }
        assertEquals(0.0, score, 1e-13, "row " + r);
      }
    }
  }
}
