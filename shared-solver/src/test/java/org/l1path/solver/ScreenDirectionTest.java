package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The split bound of the KKT screen, checked against gradients computed from the definition {@code
 * G_j(r) = sum_i v_i z_ij r_i}, with z standardized by the problem's own centres and scales.
 */
class ScreenDirectionTest {
  @ParameterizedTest(name = "weighted={0}")
  @ValueSource(booleans = {false, true})
  void splitBoundHoldsAndIsTighterThanCauchySchwarz(boolean weighted) {
    Dataset data = RandomProblems.correlated(30, 120, 0.8, 3);
    if (weighted) {
      double[] w = new double[data.rows()];
      SplittableRandom random = new SplittableRandom(4);
      for (int i = 0; i < w.length; i++) {
        // Zero weights as in a cross-validation fold.
        w[i] = i % 7 == 0 ? 0 : 0.2 + 2 * random.nextDouble();
      }
      data = data.withWeights(w);
    }
    GaussianProblem prob = new GaussianProblem(data, Settings.defaults());
    ScreenDirection direction = ScreenDirection.of(prob, false);
    assertNotNull(direction, "a design with pairwise correlation 0.8 has a common component");

    SplittableRandom random = new SplittableRandom(9);
    double splitSlack = 0;
    double plainSlack = 0;
    for (int trial = 0; trial < 20; trial++) {
      double[] r0 = randomResidual(prob, random);
      // Residual moves as a path makes them: along a few features, plus a little of anything.
      double[] r1 = r0.clone();
      for (int move = 0; move < 3; move++) {
        int j = random.nextInt(prob.p);
        double step = random.nextDouble() - 0.5;
        for (int i = 0; i < prob.n; i++) {
          r1[i] -= step * z(prob, j, i);
        }
      }
      for (int i = 0; i < prob.n; i++) {
        r1[i] += 0.01 * RandomProblems.gauss(random);
      }
      double[] d = new double[prob.n];
      for (int i = 0; i < prob.n; i++) {
        d[i] = r1[i] - r0[i];
      }
      double along = direction.along(stored(prob, r1)) - direction.along(stored(prob, r0));
      double distance = Math.sqrt(inner(prob, d, d));
      double rest = ScreenDirection.orthogonal(distance * distance, along * along);
      for (int j = 0; j < prob.p; j++) {
        double actual = gradient(prob, j, r1) - gradient(prob, j, r0);
        double error = Math.abs(actual - direction.loading(j) * along);
        double slack = direction.orthogonalNorm(j) * rest;
        assertTrue(error <= slack, "feature " + j + ": " + error + " > " + slack);
        splitSlack += slack;
        plainSlack += Math.sqrt(prob.diag[j]) * distance;
      }
    }
    assertTrue(
        splitSlack < 0.6 * plainSlack,
        "split slack " + splitSlack + " against Cauchy-Schwarz " + plainSlack);
  }

  @Test
  void loadingsComeFromAUnitDirection() {
    GaussianProblem prob =
        new GaussianProblem(RandomProblems.correlated(25, 60, 0.6, 8), Settings.defaults());
    ScreenDirection direction = ScreenDirection.of(prob, false);
    assertNotNull(direction);
    // With ||u||_V = 1, Cauchy-Schwarz gives w_j^2 <= ||z_j||_V^2 = d_j.
    for (int j = 0; j < prob.p; j++) {
      double w = direction.loading(j);
      assertTrue(w * w <= prob.diag[j] * (1 + 1e-12), "feature " + j);
      assertEquals(
          Math.sqrt(prob.diag[j] - w * w), direction.orthogonalNorm(j), 1e-5 * prob.diag[j]);
    }
  }

  @Test
  void uncorrelatedDesignsGetNoDirection() {
    GaussianProblem prob =
        new GaussianProblem(RandomProblems.gaussian(50, 500, 2), Settings.defaults());
    assertNull(ScreenDirection.of(prob, false));
  }

  private static double z(GaussianProblem prob, int j, int i) {
    return (prob.x.arrays[j][prob.x.offsets[j] + i] - prob.centre[j]) / prob.scale[j];
  }

  private static double inner(GaussianProblem prob, double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < prob.n; i++) {
      sum += prob.weight(i) * a[i] * b[i];
    }
    return sum;
  }

  private static double gradient(GaussianProblem prob, int j, double[] r) {
    double sum = 0;
    for (int i = 0; i < prob.n; i++) {
      sum += prob.weight(i) * z(prob, j, i) * r[i];
    }
    return sum;
  }

  /** The residual as naive mode stores it: r, or V r when weighted. */
  private static double[] stored(GaussianProblem prob, double[] r) {
    double[] out = r.clone();
    if (prob.v != null) {
      for (int i = 0; i < prob.n; i++) {
        out[i] *= prob.v[i];
      }
    }
    return out;
  }

  private static double[] randomResidual(GaussianProblem prob, SplittableRandom random) {
    double[] r = new double[prob.n];
    for (int i = 0; i < prob.n; i++) {
      r[i] = prob.yc[i] + 0.5 * RandomProblems.gauss(random);
    }
    return r;
  }
}
