package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Binomial and multinomial behaviour beyond the fixtures (issue 5, "Tests that must exist"). */
class ClassificationTest {
  @Test
  void separableDataCompletesWithoutNaNAndReportsTheEarlyStop() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 80;
    double[][] x = new double[2][n];
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      cls[i] = i < n / 2 ? 0 : 1;
      x[0][i] = (cls[i] == 0 ? -3 : 3) + 0.5 * RandomProblems.gauss(random);
      x[1][i] = RandomProblems.gauss(random);
    }
    Dataset data = Dataset.ofClasses(x, cls, List.of("a", "b"), null, List.of("x1", "x2"));
    RegularizationPath path = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic());
    assertEquals(StopReason.DEVIANCE_RATIO_SATURATED, path.stopReason());
    assertTrue(path.size() < 100, "stopped early at " + path.size());
    for (int k = 0; k < path.size(); k++) {
      for (double b : path.coefficients(k)) {
        assertTrue(Double.isFinite(b));
      }
      assertTrue(Double.isFinite(path.intercept(k)));
      assertTrue(path.convergence(k).converged(), "alpha " + k + " " + path.convergence(k));
    }
    assertTrue(path.devRatio(path.size() - 1) > 0.999);
  }

  @Test
  void aFlatPathEndsWhereGlmnetsWouldAndGivenAlphasDoNot() {
    // Noisy labels on three features with more rows than features: once every feature is in, the
    // deviance ratio creeps toward its unpenalized value and stops moving long before alpha_max /
    // 10^4, far below saturation.
    SplittableRandom random = new SplittableRandom(5);
    int n = 400;
    double[][] x = new double[3][n];
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      for (double[] column : x) {
        column[i] = RandomProblems.gauss(random);
      }
      double eta = 0.8 * x[0][i] - 0.5 * x[1][i] + 0.3 * x[2][i];
      cls[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    Dataset data = Dataset.ofClasses(x, cls, List.of("a", "b"), null, List.of("x1", "x2", "x3"));
    RegularizationPath path = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic());
    assertEquals(StopReason.DEVIANCE_CHANGE_SMALL, path.stopReason());
    int last = path.size() - 1;
    assertTrue(last < 99, "stopped at " + path.size());
    assertTrue(path.devRatio(last) < 0.999);
    assertTrue(path.devRatio(last) - path.devRatio(last - 1) < 1e-5);
    // The rule applies from the fifth alpha on.
    for (int k = 4; k < last; k++) {
      assertTrue(path.devRatio(k) - path.devRatio(k - 1) >= 1e-5, "flat already at alpha " + k);
    }
    RegularizationPath given =
        ElasticNet.fitPath(
            data,
            Settings.defaults(),
            AlphaGrid.of(AlphaGrid.automatic().alphas(path.alpha(0), n, 3)));
    assertEquals(StopReason.COMPLETED, given.stopReason());
    assertEquals(100, given.size());
  }

  @Test
  void userAlphasOnSeparableDataAreAllSolvedWithoutNaN() {
    double[][] x = {{-2, -1.5, -1, 1, 1.5, 2}};
    Dataset data =
        Dataset.ofClasses(x, new int[] {0, 0, 0, 1, 1, 1}, List.of("a", "b"), null, List.of("x"));
    RegularizationPath path =
        ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.of(0.1, 1e-3, 1e-6));
    assertEquals(3, path.size());
    for (int k = 0; k < 3; k++) {
      assertTrue(Double.isFinite(path.coefficients(k)[0]));
    }
    assertTrue(
        path.coefficients(2)[0] > path.coefficients(0)[0], "the coefficient grows as alpha falls");
  }

  @Test
  void separableMultinomialDataIsSolvedWithoutNaN() {
    // Four classes in four corners: as alpha falls the coefficients grow without bound and the
    // probabilities, updated class by class between Newton steps, approach 0 and 1.
    SplittableRandom random = new SplittableRandom(11);
    int n = 120;
    double[][] x = new double[2][n];
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      cls[i] = i % 4;
      x[0][i] = (cls[i] % 2 == 0 ? -4 : 4) + 0.3 * RandomProblems.gauss(random);
      x[1][i] = (cls[i] < 2 ? -4 : 4) + 0.3 * RandomProblems.gauss(random);
    }
    Dataset data =
        Dataset.ofClasses(x, cls, List.of("a", "b", "c", "d"), null, List.of("x1", "x2"));
    RegularizationPath path =
        ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.of(0.1, 1e-3, 1e-6));
    assertEquals(3, path.size());
    for (int k = 0; k < 3; k++) {
      assertTrue(path.convergence(k).converged(), "alpha " + k + " " + path.convergence(k));
      double[][] probs = path.model(k).probabilities(data);
      for (double[] row : probs) {
        double sum = 0;
        for (double q : row) {
          assertTrue(Double.isFinite(q));
          sum += q;
        }
        assertEquals(1, sum, 1e-12);
      }
    }
    assertTrue(path.devRatio(2) > 0.999, "separated: " + path.devRatio(2));
  }

  @Test
  void probabilitiesSumToOneAndMatchADirectComputation() {
    Dataset data = Reference.classCsv("multinomial");
    Model model = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.of(0.02)).model(0);
    assertEquals(3, model.responses());
    double[][] probs = model.probabilities(data);
    for (int i = 0; i < 20; i++) {
      double[] eta = new double[3];
      double sum = 0;
      for (int r = 0; r < 3; r++) {
        eta[r] = model.intercept(r);
        double[] b = model.coefficients(r);
        for (int j = 0; j < b.length; j++) {
          eta[r] += b[j] * data.column(j)[i];
        }
        sum += Math.exp(eta[r]);
      }
      double total = 0;
      for (int r = 0; r < 3; r++) {
        // softmax, computed directly; tolerance: double rounding
        assertEquals(Math.exp(eta[r]) / sum, probs[i][r], 1e-12);
        total += probs[i][r];
      }
      assertEquals(1.0, total, 1e-12);
    }
    double interceptSum = model.intercept(0) + model.intercept(1) + model.intercept(2);
    assertEquals(0.0, interceptSum, 1e-12, "multinomial intercepts are centred");

    Dataset binary = Reference.classCsv("binomial");
    Model logistic = ElasticNet.fitPath(binary, Settings.defaults(), AlphaGrid.of(0.02)).model(0);
    double eta = logistic.intercept();
    for (int j = 0; j < binary.features(); j++) {
      eta += logistic.coefficient(j) * binary.column(j)[0];
    }
    double[] p = logistic.probabilities(binary)[0];
    assertEquals(1 / (1 + Math.exp(-eta)), p[1], 1e-12, "binomial models the second class");
    assertEquals(1.0, p[0] + p[1], 1e-15);
  }

  @Test
  void withoutAnInterceptTheInterceptIsZeroAndKktHolds() {
    Dataset data = Reference.classCsv("binomial");
    Settings s = Settings.defaults().withFitIntercept(false).withTolerance(1e-10);
    RegularizationPath path = ElasticNet.fitPath(data, s, AlphaGrid.automatic(20, 1e-2));
    for (int k = 0; k < path.size(); k++) {
      assertEquals(0.0, path.intercept(k), 0.0);
      assertTrue(path.convergence(k).converged(), "alpha " + k + " " + path.convergence(k));
    }
    // At alpha_max every coefficient is 0, so p = 1/2 and the gradient is sum_i v_i z_ij (y_i -
    // 1/2).
    assertEquals(0, path.nonZero(0));
  }

  @Test
  void alphaMaxIsTheTopOfTheAutomaticGridAndZeroesEveryCoefficient() {
    Dataset data = Reference.classCsv("multinomial");
    double alphaMax = ElasticNet.alphaMax(data, Settings.defaults());
    RegularizationPath path =
        ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic(5, 0.5));
    assertEquals(alphaMax, path.alpha(0), 0.0);
    assertEquals(0, path.nonZero(0));
    assertTrue(path.nonZero(4) > 0);
  }

  @Test
  void stratifiedFoldsKeepEveryClassInEveryFold() {
    int n = 103;
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      cls[i] = i < 12 ? 2 : (i < 60 ? 0 : 1);
    }
    Dataset data =
        Dataset.ofClasses(
            new double[][] {new double[n]}, cls, List.of("a", "b", "c"), null, List.of("x"));
    int[] folds = CrossValidation.assignFolds(data, CvSettings.defaults());
    int[][] counts = new int[10][3];
    for (int i = 0; i < n; i++) {
      counts[folds[i]][cls[i]]++;
    }
    for (int f = 0; f < 10; f++) {
      for (int c = 0; c < 3; c++) {
        assertTrue(counts[f][c] >= 1, "fold " + f + " has class " + c);
      }
      int size = counts[f][0] + counts[f][1] + counts[f][2];
      assertTrue(size == 10 || size == 11, "fold " + f + " size " + size);
    }
  }

  @Test
  void crossValidationMeasuresForClassification() {
    Dataset data = Reference.classCsv("binomial");
    for (CvMeasure measure : List.of(CvMeasure.DEVIANCE, CvMeasure.CLASS, CvMeasure.AUC)) {
      CvResult cv =
          CrossValidation.run(
              data,
              Settings.defaults(),
              new double[] {1.0},
              AlphaGrid.automatic(30, 1e-2),
              CvSettings.defaults().withFolds(5).withMeasure(measure),
              Progress.NONE);
      CvCurve curve = cv.bestCurve();
      assertEquals(measure, curve.measure());
      double[] mean = curve.meanError();
      for (double m : mean) {
        assertTrue(m >= 0 && Double.isFinite(m));
      }
      int best = curve.indexMin();
      for (double m : mean) {
        assertTrue(measure.higherIsBetter() ? m <= mean[best] : m >= mean[best]);
      }
      assertTrue(curve.index1se() <= best, "the 1se alpha is at least as large");
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CrossValidation.run(
                Reference.classCsv("multinomial"),
                Settings.defaults(),
                new double[] {1.0},
                AlphaGrid.automatic(),
                CvSettings.defaults().withMeasure(CvMeasure.AUC),
                Progress.NONE));
    assertFalse(CvMeasure.DEVIANCE.higherIsBetter());
  }
}
