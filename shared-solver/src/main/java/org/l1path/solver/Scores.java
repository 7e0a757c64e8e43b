package org.l1path.solver;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well predictions match observed values: the measures cross-validation scores held-out rows
 * by, for any rows. Weights may be null (every row 1).
 */
public final class Scores {
  /** Probabilities are kept in [P_MIN, 1 - P_MIN] in the deviance, as glmnet does. */
  private static final double P_MIN = 1e-5;

  private Scores() {}

  /** The weighted mean squared error. */
  public static double meanSquaredError(double[] observed, double[] predicted, double[] weights) {
    double sse = 0;
    for (int i = 0; i < observed.length; i++) {
      double r = observed[i] - predicted[i];
      sse += weight(weights, i) * r * r;
    }
    return sse / total(weights, observed.length);
  }

  /**
   * The weighted mean of {@code -2 log p(observed class)}.
   *
   * @param observedClass each row's class index into its probabilities
   * @param probabilities [row][class]
   */
  public static double deviance(int[] observedClass, double[][] probabilities, double[] weights) {
    double dev = 0;
    for (int i = 0; i < observedClass.length; i++) {
      double p = probabilities[i][observedClass[i]];
      dev -= 2 * weight(weights, i) * Math.log(Math.min(Math.max(p, P_MIN), 1 - P_MIN));
    }
    return dev / total(weights, observedClass.length);
  }

  /** The weighted share of rows whose most probable class (the first on ties) is not observed. */
  public static double misclassification(
      int[] observedClass, double[][] probabilities, double[] weights) {
    double wrong = 0;
    for (int i = 0; i < observedClass.length; i++) {
      if (mostProbable(probabilities[i]) != observedClass[i]) {
        wrong += weight(weights, i);
      }
    }
    return wrong / total(weights, observedClass.length);
  }

  /** The index of the largest probability, the first on ties. */
  public static int mostProbable(double[] probabilities) {
    int best = 0;
    for (int c = 1; c < probabilities.length; c++) {
      if (probabilities[c] > probabilities[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The weighted Mann–Whitney statistic of a two-class problem: the chance that a random positive
   * row (class 1) scores above a random negative one, ties counting one half; 0.5 without both
   * classes.
   *
   * @param score each row's score for class 1, for example its probability
   */
  public static double auc(int[] observedClass, double[] score, double[] weights) {
    int n = score.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
    double positives = 0;
    double negatives = 0;
    double concordant = 0;
    int t = 0;
    while (t < n) {
      int end = t;
      double tiePos = 0;
      double tieNeg = 0;
      while (end < n && score[order[end]] == score[order[t]]) {
        int i = order[end++];
        if (observedClass[i] == 1) {
          tiePos += weight(weights, i);
        } else {
          tieNeg += weight(weights, i);
        }
      }
      concordant += tiePos * negatives + 0.5 * tiePos * tieNeg;
      positives += tiePos;
      negatives += tieNeg;
      t = end;
    }
    return positives > 0 && negatives > 0 ? concordant / (positives * negatives) : 0.5;
  }

  private static double weight(double[] weights, int i) {
    return weights == null ? 1.0 : weights[i];
  }

  private static double total(double[] weights, int n) {
    if (weights == null) {
      return n;
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    return sum;
  }
}
