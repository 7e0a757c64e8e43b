package org.l1path.solver;

import java.util.Arrays;
import org.l1path.solver.data.SparseRow;

/**
 * Collects a path alpha by alpha and applies glmnet's early-stop rules: after at least five alphas,
 * stop once the deviance ratio passes 0.999 (saturated) or moves by less than 1e-5 of itself
 * (flat). Which rules apply is the caller's choice; user-given alphas get neither.
 */
public final class PathRecorder {
  private static final double DEV_RATIO_MAX = 0.999;
  private static final double DEV_CHANGE_MIN = 1e-5;
  private static final int EARLY_STOP_MIN_ALPHAS = 5;

  private final Dataset data;
  private final Settings settings;
  private final double[] featureScales;
  private final double[] alphas;
  private final boolean stopWhenSaturated;
  private final boolean stopWhenFlat;
  private final Progress progress;
  private final double[][] intercepts;
  private final SparseRow[][] coefficients;
  private final double[] devRatios;
  private final Convergence[] convergence;
  private int solved;
  private StopReason stop = StopReason.COMPLETED;

  public PathRecorder(
      Dataset data,
      Settings settings,
      double[] featureScales,
      double[] alphas,
      boolean stopWhenSaturated,
      boolean stopWhenFlat,
      Progress progress) {
    this.data = data;
    this.settings = settings;
    this.featureScales = featureScales;
    this.alphas = alphas;
    this.stopWhenSaturated = stopWhenSaturated;
    this.stopWhenFlat = stopWhenFlat;
    this.progress = progress;
    int count = alphas.length;
    intercepts = new double[count][];
    coefficients = new SparseRow[count][];
    devRatios = new double[count];
    convergence = new Convergence[count];
  }

  /**
   * Records the next alpha's fit (one coefficient row per response, original scale).
   *
   * @return whether the path goes on
   */
  public boolean record(
      SparseRow[] rowCoefficients, double[] rowIntercepts, double devRatio, Convergence c) {
    int k = solved++;
    coefficients[k] = rowCoefficients;
    intercepts[k] = rowIntercepts;
    devRatios[k] = devRatio;
    convergence[k] = c;
    progress.alphaSolved(solved, alphas.length);
    if (solved >= EARLY_STOP_MIN_ALPHAS) {
      if (stopWhenSaturated && devRatio > DEV_RATIO_MAX) {
        stop = StopReason.DEVIANCE_RATIO_SATURATED;
      } else if (stopWhenFlat && devRatio - devRatios[k - 1] < DEV_CHANGE_MIN * devRatio) {
        stop = StopReason.DEVIANCE_CHANGE_SMALL;
      }
    }
    return stop == StopReason.COMPLETED && solved < alphas.length;
  }

  public RegularizationPath path() {
    return new RegularizationPath(
        data.family(),
        data.classes(),
        settings.l1Ratio(),
        data.featureNames(),
        featureScales,
        Arrays.copyOf(alphas, solved),
        Arrays.copyOf(intercepts, solved),
        Arrays.copyOf(coefficients, solved),
        Arrays.copyOf(devRatios, solved),
        Arrays.copyOf(convergence, solved),
        stop);
  }
}
