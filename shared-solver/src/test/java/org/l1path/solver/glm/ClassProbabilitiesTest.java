package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A binomial fit's probabilities after an intercept shift are the sigmoid of the shifted eta. */
class ClassProbabilitiesTest {
  /**
   * Small shifts scale the odds, larger ones go through the sigmoid; either way the probabilities
   * match it to rounding, from predictors where it underflows towards 0 to where it rounds to 1.
   */
  @ParameterizedTest(name = "shift {0}")
  @ValueSource(doubles = {1e-12, -3e-7, 4e-3, -9e-3, 0.5, -5, 40})
  void aShiftedInterceptGivesTheSigmoidOfTheShiftedPredictors(double shift) {
    int n = 161;
    ClassProbabilities probs = new ClassProbabilities(n, 1, false);
    double[] eta = new double[n];
    for (int i = 0; i < n; i++) {
      eta[i] = -40 + 0.5 * i;
    }
    probs.add(0, eta, 1.0, null);
    for (int k = 0; k < 3; k++) {
      probs.addConstant(0, shift);
    }
    double[] q = new double[n];
    probs.probabilities(0, q);
    for (int i = 0; i < n; i++) {
      double expected = Links.sigmoid(eta[i] + 3 * shift);
      // eta up to 40 carries a rounding of about 4e-15 itself, so q a relative one as large.
      assertEquals(expected, q[i], 1e-14 * expected, "eta " + eta[i]);
    }
  }
}
