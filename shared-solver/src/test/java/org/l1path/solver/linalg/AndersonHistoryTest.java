package org.l1path.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AndersonHistoryTest {
  private static final int[] ALL = {0, 1, 2, 3};

  /**
   * A linear iteration {@code x <- A x + b} with A = diag(0.9, 0.6, -0.4, 0.1) creeps towards its
   * fixed point {@code b_i / (1 - a_i)}; with as many iterates as A has distinct eigenvalues (plus
   * one), the extrapolation lands on it.
   */
  @Test
  void extrapolationJumpsToTheFixedPointOfALinearIteration() {
    double[] a = {0.9, 0.6, -0.4, 0.1};
    double[] b = {1, -2, 0.5, 3};
    double[] x = {0, 0, 0, 0};
    AndersonHistory history = new AndersonHistory();
    history.add(x, ALL, 4);
    while (!history.full()) {
      for (int i = 0; i < 4; i++) {
        x[i] = a[i] * x[i] + b[i];
      }
      history.add(x, ALL, 4);
    }
    double[] out = new double[4];
    assertTrue(history.extrapolate(out));
    for (int i = 0; i < 4; i++) {
      double fixedPoint = b[i] / (1 - a[i]);
      // Five plain steps leave x_0 at 4.1 of 10; the extrapolation is exact but for its 1e-10
      // ridge (numpy, same formula: within 3e-6 relative).
      assertEquals(fixedPoint, out[i], 1e-5 * Math.abs(fixedPoint), "coordinate " + i);
    }
  }

  @Test
  void anotherSetOfCoefficientsRestartsTheHistory() {
    AndersonHistory history = new AndersonHistory();
    double[] x = {1, 2, 3, 4};
    for (int k = 0; k < AndersonHistory.DEPTH; k++) {
      history.add(x, ALL, 4);
    }
    history.add(x, new int[] {0, 1, 3}, 3);
    assertFalse(history.full());
  }

  @Test
  void iteratesThatDoNotMoveCannotBeExtrapolated() {
    AndersonHistory history = new AndersonHistory();
    double[] x = {1, 2, 3, 4};
    for (int k = 0; k <= AndersonHistory.DEPTH; k++) {
      history.add(x, ALL, 4);
    }
    assertTrue(history.full());
    assertFalse(history.extrapolate(new double[4]));
  }
}
