package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How a classification fit ends (issue 16): multi-class data of the kind that never converged
 * before converges at the default tolerance, and a tolerance double precision cannot certify ends
 * with the alpha marked stalled, long before maxIterations.
 */
class ClassificationConvergenceTest {
  /**
   * Glass-like data: 214 rows, 9 features, 6 classes of 70, 76, 17, 13, 9 and 29 rows, overlapping
   * class means. The old solver left alphas unconverged after 100,000 passes on such data.
   */
  static Dataset glassLike(long seed) {
    int[] sizes = {70, 76, 17, 13, 9, 29};
    int p = 9;
    int n = 0;
    for (int s : sizes) {
      n += s;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] means = new double[sizes.length][p];
    for (double[] m : means) {
      for (int j = 0; j < p; j++) {
        m[j] = 0.8 * RandomProblems.gauss(random);
      }
    }
    double[][] x = new double[p][n];
    int[] cls = new int[n];
    int i = 0;
    for (int k = 0; k < sizes.length; k++) {
      for (int t = 0; t < sizes[k]; t++, i++) {
        cls[i] = k;
        for (int j = 0; j < p; j++) {
          // Two features mostly zero, as Ba and Fe are in the glass data.
          double value = means[k][j] + RandomProblems.gauss(random);
          x[j][i] = j >= 7 && random.nextDouble() < 0.8 ? 0.0 : value;
        }
      }
    }
    List<String> classes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int k = 0; k < sizes.length; k++) {
      classes.add("c" + k);
    }
    for (int j = 0; j < p; j++) {
      names.add("x" + j);
    }
    return Dataset.ofClasses(x, cls, classes, null, names);
  }

  @Test
  void manyUnequalClassesConvergeAtEveryAlphaOfTheDefaultPath() {
    Dataset data = glassLike(7);
    Path path = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic());
    assertEquals(100, path.size(), "no early stop on the default grid: " + path.stopReason());
    for (int k = 0; k < path.size(); k++) {
      Convergence c = path.convergence(k);
      assertTrue(c.converged(), "alpha " + k + ": " + c);
      // The default tolerance bounds the relative duality gap.
      assertTrue(c.relativeGap() <= Settings.DEFAULT_TOLERANCE, "alpha " + k + ": " + c);
    }
    assertTrue(path.warnings().isEmpty(), path.warnings().toString());
  }

  @Test
  void anUncertifiableToleranceEndsStalledAndSaysSo() {
    Dataset data = Reference.classCsv("binomial");
    Settings settings = Settings.defaults().withTolerance(1e-15);
    Path path = ElasticNet.fitPath(data, settings, AlphaGrid.automatic());
    int stalled = 0;
    for (int k = 0; k < path.size(); k++) {
      Convergence c = path.convergence(k);
      assertTrue(c.converged() || c.stalled(), "alpha " + k + " ran out of passes: " + c);
      // Far below maxIterations: a stall is seen within a few gap checks.
      assertTrue(c.iterations() < settings.maxIterations() / 10, "alpha " + k + ": " + c);
      if (c.stalled()) {
        stalled++;
        // What it reached is still a near-exact solution.
        assertTrue(c.relativeGap() < 1e-9, "alpha " + k + ": " + c);
      }
    }
    assertTrue(stalled > 0, "1e-15 is finer than double precision certifies on this data");
    List<String> warnings = path.warnings();
    assertEquals(stalled, warnings.size());
    assertTrue(warnings.get(0).contains("stalled"), warnings.get(0));
  }
}
