package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * The predicted start is the linear extrapolation in alpha of the last two solutions, stopped at 0
 * and at the bounds, and the probabilities are those of the coefficients it moved to.
 */
class PathPredictionTest {
  private static final int N = 200;
  private static final int P = 5;

  /** Solutions at alphas 0.2 and 0.1, so that alpha 0.05 lies half a step on. */
  private static final double[][] OLDER = {{0.4, -0.3, 0.0, -0.2, 0.0}, {-0.2, 0.1, 0.3, 0.0, 0.0}};

  private static final double[][] LAST = {{0.6, -0.2, 0.1, -0.04, 0.0}, {-0.3, 0.1, 0.5, 0.2, 0.0}};
  private static final double[] OLDER_INTERCEPTS = {0.1, -0.4};
  private static final double[] LAST_INTERCEPTS = {0.3, -0.2};

  @Test
  void binomialCoefficientsMoveOnByTheirTrendAndStopAtZero() {
    Outcome o = predict(1, Settings.defaults());
    // Half the last step on: 0.6 + 0.1, -0.2 + 0.05, 0.1 + 0.05 (it entered at the last alpha);
    // -0.04 + 0.08 would cross 0 and stops there; a coefficient at 0 stays there.
    assertArrayEquals(new double[] {0.7, -0.15, 0.15, 0.0, 0.0}, o.beta[0]);
    assertEquals(0.4, o.intercepts[0], 1e-15);
    o.assertProbabilitiesMatchTheCoefficients();
  }

  @Test
  void multinomialRowsMoveAlikeAndKeepTheirProbabilitiesInStep() {
    Outcome o = predict(2, Settings.defaults());
    assertArrayEquals(new double[] {-0.35, 0.1, 0.6, 0.3, 0.0}, o.beta[1]);
    assertEquals(-0.1, o.intercepts[1], 1e-15);
    o.assertProbabilitiesMatchTheCoefficients();
  }

  @Test
  void aBoundHoldsTheMove() {
    double[] lower = new double[P];
    double[] upper = new double[P];
    Arrays.fill(lower, Double.NEGATIVE_INFINITY);
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
    Dataset data = RandomProblems.gaussian(N, P, 3);
    GaussianProblem unbounded = new GaussianProblem(data, Settings.defaults());
    // Feature 0's upper bound, on the original scale, at standardized 0.65: between 0.6 and 0.7.
    upper[0] = 0.65 / unbounded.scale[0];
    Outcome o = predict(1, Settings.defaults().withBounds(lower, upper));
    assertEquals(0.65, o.beta[0][0], 1e-12);
    o.assertProbabilitiesMatchTheCoefficients();
  }

  @Test
  void nothingMovesBeforeTwoSolutionsAreRecorded() {
    GaussianProblem base =
        new GaussianProblem(RandomProblems.gaussian(N, P, 3), Settings.defaults());
    PathPrediction prediction = new PathPrediction(base, 1);
    double[][] beta = {LAST[0].clone()};
    double[] intercepts = {LAST_INTERCEPTS[0]};
    ClassProbabilities probs = probabilitiesOf(base, beta, intercepts);
    prediction.record(0.1, beta, intercepts);
    assertEquals(0.0, prediction.moveTo(0.05, beta, intercepts, probs));
    assertArrayEquals(LAST[0], beta[0]);
  }

  private static Outcome predict(int rows, Settings settings) {
    GaussianProblem base = new GaussianProblem(RandomProblems.gaussian(N, P, 3), settings);
    PathPrediction prediction = new PathPrediction(base, rows);
    double[][] older = Arrays.copyOf(OLDER, rows);
    double[][] beta = new double[rows][];
    for (int r = 0; r < rows; r++) {
      beta[r] = LAST[r].clone();
    }
    prediction.record(0.2, older, Arrays.copyOf(OLDER_INTERCEPTS, rows));
    double[] intercepts = Arrays.copyOf(LAST_INTERCEPTS, rows);
    prediction.record(0.1, beta, intercepts);
    ClassProbabilities probs = probabilitiesOf(base, beta, intercepts);
    double[][] etaBefore = new double[rows][];
    for (int r = 0; r < rows; r++) {
      etaBefore[r] = probs.eta[r].clone();
    }
    double moved = prediction.moveTo(0.05, beta, intercepts, probs);
    probs.resum();
    return new Outcome(base, beta, intercepts, probs, etaBefore, moved);
  }

  /** The probabilities of these coefficients (standardized) and intercepts, from scratch. */
  private static ClassProbabilities probabilitiesOf(
      GaussianProblem base, double[][] beta, double[] intercepts) {
    int rows = beta.length;
    ClassProbabilities probs = new ClassProbabilities(N, rows, rows > 1);
    double[] column = new double[N];
    for (int r = 0; r < rows; r++) {
      double[] eta = new double[N];
      Arrays.fill(eta, intercepts[r]);
      for (int j = 0; j < P; j++) {
        base.x.copyColumn(j, column, 0);
        for (int i = 0; i < N; i++) {
          eta[i] += beta[r][j] / base.scale[j] * column[i];
        }
      }
      System.arraycopy(eta, 0, probs.eta[r], 0, N);
    }
    probs.refresh();
    return probs;
  }

  private static void assertArrayEquals(double[] expected, double[] actual) {
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], actual[j], 1e-12, "coefficient " + j);
    }
  }

  private record Outcome(
      GaussianProblem base,
      double[][] beta,
      double[] intercepts,
      ClassProbabilities probs,
      double[][] etaBefore,
      double moved) {
    void assertProbabilitiesMatchTheCoefficients() {
      ClassProbabilities fresh = probabilitiesOf(base, beta, intercepts);
      double longest = 0;
      for (int r = 0; r < beta.length; r++) {
        for (int i = 0; i < N; i++) {
          assertEquals(fresh.probability(r, i), probs.probability(r, i), 1e-13, "row " + r);
          longest = Math.max(longest, Math.abs(fresh.eta[r][i] - etaBefore[r][i]));
        }
      }
      assertTrue(longest > 0.01);
      assertEquals(longest, moved, 1e-12, "the largest move of a linear predictor");
    }
  }
}
