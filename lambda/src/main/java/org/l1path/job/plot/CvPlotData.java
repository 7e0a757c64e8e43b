package org.l1path.job.plot;

/**
 * What {@code cv.svg} shows: the cross-validation error curve of one l1 ratio.
 *
 * @param alphas the curve's alphas, in any order
 * @param meanError mean held-out error per alpha
 * @param stdError its standard error per alpha
 * @param alphaMin the alpha of the best mean error (the smallest; the largest for AUC)
 * @param alpha1se the largest alpha within one standard error of it
 * @param l1Ratio the curve's l1 ratio, for the title
 * @param measure the measure's name, for the y axis: {@code mse}, {@code deviance}, {@code class}
 *     or {@code auc}
 */
public record CvPlotData(
    double[] alphas,
    double[] meanError,
    double[] stdError,
    double alphaMin,
    double alpha1se,
    double l1Ratio,
    String measure) {

  /** The one measure where larger is better. */
  public static final String AUC = "auc";

  public CvPlotData {
    if (meanError.length != alphas.length || stdError.length != alphas.length) {
      throw new IllegalArgumentException(
          "meanError and stdError need one value per alpha: "
              + alphas.length
              + " alphas, "
              + meanError.length
              + " means, "
              + stdError.length
              + " standard errors");
    }
  }
}
