package org.l1path.job.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values to pixels. The domain may run either way, so an axis can show alpha
 * decreasing from left to right, the order the path is solved in.
 */
final class Scale {
  private final double from;
  private final double to;
  private final double pixelFrom;
  private final double pixelTo;

  private Scale(double from, double to, double pixelFrom, double pixelTo) {
    this.from = from;
    this.to = to;
    this.pixelFrom = pixelFrom;
    this.pixelTo = pixelTo;
  }

  /**
   * Maps {@code from} to {@code pixelFrom} and {@code to} to {@code pixelTo}, widening an empty or
   * one-point domain so that it still has a middle.
   */
  static Scale of(double from, double to, double pixelFrom, double pixelTo) {
    if (from == to) {
      double pad = from == 0 ? 1 : Math.abs(from) * 0.1;
      return new Scale(from - pad, to + pad, pixelFrom, pixelTo);
    }
    return new Scale(from, to, pixelFrom, pixelTo);
  }

  double map(double value) {
    return pixelFrom + (value - from) / (to - from) * (pixelTo - pixelFrom);
  }

  double low() {
    return Math.min(from, to);
  }

  double high() {
    return Math.max(from, to);
  }

  /**
   * About {@code target} tick values on a 1-2-5 step inside the domain (Heckbert's "nice numbers"),
   * so that tick labels are short round numbers.
   */
  List<Double> ticks(int target) {
    double step = niceStep((high() - low()) / Math.max(1, target));
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(low() / step - 1e-9) * step;
    for (int i = 0; ; i++) {
      double tick = first + i * step;
      if (tick > high() + step * 1e-9) {
        break;
      }
      // Snap to the step so that 0.30000000000000004 prints as 0.3 and -0 as 0.
      ticks.add(
          java.math.BigDecimal.valueOf(Math.round(tick / step))
                  .multiply(java.math.BigDecimal.valueOf(step))
                  .doubleValue()
              + 0.0);
    }
    return ticks;
  }

  /** The tick label: as few digits as the step needs. */
  static String label(double tick, List<Double> ticks) {
    double step = ticks.size() > 1 ? Math.abs(ticks.get(1) - ticks.get(0)) : Math.abs(tick);
    int decimals = step == 0 ? 0 : (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    if (Math.abs(tick) >= 1e6 || (tick != 0 && Math.abs(tick) < 1e-4)) {
      return String.format(java.util.Locale.ROOT, "%.2g", tick);
    }
    return String.format(java.util.Locale.ROOT, "%." + Math.min(decimals, 6) + "f", tick);
  }

  private static double niceStep(double rough) {
    if (!(rough > 0) || Double.isInfinite(rough)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    return nice * magnitude;
  }
}
