package org.l1path.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.l1path.solver.SufficientStatistics;

/**
 * The least-squares statistics of each cross-validation fold, keyed by fold id: what one pass over
 * a partition leaves, and what partitions merge into. A fold's training statistics are later the
 * sum of all folds less its own, so nothing here depends on how many folds there are. Rows wait in
 * a {@link RowBlock} per fold and go into the statistics a block at a time; {@link #flush} adds the
 * last part-blocks, before the statistics are read, merged or shipped.
 */
final class FoldMoments implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<Integer, SufficientStatistics> byFold = new TreeMap<>();

  /** The most doubles one fold's block holds (8 MB): whole blocks up to p = 4,000. */
  private static final int BLOCK_DOUBLES = 1 << 20;

  /** Each fold's rows not yet in its statistics; none once flushed or shipped. */
  private transient TreeMap<Integer, RowBlock> pending;

  /** Adds one row to fold {@code fold}'s statistics. */
  void add(int fold, double[] x, double y, double w) {
    SufficientStatistics stats =
        byFold.computeIfAbsent(fold, f -> new SufficientStatistics(x.length));
    if (pending == null) {
      pending = new TreeMap<>();
    }
    pending
        .computeIfAbsent(
            fold,
            f -> new RowBlock(x.length, 1, RowBlock.rowsWithin(BLOCK_DOUBLES, 1, x.length, 1)))
        .add(x, y, w, stats);
  }

  /** Adds the rows still waiting in part-filled blocks; returns this. */
  FoldMoments flush() {
    if (pending != null) {
      pending.forEach((fold, block) -> block.flush(byFold.get(fold)));
      pending = null;
    }
    return this;
  }

  /** Whatever ships these (a task's result) ships every row: the waiting ones are added first. */
  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    flush();
    out.defaultWriteObject();
  }

  /** Merges {@code other}'s folds into these; returns this. */
  FoldMoments merge(FoldMoments other) {
    flush();
    other.flush();
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
    flush();
    return byFold.values().toArray(new SufficientStatistics[0]);
  }

  int[] foldIds() {
    return byFold.keySet().stream().mapToInt(Integer::intValue).toArray();
  }
}
