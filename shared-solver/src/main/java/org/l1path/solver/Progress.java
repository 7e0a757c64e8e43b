package org.l1path.solver;

/**
 * Receives progress from long fits, for front ends that show it. Calls may come from several
 * threads during cross-validation.
 */
public interface Progress {
  /** Ignores everything. */
  Progress NONE = new Progress() {};

  /** {@code solved} of {@code total} alphas of one path are done. */
  default void alphaSolved(int solved, int total) {}

  /** {@code done} of {@code total} cross-validation fits are done. */
  default void foldFinished(int done, int total) {}
}
