package org.l1path.solver.gaussian;

import org.l1path.solver.linalg.Sweep;

/**
 * What coordinate descent knows at one moment, shared by the parts that move it: the standardized
 * coefficients, their gradients, the strong set (the features descent visits; it never shrinks
 * along a path) and the active set (the strong features that are non-zero).
 */
final class DescentState {
  final GaussianProblem prob;

  /** Standardized coefficients. */
  final double[] beta;

  /**
   * Gradients {@code z_j' V r}; valid on the strong set after a certification, everywhere after one
   * that converged. They start at {@link #zvy}.
   */
  final double[] grad;

  /** {@code z_j' V yc}: the gradients at beta = 0. */
  final double[] zvy;

  final boolean[] strong;
  final int[] strongList;
  int strongCount;
  final int[] activeList;
  int activeCount;

  /** Scratch list of features outside the strong set (candidates, or those a KKT check visits). */
  final int[] screened;

  /** The state at beta = 0; the gradient's sweep over the columns may run in parallel. */
  DescentState(GaussianProblem prob, boolean parallelSweeps) {
    this.prob = prob;
    int p = prob.p;
    beta = new double[p];
    grad = new double[p];
    zvy = new double[p];
    strong = new boolean[p];
    strongList = new int[p];
    activeList = new int[p];
    screened = new int[p];
    // The weighted centred response: the naive residual at beta = 0.
    int n = prob.n;
    double[] vy = new double[n];
    for (int i = 0; i < n; i++) {
      vy[i] = prob.weight(i) * prob.yc[i];
    }
    double sumVy = prob.weightedSum(prob.yc);
    Sweep.run(
        p,
        (long) n * p,
        parallelSweeps,
        j -> {
          if (!prob.fixed[j]) {
            zvy[j] = (prob.x.dot(j, vy) - prob.centre[j] * sumVy) / prob.scale[j];
          }
        });
    System.arraycopy(zvy, 0, grad, 0, p);
  }

  void rebuildStrongList() {
    strongCount = 0;
    for (int j = 0; j < prob.p; j++) {
      if (strong[j]) {
        strongList[strongCount++] = j;
      }
    }
  }

  void rebuildActiveList() {
    activeCount = 0;
    for (int k = 0; k < strongCount; k++) {
      int j = strongList[k];
      if (beta[j] != 0) {
        activeList[activeCount++] = j;
      }
    }
  }

  /** Lists the free features outside the strong set in {@link #screened}; returns how many. */
  int listOutsideStrongSet() {
    int count = 0;
    for (int j = 0; j < prob.p; j++) {
      if (!strong[j] && !prob.fixed[j]) {
        screened[count++] = j;
      }
    }
    return count;
  }

  boolean anyPenalizedNonZero() {
    for (int j = 0; j < prob.p; j++) {
      if (beta[j] != 0 && prob.penalty[j] > 0) {
        return true;
      }
    }
    return false;
  }
}
