package org.l1path.solver;

import java.util.Arrays;
import org.l1path.solver.data.SparseRow;

/**
 * Collects a path alpha by alpha and, where the caller allows it, ends it early by glmnet's rules
 * ({@link StopReason#afterAlpha}); user-given alphas never stop early.
 */
public final class PathRecorder {
  private final Dataset data;
  private final Settings settings;
  private final double[] featureScales;
  private final double[] alphas;
  private final boolean mayStopEarly;
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
      boolean mayStopEarly,
      Progress progress) {
    this.data = data;
    this.settings = settings;
    this.featureScales = featureScales;
    this.alphas = alphas;
    this.mayStopEarly = mayStopEarly;
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
    if (mayStopEarly && k > 0) {
      stop = StopReason.afterAlpha(data.family(), solved, devRatio, devRatios[k - 1]);
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
