package org.l1path.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.l1path.solver.SufficientStatistics;

/**
 * The least-squares statistics of each cross-validation fold, keyed by fold id: what one pass over
 * a partition leaves, and what partitions merge into. A fold's training statistics are later the
 * sum of all folds less its own, so nothing here depends on how many folds there are.
 */
final class FoldMoments implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<Integer, SufficientStatistics> byFold = new TreeMap<>();

  /** Adds one row to fold {@code fold}'s statistics. */
  void add(int fold, double[] x, double y, double w) {
    byFold.computeIfAbsent(fold, f -> new SufficientStatistics(x.length)).add(x, y, w);
  }

  /** Merges {@code other}'s folds into these; returns this. */
  FoldMoments merge(FoldMoments other) {
    for (Map.Entry<Integer, SufficientStatistics> e : other.byFold.entrySet()) {
      SufficientStatistics mine = byFold.get(e.getKey());
      if (mine == null) {
        byFold.put(e.getKey(), e.getValue());
      } else {
        mine.merge(e.getValue());
      }
    }
    return this;
  }

  /** The folds' statistics in increasing order of fold id (fold 0, 1, … of the solver). */
  SufficientStatistics[] folds() {
    return byFold.values().toArray(new SufficientStatistics[0]);
  }

  int[] foldIds() {
    return byFold.keySet().stream().mapToInt(Integer::intValue).toArray();
  }
}
