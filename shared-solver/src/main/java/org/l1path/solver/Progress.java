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

  /**
   * An alpha of a path, the full data's or a cross-validation fold's, did not converge; {@code
   * warning} says which and how far it got. By default it is logged as a warning (through {@code
   * System.Logger}, logger {@code org.l1path.solver.ElasticNet}); a front end that reports these
   * its own way overrides this.
   */
  default void notConverged(String warning) {
    ElasticNet.logWarning(warning);
  }
}
