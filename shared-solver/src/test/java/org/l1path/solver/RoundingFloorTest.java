package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A tolerance below what double arithmetic can certify ends an alpha early, reported honestly. */
class RoundingFloorTest {
  /** 500 x 60, every pair of features correlated 0.95: large supports, ill-conditioned. */
  private static Dataset correlated() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 500;
    int p = 60;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = RandomProblems.gauss(random);
    }
    double[][] x = new double[p][n];
    double[] y = new double[n];
    for (int j = 0; j < p; j++) {
      double beta = (j % 2 == 0 ? 1 : -1) * Math.exp(-j / 10.0);
      for (int i = 0; i < n; i++) {
        x[j][i] = Math.sqrt(0.95) * z[i] + Math.sqrt(0.05) * RandomProblems.gauss(random);
        y[i] += beta * x[j][i];
      }
    }
    for (int i = 0; i < n; i++) {
      y[i] += 0.5 * RandomProblems.gauss(random);
    }
    return Dataset.of(x, y);
  }

  @Test
  void aStalledGapAtTheFloorStopsLongBeforeMaxIterations() {
    Settings settings = Settings.defaults().withTolerance(1e-14);
    RegularizationPath path = ElasticNet.fitPath(correlated(), settings, AlphaGrid.automatic());
    boolean anyAtFloor = false;
    for (int k = 0; k < path.size(); k++) {
      Convergence c = path.convergence(k);
      // Before the floor rule such alphas ran all 100000 passes (minutes for this path).
      assertTrue(c.iterations() < settings.maxIterations() / 10, "alpha " + k + ": " + c);
      if (!c.converged()) {
        anyAtFloor = true;
        // Not converged means the gap stalled a little above 1e-14, near rounding, not far off.
        assertTrue(c.relativeGap() < 1e-9, "alpha " + k + ": " + c);
      }
    }
    assertTrue(anyAtFloor, "1e-14 is below this problem's rounding floor at some alpha");
    assertFalse(path.converged());
  }

  @Test
  void theDefaultToleranceIsUnaffected() {
    RegularizationPath path =
        ElasticNet.fitPath(correlated(), Settings.defaults(), AlphaGrid.automatic());
    assertTrue(path.converged(), "every alpha certified at 1e-6");
  }
}
