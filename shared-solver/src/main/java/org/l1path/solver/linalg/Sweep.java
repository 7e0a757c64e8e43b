package org.l1path.solver.linalg;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs the independent tasks of one O(n p) sweep (gradients, Gram or cross-product entries) on the
 * calling thread, or split over the common fork-join pool when the sweep is large and the caller
 * allows it. Every task computes its own entries the same way either way, so results do not depend
 * on the split.
 */
public final class Sweep {
  /** Multiply-adds above which a sweep is worth the fork-join pool's hand-offs. */
  private static final long PARALLEL_WORK = 1L << 18;

  private Sweep() {}

  /**
   * @param tasks how many tasks, numbered from 0
   * @param work the sweep's multiply-adds
   * @param mayParallel whether the caller allows other threads (not when folds are fitted side by
   *     side: they keep the cores busy already)
   */
  public static void run(int tasks, long work, boolean mayParallel, IntConsumer task) {
    if (mayParallel && work >= PARALLEL_WORK) {
      IntStream.range(0, tasks).parallel().forEach(task);
      return;
    }
    for (int t = 0; t < tasks; t++) {
      task.accept(t);
    }
  }
}
