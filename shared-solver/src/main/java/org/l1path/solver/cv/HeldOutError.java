package org.l1path.solver.cv;

import org.l1path.solver.CvMeasure;
import org.l1path.solver.Dataset;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;

/** The error of a fold's path on its held-out rows, by measure. Each is weighted by row weights. */
public final class HeldOutError {
  /**
   * Probabilities are kept above this in the deviance, as glmnet does, so one row cannot be
   * infinite.
   */
  private static final double P_MIN = 1e-5;

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
    double[] errors = new double[path.size()];
    for (int k = 0; k < path.size(); k++) {
      Model model = path.model(k);
      errors[k] =
          switch (measure) {
            case MSE -> meanSquaredError(heldOut, model, wSum);
            case DEVIANCE -> deviance(heldOut, model, wSum);
            case CLASS -> misclassification(heldOut, model, wSum);
            case AUC -> auc(heldOut, model);
            case AUTO -> throw new IllegalArgumentException("measure must be resolved");
          };
    }
    return errors;
  }

  private static double meanSquaredError(Dataset d, Model model, double wSum) {
    double[] pred = model.predict(d);
    double sse = 0;
    for (int i = 0; i < pred.length; i++) {
      double r = d.response()[i] - pred[i];
      sse += d.weight(i) * r * r;
    }
    return sse / wSum;
  }

  private static double deviance(Dataset d, Model model, double wSum) {
    double[][] probs = model.probabilities(d);
    double dev = 0;
    for (int i = 0; i < probs.length; i++) {
      double pObserved = probs[i][(int) d.response()[i]];
      dev -= 2 * d.weight(i) * Math.log(Math.min(Math.max(pObserved, P_MIN), 1 - P_MIN));
    }
    return dev / wSum;
  }

  private static double misclassification(Dataset d, Model model, double wSum) {
    double[][] probs = model.probabilities(d);
    double wrong = 0;
    for (int i = 0; i < probs.length; i++) {
      int best = 0;
      for (int c = 1; c < probs[i].length; c++) {
        if (probs[i][c] > probs[i][best]) {
          best = c;
        }
      }
      if (best != (int) d.response()[i]) {
        wrong += d.weight(i);
      }
    }
    return wrong / wSum;
  }

  /**
   * The weighted Mann–Whitney statistic: the chance that a random positive row (class 2) scores
   * above a random negative one, ties counting one half. A fold without both classes has AUC 0.5.
   */
  private static double auc(Dataset d, Model model) {
    double[][] probs = model.probabilities(d);
    int n = probs.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> probs[i][1]));
    double positives = 0;
    double negatives = 0;
    double concordant = 0;
    int t = 0;
    while (t < n) {
      int end = t;
      double tiePos = 0;
      double tieNeg = 0;
      while (end < n && probs[order[end]][1] == probs[order[t]][1]) {
        int i = order[end++];
        if (d.response()[i] == 1) {
          tiePos += d.weight(i);
        } else {
          tieNeg += d.weight(i);
        }
      }
      concordant += tiePos * negatives + 0.5 * tiePos * tieNeg;
      positives += tiePos;
      negatives += tieNeg;
      t = end;
    }
    return positives > 0 && negatives > 0 ? concordant / (positives * negatives) : 0.5;
  }
}
