package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Properties that hold for any problem, checked on seeded random ones. Expected values are derived
 * from the problem's definition (the objective in {@link Settings}); tolerances are stated where
 * used.
 */
class SolverPropertiesTest {
  private static final Settings TIGHT = Settings.defaults().withTolerance(1e-12);

  @ParameterizedTest(name = "n={0} p={1} l1Ratio={2} {3}")
  @CsvSource({
    "60, 15, 1.0, NAIVE",
    "60, 15, 1.0, COVARIANCE",
    "60, 15, 0.5, NAIVE",
    "60, 15, 0.5, COVARIANCE",
    "30, 80, 1.0, NAIVE",
    "30, 80, 0.3, NAIVE",
    "200, 10, 0.0, COVARIANCE",
    // n p^2 / 2 past ColumnProducts' vector threshold: Gram columns come in growing batches
    "3000, 110, 1.0, COVARIANCE"
  })
  void kktConditionsHoldAlongThePath(int n, int p, double l1Ratio, UpdateMode mode) {
    Dataset data = RandomProblems.gaussian(n, p, 11);
    Settings s = TIGHT.withL1Ratio(l1Ratio).withUpdateMode(mode);
    RegularizationPath path = ElasticNet.fitPath(data, s, AlphaGrid.automatic(30, 1e-3));
    for (int k = 0; k < path.size(); k++) {
      assertKkt(data, s, path.alpha(k), path.intercept(k), path.coefficients(k), 1e-6);
    }
  }

  /**
   * A wide design with a shared component: the KKT screen then settles most features in its {@link
   * ScreenBasis} without computing their gradients, and none it settles may violate.
   */
  @ParameterizedTest(name = "rho={0} l1Ratio={1}")
  @CsvSource({"0.9, 1.0", "0.9, 0.5", "0.5, 1.0"})
  void kktConditionsHoldOnACorrelatedWideDesign(double rho, double l1Ratio) {
    Dataset data = RandomProblems.correlated(40, 400, rho, 5);
    Settings s = TIGHT.withL1Ratio(l1Ratio).withUpdateMode(UpdateMode.NAIVE).withEarlyStop(false);
    RegularizationPath path = ElasticNet.fitPath(data, s, AlphaGrid.automatic(60, 1e-3));
    assertEquals(60, path.size());
    for (int k = 0; k < path.size(); k++) {
      assertKkt(data, s, path.alpha(k), path.intercept(k), path.coefficients(k), 1e-6);
    }
  }

  /**
   * On a wide design descent alone crawls once the support grows, and each alpha needs a refit. The
   * next alpha then starts from a refit of the last support at its own penalty, which leaves
   * descent little to do: about two passes per alpha here, where descending first took four to six.
   * Every alpha still meets the default tolerance.
   */
  @ParameterizedTest(name = "rho={0} l1Ratio={1}")
  @CsvSource({"0, 0.5", "0.5, 0.5", "0, 1.0"})
  void eachAlphaStartsFromARefitOfTheLastSupport(double rho, double l1Ratio) {
    Dataset data = RandomProblems.correlated(60, 600, rho, 3);
    Settings s = Settings.defaults().withL1Ratio(l1Ratio).withUpdateMode(UpdateMode.NAIVE);
    RegularizationPath path = ElasticNet.fitPath(data, s, AlphaGrid.automatic(100, 1e-2));
    int passes = 0;
    for (int k = 0; k < path.size(); k++) {
      assertTrue(path.convergence(k).converged(), "alpha " + k);
      assertTrue(path.convergence(k).relativeGap() <= s.tolerance(), "alpha " + k);
      passes += path.convergence(k).iterations();
    }
    // Measured: 172 to 224 passes over the 100 alphas; 451 to 582 without the predictor.
    assertTrue(passes <= 3 * path.size(), passes + " passes");
  }

  /**
   * Stationarity of the objective in standardized units: {@code G_j - q beta_j} equals {@code a
   * sign(beta_j)} on the support and is at most {@code a} in size off it, with {@code G_j = z_j' V
   * r}. Tolerance: {@code tol} relative to the largest |G_j| at beta = 0.
   */
  static void assertKkt(Dataset data, Settings s, double alpha, double b0, double[] b, double tol) {
    int n = data.rows();
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = data.response()[i] - b0;
      for (int j = 0; j < b.length; j++) {
        r[i] -= b[j] * data.column(j)[i];
      }
    }
    double a = alpha * s.l1Ratio();
    double q = alpha * (1 - s.l1Ratio());
    double scaleOfG = 0;
    double[] g = new double[b.length];
    for (int j = 0; j < b.length; j++) {
      double sd = Reference.weightedSd(data, j);
      double mean = 0;
      for (double v : data.column(j)) {
        mean += v / n;
      }
      double dot = 0;
      double dy = 0;
      double ym = 0;
      for (double v : data.response()) {
        ym += v / n;
      }
      for (int i = 0; i < n; i++) {
        double z = (data.column(j)[i] - mean) / sd;
        dot += z * r[i] / n;
        dy += z * (data.response()[i] - ym) / n;
      }
      g[j] = dot;
      scaleOfG = Math.max(scaleOfG, Math.abs(dy));
    }
    for (int j = 0; j < b.length; j++) {
      double beta = b[j] * Reference.weightedSd(data, j);
      double stationary = g[j] - q * beta;
      if (beta != 0) {
        assertEquals(
            a * Math.signum(beta), stationary, tol * scaleOfG, "KKT on the support, j=" + j);
      } else {
        assertTrue(Math.abs(g[j]) <= a + tol * scaleOfG, "KKT off the support, j=" + j);
      }
    }
  }

  @Test
  void permutingFeaturesPermutesCoefficients() {
    Dataset data = RandomProblems.gaussian(80, 12, 3);
    int p = data.features();
    int[] perm = new int[p];
    for (int j = 0; j < p; j++) {
      perm[j] = (j * 5 + 3) % p;
    }
    double[][] permuted = new double[p][];
    for (int j = 0; j < p; j++) {
      permuted[j] = data.column(perm[j]);
    }
    Dataset other = Dataset.of(permuted, data.response());
    RegularizationPath a = ElasticNet.fitPath(data, TIGHT, AlphaGrid.automatic(20, 1e-3));
    RegularizationPath b = ElasticNet.fitPath(other, TIGHT, AlphaGrid.automatic(20, 1e-3));
    for (int k = 0; k < a.size(); k++) {
      double[] ca = a.coefficients(k);
      double[] cb = b.coefficients(k);
      for (int j = 0; j < p; j++) {
        // The same strictly convex problem: equal up to the solver's tolerance.
        assertEquals(ca[perm[j]], cb[j], 1e-7, "feature " + perm[j] + " at alpha " + k);
      }
    }
  }

  @Test
  void rescalingAColumnLeavesPredictionsUnchangedWhenStandardizing() {
    Dataset data = RandomProblems.gaussian(70, 8, 5);
    double[][] cols = new double[8][];
    for (int j = 0; j < 8; j++) {
      cols[j] = data.column(j).clone();
    }
    for (int i = 0; i < 70; i++) {
      cols[2][i] *= 1000;
    }
    Dataset scaled = Dataset.of(cols, data.response());
    RegularizationPath a = ElasticNet.fitPath(data, TIGHT, AlphaGrid.automatic(20, 1e-3));
    RegularizationPath b = ElasticNet.fitPath(scaled, TIGHT, AlphaGrid.automatic(20, 1e-3));
    for (int k = 0; k < a.size(); k++) {
      assertEquals(a.alpha(k), b.alpha(k), 1e-12 * a.alpha(k));
      assertArrayEquals(a.model(k).predict(data), b.model(k).predict(scaled), 1e-6);
      assertEquals(a.coefficients(k)[2] / 1000, b.coefficients(k)[2], 1e-9);
    }
  }

  @Test
  void duplicatingEveryRowEqualsWeightTwo() {
    Dataset data = RandomProblems.gaussian(40, 6, 9);
    int n = data.rows();
    double[][] cols = new double[6][2 * n];
    double[] y = new double[2 * n];
    double[] w = new double[n];
    double[] twice = new double[2 * n];
    for (int i = 0; i < n; i++) {
      w[i] = i < 10 ? 2 : 1;
      for (int j = 0; j < 6; j++) {
        cols[j][i] = data.column(j)[i];
        cols[j][n + i] = data.column(j)[i];
      }
      y[i] = data.response()[i];
      y[n + i] = data.response()[i];
      twice[i] = 1;
      twice[n + i] = i < 10 ? 1 : 0;
    }
    RegularizationPath weighted =
        ElasticNet.fitPath(data.withWeights(w), TIGHT, AlphaGrid.automatic(15, 1e-3));
    RegularizationPath duplicated =
        ElasticNet.fitPath(
            Dataset.of(cols, y).withWeights(twice), TIGHT, AlphaGrid.automatic(15, 1e-3));
    for (int k = 0; k < weighted.size(); k++) {
      assertEquals(weighted.alpha(k), duplicated.alpha(k), 1e-12 * weighted.alpha(k));
      assertArrayEquals(weighted.coefficients(k), duplicated.coefficients(k), 1e-7);
    }
  }

  @Test
  void boundsAreRespected() {
    Dataset data = RandomProblems.gaussian(60, 10, 13);
    Settings s = TIGHT.withBounds(new double[] {-0.2}, new double[] {0.1});
    RegularizationPath path = ElasticNet.fitPath(data, s, AlphaGrid.automatic(25, 1e-3));
    boolean someAtBound = false;
    for (int k = 0; k < path.size(); k++) {
      for (double b : path.coefficients(k)) {
        assertTrue(b >= -0.2 && b <= 0.1, "coefficient " + b + " within [-0.2, 0.1]");
        someAtBound |= b == -0.2 || b == 0.1;
      }
      assertTrue(path.convergence(k).converged());
    }
    assertTrue(someAtBound, "the bounds bind somewhere on this path");
    RegularizationPath positive =
        ElasticNet.fitPath(data, TIGHT.withPositive(), AlphaGrid.automatic(25, 1e-3));
    for (int k = 0; k < positive.size(); k++) {
      for (double b : positive.coefficients(k)) {
        assertTrue(b >= 0, "positive coefficient " + b);
      }
    }
  }

  @ParameterizedTest(name = "n={0} p={1}")
  @CsvSource({
    "90, 25",
    // Large enough for the vector kernel: folds share Gram columns computed in batches
    "3000, 110"
  })
  void crossValidationIsIdenticalWithOneAndFourThreads(int n, int p) {
    Dataset data = RandomProblems.gaussian(n, p, 17);
    CvSettings cv = CvSettings.defaults().withFolds(5);
    double[] ratios = {0.5, 1.0};
    CvResult one =
        CrossValidation.run(
            data,
            Settings.defaults(),
            ratios,
            AlphaGrid.automatic(),
            cv.withThreads(1),
            Progress.NONE);
    CvResult four =
        CrossValidation.run(
            data,
            Settings.defaults(),
            ratios,
            AlphaGrid.automatic(),
            cv.withThreads(4),
            Progress.NONE);
    for (int r = 0; r < ratios.length; r++) {
      assertArrayEquals(one.curves().get(r).meanError(), four.curves().get(r).meanError(), 0.0);
      assertArrayEquals(one.curves().get(r).stdError(), four.curves().get(r).stdError(), 0.0);
    }
    assertEquals(one.chosenAlpha(), four.chosenAlpha(), 0.0);
    assertArrayEquals(one.model().coefficients(), four.model().coefficients(), 0.0);
  }

  @Test
  void randomFoldsDependOnTheSeedAndBalanceSizes() {
    int[] a = CrossValidation.assignFolds(103, CvSettings.defaults().withSeed(1));
    int[] b = CrossValidation.assignFolds(103, CvSettings.defaults().withSeed(2));
    int[] again = CrossValidation.assignFolds(103, CvSettings.defaults().withSeed(1));
    assertArrayEquals(a, again);
    assertFalse(java.util.Arrays.equals(a, b));
    int[] sizes = new int[10];
    for (int f : a) {
      sizes[f]++;
    }
    for (int f = 0; f < 10; f++) {
      assertEquals(f < 3 ? 11 : 10, sizes[f], "fold " + f + " size, as KFold sizes 103 rows");
    }
    int[] contiguous =
        CrossValidation.assignFolds(
            7, CvSettings.defaults().withFolds(3).withAssignment(FoldAssignment.CONTIGUOUS));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2}, contiguous);
  }

  @Test
  void ridgeMatchesTheClosedForm() {
    Dataset data = RandomProblems.gaussian(50, 6, 23);
    double alpha = 0.3;
    RegularizationPath path = ElasticNet.fitPath(data, TIGHT.withL1Ratio(0), AlphaGrid.of(alpha));
    // Closed form in standardized units: (Z'VZ + alpha I) beta = Z'V yc.
    int n = data.rows();
    int p = data.features();
    double[][] z = new double[p][n];
    double ym = 0;
    for (double v : data.response()) {
      ym += v / n;
    }
    double[] sd = new double[p];
    for (int j = 0; j < p; j++) {
      double mean = 0;
      for (double v : data.column(j)) {
        mean += v / n;
      }
      sd[j] = Reference.weightedSd(data, j);
      for (int i = 0; i < n; i++) {
        z[j][i] = (data.column(j)[i] - mean) / sd[j];
      }
    }
    double[][] m = new double[p][p + 1];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += z[j][i] * z[k][i] / n;
        }
        m[j][k] = s + (j == k ? alpha : 0);
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += z[j][i] * (data.response()[i] - ym) / n;
      }
      m[j][p] = s;
    }
    double[] beta = solve(m);
    for (int j = 0; j < p; j++) {
      assertEquals(beta[j] / sd[j], path.coefficients(0)[j], 1e-8, "ridge coefficient " + j);
    }
  }

  /** Gauss-Jordan elimination with partial pivoting on an augmented matrix. */
  private static double[] solve(double[][] m) {
    int p = m.length;
    for (int c = 0; c < p; c++) {
      int pivot = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < p; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= p; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] x = new double[p];
    for (int j = 0; j < p; j++) {
      x[j] = m[j][p] / m[j][j];
    }
    return x;
  }

  @Test
  void unpenalizedAndExcludedFeatures() {
    Dataset data = RandomProblems.gaussian(60, 8, 29);
    double[] pf = {1, 1, 1, 0, 1, 1, 1, 1};
    Settings s = TIGHT.withPenaltyFactors(pf).withExcluded(0);
    RegularizationPath path = ElasticNet.fitPath(data, s, AlphaGrid.automatic(20, 1e-3));
    for (int k = 0; k < path.size(); k++) {
      assertEquals(0.0, path.coefficients(k)[0], 0.0, "excluded feature stays 0");
      assertNotEquals(0.0, path.coefficients(k)[3], "unpenalized feature is always fitted");
    }
    assertEquals(1, path.nonZero(0), "at alpha_max only the unpenalized feature is non-zero");
    assertTrue(path.nonZero(path.size() - 1) > 1);
  }

  @Test
  void hittingMaxIterationsIsReportedNotSwallowed() {
    Dataset data = RandomProblems.gaussian(60, 30, 31);
    RegularizationPath path =
        ElasticNet.fitPath(data, TIGHT.withMaxIterations(2), AlphaGrid.automatic(10, 1e-3));
    assertFalse(path.converged());
    List<String> warnings = new ArrayList<>(path.warnings());
    assertFalse(warnings.isEmpty());
    assertTrue(warnings.get(0).contains("did not converge"), warnings.get(0));
    assertTrue(path.model(path.size() - 1).toString().contains("WARNING: not converged"));
  }

  @Test
  void earlyStopEndsASaturatedAutomaticPathOnlyWhenAsked() {
    Dataset base = RandomProblems.gaussian(50, 5, 37);
    double[] y = new double[50];
    for (int i = 0; i < 50; i++) {
      y[i] = 2 * base.column(0)[i] + 1e-3 * base.column(4)[i];
    }
    Dataset data = Dataset.of(new double[][] {base.column(0), base.column(1), base.column(4)}, y);
    RegularizationPath stopped =
        ElasticNet.fitPath(data, Settings.defaults().withEarlyStop(true), AlphaGrid.automatic());
    assertNotEquals(StopReason.COMPLETED, stopped.stopReason());
    assertTrue(stopped.size() < 100);
    RegularizationPath full = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic());
    assertEquals(StopReason.COMPLETED, full.stopReason());
    assertEquals(100, full.size());
    double[] given = full.alphas();
    RegularizationPath user =
        ElasticNet.fitPath(data, Settings.defaults().withEarlyStop(true), AlphaGrid.of(given));
    assertEquals(100, user.size(), "user-given alphas are all solved");
  }
}
