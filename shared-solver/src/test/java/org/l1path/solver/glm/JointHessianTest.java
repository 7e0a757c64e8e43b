package org.l1path.solver.glm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * A Hessian taken over to new coordinates holds the entries a form would: at the probabilities of
 * its form between features of the formed union, at the current ones where a feature outside it
 * takes part.
 */
class JointHessianTest {
  private static final int N = 300;
  private static final int P = 8;
  private static final int CLASSES = 3;

  private final GaussianProblem base;
  private final ClassProbabilities formed = probabilities(1, 0.0);
  private final ClassProbabilities moved = probabilities(1, 0.4);

  JointHessianTest() {
    Dataset data = RandomProblems.gaussian(N, P, 3);
    SplittableRandom random = new SplittableRandom(5);
    double[] w = new double[N];
    for (int i = 0; i < N; i++) {
      w[i] = 0.2 + 2 * random.nextDouble();
    }
    base = new GaussianProblem(data.withWeights(w), Settings.defaults());
  }

  @Test
  void newCoordinatesOfUnionFeaturesReadTheFormedSums() {
    JointHessian hessian = formedOn(new int[][] {{1, 3}, {3, 5}, {1}});
    hessian.list(sets(new int[][] {{1, 3, 5}, {3, 5}, {1, 5}}));
    int[] newPlace = hessian.extend(moved);

    // Every old coordinate keeps its place in order; class 0's new feature 5 takes place 3.
    assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6, 7, 8}, newPlace);
    double[] expected = formAt(formed, hessian);
    assertRoutesDiffer(expected, formAt(moved, hessian), hessian.coords, hessian);
    for (int e = 0; e < expected.length; e++) {
      assertEquals(expected[e], hessian.matrix[e], 1e-12 * (1 + Math.abs(expected[e])), "" + e);
    }
  }

  @Test
  void aFeatureOutsideTheUnionTakesAPassAtTheCurrentProbabilities() {
    JointHessian hessian = formedOn(new int[][] {{1, 3}, {3, 5}, {1}});
    hessian.list(sets(new int[][] {{1, 3}, {3, 5, 6}, {1, 3}}));
    hessian.extend(moved);

    double[] atForm = formAt(formed, hessian);
    double[] now = formAt(moved, hessian);
    int m = hessian.coords;
    int outside = 0;
    for (int c = 0; c < m; c++) {
      for (int d = 0; d < m; d++) {
        boolean union = hessian.coordFeature[c] != 6 && hessian.coordFeature[d] != 6;
        double expected = union ? atForm[c * m + d] : now[c * m + d];
        outside += union ? 0 : 1;
        assertEquals(
            expected, hessian.matrix[c * m + d], 1e-12 * (1 + Math.abs(expected)), c + "," + d);
      }
    }
    assertEquals(2 * m - 1, outside);
    assertRoutesDiffer(atForm, now, m, hessian);
  }

  /**
   * The two references differ by far more than the tolerance on the new coordinates' entries, so an
   * entry taken by the wrong route would fail.
   */
  private static void assertRoutesDiffer(
      double[] atForm, double[] now, int m, JointHessian hessian) {
    double least = Double.POSITIVE_INFINITY;
    for (int c = 0; c < m; c++) {
      boolean isNew =
          hessian.coordFeature[c] == 6
              || hessian.coordClass[c] == 2 && hessian.coordFeature[c] == 3
              || hessian.coordFeature[c] == 5 && hessian.coordClass[c] != 1;
      if (isNew) {
        double largest = 0;
        for (int d = 0; d < m; d++) {
          largest = Math.max(largest, Math.abs(atForm[c * m + d] - now[c * m + d]));
        }
        least = Math.min(least, largest);
      }
    }
    if (!(least > 1e-3)) {
      throw new AssertionError("a new coordinate's row moved by only " + least);
    }
  }

  private JointHessian formedOn(int[][] strong) {
    JointHessian hessian = new JointHessian(base, true, CLASSES);
    hessian.list(sets(strong));
    hessian.form(formed);
    return hessian;
  }

  /** A fresh form over the hessian's listed coordinates at these probabilities. */
  private double[] formAt(ClassProbabilities probs, JointHessian listed) {
    JointHessian fresh = new JointHessian(base, true, CLASSES);
    FeatureSets[] sets = new FeatureSets[CLASSES];
    for (int r = 0; r < CLASSES; r++) {
      sets[r] = new FeatureSets(P);
    }
    for (int c = 0; c < listed.coords; c++) {
      if (listed.coordFeature[c] >= 0) {
        sets[listed.coordClass[c]].addStrong(listed.coordFeature[c]);
      }
    }
    fresh.list(sets);
    assertArrayEquals(
        java.util.Arrays.copyOf(listed.coordFeature, listed.coords),
        java.util.Arrays.copyOf(fresh.coordFeature, fresh.coords));
    fresh.form(probs);
    return java.util.Arrays.copyOf(fresh.matrix, fresh.coords * fresh.coords);
  }

  private static FeatureSets[] sets(int[][] strong) {
    FeatureSets[] sets = new FeatureSets[CLASSES];
    for (int r = 0; r < CLASSES; r++) {
      sets[r] = new FeatureSets(P);
      for (int j : strong[r]) {
        sets[r].addStrong(j);
      }
    }
    return sets;
  }

  /** Random linear predictors (seeded), each shifted by {@code move} times another draw. */
  private static ClassProbabilities probabilities(long seed, double move) {
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom shift = new SplittableRandom(seed + 100);
    ClassProbabilities probs = new ClassProbabilities(N, CLASSES, true);
    for (int r = 0; r < CLASSES; r++) {
      for (int i = 0; i < N; i++) {
        probs.eta[r][i] = random.nextGaussian() + move * shift.nextGaussian();
      }
    }
    probs.refresh();
    return probs;
  }
}
