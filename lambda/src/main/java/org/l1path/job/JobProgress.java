package org.l1path.job;

import org.l1path.solver.Progress;

/** The solver's progress callbacks plus the reading phase. Calls may come from several threads. */
public interface JobProgress extends Progress {
  /** Ignores everything. */
  JobProgress NONE = new JobProgress() {};

  /** {@code rows} data rows have been read so far. */
  default void rowsRead(long rows) {}
}
