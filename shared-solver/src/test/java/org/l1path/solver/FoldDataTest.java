package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l1path.solver.cv.Folds;

/**
 * A cross-validation fold fitted on a copy of its training rows and one fitted on the full data
 * with its held-out rows at weight 0 solve the same problem, so they give the same error curves.
 */
class FoldDataTest {
  private static final Settings TIGHT = Settings.defaults().withTolerance(1e-13);

  @Test
  void maskedFoldsMatchCopiedFoldsOnALongDesign() {
    // n > p: covariance updates, with the fold Gram derived from the shared cross-products.
    assertSameCurves(RandomProblems.gaussian(90, 8, 3), TIGHT, 0.5);
  }

  @Test
  void maskedFoldsMatchCopiedFoldsOnAWideDesign() {
    assertSameCurves(RandomProblems.correlated(40, 120, 0.5, 5), TIGHT, 1.0);
  }

  @Test
  void maskedFoldsKeepTheDataWeights() {
    Dataset data = RandomProblems.gaussian(70, 10, 8);
    SplittableRandom random = new SplittableRandom(2);
    double[] weights = new double[data.rows()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 0.2 + 2 * random.nextDouble();
    }
    assertSameCurves(data.withWeights(weights), TIGHT.withUpdateMode(UpdateMode.NAIVE), 1.0);
  }

  /**
   * At 1e-15: a binomial gap is close to the true objective excess ({@code glm.SupportDualPoint}),
   * and at 1e-13 two solves certified alike still differed by 1.5e-9 in held-out deviance.
   */
  @Test
  void maskedFoldsMatchCopiedFoldsForClasses() {
    assertSameCurves(Reference.classCsv("binomial"), TIGHT.withTolerance(1e-15), 1.0);
  }

  @Test
  void foldsAreCopiedOnlyWhenTheHeapHoldsTwiceTheCopies() {
    long design = 8L * 1000 * 100;
    long copies = 2 * design;
    assertTrue(Folds.roomForCopies(2 * copies, design, 2));
    assertFalse(Folds.roomForCopies(2 * copies - 1, design, 2));
    assertFalse(Folds.roomForCopies(2 * copies, design, 3));
  }

  private static void assertSameCurves(Dataset data, Settings settings, double l1Ratio) {
    CvResult copied = crossValidate(data, settings, l1Ratio, true);
    CvResult masked = crossValidate(data, settings, l1Ratio, false);
    double[] expected = copied.bestCurve().meanError();
    double[] actual = masked.bestCurve().meanError();
    assertEquals(expected.length, actual.length);
    for (int k = 0; k < expected.length; k++) {
      // Both solve each fold to a gap of 1e-13: the curves differ by rounding only.
      assertEquals(expected[k], actual[k], 1e-9 * Math.abs(expected[k]), "alpha " + k);
    }
    assertEquals(copied.chosenIndex(), masked.chosenIndex());
  }

  private static CvResult crossValidate(
      Dataset data, Settings settings, double l1Ratio, boolean copyFolds) {
    return CrossValidation.run(
        data,
        settings,
        new double[] {l1Ratio},
        AlphaGrid.automatic(40, 1e-2),
        CvSettings.defaults().withFolds(5).withThreads(1),
        Progress.NONE,
        copyFolds,
        null);
  }

  @Test
  void theResultCountsTheFoldAlphasThatDidNotConverge() {
    Dataset data = RandomProblems.correlated(60, 30, 0.8, 5);
    AlphaGrid grid = AlphaGrid.automatic(20, 0.01);
    CvSettings cv = CvSettings.defaults().withFolds(4).withThreads(1);
    CvResult easy =
        CrossValidation.run(data, Settings.defaults(), new double[] {1}, grid, cv, Progress.NONE);
    assertEquals(0, easy.foldNotConverged(), "the default tolerance converges everywhere");
    Settings starved = Settings.defaults().withTolerance(1e-12).withMaxIterations(2);
    CvResult oneThread =
        CrossValidation.run(data, starved, new double[] {0.5, 1}, grid, cv, Progress.NONE);
    CvResult twoThreads =
        CrossValidation.run(
            data, starved, new double[] {0.5, 1}, grid, cv.withThreads(2), Progress.NONE);
    int fits = 2 * 4 * grid.alphas(1, 60, 30).length;
    assertTrue(
        oneThread.foldNotConverged() > 0 && oneThread.foldNotConverged() <= fits,
        oneThread.foldNotConverged() + " of " + fits);
    assertEquals(oneThread.foldNotConverged(), twoThreads.foldNotConverged());

    // Every fit's warning reaches the caller's progress, the folds' as well as the full paths'.
    java.util.concurrent.atomic.AtomicInteger told =
        new java.util.concurrent.atomic.AtomicInteger();
    Progress counting =
        new Progress() {
          @Override
          public void notConverged(String warning) {
            told.incrementAndGet();
          }
        };
    CvResult counted =
        CrossValidation.run(data, starved, new double[] {0.5, 1}, grid, cv, counting);
    int fullData = 0;
    for (RegularizationPath path : counted.paths()) {
      fullData += path.warnings().size();
    }
    assertEquals(fullData + counted.foldNotConverged(), told.get());
  }
}
