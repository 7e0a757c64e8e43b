package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Family;

/** The SnapStart hook's work, run directly: the JVM here has no CRaC to call it. */
class SnapStartPrimingTest {
  @Test
  void primingFitsEveryFamilyThroughTheWholeJob() {
    assertEquals(
        List.of(Family.GAUSSIAN, Family.BINOMIAL, Family.MULTINOMIAL), SnapStartPriming.prime());
  }
}
