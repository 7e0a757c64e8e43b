package org.l1path.solver.cv;

import org.l1path.solver.CvMeasure;
import org.l1path.solver.Dataset;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.Scores;

/** The error of a fold's path on its held-out rows, by measure. Each is weighted by row weights. */
public final class HeldOutError {
  private HeldOutError() {}

  public static double[] perAlpha(
      CvMeasure measure, Dataset data, int[] foldOfRow, int fold, RegularizationPath path) {
    int[] rows = Folds.rowsOf(foldOfRow, fold, true);
    double wSum = 0;
    for (int i : rows) {
      wSum += data.weight(i);
    }
    if (!(wSum > 0)) {
      throw new IllegalArgumentException("fold " + (fold + 1) + " has no held-out weight");
    }
    Dataset heldOut = data.subset(rows);
    double[] weights = new double[rows.length];
    int[] observedClass = new int[rows.length];
    double[] response = heldOut.response();
    for (int i = 0; i < rows.length; i++) {
      weights[i] = heldOut.weight(i);
      observedClass[i] = (int) response[i];
    }
    double[] errors = new double[path.size()];
    for (int k = 0; k < path.size(); k++) {
      Model model = path.model(k);
      errors[k] =
          switch (measure) {
            case MSE -> Scores.meanSquaredError(response, model.predict(heldOut), weights);
            case DEVIANCE -> Scores.deviance(observedClass, model.probabilities(heldOut), weights);
            case CLASS ->
                Scores.misclassification(observedClass, model.probabilities(heldOut), weights);
            case AUC -> Scores.auc(observedClass, classOneScores(model, heldOut), weights);
            case AUTO -> throw new IllegalArgumentException("measure must be resolved");
          };
    }
    return errors;
  }

  private static double[] classOneScores(Model model, Dataset heldOut) {
    double[][] probs = model.probabilities(heldOut);
    double[] out = new double[probs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = probs[i][1];
    }
    return out;
  }
}
