package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A wide path run down to where the support reaches the design's rank: there the Gram block of the
 * support is singular and descent alone crawls along its flat direction.
 */
class SupportAtRankTest {
  private static final int N = 30;

  private static Path widePathToTheRank(long seed) {
    Dataset data = RandomProblems.gaussian(N, 300, seed);
    return ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic(100, 1e-4));
  }

  @Test
  void theSupportStopsAtTheRankAndEveryAlphaConvergesInFewPasses() {
    for (long seed = 1; seed <= 5; seed++) {
      Path path = widePathToTheRank(seed);
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
}
