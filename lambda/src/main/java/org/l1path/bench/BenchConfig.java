package org.l1path.bench;

import java.util.concurrent.ForkJoinPool;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvSettings;
import org.l1path.solver.OptionRange;
import org.l1path.solver.Settings;

/**
 * What one benchmark case fits and how often.
 *
 * @param l1Ratio 1 for the lasso
 * @param folds 0 to time the path alone, else the number of random cross-validation folds
 * @param repeat how many timed fits, at least 1
 * @param tolerance the solver's bound on the relative duality gap
 * @param alphas the alphas to solve, or null for the solver's automatic 100-alpha grid
 * @param threads the cross-validation threads (a path runs on the calling thread, and splits its
 *     large sweeps over the common fork-join pool)
 * @param repeatBudgetSeconds no further repeat starts once the fits so far took this long, so a
 *     slow case stays within a caller's time limit (infinite: always {@code repeat} fits)
 * @param warmupSeconds before the timed fits, fit untimed until this long has passed (at least once
 *     when more than 0), so the timed fits run in a warmed JVM; 0 for no warm-up
 */
public record BenchConfig(
    double l1Ratio,
    int folds,
    int repeat,
    double tolerance,
    double[] alphas,
    int threads,
    double repeatBudgetSeconds,
    double warmupSeconds) {

  /** Validates and copies. */
  public BenchConfig {
    OptionRange.L1_RATIO.check("l1-ratio", l1Ratio);
    if (folds != 0 && !OptionRange.FOLDS.accepts(folds)) {
      throw new IllegalArgumentException("folds must be 0 (the path alone) or >= 2, got " + folds);
    }
    OptionRange.TOLERANCE.check("tol", tolerance);
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
    }
    OptionRange.THREADS.check("threads", threads);
    if (!(repeatBudgetSeconds > 0)) {
      throw new IllegalArgumentException(
          "repeat-budget must be more than 0 seconds, got " + repeatBudgetSeconds);
    }
    if (!(warmupSeconds >= 0 && warmupSeconds < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "warmup must be a finite number of seconds >= 0, got " + warmupSeconds);
    }
    alphas = alphas == null ? null : alphas.clone();
  }

  /**
   * The lasso path on the automatic grid, 5 repeats, default tolerance, every processor, no repeat
   * budget and no warm-up.
   */
  public static BenchConfig defaults() {
    return new BenchConfig(
        1.0,
        0,
        5,
        Settings.DEFAULT_TOLERANCE,
        null,
        Runtime.getRuntime().availableProcessors(),
        Double.POSITIVE_INFINITY,
        0);
  }

  @Override
  public double[] alphas() {
    return alphas == null ? null : alphas.clone();
  }

  Settings settings() {
    return Settings.defaults().withL1Ratio(l1Ratio).withTolerance(tolerance);
  }

  AlphaGrid grid() {
    return alphas == null ? AlphaGrid.automatic() : AlphaGrid.of(alphas);
  }

  CvSettings cvSettings() {
    return CvSettings.defaults().withFolds(folds).withThreads(threads);
  }

  /**
   * The threads the fit may use: the cross-validation threads, or for a path the calling thread and
   * the common fork-join pool, over which the solver splits sweeps of large designs.
   */
  int threadsUsed() {
    return folds == 0 ? ForkJoinPool.getCommonPoolParallelism() + 1 : threads;
  }
}
