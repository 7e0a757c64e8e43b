package org.l1path.solver.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l1path.solver.CrossValidation;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.cv.Folds;

/** Gram columns derived from the full data's cross-products match a direct computation. */
class FoldGramTest {
  private static final Dataset DATA = RandomProblems.gaussian(80, 12, 9);

  @Test
  void foldColumnsMatchTheTrainingRowsGram() {
    assertFoldGramMatches(DATA, Settings.defaults());
  }

  @Test
  void withoutInterceptOrStandardization() {
    assertFoldGramMatches(DATA, Settings.defaults().withFitIntercept(false));
    assertFoldGramMatches(DATA, Settings.defaults().withStandardize(false));
  }

  @Test
  void withObservationWeights() {
    SplittableRandom random = new SplittableRandom(4);
    double[] weights = new double[DATA.rows()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 0.2 + 2 * random.nextDouble();
    }
    assertFoldGramMatches(DATA.withWeights(weights), Settings.defaults());
  }

  @Test
  void theFullDataFitUsesNoHeldOutRows() {
    GaussianProblem prob = new GaussianProblem(DATA, Settings.defaults());
    FoldGram gram = new FoldGram(new CrossProducts(DATA, true), new int[0], prob, true);
    assertColumnsMatch(prob, DATA, gram);
  }

  private static void assertFoldGramMatches(Dataset data, Settings settings) {
    int[] foldOfRow = CrossValidation.assignFolds(data.rows(), CvSettings.defaults().withFolds(5));
    int fold = 2;
    Dataset training = data.subset(Folds.rowsOf(foldOfRow, fold, false));
    GaussianProblem prob = new GaussianProblem(training, settings);
    FoldGram gram =
        new FoldGram(
            new CrossProducts(data, true), Folds.rowsOf(foldOfRow, fold, true), prob, true);
    assertColumnsMatch(prob, training, gram);
  }

  /** Compares every entry with {@code sum_i v_i z_ik z_ij} over the training rows. */
  private static void assertColumnsMatch(GaussianProblem prob, Dataset training, FoldGram gram) {
    int p = prob.p;
    for (int j = 0; j < p; j++) {
      double[] column = gram.column(j, new double[p][]);
      for (int k = 0; k < p; k++) {
        double direct = GramCacheTest.directEntry(training, prob, j, k);
        // Different summation orders of ~80 terms of order 10: agreement to ~1e-13.
        assertEquals(direct, column[k], 1e-11 * (1 + Math.abs(direct)), "C[" + k + "][" + j + "]");
      }
    }
  }
}
