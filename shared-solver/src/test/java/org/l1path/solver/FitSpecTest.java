package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One fit specification gives what the front ends used to assemble by hand. */
class FitSpecTest {
  private static final Dataset DATA = RandomProblems.gaussian(80, 12, 7);

  private static AlphaGrid grid() {
    return AlphaGrid.automatic(30, 0.01);
  }

  @Test
  void withoutCrossValidationTheLastAlphaOfThePathIsChosen() {
    Settings settings = Settings.defaults().withL1Ratio(0.7);
    Fit fit = FitSpec.path(settings, AlphaGrid.automatic(30, 0.01)).fit(DATA, Progress.NONE);
    RegularizationPath direct =
        ElasticNet.fitPath(DATA, settings, AlphaGrid.automatic(30, 0.01), Progress.NONE);
    assertEquals(direct.size() - 1, fit.chosen());
    assertArrayEquals(direct.alphas(), fit.path().alphas());
    assertArrayEquals(direct.coefficients(fit.chosen()), fit.model().coefficients());
    assertNull(fit.cv());
    assertNull(fit.curve());
    assertEquals(0.7, fit.settings().l1Ratio());
  }

  @Test
  void crossValidationChoosesTheRuleAlphaOnTheBestRatio() {
    CvSettings cv = CvSettings.defaults().withFolds(4).withThreads(1);
    double[] ratios = {0.3, 1.0};
    Fit fit =
        FitSpec.crossValidated(Settings.defaults(), ratios, AlphaGrid.automatic(), cv)
            .fit(DATA, Progress.NONE);
    CvResult direct =
        CrossValidation.run(
            DATA, Settings.defaults(), ratios, AlphaGrid.automatic(), cv, Progress.NONE);
    assertEquals(direct.chosenIndex(), fit.chosen());
    assertEquals(direct.chosenAlpha(), fit.alpha());
    assertEquals(direct.bestPath().l1Ratio(), fit.settings().l1Ratio());
    assertArrayEquals(direct.bestCurve().meanError(), fit.curve().meanError());
  }

  @Test
  void relaxedCrossValidationChoosesAlphaAndGammaTogether() {
    CvSettings cv = CvSettings.defaults().withFolds(4).withThreads(1);
    double[] gammas = FitSpec.defaultGammas();
    FitSpec plain = FitSpec.crossValidated(Settings.defaults(), new double[] {1}, grid(), cv);
    Fit relaxed = plain.withRelax(gammas).fit(DATA, Progress.NONE);
    Fit lasso = plain.fit(DATA, Progress.NONE);

    List<CvCurve> curves = relaxed.cv().curves();
    assertEquals(gammas.length, curves.size(), "one curve per gamma");
    // gamma 1 is the lasso: its curve is the plain fit's, bit for bit.
    assertArrayEquals(lasso.curve().meanError(), curves.get(gammas.length - 1).meanError());
    CvCurve best = relaxed.curve();
    for (CvCurve c : curves) {
      assertTrue(best.minError() <= c.minError(), "the best curve has the lowest minimum");
    }
    assertEquals(best.gamma(), relaxed.gamma());
    assertEquals(best.index(SelectionRule.MIN), relaxed.chosen());
    Model blend = relaxed.relaxed().model(relaxed.chosen(), relaxed.gamma());
    assertArrayEquals(blend.coefficients(), relaxed.model().coefficients());
    // The refit is unpenalized on the lasso's support: off it, zero; on it, least squares.
    double[] lassoCoefficients = relaxed.path().coefficients(relaxed.chosen());
    double[] refit = relaxed.relaxed().refits().coefficients(relaxed.chosen());
    for (int j = 0; j < refit.length; j++) {
      assertEquals(lassoCoefficients[j] == 0, refit[j] == 0, "feature " + j);
    }
  }

  @Test
  void severalGammasNeedCrossValidation() {
    FitSpec path = FitSpec.path(Settings.defaults(), grid());
    assertThrows(IllegalArgumentException.class, () -> path.withRelax(FitSpec.defaultGammas()));
    assertThrows(IllegalArgumentException.class, () -> path.withRelax(new double[] {1.5}));
    Fit refit = path.withRelax(new double[] {0}).fit(DATA, Progress.NONE);
    assertEquals(0.0, refit.gamma());
    assertArrayEquals(
        refit.relaxed().refits().coefficients(refit.chosen()), refit.model().coefficients());
  }

  @Test
  void penaltyFactorsReachTheFit() {
    double[] factors = new double[12];
    java.util.Arrays.fill(factors, 1.0);
    factors[3] = 0;
    Fit fit =
        FitSpec.path(Settings.defaults(), AlphaGrid.automatic(10, 0.1))
            .withPenaltyFactors(factors)
            .fit(DATA, Progress.NONE);
    // Unpenalized, feature 3 is in the model from the first alpha on.
    assertTrue(fit.path().coefficients(0)[3] != 0);
    assertEquals(0.0, fit.settings().penaltyFactors()[3]);
  }

  @Test
  void severalRatiosNeedCrossValidation() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new FitSpec(
                    Settings.defaults(), new double[] {0.5, 1}, AlphaGrid.automatic(), null));
    assertEquals("choosing among l1 ratios [0.5, 1.0] needs cross-validation", e.getMessage());
    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FitSpec.crossValidated(
                    Settings.defaults(),
                    new double[] {0.5, 2},
                    AlphaGrid.automatic(),
                    CvSettings.defaults()));
    assertEquals("l1Ratios[1] must be in [0, 1], got 2.0", range.getMessage());
  }

  @Test
  void eachRangeHasItsBoundsInOnePlace() {
    assertTrue(OptionRange.L1_RATIO.accepts(0) && OptionRange.L1_RATIO.accepts(1));
    assertFalse(OptionRange.L1_RATIO.accepts(1.0001) || OptionRange.L1_RATIO.accepts(Double.NaN));
    assertFalse(OptionRange.TOLERANCE.accepts(0) || OptionRange.TOLERANCE.accepts(1));
    assertFalse(OptionRange.ALPHA.accepts(Double.POSITIVE_INFINITY));
    assertTrue(OptionRange.FOLDS.accepts(2) && !OptionRange.FOLDS.accepts(1));
    assertEquals(
        "-num-alphas must be at least 1, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> OptionRange.NUM_ALPHAS.check("-num-alphas", 0))
            .getMessage());
  }
}
