package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A wide path run down to where the support reaches the design's rank: there the Gram block of the
 * support is singular and descent alone crawls along its flat direction.
 */
class SupportAtRankTest {
  private static final int N = 30;

  private static RegularizationPath widePathToTheRank(long seed) {
    Dataset data = RandomProblems.gaussian(N, 300, seed);
    return ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic(100, 1e-4));
  }

  @Test
  void theSupportStopsAtTheRankAndEveryAlphaConvergesInFewPasses() {
    for (long seed = 1; seed <= 5; seed++) {
      RegularizationPath path = widePathToTheRank(seed);
      assertTrue(path.converged(), "seed " + seed);
      for (int k = 0; k < path.size(); k++) {
        // Centred, N rows have rank N - 1; a lasso solution needs no more non-zeros than that.
        assertTrue(path.nonZero(k) <= N - 1, "seed " + seed + ", alpha " + k);
        assertTrue(
            path.convergence(k).iterations() < 500,
            "seed " + seed + ", alpha " + k + ": " + path.convergence(k));
      }
    }
  }

  @Test
  void unpenalizedIndicatorsUnderPositiveBoundsDoNotSlideOnRounding() {
    // The three indicators of one nominal attribute, unpenalized and bounded below by 0, are
    // collinear with the intercept: moving all three up and the intercept down changes nothing.
    // The only penalized coefficient in that direction had a rounding-level weight (1e-17), which
    // was taken for a real penalty slope; the slide by beta / 1e-17 put the indicators at 1e17 and
    // every later alpha ran to maxIterations.
    SplittableRandom random = new SplittableRandom(1);
    int n = 60;
    double[][] x = new double[5][n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = RandomProblems.gauss(random);
      x[2 + i % 3][i] = 1;
      x[1][i] = RandomProblems.gauss(random);
      y[i] = 2 * x[0][i] + (i % 3) * 0.5 + 0.5 * RandomProblems.gauss(random);
    }
    Settings settings =
        Settings.defaults()
            .withPenaltyFactors(1, 1, 0, 0, 0)
            .withPositive()
            .withMaxIterations(1000);
    RegularizationPath path =
        ElasticNet.fitPath(Dataset.of(x, y), settings, AlphaGrid.automatic(20, 1e-3));
    for (int k = 0; k < path.size(); k++) {
      assertTrue(path.convergence(k).converged(), "alpha " + k + " " + path.convergence(k));
      for (double b : path.coefficients(k)) {
        assertTrue(Math.abs(b) < 10, "alpha " + k + ": " + b);
      }
    }
  }
}
