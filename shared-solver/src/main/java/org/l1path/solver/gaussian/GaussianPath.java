package org.l1path.solver.gaussian;

import org.l1path.solver.AlphaGrid;
import org.l1path.solver.Convergence;
import org.l1path.solver.Dataset;
import org.l1path.solver.PathRecorder;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.Settings;
import org.l1path.solver.data.SparseRow;

/** The least-squares path: one {@link CoordinateDescent}, solved alpha after alpha. */
public final class GaussianPath {
  private GaussianPath() {}

  /**
   * Fits {@code data} along {@code grid}. In cross-validation, a fit in covariance mode takes its
   * Gram columns from {@code shared}, the cross-products of the full data, less the {@code
   * heldOutRows} (row indices into the full data); both are null otherwise. Large sweeps use the
   * common fork-join pool only when {@code parallelSweeps}.
   */
  public static RegularizationPath fit(
      Dataset data,
      Settings settings,
      AlphaGrid grid,
      Progress progress,
      CrossProducts shared,
      int[] heldOutRows,
      boolean parallelSweeps) {
    GaussianProblem prob = new GaussianProblem(data, settings, parallelSweeps);
    CoordinateDescent cd =
        new CoordinateDescent(prob, settings, shared, heldOutRows, parallelSweeps);
    cd.fitUnpenalized();
    double alphaMax = cd.alphaMax();
    double[] alphas = grid.alphas(alphaMax, prob.n, prob.p);
    boolean mayStop = grid.isAutomatic() && settings.earlyStop();
    PathRecorder recorder = new PathRecorder(data, settings, prob.sd, alphas, mayStop, progress);
    double previous = Math.max(alphaMax, alphas[0]);
    boolean more = true;
    for (int k = 0; more; k++) {
      cd.solve(alphas[k], previous);
      previous = alphas[k];
      SparseRow b = prob.toOriginalRow(cd.beta(), cd.mayBeNonZero());
      more =
          recorder.record(
              new SparseRow[] {b},
              new double[] {prob.intercept(b)},
              prob.yVy > 0 ? 1 - cd.residualSquares / prob.yVy : 0.0,
              new Convergence(cd.relativeGap, cd.iterations, cd.converged));
    }
    return recorder.path();
  }

  /** The smallest alpha at which every penalized coefficient is 0, unpenalized ones fitted. */
  public static double alphaMax(Dataset data, Settings settings) {
    CoordinateDescent cd = new CoordinateDescent(new GaussianProblem(data, settings), settings);
    cd.fitUnpenalized();
    return cd.alphaMax();
  }
}
