package org.l1path.spark;

import java.io.Serializable;
import org.l1path.solver.CvCurve;

/**
 * One l1 ratio's cross-validation curve as the fitted model keeps and saves it: the mean held-out
 * error at each alpha of the full data's grid, its standard error, and the indices the min and 1se
 * rules pick.
 */
public record CvPoints(
    double l1Ratio,
    String measure,
    double[] alphas,
    double[] meanError,
    double[] stdError,
    int indexMin,
    int index1se)
    implements Serializable {

  static CvPoints of(CvCurve c) {
    return new CvPoints(
        c.l1Ratio(),
        c.measure().label(),
        c.alphas(),
        c.meanError(),
        c.stdError(),
        c.indexMin(),
        c.index1se());
  }

  @Override
  public double[] alphas() {
    return alphas.clone();
  }

  @Override
  public double[] meanError() {
    return meanError.clone();
  }

  @Override
  public double[] stdError() {
    return stdError.clone();
  }
}
