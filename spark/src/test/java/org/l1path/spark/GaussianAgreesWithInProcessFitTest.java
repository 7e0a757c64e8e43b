package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvCurve;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Fit;
import org.l1path.solver.FitSpec;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;

/**
 * On the same data and the same folds, the Spark fit equals l1path's in-process {@link
 * FitSpec#fit}: paths, CV curves, the chosen ratio and alpha, and the predictions.
 */
class GaussianAgreesWithInProcessFitTest {
  private static final double TOLERANCE = 1e-10;

  private static org.l1path.solver.Dataset solverData(LocalSpark.Table t, double[] weights) {
    return org.l1path.solver.Dataset.of(t.columns(), t.y(), weights, t.names());
  }

  private static int[] contiguousFolds(int n, int k) {
    int[] out = new int[n];
    int row = 0;
    for (int f = 0; f < k; f++) {
      for (int s = 0; s < n / k + (f < n % k ? 1 : 0); s++) {
        out[row++] = f;
      }
    }
    return out;
  }

  private static double largest(RegularizationPath path) {
    double m = 0;
    for (int k = 0; k < path.size(); k++) {
      for (double b : path.coefficients(k)) {
        m = Math.max(m, Math.abs(b));
      }
    }
    return m;
  }

  private static void assertSameFit(Fit expected, L1PathModel actual) {
    L1PathSummary s = actual.summary();
    List<CvCurve> curves = expected.cv().curves();
    assertEquals(curves.size(), s.curves().size());
    for (int c = 0; c < curves.size(); c++) {
      CvCurve e = curves.get(c);
      CvPoints a = s.curves().get(c);
      assertEquals(e.l1Ratio(), a.l1Ratio());
      assertArrayEquals(e.alphas(), a.alphas(), 1e-12 * e.alphas()[0]);
      assertArrayEquals(e.meanError(), a.meanError(), 1e-6 * e.meanError()[0], "mean error");
      assertArrayEquals(e.stdError(), a.stdError(), 1e-6 * e.meanError()[0], "std error");
      RegularizationPath ep = expected.cv().paths().get(c);
      RegularizationPath ap = s.paths().get(c);
      double scale = largest(ep);
      for (int k = 0; k < ep.size(); k++) {
        assertArrayEquals(ep.coefficients(k), ap.coefficients(k), 1e-6 * scale, "alpha " + k);
        assertEquals(ep.intercept(k), ap.intercept(k), 1e-6 * (1 + scale));
      }
    }
    assertEquals(expected.cv().ratioOf(expected.cv().bestIndex()), s.bestIndex());
    assertEquals(expected.chosen(), s.chosenIndex());
    assertEquals(expected.alpha(), s.chosenAlpha(), 1e-12 * expected.alpha());
  }

  @Test
  void diabetesElasticNetWithGivenFolds() {
    LocalSpark.Table t = LocalSpark.numericCsv("diabetes");
    int[] folds = contiguousFolds(t.rows(), 10);
    Settings settings = Settings.defaults().withTolerance(TOLERANCE);
    double[] ratios = {0.5, 1.0};
    Fit expected =
        FitSpec.crossValidated(
                settings,
                ratios,
                AlphaGrid.automatic(),
                CvSettings.defaults().withFoldIds(folds).withRule(SelectionRule.ONE_SE))
            .fit(solverData(t, null), Progress.NONE);

    Dataset<Row> frame = LocalSpark.frame(t, null, folds, 3);
    L1PathModel model =
        new L1PathEstimator()
            .setFoldCol("fold")
            .setL1Ratios(ratios)
            .setSelectionRule("1se")
            .setTolerance(TOLERANCE)
            .fit(frame);
    assertSameFit(expected, model);
    assertEquals(t.names(), model.summary().bestPath().featureNames());

    // transform applies the chosen model: the same predictions as the in-process one.
    List<Row> predicted = model.transform(frame).select("features", "prediction").collectAsList();
    for (Row r : predicted) {
      double[] x = ((Vector) r.get(0)).toArray();
      assertEquals(
          expected.model().predict(x), r.getDouble(1), 1e-6 * (1 + Math.abs(r.getDouble(1))));
    }
  }

  @Test
  void weightedUnstandardizedWithoutInterceptOnGivenAlphas() {
    LocalSpark.Table t = LocalSpark.numericCsv("quickstart");
    int n = t.rows();
    double[] weights = new double[n];
    int[] folds = new int[n];
    for (int i = 0; i < n; i++) {
      weights[i] = 0.25 + (i * 7 % 11) / 4.0;
      folds[i] = 10 + (i * 3) % 5; // any integers: each distinct one is a fold
    }
    double[] alphas = {0.8, 0.4, 0.2, 0.1, 0.05, 0.02, 0.01};
    Settings settings =
        Settings.defaults().withStandardize(false).withFitIntercept(false).withTolerance(TOLERANCE);
    Fit expected =
        FitSpec.crossValidated(
                settings,
                new double[] {0.3},
                AlphaGrid.of(alphas),
                CvSettings.defaults().withFoldIds(folds))
            .fit(solverData(t, weights), Progress.NONE);
    L1PathModel model =
        new L1PathEstimator()
            .setFoldCol("fold")
            .setWeightCol("weight")
            .setL1Ratios(0.3)
            .setAlphas(alphas)
            .setStandardize(false)
            .setFitIntercept(false)
            .setTolerance(TOLERANCE)
            .fit(LocalSpark.frame(t, weights, folds, 2));
    assertSameFit(expected, model);
    assertEquals(5, model.summary().folds());
  }

  /**
   * Rows enough that each partition fills whole {@link RowBlock}s per fold (1500 rows of each fold
   * in each of 2 partitions: whole blocks and a part-block), with an offset far from 0 and uneven
   * weights: the blocked statistics give the in-process fit.
   */
  @Test
  void fullRowBlocksGiveTheSameFit() {
    int n = 6000;
    int p = 6;
    java.util.Random random = new java.util.Random(11);
    double[][] columns = new double[p][n];
    double[] y = new double[n];
    double[] weights = new double[n];
    int[] folds = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        columns[j][i] = 1e4 + random.nextGaussian() * (j + 1);
        y[i] += (j % 2 == 0 ? 1 : -0.5) * columns[j][i] / (j + 1);
      }
      y[i] += random.nextGaussian();
      weights[i] = 0.5 + random.nextDouble();
      folds[i] = i % 2;
    }
    List<String> names = new java.util.ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("x" + (j + 1));
    }
    LocalSpark.Table t = new LocalSpark.Table(names, columns, y);
    Settings settings = Settings.defaults().withTolerance(TOLERANCE);
    Fit expected =
        FitSpec.crossValidated(
                settings,
                new double[] {1.0},
                AlphaGrid.automatic(20, 1e-3),
                CvSettings.defaults().withFoldIds(folds))
            .fit(solverData(t, weights), Progress.NONE);
    L1PathModel model =
        new L1PathEstimator()
            .setFoldCol("fold")
            .setWeightCol("weight")
            .setNAlphas(20)
            .setAlphaMinRatio(1e-3)
            .setTolerance(TOLERANCE)
            .fit(LocalSpark.frame(t, weights, folds, 2));
    assertSameFit(expected, model);
  }
}
