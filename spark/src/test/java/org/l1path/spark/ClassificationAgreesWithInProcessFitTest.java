package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvCurve;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Family;
import org.l1path.solver.Fit;
import org.l1path.solver.FitSpec;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.Settings;
import org.l1path.solver.StopReason;

/**
 * The binomial and multinomial Spark fits equal l1path's in-process fit on the same folds (paths,
 * CV curves, the choice, probabilities), in one Spark job per outer Newton iteration for all folds
 * together.
 */
class ClassificationAgreesWithInProcessFitTest {
  /**
   * A gap bounds the objective, and coefficients may differ by about its square root, which moves
   * held-out deviance as much: at 1e-10 two certified solves' curves differed by 1.0e-6 at an
   * alpha, the most the curves are allowed to.
   */
  private static final double TOLERANCE = 1e-12;

  private static final class JobCounter extends SparkListener {
    final AtomicInteger jobs = new AtomicInteger();

    @Override
    public void onJobStart(SparkListenerJobStart e) {
      jobs.incrementAndGet();
    }
  }

  @Test
  void binomialElasticNetWithGivenFolds() throws Exception {
    agree("binomial", Family.BINOMIAL, new double[] {0.5, 1.0}, 15, 0.05, StopReason.COMPLETED);
  }

  @Test
  void multinomialLassoWithGivenFolds() throws Exception {
    agree("multinomial", Family.MULTINOMIAL, new double[] {1.0}, 8, 0.1, StopReason.COMPLETED);
  }

  @Test
  void multinomialPathEndsFlatWhereTheInProcessOneDoes() throws Exception {
    // Down to alpha_max / 10^4 in 30 steps: the deviance ratio stops moving at the 24th alpha.
    agree(
        "multinomial",
        Family.MULTINOMIAL,
        new double[] {1.0},
        30,
        1e-4,
        StopReason.DEVIANCE_CHANGE_SMALL);
  }

  private static void agree(
      String name, Family family, double[] ratios, int nAlphas, double minRatio, StopReason stop)
      throws Exception {
    List<String> classes = new ArrayList<>();
    LocalSpark.Table t = LocalSpark.classCsv(name, classes);
    int n = t.rows();
    int[] folds = new int[n];
    for (int i = 0; i < n; i++) {
      folds[i] = i * 5 / n;
    }
    int[] classOfRow = new int[n];
    for (int i = 0; i < n; i++) {
      classOfRow[i] = (int) t.y()[i];
    }
    org.l1path.solver.Dataset data =
        org.l1path.solver.Dataset.ofClasses(t.columns(), classOfRow, classes, null, t.names());
    Fit expected =
        FitSpec.crossValidated(
                Settings.defaults().withTolerance(TOLERANCE),
                ratios,
                AlphaGrid.automatic(nAlphas, minRatio),
                CvSettings.defaults().withFoldIds(folds))
            .fit(data, Progress.NONE);

    Dataset<Row> frame = LocalSpark.indexed(LocalSpark.frame(t, null, folds, 2), classes);
    L1PathEstimator estimator =
        new L1PathEstimator()
            .setFoldCol("fold")
            .setL1Ratios(ratios)
            .setNAlphas(nAlphas)
            .setAlphaMinRatio(minRatio)
            .setTolerance(TOLERANCE);
    SparkSession spark = LocalSpark.session();
    JobCounter counter = new JobCounter();
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(counter);
    L1PathModel model;
    try {
      model = estimator.fit(frame);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
    L1PathSummary s = model.summary();
    assertEquals(family, model.family());
    assertEquals(family, expected.path().family());

    List<CvCurve> curves = expected.cv().curves();
    for (int c = 0; c < ratios.length; c++) {
      RegularizationPath ep = expected.cv().paths().get(c);
      RegularizationPath ap = s.paths().get(c);
      assertEquals(ep.size(), ap.size(), "path length, ratio " + ratios[c]);
      assertEquals(ep.stopReason(), ap.stopReason(), "stop, ratio " + ratios[c]);
      assertEquals(stop, ap.stopReason());
      assertArrayEquals(ep.alphas(), ap.alphas(), 1e-9 * ep.alpha(0));
      double scale = 0;
      for (int k = 0; k < ep.size(); k++) {
        for (int row = 0; row < ep.responses(); row++) {
          for (double b : ep.coefficients(k, row)) {
            scale = Math.max(scale, Math.abs(b));
          }
        }
      }
      for (int k = 0; k < ep.size(); k++) {
        for (int row = 0; row < ep.responses(); row++) {
          assertArrayEquals(
              ep.coefficients(k, row), ap.coefficients(k, row), 1e-5 * scale, "alpha " + k);
          assertEquals(ep.intercept(k, row), ap.intercept(k, row), 1e-5 * (1 + scale));
        }
        assertEquals(ep.devRatio(k), ap.devRatio(k), 1e-5);
      }
      CvCurve e = curves.get(c);
      CvPoints a = s.curves().get(c);
      assertEquals(CvMeasure.DEVIANCE.label(), a.measure());
      assertArrayEquals(e.meanError(), a.meanError(), 1e-6, "mean deviance");
      assertArrayEquals(e.stdError(), a.stdError(), 1e-6, "std error");
    }
    assertEquals(expected.alpha(), s.chosenAlpha(), 1e-9 * expected.alpha());
    assertEquals(expected.cv().ratioOf(expected.cv().bestIndex()), s.bestIndex());

    // One job caches the rows and sums the first statistics; then one per Newton round of all
    // fits together, which is at most the most Newton steps any single fit took.
    assertEquals(s.passes(), counter.jobs.get());
    int rounds = counter.jobs.get() - 1;
    int mostSteps = 0;
    int sumSteps = 0;
    for (RegularizationPath path : s.paths()) {
      for (int k = 0; k < path.size(); k++) {
        mostSteps = Math.max(mostSteps, path.convergence(k).iterations());
        sumSteps += path.convergence(k).iterations();
      }
    }
    // Every Newton step of one fit needs a pass of its own; the fits (each ratio's full data and
    // 5 folds) share theirs, so the passes are about one path's steps, not 6 or 12 paths'.
    double stepsPerPath = sumSteps / (double) ratios.length;
    assertTrue(rounds >= stepsPerPath, "rounds " + rounds + ", steps per path " + stepsPerPath);
    assertTrue(rounds <= 1.5 * stepsPerPath + 5, "rounds " + rounds + " for " + stepsPerPath);
    assertTrue(mostSteps > 1);

    List<Row> out =
        model.transform(frame).select("features", "probability", "prediction").collectAsList();
    for (Row r : out) {
      double[] x = ((Vector) r.get(0)).toArray();
      double[] probs = expected.model().probabilities(x);
      assertArrayEquals(probs, ((Vector) r.get(1)).toArray(), 1e-5);
      int most = 0;
      for (int c = 1; c < probs.length; c++) {
        most = probs[c] > probs[most] ? c : most;
      }
      assertEquals(most, r.getDouble(2));
    }
  }
}
