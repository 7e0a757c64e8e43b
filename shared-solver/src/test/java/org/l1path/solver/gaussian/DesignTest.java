package org.l1path.solver.gaussian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.Settings;

/** The contiguous layouts give the same numbers as the caller's separate columns. */
class DesignTest {
  /** Large enough (n * p >= 2^17 cells) for {@link Dataset#forSolving} to copy. */
  private static final Dataset WIDE = RandomProblems.gaussian(120, 1200, 3);

  @Test
  void contiguousCopyHoldsTheSameValues() {
    Dataset solving = WIDE.forSolving();
    assertFalse(WIDE.design().contiguous());
    assertTrue(solving.design().contiguous(), "a 120 x 1200 design is copied on a roomy heap");
    for (int j = 0; j < WIDE.features(); j += 97) {
      assertArrayEquals(WIDE.column(j), solving.column(j), 0.0, "column " + j);
    }
  }

  @Test
  void bothLayoutsSolveToTheSameBits() {
    Settings settings = Settings.defaults();
    double[] separate = solve(new GaussianProblem(WIDE, settings), settings);
    double[] contiguous = solve(new GaussianProblem(WIDE.forSolving(), settings), settings);
    // Same arithmetic in the same order: the layout must not change a single bit.
    assertArrayEquals(separate, contiguous, 0.0);
    assertTrue(java.util.Arrays.stream(separate).filter(b -> b != 0).count() > 10);
  }

  @Test
  void subsetCopiesTheChosenRowsColumnMajor() {
    int[] rows = {5, 0, 119, 42};
    Dataset sub = WIDE.subset(rows);
    assertTrue(sub.design().contiguous());
    assertEquals(4, sub.rows());
    for (int j : new int[] {0, 1, 600, 1199}) {
      for (int t = 0; t < rows.length; t++) {
        assertEquals(WIDE.column(j)[rows[t]], sub.column(j)[t], 0.0);
      }
    }
  }

  /** Twenty alphas down from alpha_max by factors of 0.8; the standardized coefficients. */
  private static double[] solve(GaussianProblem prob, Settings settings) {
    CoordinateDescent cd = new CoordinateDescent(prob, settings);
    cd.fitUnpenalized();
    double alpha = cd.alphaMax();
    double previous = alpha;
    for (int k = 0; k < 20; k++) {
      cd.solve(alpha, previous);
      previous = alpha;
      alpha *= 0.8;
    }
    return cd.beta().clone();
  }
}
