package org.l1path.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.l1path.solver.SufficientStatistics;

/**
 * The first pass of a classification fit, per fold: the features' weighted moments (for each fit's
 * feature scales), and each class's weight and weighted feature sums (for the null model and
 * alpha_max, the largest gradient there).
 */
final class ClassMoments implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int classes;
  final FoldMoments moments = new FoldMoments();
  private final TreeMap<Integer, double[]> classWeight = new TreeMap<>();
  private final TreeMap<Integer, double[][]> classSums = new TreeMap<>();

  ClassMoments(int classes) {
    this.classes = classes;
  }

  void add(FoldedRow row) {
    moments.add(row.fold(), row.x(), row.y(), row.w());
    int c = (int) row.y();
    double[] x = row.x();
    classWeight.computeIfAbsent(row.fold(), f -> new double[classes])[c] += row.w();
    double[] sums = classSums.computeIfAbsent(row.fold(), f -> new double[classes][x.length])[c];
    for (int j = 0; j < x.length; j++) {
      sums[j] += row.w() * x[j];
    }
  }

  /** Adds the rows still waiting in part-filled blocks to the fold statistics; returns this. */
  ClassMoments flush() {
    moments.flush();
    return this;
  }

  ClassMoments merge(ClassMoments o) {
    moments.merge(o.moments);
    for (Map.Entry<Integer, double[]> e : o.classWeight.entrySet()) {
      double[] mine = classWeight.putIfAbsent(e.getKey(), e.getValue());
      if (mine != null) {
        for (int c = 0; c < classes; c++) {
          mine[c] += e.getValue()[c];
        }
      }
    }
    for (Map.Entry<Integer, double[][]> e : o.classSums.entrySet()) {
      double[][] mine = classSums.putIfAbsent(e.getKey(), e.getValue());
      if (mine != null) {
        for (int c = 0; c < classes; c++) {
          for (int j = 0; j < mine[c].length; j++) {
            mine[c][j] += e.getValue()[c][j];
          }
        }
      }
    }
    return this;
  }

  /** Each class's weight over all folds but {@code except} (-1 for none). */
  double[] classWeights(int except) {
    double[] out = new double[classes];
    int f = 0;
    for (double[] w : classWeight.values()) {
      if (f++ != except) {
        for (int c = 0; c < classes; c++) {
          out[c] += w[c];
        }
      }
    }
    return out;
  }

  /** Each class's weighted feature sums over every fold. */
  double[][] classFeatureSums(int features) {
    double[][] out = new double[classes][features];
    for (double[][] s : classSums.values()) {
      for (int c = 0; c < classes; c++) {
        for (int j = 0; j < features; j++) {
          out[c][j] += s[c][j];
        }
      }
    }
    return out;
  }

  SufficientStatistics[] folds() {
    return moments.folds();
  }

  int[] foldIds() {
    return moments.foldIds();
  }
}
