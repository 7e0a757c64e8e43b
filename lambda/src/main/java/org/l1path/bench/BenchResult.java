package org.l1path.bench;

import java.util.Locale;

/**
 * One benchmark case's outcome, printed as one JSON line.
 *
 * @param readMbPerS CSV reading speed in MB (10^6 bytes) per second, or NaN when simulated
 * @param alphas how many alphas were solved (per fit)
 * @param firstSeconds the first fit in this JVM: with a warm-up the first warm-up fit, else the
 *     first timed fit
 * @param warmupFits how many untimed warm-up fits ran before the timed ones (0 without warm-up)
 * @param medianSeconds the median of the timed fits (without warm-up, the first fit included)
 * @param maxRelativeGap the largest relative duality gap over the full-data path
 * @param peakHeapMegabytes the heap's peak in MiB during the fits, warm-up fits included
 */
public record BenchResult(
    int n,
    int p,
    double rho,
    double l1Ratio,
    int folds,
    double readMbPerS,
    int alphas,
    double firstSeconds,
    int warmupFits,
    double medianSeconds,
    double maxRelativeGap,
    int threads,
    double peakHeapMegabytes) {

  /** The keys of {@link #jsonLine()}, in order. */
  public static final String[] KEYS = {
    "n",
    "p",
    "rho",
    "l1_ratio",
    "folds",
    "read_mb_s",
    "alphas",
    "first_s",
    "warmup_fits",
    "median_s",
    "max_rel_gap",
    "threads",
    "peak_heap_mb"
  };

  /** One line of JSON, no line break; a value that is not finite (rho of a file, say) is null. */
  public String jsonLine() {
    Object[] values = {
      n,
      p,
      rho,
      l1Ratio,
      folds,
      readMbPerS,
      alphas,
      firstSeconds,
      warmupFits,
      medianSeconds,
      maxRelativeGap,
      threads,
      peakHeapMegabytes
    };
    StringBuilder out = new StringBuilder("{");
    for (int k = 0; k < KEYS.length; k++) {
      if (k > 0) {
        out.append(", ");
      }
      out.append('"').append(KEYS[k]).append("\": ").append(json(values[k]));
    }
    return out.append('}').toString();
  }

  private static String json(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null";
    }
    return String.valueOf(value);
  }
}
