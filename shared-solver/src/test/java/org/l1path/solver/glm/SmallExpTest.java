package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The series is exp (and expm1) to its last bits over the whole range it serves. */
class SmallExpTest {
  @Test
  void matchesExpToTwoUnitsInTheLastPlace() {
    int n = 20001;
    double[] delta = new double[n];
    for (int i = 0; i < n; i++) {
      // Up to BOUND from both sides, scaled by the step below; both ends included.
      delta[i] = -2 * SmallExp.BOUND + 4 * SmallExp.BOUND * i / (n - 1);
    }
    double[] out = new double[n];
    SmallExp.of(delta, 0.5, n, out);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double expected = Math.exp(0.5 * delta[i]);
      worst = Math.max(worst, Math.abs(out[i] - expected) / Math.ulp(expected));
    }
    assertTrue(worst <= 2, "worst error " + worst + " ulp");
  }

  @Test
  void isExactlyOneAtZero() {
    double[] out = new double[1];
    SmallExp.of(new double[] {0.0}, 1.0, 1, out);
    assertEquals(1.0, out[0]);
  }

  /** Less 1, to expm1's relative precision, tiny arguments included. */
  @Test
  void minusOneMatchesExpm1ToTwoUnitsInTheLastPlace() {
    int n = 20001;
    double[] delta = new double[n + 3];
    for (int i = 0; i < n; i++) {
      delta[i] = -SmallExp.BOUND + 2 * SmallExp.BOUND * i / (n - 1);
    }
    delta[n] = 1e-300;
    delta[n + 1] = -3e-12;
    delta[n + 2] = 7e-6;
    double[] out = new double[delta.length];
    SmallExp.minusOne(delta, 1.0, delta.length, out);
    double worst = 0;
    for (int i = 0; i < delta.length; i++) {
      double expected = Math.expm1(delta[i]);
      double ulp = Math.ulp(expected == 0 ? Double.MIN_NORMAL : expected);
      worst = Math.max(worst, Math.abs(out[i] - expected) / ulp);
    }
    assertTrue(worst <= 2, "worst error " + worst + " ulp");
  }
}
