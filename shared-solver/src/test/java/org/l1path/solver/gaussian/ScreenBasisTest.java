package org.l1path.solver.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;

/**
 * The split bound of the KKT screen, checked against gradients computed from the definition {@code
 * G_j(r) = sum_i v_i z_ij r_i}, with z standardized by the problem's own centres and scales.
 */
class ScreenBasisTest {
  /** Residual moves as a path makes them: along a few features, plus a little of anything. */
  @ParameterizedTest(name = "rho={0} weighted={1}")
  @CsvSource({"0.8, false", "0.8, true", "0.0, false", "0.0, true"})
  void splitBoundHoldsAndIsTighterThanCauchySchwarz(double rho, boolean weighted) {
    GaussianProblem prob = problem(rho, weighted);
    ScreenBasis common = ScreenBasis.common(prob, false);
    assertEquals(rho > 0 ? 1 : 0, common.size(), "a common component exactly when correlated");
    SplittableRandom random = new SplittableRandom(9);
    double[] r0 = randomResidual(prob, random);
    double[] r1 = pathMove(prob, r0, random);
    // The basis follows the move r0 -> r1; it is tested on the next, similar move r1 -> r2.
    ScreenBasis basis = common.withMove(difference(stored(prob, r1), stored(prob, r0)), false);
    assertEquals(common.size() + 1, basis.size());
    double splitSlack = 0;
    double plainSlack = 0;
    for (int trial = 0; trial < 20; trial++) {
      double[] r2 = pathMove(prob, r1, random);
      double[] d = difference(r2, r1);
      double[] before = new double[ScreenBasis.MAX];
      double[] after = new double[ScreenBasis.MAX];
      basis.along(stored(prob, r1), before);
      basis.along(stored(prob, r2), after);
      double along = 0;
      for (int k = 0; k < basis.size(); k++) {
        along += (after[k] - before[k]) * (after[k] - before[k]);
      }
      double distance = Math.sqrt(inner(prob, d, d));
      double rest = ScreenBasis.orthogonal(distance * distance, along);
      for (int j = 0; j < prob.p; j++) {
        double predicted = 0;
        for (int k = 0; k < basis.size(); k++) {
          predicted += basis.loading(k, j) * (after[k] - before[k]);
        }
        double error = Math.abs(gradient(prob, j, r2) - gradient(prob, j, r1) - predicted);
        double slack = basis.orthogonalNorm(j) * rest;
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
  void loadingsComeFromOrthonormalDirections() {
    GaussianProblem prob = problem(0.6, false);
    SplittableRandom random = new SplittableRandom(2);
    double[] r0 = randomResidual(prob, random);
    double[] move = difference(stored(prob, pathMove(prob, r0, random)), stored(prob, r0));
    ScreenBasis basis = ScreenBasis.common(prob, false).withMove(move, false);
    assertEquals(2, basis.size());
    // With orthonormal u_k, Bessel's inequality gives sum_k w_kj^2 <= ||z_j||_V^2 = d_j.
    for (int j = 0; j < prob.p; j++) {
      double along = 0;
      for (int k = 0; k < basis.size(); k++) {
        along += basis.loading(k, j) * basis.loading(k, j);
      }
      assertTrue(along <= prob.diag[j] * (1 + 1e-12), "feature " + j);
      assertEquals(Math.sqrt(prob.diag[j] - along), basis.orthogonalNorm(j), 1e-5);
    }
    // A move along the common component alone adds no direction.
    ScreenBasis one = ScreenBasis.common(prob, false);
    assertEquals(1, one.size());
    assertEquals(one, one.withMove(new double[prob.n], false));
  }

  private static GaussianProblem problem(double rho, boolean weighted) {
    Dataset data = RandomProblems.correlated(30, 120, rho, 3);
    if (weighted) {
      double[] w = new double[data.rows()];
      SplittableRandom random = new SplittableRandom(4);
      for (int i = 0; i < w.length; i++) {
        // Zero weights as in a cross-validation fold.
        w[i] = i % 7 == 0 ? 0 : 0.2 + 2 * random.nextDouble();
      }
      data = data.withWeights(w);
    }
    return new GaussianProblem(data, Settings.defaults());
  }

  private static double[] pathMove(GaussianProblem prob, double[] r, SplittableRandom random) {
    double[] out = r.clone();
    for (int j = 0; j < 3; j++) {
      double step = 0.3 + 0.1 * random.nextDouble();
      for (int i = 0; i < prob.n; i++) {
        out[i] -= step * z(prob, j, i);
      }
    }
    for (int i = 0; i < prob.n; i++) {
      out[i] += 0.01 * RandomProblems.gauss(random);
    }
    return out;
  }

  private static double[] difference(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  private static double z(GaussianProblem prob, int j, int i) {
    double[] column = new double[prob.n];
    prob.x.copyColumn(j, column, 0);
    return (column[i] - prob.centre[j]) / prob.scale[j];
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
