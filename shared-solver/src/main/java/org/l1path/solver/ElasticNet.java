package org.l1path.solver;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * Fits elastic-net regularization paths: least squares for a numeric response, penalized logistic
 * or multinomial regression for a class response (see {@link Dataset#family()}).
 */
public final class ElasticNet {
  private static final System.Logger LOG = System.getLogger(ElasticNet.class.getName());

  /** glmnet's early-stop rule: stop when the deviance ratio moves less than this, relatively. */
  private static final double DEV_CHANGE_MIN = 1e-5;

  /** glmnet's early-stop rule: stop once the model explains this share of the null deviance. */
  private static final double DEV_RATIO_MAX = 0.999;

  /** glmnet's early-stop rule applies only after this many alphas. */
  private static final int EARLY_STOP_MIN_ALPHAS = 5;

  private ElasticNet() {}

  /**
   * Solves {@code data} at every alpha of {@code grid}, largest first, warm-starting each solve
   * from the previous one. Every alpha of a user-given grid is solved; an automatic grid may end
   * early only when {@link Settings#earlyStop()} asks for it. Alphas that fail to converge are
   * reported in the result and logged as warnings.
   *
   * @throws IllegalArgumentException if a per-feature setting does not fit the data
   */
  public static Path fitPath(Dataset data, Settings settings, AlphaGrid grid) {
    return fitPath(data, settings, grid, Progress.NONE);
  }

  /** As {@link #fitPath(Dataset, Settings, AlphaGrid)}, reporting each solved alpha. */
  public static Path fitPath(Dataset data, Settings settings, AlphaGrid grid, Progress progress) {
    Path path =
        data.family() == Family.GAUSSIAN
            ? gaussianPath(data, settings, grid, progress)
            : LogisticPath.fit(data, settings, grid, progress);
    for (String warning : path.warnings()) {
      LOG.log(Level.WARNING, warning);
    }
    return path;
  }

  private static Path gaussianPath(
      Dataset data, Settings settings, AlphaGrid grid, Progress progress) {
    GaussianProblem prob = new GaussianProblem(data, settings);
    CoordinateDescent cd = new CoordinateDescent(prob, settings);
    cd.fitUnpenalized();
    double alphaMax = cd.alphaMax();
    double[] alphas = grid.alphas(alphaMax, prob.n, prob.p);
    boolean mayStop = grid.isAutomatic() && settings.earlyStop();

    int count = alphas.length;
    double[][] intercepts = new double[count][];
    double[][][] coefficients = new double[count][][];
    double[] devRatios = new double[count];
    Convergence[] convergence = new Convergence[count];
    StopReason stop = StopReason.COMPLETED;
    double previous = Math.max(alphaMax, alphas[0]);
    int solved = 0;
    for (int k = 0; k < count; k++) {
      cd.solve(alphas[k], previous);
      previous = alphas[k];
      double[] b = prob.toOriginal(cd.beta());
      coefficients[k] = new double[][] {b};
      intercepts[k] = new double[] {prob.intercept(b)};
      devRatios[k] = prob.yVy > 0 ? 1 - cd.residualSquares / prob.yVy : 0.0;
      convergence[k] = new Convergence(cd.relativeGap, cd.iterations, cd.converged);
      solved = k + 1;
      progress.alphaSolved(solved, count);
      if (mayStop && solved >= EARLY_STOP_MIN_ALPHAS) {
        if (devRatios[k] > DEV_RATIO_MAX) {
          stop = StopReason.DEVIANCE_RATIO_SATURATED;
          break;
        }
        if (devRatios[k] - devRatios[k - 1] < DEV_CHANGE_MIN * devRatios[k]) {
          stop = StopReason.DEVIANCE_CHANGE_SMALL;
          break;
        }
      }
    }
    return new Path(
        Family.GAUSSIAN,
        java.util.List.of(),
        settings.l1Ratio(),
        data.featureNames(),
        prob.sd,
        Arrays.copyOf(alphas, solved),
        Arrays.copyOf(intercepts, solved),
        Arrays.copyOf(coefficients, solved),
        Arrays.copyOf(devRatios, solved),
        Arrays.copyOf(convergence, solved),
        stop);
  }

  /**
   * The smallest alpha at which every penalized coefficient is 0 (after fitting any unpenalized
   * features): the top of the automatic grid.
   */
  public static double alphaMax(Dataset data, Settings settings) {
    if (data.family() != Family.GAUSSIAN) {
      throw new UnsupportedOperationException("alphaMax is computed for gaussian data only");
    }
    CoordinateDescent cd = new CoordinateDescent(new GaussianProblem(data, settings), settings);
    cd.fitUnpenalized();
    return cd.alphaMax();
  }
}
