package org.l1path.spark;

import org.l1path.solver.SufficientStatistics;

/**
 * The driver's (and each task's) memory for the statistics a pass sums: (p + 1)(p + 2) / 2 doubles
 * per set, O(p^2). Least squares sums one set per fold (K, then their total on the driver);
 * classification keeps each fit's training rows' share of its l1 ratio's full-data fit's Gram
 * matrices, per response row: r (K + 1) c sets for r l1 ratios and c response rows (1 for binomial,
 * one per class for multinomial). A pass that sums them afresh brings r K c per-fold sets while the
 * old shares are held, and a fold fit that sums its own Gram matrix (on small data, see {@link
 * ClassFit}) adds c more, so the count can be up to twice that: the budget's quarter of the heap
 * leaves room. A fit whose statistics would take more than a quarter of the driver's heap is
 * refused before any pass, with the numbers, instead of failing with an out-of-memory error
 * mid-job. Least squares with 10 folds on an 8 GB driver heap allows about 7,000 features; see
 * docs/scale.md.
 */
final class DriverBudget {
  private DriverBudget() {}

  /** The bytes of {@code sets} sets of statistics of p features. */
  static long bytes(int features, long sets) {
    return 8L * sets * SufficientStatistics.doublesFor(features);
  }

  /**
   * @param sets how many sets of statistics a pass holds
   * @param what says what the sets are, for the message
   * @throws IllegalArgumentException when the statistics exceed {@code budget} bytes
   */
  static void check(int features, long sets, String what, long budget) {
    long need = bytes(features, sets);
    if (need > budget) {
      throw new IllegalArgumentException(
          String.format(
              "%d features with %s need %d MB of statistics on the driver and in each task, more"
                  + " than the %d MB allowed (a quarter of the driver heap); reduce the features"
                  + " (for example by screening), use fewer folds or l1 ratios, or give the driver"
                  + " and executors more memory (docs/scale.md)",
              features, what, need >> 20, budget >> 20));
    }
  }

  static long defaultBudget() {
    return Runtime.getRuntime().maxMemory() / 4;
  }
}
