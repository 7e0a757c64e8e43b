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
   * At 1e-15: a binomial gap is close to the true objective excess ({@code glm.SupportDualPoint}).
   * A gap bounds the objective, though, not the coefficients: near the minimum the objective rises
   * with the square of the distance, so two solves certified at 1e-15 may stand about its square
   * root, 3e-8, apart. Masked and copied folds were measured up to 1.2e-8 apart in coefficients,
   * both at a computed gap of 0, and 1.4e-9 relative in held-out deviance. A fold that scaled or
   * scored with its held-out rows would be off by far more (1e-4 and up).
   */
  @Test
  void maskedFoldsMatchCopiedFoldsForClasses() {
    assertSameCurves(Reference.classCsv("binomial"), TIGHT.withTolerance(1e-15), 1.0, 1e-7);
  }

  @Test
  void foldsAreCopiedOnlyWhenTheHeapHoldsTwiceTheCopies() {
    long design = 8L * 1000 * 100;
    long copies = 2 * design;
    assertTrue(Folds.roomForCopies(2 * copies, design, 2));
    assertFalse(Folds.roomForCopies(2 * copies - 1, design, 2));
    assertFalse(Folds.roomForCopies(2 * copies, design, 3));
  }

  /** Least-squares folds at 1e-13 agree to 1e-9 of each error. */
  private static void assertSameCurves(Dataset data, Settings settings, double l1Ratio) {
    assertSameCurves(data, settings, l1Ratio, 1e-9);
  }

  /** The curves agree to {@code relative} of each error, and pick the same alpha. */
  private static void assertSameCurves(
      Dataset data, Settings settings, double l1Ratio, double relative) {
    CvResult copied = crossValidate(data, settings, l1Ratio, true);
    CvResult masked = crossValidate(data, settings, l1Ratio, false);
    double[] expected = copied.bestCurve().meanError();
    double[] actual = masked.bestCurve().meanError();
    assertEquals(expected.length, actual.length);
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], actual[k], relative * Math.abs(expected[k]), "alpha " + k);
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
