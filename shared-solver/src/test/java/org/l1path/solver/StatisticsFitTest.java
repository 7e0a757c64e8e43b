package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A path and its cross-validation fitted from per-fold {@link SufficientStatistics} equal the ones
 * fitted on the rows with the same folds.
 */
class StatisticsFitTest {
  private static final double TIGHT = 1e-10;

  /** Statistics of each fold's rows, added row by row. */
  private static SufficientStatistics[] foldStatistics(Dataset data, int[] foldOfRow, int folds) {
    int p = data.features();
    SufficientStatistics[] out = new SufficientStatistics[folds];
    for (int f = 0; f < folds; f++) {
      out[f] = new SufficientStatistics(p);
    }
    double[] row = new double[p];
    for (int i = 0; i < data.rows(); i++) {
      for (int j = 0; j < p; j++) {
        row[j] = data.column(j)[i];
      }
      out[foldOfRow[i]].add(row, data.response()[i], data.weight(i));
    }
    return out;
  }

  private static SufficientStatistics all(SufficientStatistics[] folds) {
    SufficientStatistics total = new SufficientStatistics(folds[0].features());
    for (SufficientStatistics f : folds) {
      total.merge(f);
    }
    return total;
  }

  private static void assertSamePath(RegularizationPath expected, RegularizationPath actual) {
    assertArrayEquals(expected.alphas(), actual.alphas(), 1e-12 * expected.alpha(0));
    double scale = 0;
    for (int k = 0; k < expected.size(); k++) {
      for (double b : expected.coefficients(k)) {
        scale = Math.max(scale, Math.abs(b));
      }
    }
    for (int k = 0; k < expected.size(); k++) {
      assertArrayEquals(
          expected.coefficients(k), actual.coefficients(k), 1e-6 * scale, "alpha index " + k);
      assertEquals(expected.intercept(k), actual.intercept(k), 1e-6 * (1 + scale));
    }
  }

  @Test
  void pathFromStatisticsEqualsThePathOnTheRows() {
    Dataset data = Reference.numericCsv("diabetes");
    Settings settings = Settings.defaults().withL1Ratio(0.5).withTolerance(TIGHT);
    RegularizationPath rows = ElasticNet.fitPath(data, settings, AlphaGrid.automatic());
    SufficientStatistics stats = all(foldStatistics(data, new int[data.rows()], 1));
    RegularizationPath moments =
        StatisticsFit.fitPath(
            stats, data.featureNames(), settings, AlphaGrid.automatic(), Progress.NONE);
    assertSamePath(rows, moments);
  }

  @Test
  void crossValidationFromStatisticsEqualsCrossValidationOnTheRows() {
    Dataset data = RandomProblems.correlated(300, 12, 0.5, 7);
    double[] weights = new double[data.rows()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 0.5 + (i % 7) / 3.0;
    }
    Dataset weighted = data.withWeights(weights);
    Settings settings = Settings.defaults().withTolerance(TIGHT);
    double[] ratios = {0.3, 1.0};
    CvSettings cv = CvSettings.defaults().withFolds(5).withSeed(3).withRule(SelectionRule.ONE_SE);
    CvResult onRows =
        CrossValidation.run(weighted, settings, ratios, AlphaGrid.automatic(), cv, Progress.NONE);
    int[] foldOfRow = onRows.foldOfRow();
    CvResult fromStats =
        StatisticsFit.crossValidate(
            foldStatistics(weighted, foldOfRow, 5),
            weighted.featureNames(),
            settings,
            ratios,
            AlphaGrid.automatic(),
            SelectionRule.ONE_SE,
            2,
            Progress.NONE);
    assertEquals(onRows.curves().size(), fromStats.curves().size());
    for (int c = 0; c < ratios.length; c++) {
      CvCurve a = onRows.curves().get(c);
      CvCurve b = fromStats.curves().get(c);
      assertArrayEquals(a.meanError(), b.meanError(), 1e-6 * a.meanError()[0]);
      assertArrayEquals(a.stdError(), b.stdError(), 1e-5 * a.meanError()[0]);
      assertSamePath(onRows.paths().get(c), fromStats.paths().get(c));
    }
    assertEquals(onRows.bestIndex(), fromStats.bestIndex());
    assertEquals(onRows.chosenAlpha(), fromStats.chosenAlpha(), 1e-12 * onRows.chosenAlpha());
    assertEquals(0, fromStats.foldOfRow().length);
  }

  @Test
  void constantFeatureStaysConstantThroughFolds() {
    Dataset base = RandomProblems.gaussian(60, 3, 5);
    double[][] cols = {base.column(0), base.column(1), new double[60]};
    java.util.Arrays.fill(cols[2], 0.1);
    Dataset data = Dataset.of(cols, base.response(), null, List.of("a", "b", "c"));
    int[] foldOfRow = new int[60];
    for (int i = 0; i < 60; i++) {
      foldOfRow[i] = i % 3;
    }
    SufficientStatistics[] folds = foldStatistics(data, foldOfRow, 3);
    SufficientStatistics training = all(folds).minus(folds[1]);
    assertEquals(0.0, training.crossProduct(2, 2));
    assertEquals(0.1, training.mean(2));
    RegularizationPath path =
        StatisticsFit.fitPath(
            training,
            data.featureNames(),
            Settings.defaults(),
            AlphaGrid.automatic(),
            Progress.NONE);
    for (int k = 0; k < path.size(); k++) {
      assertEquals(0.0, path.coefficients(k)[2]);
    }
  }

  @Test
  void heldOutErrorFromMomentsEqualsTheDirectSum() {
    Dataset data = RandomProblems.gaussian(50, 4, 9);
    SufficientStatistics stats = all(foldStatistics(data, new int[50], 1));
    double[] b = {0.3, -1.2, 0, 2.5};
    double b0 = 0.7;
    double direct = 0;
    for (int i = 0; i < 50; i++) {
      double r = data.response()[i] - b0;
      for (int j = 0; j < 4; j++) {
        r -= b[j] * data.column(j)[i];
      }
      direct += r * r;
    }
    assertEquals(direct / 50, stats.meanSquaredError(b0, b), 1e-12 * direct / 50);
  }

  @Test
  void badInputIsNamed() {
    SufficientStatistics s = new SufficientStatistics(2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.add(new double[] {1, 2}, 1, -1));
    assertTrue(e.getMessage().contains("weights"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.add(new double[] {1}, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            StatisticsFit.fitPath(
                s, List.of("a", "b"), Settings.defaults(), AlphaGrid.automatic(), Progress.NONE));
  }

  /**
   * Blocks added through the Gram kernel equal the same rows added one by one: odd sizes that cross
   * the kernel's tiles, weights with zeros, a block of one row, an empty block and one of weight 0,
   * and an offset far from 0 that a raw sum of squares would lose.
   */
  @Test
  void blocksEqualRowByRowAdds() {
    java.util.Random random = new java.util.Random(7);
    for (int p : new int[] {1, 3, 7, 14}) {
      SufficientStatistics rows = new SufficientStatistics(p);
      SufficientStatistics blocks = new SufficientStatistics(p);
      for (int count : new int[] {1, 0, 5, 1, 1030, 17}) {
        double[] x = new double[count * p];
        double[] y = new double[count];
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
          double[] row = new double[p];
          for (int j = 0; j < p; j++) {
            row[j] = 1e6 + random.nextGaussian() * (j + 1);
            x[j * count + i] = row[j];
          }
          y[i] = random.nextGaussian() - 3;
          w[i] = i % 4 == 3 ? 0.0 : random.nextDouble() * 2;
          rows.add(row, y[i], w[i]);
        }
        blocks.addBlock(x, y, w, count);
      }
      blocks.addBlock(new double[2 * p], new double[2], new double[2], 2);
      rows.add(new double[p], 0, 0);
      rows.add(new double[p], 0, 0);
      assertEquals(rows.rows(), blocks.rows());
      assertEquals(rows.weight(), blocks.weight(), 1e-12 * rows.weight());
      for (int j = 0; j <= p; j++) {
        assertEquals(rows.mean(j), blocks.mean(j), 1e-9 * Math.abs(rows.mean(j)) + 1e-12);
        for (int k = j; k <= p; k++) {
          double scale = Math.sqrt(rows.crossProduct(j, j) * rows.crossProduct(k, k));
          assertEquals(rows.crossProduct(j, k), blocks.crossProduct(j, k), 1e-9 * scale);
        }
      }
    }
  }

  @Test
  void badBlocksAreNamed() {
    SufficientStatistics s = new SufficientStatistics(2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> s.addBlock(new double[4], new double[2], new double[] {1, Double.NaN}, 2));
    assertTrue(e.getMessage().contains("weights"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> s.addBlock(new double[3], new double[2], new double[2], 2));
    assertTrue(e.getMessage().contains("rows of 2"), e.getMessage());
    assertEquals(0, s.rows());
  }

  @Test
  void statisticsFromTheirMomentsFitTheSamePath() {
    Dataset data = Reference.numericCsv("diabetes");
    SufficientStatistics summed = all(foldStatistics(data, new int[data.rows()], 1));
    int d = data.features() + 1;
    double[] mean = new double[d];
    double[][] cross = new double[d][d];
    for (int j = 0; j < d; j++) {
      mean[j] = summed.mean(j);
      for (int k = j; k < d; k++) {
        cross[j][k] = summed.crossProduct(j, k);
      }
    }
    SufficientStatistics made =
        SufficientStatistics.ofMoments(summed.rows(), summed.weight(), mean, cross);
    Settings settings = Settings.defaults().withTolerance(TIGHT);
    assertSamePath(
        StatisticsFit.fitPath(
            summed, data.featureNames(), settings, AlphaGrid.automatic(), Progress.NONE),
        StatisticsFit.fitPath(
            made, data.featureNames(), settings, AlphaGrid.automatic(), Progress.NONE));
    assertEquals(summed.crossProduct(d - 1, 0), made.crossProduct(0, d - 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SufficientStatistics.ofMoments(1, 0, mean, cross));
    assertTrue(e.getMessage().contains("weight"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SufficientStatistics.ofMoments(1, 1, mean, new double[d][d - 1]));
    assertTrue(e.getMessage().contains("cross-product row 0"), e.getMessage());
  }
}
