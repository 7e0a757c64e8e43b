package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** glmnet's early-stop rules, as {@link StopReason#afterAlpha} applies them. */
class StopReasonTest {
  @Test
  void classificationStopsOnAnAbsoluteChangeAndLeastSquaresOnARelativeOne() {
    // 8e-6 at a ratio of 0.25: under glmnet's lognet threshold (1e-5), above its elnet one
    // (1e-5 x 0.25).
    assertEquals(
        StopReason.DEVIANCE_CHANGE_SMALL,
        StopReason.afterAlpha(Family.BINOMIAL, 40, 0.250008, 0.25));
    assertEquals(
        StopReason.DEVIANCE_CHANGE_SMALL,
        StopReason.afterAlpha(Family.MULTINOMIAL, 40, 0.250008, 0.25));
    assertEquals(StopReason.COMPLETED, StopReason.afterAlpha(Family.GAUSSIAN, 40, 0.250008, 0.25));
    assertEquals(
        StopReason.DEVIANCE_CHANGE_SMALL,
        StopReason.afterAlpha(Family.GAUSSIAN, 40, 0.250002, 0.25));
    assertEquals(StopReason.COMPLETED, StopReason.afterAlpha(Family.BINOMIAL, 40, 0.26, 0.25));
  }

  @Test
  void saturationComesFirstAndNeitherRuleBeforeTheFifthAlpha() {
    assertEquals(
        StopReason.DEVIANCE_RATIO_SATURATED,
        StopReason.afterAlpha(Family.BINOMIAL, 5, 0.9995, 0.9995));
    assertEquals(StopReason.COMPLETED, StopReason.afterAlpha(Family.BINOMIAL, 4, 0.9995, 0.9995));
    assertEquals(StopReason.COMPLETED, StopReason.afterAlpha(Family.GAUSSIAN, 4, 0.5, 0.5));
  }
}
