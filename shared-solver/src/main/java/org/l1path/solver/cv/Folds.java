package org.l1path.solver.cv;

import java.util.SplittableRandom;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Dataset;
import org.l1path.solver.FoldAssignment;

/** Which rows each fold holds out, and the data a fold is fitted on. */
public final class Folds {
  private Folds() {}

  /**
   * The 0-based fold of each row (see {@link org.l1path.solver.CrossValidation#assignFolds(int,
   * CvSettings)}); random folds are stratified by {@code classOfRow} unless it is null.
   */
  public static int[] assign(int n, CvSettings cv, double[] classOfRow) {
    if (cv.assignment() == FoldAssignment.GIVEN) {
      int[] ids = cv.foldIds();
      if (ids.length != n) {
        throw new IllegalArgumentException(
            "foldIds has " + ids.length + " entries but the data has " + n + " rows");
      }
      int[] distinct = java.util.Arrays.stream(ids).distinct().sorted().toArray();
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = java.util.Arrays.binarySearch(distinct, ids[i]);
      }
      return out;
    }
    int k = cv.folds();
    if (k > n) {
      throw new IllegalArgumentException("folds (" + k + ") must not exceed the rows (" + n + ")");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (cv.assignment() == FoldAssignment.RANDOM) {
      SplittableRandom random = new SplittableRandom(cv.seed());
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    int[] out = new int[n];
    if (classOfRow != null) {
      Integer[] byClass = new Integer[n];
      for (int i = 0; i < n; i++) {
        byClass[i] = order[i];
      }
      // A stable sort keeps the shuffled order within each class.
      java.util.Arrays.sort(byClass, java.util.Comparator.comparingDouble(i -> classOfRow[i]));
      for (int i = 0; i < n; i++) {
        out[byClass[i]] = i % k;
      }
      return out;
    }
    int position = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      for (int s = 0; s < size; s++) {
        out[order[position++]] = f;
      }
    }
    return out;
  }

  /**
   * The fold's training data: its rows copied, or the full data with the held-out rows at weight 0.
   * Both give the same problem, centring and scaling from the training rows only. A copy runs on
   * contiguous columns of 1 - 1/K of the rows and is faster; the mask costs no memory.
   */
  public static Dataset training(Dataset data, int[] foldOfRow, int fold, boolean copy) {
    try {
      if (copy) {
        return data.subset(rowsOf(foldOfRow, fold, false));
      }
      double[] weights = new double[data.rows()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = foldOfRow[i] == fold ? 0.0 : data.weight(i);
      }
      return data.withWeights(weights);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fold " + (fold + 1) + " leaves no training weight", e);
    }
  }

  /**
   * Whether {@code freeBytes} hold a copy of the design ({@code designBytes}) for each fold fitted
   * at once, with as much again to spare for the fits themselves (Gram columns, factors, paths).
   * Without that room the folds mask their held-out rows: slower by the held-out share of each
   * sweep, but a fit that runs out of memory gives nothing.
   */
  public static boolean roomForCopies(long freeBytes, long designBytes, int atOnce) {
    return freeBytes >= 2 * designBytes * atOnce;
  }

  /** The rows in ({@code inFold}) or out of the fold. */
  public static int[] rowsOf(int[] foldOfRow, int fold, boolean inFold) {
    int count = 0;
    for (int f : foldOfRow) {
      if ((f == fold) == inFold) {
        count++;
      }
    }
    int[] rows = new int[count];
    int t = 0;
    for (int i = 0; i < foldOfRow.length; i++) {
      if ((foldOfRow[i] == fold) == inFold) {
        rows[t++] = i;
      }
    }
    return rows;
  }
}
