package org.l1path.solver;

import java.lang.System.Logger.Level;
import org.l1path.solver.gaussian.CrossProducts;
import org.l1path.solver.gaussian.GaussianPath;
import org.l1path.solver.glm.LogisticPath;

/**
 * Fits elastic-net regularization paths: least squares for a numeric response, penalized logistic
 * or multinomial regression for a class response (see {@link Dataset#family()}).
 */
public final class ElasticNet {
  /** Created on first use: setting up platform logging costs a fresh JVM 10 to 25 ms. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(ElasticNet.class.getName());
  }

  private ElasticNet() {}

  /** The default of {@link Progress#notConverged}. */
  static void logWarning(String warning) {
    Log.LOG.log(Level.WARNING, warning);
  }

  /**
   * Solves {@code data} at every alpha of {@code grid}, largest first, warm-starting each solve
   * from the previous one. Every alpha of a user-given grid is solved. An automatic grid ends early
   * when {@link Settings#earlyStop()} asks for it (glmnet's deviance rules), and a classification
   * path on an automatic grid always ends once the fit is saturated (deviance ratio above 0.999),
   * where coefficients only grow without bound. Alphas that fail to converge are reported in the
   * result and logged as warnings (see {@link Progress#notConverged}).
   *
   * @throws IllegalArgumentException if a per-feature setting does not fit the data
   */
  public static RegularizationPath fitPath(Dataset data, Settings settings, AlphaGrid grid) {
    return fitPath(data, settings, grid, Progress.NONE);
  }

  /** As {@link #fitPath(Dataset, Settings, AlphaGrid)}, reporting each solved alpha. */
  public static RegularizationPath fitPath(
      Dataset data, Settings settings, AlphaGrid grid, Progress progress) {
    return fitPath(data, settings, grid, progress, null, null, true);
  }

  /**
   * One fit of a cross-validation: a least-squares fit in covariance mode takes its Gram columns
   * from {@code shared}, the cross-products of the full data, less the {@code heldOutRows} (row
   * indices into the full data; empty for the full-data fit). Large sweeps use the common fork-join
   * pool only when {@code parallelSweeps}.
   */
  static RegularizationPath fitPath(
      Dataset data,
      Settings settings,
      AlphaGrid grid,
      Progress progress,
      CrossProducts shared,
      int[] heldOutRows,
      boolean parallelSweeps) {
    Dataset solving = data.forSolving();
    RegularizationPath path =
        data.family() == Family.GAUSSIAN
            ? GaussianPath.fit(
                solving, settings, grid, progress, shared, heldOutRows, parallelSweeps)
            : LogisticPath.fit(solving, settings, grid, progress, parallelSweeps);
    for (String warning : path.warnings()) {
      progress.notConverged(warning);
    }
    return path;
  }

  /**
   * The smallest alpha at which every penalized coefficient is 0 (after fitting any unpenalized
   * features): the top of the automatic grid.
   */
  public static double alphaMax(Dataset data, Settings settings) {
    if (data.family() != Family.GAUSSIAN) {
      return new LogisticPath(data, settings).alphaMaxAfterUnpenalized();
    }
    return GaussianPath.alphaMax(data, settings);
  }
}
