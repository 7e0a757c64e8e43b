package org.l1path.solver.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;
import org.l1path.solver.Storage;

/** Covariance mode's Gram columns: which a request computes, and that they are right. */
class GramCacheTest {
  private static final int P = 9;
  private static final Settings SETTINGS = Settings.defaults();

  @Test
  void aDenseFullDataFitComputesEveryColumnAtOnce() {
    Dataset dense = weighted(RandomProblems.gaussian(70, P, 3));
    GaussianProblem prob = new GaussianProblem(dense, SETTINGS);
    GramCache cache = new GramCache(new DescentState(prob, true), null, true);
    double[] first = cache.column(5);
    for (int j = 0; j < P; j++) {
      assertTrue(cache.holds(j), "column " + j + " after the first request");
    }
    assertColumnsMatch(dense, prob, cache);
    assertSame(first, cache.column(5), "a computed column is kept, not computed again");
  }

  @Test
  void aSparseDesignGrowsItsBatches() {
    Dataset sparse = weighted(RandomProblems.gaussian(70, P, 3)).withStorage(Storage.SPARSE);
    GaussianProblem prob = new GaussianProblem(sparse, SETTINGS);
    GramCache cache = new GramCache(new DescentState(prob, true), null, true);
    cache.column(5);
    int held = 0;
    for (int j = 0; j < P; j++) {
      held += cache.holds(j) ? 1 : 0;
    }
    assertEquals(4, held, "the first batch of a sparse design");
    assertColumnsMatch(sparse, prob, cache);
  }

  private static Dataset weighted(Dataset data) {
    SplittableRandom random = new SplittableRandom(8);
    double[] weights = new double[data.rows()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 0.2 + 2 * random.nextDouble();
    }
    return data.withWeights(weights);
  }

  /** Every entry against {@link #directEntry}. */
  private static void assertColumnsMatch(Dataset data, GaussianProblem prob, GramCache cache) {
    for (int j = 0; j < prob.p; j++) {
      double[] column = cache.column(j);
      for (int k = 0; k < prob.p; k++) {
        double direct = directEntry(data, prob, j, k);
        // Different summation orders of ~70 terms of order 10: agreement to ~1e-13.
        assertEquals(direct, column[k], 1e-11 * (1 + Math.abs(direct)), "C[" + k + "][" + j + "]");
      }
    }
  }

  /** {@code sum_i v_i z_ik z_ij} over the rows of {@code data}, the rows prob was made from. */
  static double directEntry(Dataset data, GaussianProblem prob, int j, int k) {
    double sum = 0;
    for (int i = 0; i < prob.n; i++) {
      double zk = (data.column(k)[i] - prob.centre[k]) / prob.scale[k];
      double zj = (data.column(j)[i] - prob.centre[j]) / prob.scale[j];
      sum += prob.weight(i) * zk * zj;
    }
    return sum;
  }
}
