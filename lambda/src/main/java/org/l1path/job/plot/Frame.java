package org.l1path.job.plot;

import java.util.List;

/**
 * The plot area shared by both plots: log10(alpha) on x, decreasing to the right (the order the
 * path is solved in), a value axis on y, the grid, the axis titles and the vertical markers at
 * {@code alpha_min} and {@code alpha_1se}.
 */
final class Frame {
  static final double WIDTH = 760;
  static final double HEIGHT = 480;
  private static final double TOP = 64;
  private static final double LEFT = 78;
  private static final double BOTTOM_MARGIN = 52;

  final double left = LEFT;
  final double top = TOP;
  final double right;
  final double bottom = HEIGHT - BOTTOM_MARGIN;
  final Scale x;
  final Scale y;

  /**
   * @param logAlphas log10 of the positive alphas on the plot (at least one)
   * @param rightMargin room to leave right of the plot area, for labels
   */
  Frame(double[] logAlphas, double yLow, double yHigh, double rightMargin) {
    right = WIDTH - rightMargin;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : logAlphas) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // A little room at both ends keeps the first and last error bars off the frame.
    double xPad = (hi - lo) * 0.02;
    x = Scale.of(hi + xPad, lo - xPad, left, right);
    double pad = (yHigh - yLow) * 0.05;
    y = Scale.of(yLow - pad, yHigh + pad, bottom, top);
  }

  void drawAxes(Svg svg, String title, String xTitle, String yTitle) {
    svg.text(
        "text",
        title,
        "x",
        Svg.num(WIDTH / 2),
        "y",
        "22",
        "text-anchor",
        "middle",
        "font-size",
        "15",
        "class",
        "title");
    svg.open("g", "class", "grid", "stroke", "#e3e3e3", "stroke-width", "1");
    List<Double> xTicks = x.ticks(8);
    List<Double> yTicks = y.ticks(6);
    for (double t : xTicks) {
      svg.empty(
          "line",
          "x1",
          Svg.num(x.map(t)),
          "x2",
          Svg.num(x.map(t)),
          "y1",
          Svg.num(top),
          "y2",
          Svg.num(bottom));
    }
    for (double t : yTicks) {
      svg.empty(
          "line",
          "x1",
          Svg.num(left),
          "x2",
          Svg.num(right),
          "y1",
          Svg.num(y.map(t)),
          "y2",
          Svg.num(y.map(t)));
    }
    svg.close("g");
    svg.empty(
        "rect",
        "class",
        "frame",
        "x",
        Svg.num(left),
        "y",
        Svg.num(top),
        "width",
        Svg.num(right - left),
        "height",
        Svg.num(bottom - top),
        "fill",
        "none",
        "stroke",
        "#444");
    svg.open("g", "class", "x-ticks", "text-anchor", "middle", "fill", "#333");
    for (double t : xTicks) {
      svg.text("text", Scale.label(t, xTicks), "x", Svg.num(x.map(t)), "y", Svg.num(bottom + 16));
    }
    svg.close("g");
    svg.open("g", "class", "y-ticks", "text-anchor", "end", "fill", "#333");
    for (double t : yTicks) {
      svg.text("text", Scale.label(t, yTicks), "x", Svg.num(left - 6), "y", Svg.num(y.map(t) + 4));
    }
    svg.close("g");
    svg.text(
        "text",
        xTitle,
        "x",
        Svg.num((left + right) / 2),
        "y",
        Svg.num(HEIGHT - 14),
        "text-anchor",
        "middle",
        "class",
        "x-title");
    double middle = (top + bottom) / 2;
    svg.text(
        "text",
        yTitle,
        "x",
        "18",
        "y",
        Svg.num(middle),
        "text-anchor",
        "middle",
        "transform",
        "rotate(-90 18 " + Svg.num(middle) + ")",
        "class",
        "y-title");
  }

  /**
   * A dashed vertical line at {@code alpha}, labelled above the plot area; {@code row} staggers the
   * labels so that two markers at the same alpha stay readable. Nothing is drawn for a NaN or
   * non-positive alpha (no cross-validation, or an alpha the log axis cannot show).
   */
  void drawMarker(Svg svg, double alpha, String id, String label, String dash, int row) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      return;
    }
    double px = x.map(Math.log10(alpha));
    svg.open("g", "id", id, "class", "marker");
    svg.empty(
        "line",
        "x1",
        Svg.num(px),
        "x2",
        Svg.num(px),
        "y1",
        Svg.num(top),
        "y2",
        Svg.num(bottom),
        "stroke",
        "#222",
        "stroke-width",
        "1.2",
        "stroke-dasharray",
        dash);
    svg.text(
        "text",
        label,
        "x",
        Svg.num(px),
        "y",
        Svg.num(top - 8 - 14 * row),
        "text-anchor",
        "middle",
        "font-size",
        "11");
    svg.close("g");
  }

  /** A notice in the middle of an empty plot, saying why it is empty. */
  void drawNotice(Svg svg, String notice) {
    svg.text(
        "text",
        notice,
        "x",
        Svg.num((left + right) / 2),
        "y",
        Svg.num((top + bottom) / 2),
        "text-anchor",
        "middle",
        "fill",
        "#666",
        "class",
        "notice");
  }

  /** log10 of the positive alphas, in their order; non-positive ones become NaN. */
  static double[] logAlphas(double[] alphas) {
    double[] logs = new double[alphas.length];
    for (int k = 0; k < alphas.length; k++) {
      logs[k] = alphas[k] > 0 ? Math.log10(alphas[k]) : Double.NaN;
    }
    return logs;
  }

  static double[] finite(double[] values) {
    return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
  }
}
