package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l1path.solver.data.Dot;

/**
 * A binomial fit's probabilities after an intercept shift are the sigmoid of the shifted eta; a
 * multinomial fit's after a change of its predictors, the softmax of the changed ones.
 */
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
    add(probs, 0, eta, 1.0);
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

  /**
   * Changes of at most {@link SmallExp#BOUND} everywhere take their exponentials from the series,
   * larger ones from {@code Math.exp}; both keep the probabilities the softmax of the predictors.
   */
  @ParameterizedTest(name = "largest change {0}")
  @ValueSource(doubles = {1e-9, 0.01, 0.5, 0.75, 3})
  void aMultinomialChangeGivesTheSoftmaxOfTheChangedPredictors(double largest) {
    int n = 101;
    double[][] eta = new double[3][n];
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < n; i++) {
        eta[r][i] = Math.sin(0.3 * i + r) * (r + 1);
      }
    }
    double[] delta = new double[n];
    for (int i = 0; i < n; i++) {
      delta[i] = largest * Math.cos(0.7 * i);
    }
    delta[0] = largest;
    assertChangeOfClassOneGivesTheSoftmax(eta, delta);
  }

  /**
   * A joint line search's loss change, by the series where every class's changes are small and by
   * expm1 where one is not, matches the difference of the losses before and after (at changes large
   * enough for that difference to keep its digits), and leaves {@code exp(step delta)}.
   */
  @ParameterizedTest(name = "largest change {0}")
  @ValueSource(doubles = {0.05, 0.5, 2})
  void aJointLossChangeIsTheDifferenceOfTheLosses(double largest) {
    int n = 150;
    int classes = 3;
    org.l1path.solver.Dataset data = org.l1path.solver.RandomProblems.gaussian(n, 2, 7);
    org.l1path.solver.gaussian.GaussianProblem base =
        new org.l1path.solver.gaussian.GaussianProblem(data, org.l1path.solver.Settings.defaults());
    double[][] y = new double[classes][n];
    double[][] delta = new double[classes][n];
    double[][] factor = new double[classes][n];
    ClassProbabilities probs = new ClassProbabilities(n, classes, true);
    ClassProbabilities after = new ClassProbabilities(n, classes, true);
    for (int r = 0; r < classes; r++) {
      double[] eta = new double[n];
      for (int i = 0; i < n; i++) {
        y[r][i] = i % classes == r ? 1 : 0;
        eta[i] = Math.sin(0.3 * i + r) * (r + 1);
        delta[r][i] = largest * Math.cos(0.7 * i + 2 * r);
      }
      add(probs, r, eta, 1.0);
      add(after, r, eta, 1.0);
      add(after, r, delta[r], 0.5);
    }
    double[] classLargest = new double[classes];
    for (int r = 0; r < classes; r++) {
      classLargest[r] = Dot.largestMagnitude(delta[r], n);
    }
    double change = probs.jointLossChange(y, delta, classLargest, 0.5, base, factor);
    double before = probs.lossAndEntropy(y, 1.0, base)[0];
    double expected = after.lossAndEntropy(y, 1.0, base)[0] - before;
    assertEquals(expected, change, 1e-13 * Math.abs(before));
    for (int r = 0; r < classes; r++) {
      for (int i = 0; i < n; i++) {
        double e = Math.exp(0.5 * delta[r][i]);
        assertEquals(e, factor[r][i], 1e-15 * e, "class " + r + ", observation " + i);
      }
    }
  }

  /** The gap's log1p is Math.log1p's to 2 ulp, by its series near 0 and by the call beyond. */
  @org.junit.jupiter.api.Test
  void log1pSmallMatchesLog1p() {
    double worst = 0;
    for (int k = -20000; k <= 20000; k++) {
      double x = 0.03 * k / 20000;
      for (double v : new double[] {x, x * 1e-3, x * 1e-9}) {
        double expected = Math.log1p(v);
        double ulp = Math.ulp(expected == 0 ? Double.MIN_NORMAL : expected);
        worst = Math.max(worst, Math.abs(ClassProbabilities.log1pSmall(v) - expected) / ulp);
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(worst <= 2, "worst error " + worst + " ulp");
  }

  /**
   * A change that takes a row's dominant exponential from e^30 to e^-10 would leave its running
   * total to the cancellation of e^30 against itself: the row is recomputed, and its probabilities
   * are the softmax's to rounding. The same for a rise to e^800, past the range of a double.
   */
  @ParameterizedTest(name = "change of the dominant class {0}")
  @ValueSource(doubles = {-40, 770})
  void aRowWhoseTotalCancelsOrOverflowsIsRecomputed(double change) {
    int n = 8;
    double[][] eta = new double[3][n];
    for (int i = 0; i < n; i++) {
      eta[1][i] = i % 2 == 0 ? 30 : 0.5;
      eta[2][i] = 0.1 * i;
    }
    double[] delta = new double[n];
    java.util.Arrays.fill(delta, change);
    assertChangeOfClassOneGivesTheSoftmax(eta, delta);
  }

  /**
   * Probabilities set from predictors {@code eta} (one row per class), then class 1's moved by
   * {@code delta}, are the softmax of the moved predictors to rounding.
   */
  private static void assertChangeOfClassOneGivesTheSoftmax(double[][] eta, double[] delta) {
    int classes = eta.length;
    int n = delta.length;
    ClassProbabilities probs = new ClassProbabilities(n, classes, true);
    for (int r = 0; r < classes; r++) {
      add(probs, r, eta[r], 1.0);
    }
    add(probs, 1, delta, 1.0);
    double[] q = new double[n];
    for (int r = 0; r < classes; r++) {
      probs.probabilities(r, q);
      for (int i = 0; i < n; i++) {
        double[] changed = new double[classes];
        for (int k = 0; k < classes; k++) {
          changed[k] = eta[k][i] + (k == 1 ? delta[i] : 0);
        }
        double expected = Links.probabilities(org.l1path.solver.Family.MULTINOMIAL, changed)[r];
        assertEquals(expected, q[i], 1e-14 * expected, "class " + r + ", observation " + i);
      }
    }
  }

  /**
   * {@link ClassProbabilities#add} of {@code step * delta} with no factors, as a step applies it.
   */
  private static void add(ClassProbabilities probs, int r, double[] delta, double step) {
    probs.add(r, delta, step, null, Dot.largestMagnitude(delta, delta.length));
  }
}
