package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RegularizationPath#modelAt} and {@link RegularizationPath#restore}. */
class PathAtAnyAlphaTest {

  private static RegularizationPath multinomialPath() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 120;
    double[][] x = new double[3][n];
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[j][i] = RandomProblems.gauss(random);
      }
      double eta = 1.5 * x[0][i] - x[1][i] + RandomProblems.gauss(random);
      cls[i] = eta < -0.5 ? 0 : eta < 0.5 ? 1 : 2;
    }
    Dataset data =
        Dataset.ofClasses(x, cls, List.of("a", "b", "c"), null, List.of("x1", "x2", "x3"));
    return ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic(20, 0.01));
  }

  @Test
  void atASolvedAlphaItIsThatAlphasModel() {
    RegularizationPath path = multinomialPath();
    for (int k = 0; k < path.size(); k++) {
      Model at = path.modelAt(path.alpha(k));
      for (int r = 0; r < 3; r++) {
        assertArrayEquals(path.coefficients(k, r), at.coefficients(r), 0.0);
        assertEquals(path.intercept(k, r), at.intercept(r), 0.0);
      }
    }
  }

  @Test
  void betweenTwoAlphasItInterpolatesInLogAlpha() {
    RegularizationPath path = multinomialPath();
    int k = 10;
    double a = path.alpha(k);
    double b = path.alpha(k + 1);
    // A quarter of the way from a to b in log(alpha).
    double alpha = Math.exp(0.75 * Math.log(a) + 0.25 * Math.log(b));
    Model at = path.modelAt(alpha);
    assertEquals(alpha, at.alpha(), 0.0);
    for (int r = 0; r < 3; r++) {
      double[] above = path.coefficients(k, r);
      double[] below = path.coefficients(k + 1, r);
      for (int j = 0; j < 3; j++) {
        assertEquals(0.75 * above[j] + 0.25 * below[j], at.coefficients(r)[j], 1e-12);
      }
      assertEquals(
          0.75 * path.intercept(k, r) + 0.25 * path.intercept(k + 1, r), at.intercept(r), 1e-12);
    }
    double[] p = at.probabilities(new double[] {0.3, -0.2, 1.0});
    assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
  }

  @Test
  void anAlphaOutsideThePathIsRefusedNamingTheRange() {
    RegularizationPath path = multinomialPath();
    IllegalArgumentException above =
        assertThrows(IllegalArgumentException.class, () -> path.modelAt(2 * path.alpha(0)));
    assertTrue(above.getMessage().contains("outside the path"), above.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> path.modelAt(0.5 * path.alpha(path.size() - 1)));
    assertThrows(IllegalArgumentException.class, () -> path.modelAt(Double.NaN));
  }

  @Test
  void aRestoredPathPredictsAsTheOriginal() {
    RegularizationPath path = multinomialPath();
    int count = path.size();
    double[][] intercepts = new double[count][3];
    double[][][] coefficients = new double[count][3][];
    double[] devRatios = new double[count];
    Convergence[] convergence = new Convergence[count];
    for (int k = 0; k < count; k++) {
      for (int r = 0; r < 3; r++) {
        intercepts[k][r] = path.intercept(k, r);
        coefficients[k][r] = path.coefficients(k, r);
      }
      devRatios[k] = path.devRatio(k);
      convergence[k] = path.convergence(k);
    }
    RegularizationPath restored =
        RegularizationPath.restore(
            path.family(),
            path.classes(),
            path.l1Ratio(),
            path.featureNames(),
            path.featureScales(),
            path.alphas(),
            intercepts,
            coefficients,
            devRatios,
            convergence,
            path.stopReason());
    double[] row = {1.0, 0.5, -2.0};
    for (int k = 0; k < count; k++) {
      assertArrayEquals(
          path.model(k).probabilities(row), restored.model(k).probabilities(row), 0.0);
      assertEquals(path.nonZero(k), restored.nonZero(k));
    }
    assertEquals(path.model(5).toString(), restored.model(5).toString());
  }

  @Test
  void restoreRefusesInconsistentShapes() {
    double[][][] coefficients = {{{1.0, 2.0}}};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RegularizationPath.restore(
                    Family.GAUSSIAN,
                    List.of(),
                    1.0,
                    List.of("a", "b", "c"),
                    new double[] {1, 1, 1},
                    new double[] {0.5},
                    new double[][] {{0.0}},
                    coefficients,
                    new double[] {0.1},
                    new Convergence[] {new Convergence(0, 1, true)},
                    StopReason.COMPLETED));
    assertTrue(e.getMessage().contains("coefficients per row"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RegularizationPath.restore(
                Family.GAUSSIAN,
                List.of(),
                1.0,
                List.of("a"),
                new double[] {1},
                new double[] {0.5, 0.9},
                new double[][] {{0.0}, {0.0}},
                new double[][][] {{{1.0}}, {{1.0}}},
                new double[] {0.1, 0.2},
                new Convergence[] {new Convergence(0, 1, true), new Convergence(0, 1, true)},
                StopReason.COMPLETED),
        "alphas must fall");
  }
}
