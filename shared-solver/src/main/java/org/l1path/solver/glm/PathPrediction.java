package org.l1path.solver.glm;

import java.util.Arrays;
import org.l1path.solver.data.Dot;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * The solutions at the last two alphas of a logistic path, to start the next alpha from their
 * linear extrapolation in alpha, as the least-squares refit starts from its {@code SolutionTrend}.
 * Along a path the solution moves smoothly, so the extrapolation is far closer to the next solution
 * than the last one is: on a 3000 x 20 binomial path the largest move of a linear predictor left to
 * the Newton steps fell from 0.012-0.28 to 0.0005-0.064 per alpha. A binomial alpha then mostly
 * needs one step where it took two (see {@code LogisticPath.settlesNext}). Any start gives the same
 * solution; only the steps differ.
 */
final class PathPrediction {
  private final GaussianProblem base;
  private final int n;
  private double[][] older;
  private double[][] last;
  private double[] olderIntercepts;
  private double[] lastIntercepts;
  private double olderAlpha = Double.NaN;
  private double lastAlpha = Double.NaN;
  private final double[] move;

  /** The coefficients that move, and their moves on the original scale. */
  private final int[] changed;

  private final double[] factors;

  PathPrediction(GaussianProblem base, int rows) {
    this.base = base;
    this.n = base.n;
    older = new double[rows][base.p];
    last = new double[rows][base.p];
    olderIntercepts = new double[rows];
    lastIntercepts = new double[rows];
    move = new double[n];
    changed = new int[base.p];
    factors = new double[base.p];
  }

  /** Records the solution at {@code alpha}. */
  void record(double alpha, double[][] beta, double[] intercepts) {
    double[][] swap = older;
    older = last;
    last = swap;
    double[] swapIntercepts = olderIntercepts;
    olderIntercepts = lastIntercepts;
    lastIntercepts = swapIntercepts;
    for (int r = 0; r < beta.length; r++) {
      System.arraycopy(beta[r], 0, last[r], 0, beta[r].length);
    }
    System.arraycopy(intercepts, 0, lastIntercepts, 0, intercepts.length);
    olderAlpha = lastAlpha;
    lastAlpha = alpha;
  }

  /**
   * Moves the coefficients, intercepts and probabilities, which hold the last recorded solution, on
   * to its extrapolation at {@code alpha}; returns the largest move of a linear predictor (0 before
   * two solutions are recorded). Only non-zero coefficients move, and none past 0 or a bound: a
   * coefficient whose trend crosses 0 stops there, and the Newton steps decide whether it leaves
   * the support.
   */
  double moveTo(double alpha, double[][] beta, double[] intercepts, ClassProbabilities probs) {
    double step = lastAlpha - olderAlpha;
    if (!(step != 0 && Double.isFinite(step))) {
      return 0;
    }
    double ratio = (alpha - lastAlpha) / step;
    double longest = 0;
    for (int r = 0; r < beta.length; r++) {
      double interceptMove = ratio * (lastIntercepts[r] - olderIntercepts[r]);
      Arrays.fill(move, interceptMove);
      double[] b = beta[r];
      int changes = 0;
      for (int j = 0; j < b.length; j++) {
        if (b[j] == 0) {
          continue;
        }
        double next = b[j] + ratio * (last[r][j] - older[r][j]);
        if (next * b[j] <= 0) {
          next = 0;
        }
        next = Math.min(Math.max(next, base.lower[j]), base.upper[j]);
        if (next != b[j]) {
          changed[changes] = j;
          factors[changes++] = (next - b[j]) / base.scale[j];
          b[j] = next;
        }
      }
      base.x.addColumns(changed, factors, changes, move);
      if (interceptMove != 0 || changes > 0) {
        intercepts[r] += interceptMove;
        double largest = Dot.largestMagnitude(move, n);
        longest = Math.max(longest, largest);
        probs.add(r, move, 1.0, null, largest);
      }
    }
    return longest;
  }
}
