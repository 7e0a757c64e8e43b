package org.l1path.bench;

import java.util.Arrays;
import org.l1path.solver.CrossValidation;
import org.l1path.solver.CvResult;
import org.l1path.solver.Dataset;
import org.l1path.solver.ElasticNet;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;

/**
 * Times repeated fits of one data set through the solver's public API: {@link ElasticNet#fitPath}
 * for a path, {@link CrossValidation#run} for cross-validation. Only the fits are timed. An
 * optional warm-up fits untimed first, so that the timed fits run in a warmed JVM.
 */
public final class Benchmark {
  private final BenchConfig config;

  public Benchmark(BenchConfig config) {
    this.config = config;
  }

  /**
   * The timings, the last fit's full-data path, and how many timed fits ran (the repeats, or fewer
   * once the repeat budget was spent; warm-up fits not counted).
   */
  public record Outcome(BenchResult result, RegularizationPath path, int timedFits) {}

  /**
   * Warms up for {@code config.warmupSeconds()} (untimed fits, at least one when more than 0), then
   * fits {@code config.repeat()} times, or fewer once the repeat budget is spent (at least once).
   * The warm-up does not count against the repeat budget.
   *
   * @param rho the simulation's correlation, or NaN for data read from a file
   * @param readMbPerS the reading speed of the file, or NaN for simulated data
   */
  public Outcome run(Dataset data, double rho, double readMbPerS) {
    HeapPeak.reset();
    double firstWarmup = Double.NaN;
    int warmups = 0;
    if (config.warmupSeconds() > 0) {
      // A cast saturates, so a huge warm-up is Long.MAX_VALUE nanoseconds, not an overflow.
      long warmupNanos = (long) (config.warmupSeconds() * 1e9);
      long warmupStart = System.nanoTime();
      do {
        long start = System.nanoTime();
        fit(data);
        if (warmups++ == 0) {
          firstWarmup = (System.nanoTime() - start) / 1e9;
        }
      } while (System.nanoTime() - warmupStart < warmupNanos);
    }
    double[] seconds = new double[config.repeat()];
    RegularizationPath path = null;
    int done = 0;
    double spent = 0;
    while (done < seconds.length && (done == 0 || spent < config.repeatBudgetSeconds())) {
      long start = System.nanoTime();
      path = fit(data);
      seconds[done] = (System.nanoTime() - start) / 1e9;
      spent += seconds[done++];
    }
    seconds = Arrays.copyOf(seconds, done);
    double peak = HeapPeak.megabytes();
    BenchResult result =
        new BenchResult(
            data.rows(),
            data.features(),
            rho,
            config.l1Ratio(),
            config.folds(),
            readMbPerS,
            path.size(),
            warmups > 0 ? firstWarmup : seconds[0],
            warmups,
            median(seconds),
            maxRelativeGap(path),
            config.threadsUsed(),
            peak);
    return new Outcome(result, path, done);
  }

  private RegularizationPath fit(Dataset data) {
    if (config.folds() == 0) {
      return ElasticNet.fitPath(data, config.settings(), config.grid());
    }
    CvResult cv =
        CrossValidation.run(
            data,
            config.settings(),
            new double[] {config.l1Ratio()},
            config.grid(),
            config.cvSettings(),
            Progress.NONE);
    return cv.bestPath();
  }

  static double maxRelativeGap(RegularizationPath path) {
    double max = 0;
    for (int k = 0; k < path.size(); k++) {
      max = Math.max(max, path.convergence(k).relativeGap());
    }
    return max;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
