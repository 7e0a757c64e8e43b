package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * A Gram matrix taken over to a new strong set solves its quadratic as one formed for that set at
 * the same weights does.
 */
class GramStepTest {
  private static final int N = 150;
  private static final int P = 8;

  @Test
  void anExtendedMatrixSolvesAsAFreshOne() {
    for (boolean intercept : new boolean[] {true, false}) {
      Fixture f = new Fixture(intercept);
      GramStep extended = f.formedOn(f.sets(0, 2, 5, 7));
      FeatureSets next = f.sets(0, 3, 5, 7, 6);
      assertTrue(extended.extendable(next));
      assertFalse(extended.holds(3));
      // The caller centres new features at the weights the matrix was formed at.
      double[] centre = f.centre.clone();
      double[] curvature = new double[P];
      extended.extend(next, f.residual, centre, curvature);
      assertTrue(extended.formedFor(next));
      assertFalse(extended.holds(2));

      GramStep fresh = f.formedOn(next);
      double[] freshCentre = new double[P];
      double[] freshCurvature = new double[P];
      fresh.reuse(next, f.residual, freshCentre, freshCurvature);
      for (int j : new int[] {0, 3, 5, 6, 7}) {
        assertEquals(freshCentre[j], centre[j], 1e-14, "centre " + j);
        assertEquals(freshCurvature[j], curvature[j], 1e-12, "curvature " + j);
      }

      double[] a = new double[P];
      double[] b = new double[P];
      double alpha = 0.02 * f.largestGradient();
      extended.solve(f.sets(0, 3, 5, 7, 6), a, alpha, 0.0, 1e-20, 1000);
      fresh.solve(f.sets(0, 3, 5, 7, 6), b, alpha, 0.0, 1e-20, 1000);
      boolean anyMoved = false;
      for (int j = 0; j < P; j++) {
        assertEquals(b[j], a[j], 1e-10, "intercept " + intercept + ", coefficient " + j);
        anyMoved |= a[j] != 0;
      }
      assertTrue(anyMoved);
    }
  }

  /**
   * The gap's moved dual point reads the product of a feature's column with a combination of the
   * support's columns off the matrix: it must be the product a sweep over the rows takes, centred
   * on the overall means as the sweep centres (the weighted centring makes the centre drop out).
   */
  @Test
  void aCombinationsProductsAreTheMatrixRowsTimesItsFactors() {
    for (boolean intercept : new boolean[] {true, false}) {
      Fixture f = new Fixture(intercept);
      GramStep step = f.formedOn(f.sets(0, 2, 5, 7));
      int[] support = {5, 2};
      double[] z = {0.7, -1.3};
      double[] combination = new double[N];
      step.centredCombination(support, 2, z, combination);
      double[] column = new double[N];
      for (int j : new int[] {0, 2, 5, 7}) {
        f.base.x.copyColumn(j, column, 0);
        double centre = intercept ? f.base.mean[j] : 0.0;
        double swept = 0;
        for (int i = 0; i < N; i++) {
          swept += f.v[i] * (column[i] - centre) / f.base.scale[j] * combination[i];
        }
        double read = step.combinationProduct(j, support, 2, z);
        assertEquals(
            swept, read, 1e-12 * (1 + Math.abs(swept)), "intercept " + intercept + ", " + j);
        assertTrue(Math.abs(read) > 1e-6);
      }
    }
  }

  @Test
  void aStrongSetOfMostlyNewFeaturesIsFormedAgain() {
    Fixture f = new Fixture(true);
    GramStep step = f.formedOn(f.sets(0, 1));
    assertTrue(step.extendable(f.sets(0, 1, 2)));
    assertFalse(step.extendable(f.sets(0, 2, 3)));
  }

  /** Random weights, the weighted means as centres, and a residual. */
  private static final class Fixture {
    final GaussianProblem base;
    final double[] v = new double[N];
    final double[] centre = new double[P];
    final double[] residual = new double[N];

    /** The weights' sum. */
    final double total;

    Fixture(boolean intercept) {
      base =
          new GaussianProblem(
              RandomProblems.gaussian(N, P, 5), Settings.defaults().withFitIntercept(intercept));
      SplittableRandom random = new SplittableRandom(9);
      double weights = 0;
      for (int i = 0; i < N; i++) {
        v[i] = 0.05 + 0.2 * random.nextDouble();
        residual[i] = random.nextGaussian() * v[i];
        weights += v[i];
      }
      total = weights;
      double[] column = new double[N];
      for (int j = 0; j < P && intercept; j++) {
        base.x.copyColumn(j, column, 0);
        double sum = 0;
        for (int i = 0; i < N; i++) {
          sum += v[i] * column[i];
        }
        centre[j] = sum / total;
      }
      if (intercept) {
        double shift = 0;
        for (double r : residual) {
          shift += r / total;
        }
        for (int i = 0; i < N; i++) {
          residual[i] -= shift * v[i];
        }
      }
    }

    /** A Gram step formed for these sets at the fixture's weights, centres and residual. */
    GramStep formedOn(FeatureSets sets) {
      GramStep step = new GramStep(base, true);
      step.build(sets, v, total, centre, residual);
      return step;
    }

    FeatureSets sets(int... strong) {
      FeatureSets sets = new FeatureSets(P);
      for (int j : strong) {
        sets.addStrong(j);
      }
      return sets;
    }

    /** The largest {@code |z_j' residual|}: alpha_max of the quadratic. */
    double largestGradient() {
      double largest = 0;
      double[] column = new double[N];
      for (int j = 0; j < P; j++) {
        base.x.copyColumn(j, column, 0);
        double sum = 0;
        for (int i = 0; i < N; i++) {
          sum += column[i] * residual[i];
        }
        largest = Math.max(largest, Math.abs(sum / base.scale[j]));
      }
      return largest;
    }
  }
}
