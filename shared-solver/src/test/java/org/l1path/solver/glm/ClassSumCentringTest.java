package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Centring each feature's class coefficients on their median: on a true multinomial Hessian, the
 * move leaves the quadratic's gradient where it was, and only features every class holds away from
 * 0, within their bounds and with a penalty, move.
 */
class ClassSumCentringTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  /**
   * The multinomial Hessian over coordinates (class r, feature j) listed class by class: {@code
   * sum_i z_ij z_ik p_ri (d_rs - p_si)} at random probabilities and features.
   */
  private static double[] multinomialHessian(int classes, int features, Random random) {
    int n = 40;
    int m = classes * features;
    double[] h = new double[m * m];
    for (int i = 0; i < n; i++) {
      double[] p = new double[classes];
      double sum = 0;
      for (int r = 0; r < classes; r++) {
        p[r] = Math.exp(random.nextGaussian());
        sum += p[r];
      }
      double[] z = new double[features];
      for (int j = 0; j < features; j++) {
        z[j] = random.nextGaussian();
      }
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          int r = a / features;
          int s = b / features;
          double pr = p[r] / sum;
          h[a * m + b] += z[a % features] * z[b % features] * pr * ((r == s ? 1 : 0) - p[s] / sum);
        }
      }
    }
    return h;
  }

  private static int[] features(int classes, int features) {
    int[] out = new int[classes * features];
    for (int c = 0; c < out.length; c++) {
      out[c] = c % features;
    }
    return out;
  }

  private static double[] filled(int m, double v) {
    double[] out = new double[m];
    Arrays.fill(out, v);
    return out;
  }

  @Test
  void oddClassCountsCentreOnTheirMedianAndTheGradientStays() {
    Random random = new Random(3);
    double[] h = multinomialHessian(3, 2, random);
    // Coordinates: class 0 (f0, f1), class 1 (f0, f1), class 2 (f0, f1). Feature 0 is non-zero in
    // every class; feature 1 is 0 in class 1, so it stays.
    double[] value = {0.3, 0.1, -0.2, 0, 0.5, -0.4};
    double[] gradient = {0.2, -0.1, 0.05, 0.3, -0.25, -0.2};
    double[] before = gradient.clone();
    int moved =
        new ClassSumCentring(2)
            .centre(
                6,
                features(3, 2),
                3,
                value,
                filled(6, 1),
                filled(6, -INF),
                filled(6, INF),
                gradient,
                h);
    assertEquals(1, moved);
    assertArrayEquals(new double[] {0, 0.1, -0.5, 0, 0.2, -0.4}, value, 1e-15);
    assertEquals(0.0, value[0], "the median class is exactly 0");
    assertArrayEquals(before, gradient, 1e-14, "the move is in the Hessian's null space");
  }

  @Test
  void evenClassCountsTakeTheNearerMiddleValue() {
    Random random = new Random(4);
    double[] h = multinomialHessian(4, 1, random);
    double[] value = {0.3, -0.2, 0.5, -0.1};
    double[] gradient = {0.1, 0.2, -0.1, -0.2};
    double[] before = gradient.clone();
    new ClassSumCentring(1)
        .centre(
            4,
            features(4, 1),
            4,
            value,
            filled(4, 1),
            filled(4, -INF),
            filled(4, INF),
            gradient,
            h);
    // Any shift in [-0.3, 0.1] minimizes the penalty; 0.1 is the smaller move.
    assertArrayEquals(new double[] {0.4, -0.1, 0.6, 0}, value, 1e-15);
    assertEquals(0.0, value[3]);
    assertArrayEquals(before, gradient, 1e-14);
  }

  @Test
  void boundsAndUnpenalizedFeaturesStayWhereTheyAre() {
    Random random = new Random(5);
    double[] h = multinomialHessian(3, 2, random);
    // Feature 0 is bounded below by 0: its median move would take a class below. Feature 1 has no
    // penalty: moving it gains nothing.
    double[] value = {0.3, 0.1, 0.2, -0.3, 0.5, 0.4};
    double[] penalty = {1, 0, 1, 0, 1, 0};
    double[] lower = {0, -INF, 0, -INF, 0, -INF};
    double[] gradient = {0.2, -0.1, 0.05, 0.3, -0.25, -0.2};
    double[] start = value.clone();
    int moved =
        new ClassSumCentring(2)
            .centre(6, features(3, 2), 3, value, penalty, lower, filled(6, INF), gradient, h);
    assertEquals(0, moved);
    assertArrayEquals(start, value);
  }

  @Test
  void interceptsAreNotFeatures() {
    Random random = new Random(6);
    double[] h = multinomialHessian(2, 2, random);
    // Coordinates: each class's intercept (-1) and feature 0.
    int[] coordFeature = {-1, 0, -1, 0};
    double[] value = {0.7, 0.2, -0.7, 0.6};
    double[] gradient = new double[4];
    int moved =
        new ClassSumCentring(1)
            .centre(
                4,
                coordFeature,
                2,
                value,
                filled(4, 1),
                filled(4, -INF),
                filled(4, INF),
                gradient,
                h);
    assertEquals(1, moved);
    assertArrayEquals(new double[] {0.7, 0, -0.7, 0.4}, value, 1e-15);
  }
}
