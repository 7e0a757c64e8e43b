package org.l1path.job.plot;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * {@code cv.svg}: the mean cross-validation error (or AUC) against log10(alpha), with
 * standard-error bars, a dotted line at the one-standard-error threshold, and markers at {@code
 * alpha_min} and {@code alpha_1se}.
 */
public final class CvPlot {
  private static final double RIGHT_MARGIN = 30;
  private static final double CAP = 3;

  private CvPlot() {}

  public static String svg(CvPlotData data) {
    double[] logAlphas = Frame.logAlphas(data.alphas());
    int[] order =
        IntStream.range(0, logAlphas.length)
            .filter(k -> !Double.isNaN(logAlphas[k]) && Double.isFinite(data.meanError()[k]))
            .boxed()
            .sorted(Comparator.comparingDouble((Integer k) -> logAlphas[k]).reversed())
            .mapToInt(Integer::intValue)
            .toArray();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int k : order) {
      double se = standardError(data, k);
      low = Math.min(low, data.meanError()[k] - se);
      high = Math.max(high, data.meanError()[k] + se);
    }
    double[] shown = Frame.finite(logAlphas);
    Frame frame =
        order.length == 0
            ? new Frame(new double[] {0}, 0, 1, RIGHT_MARGIN)
            : new Frame(shown, low, high, RIGHT_MARGIN);
    Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT);
    frame.drawAxes(
        svg,
        "Cross-validation error (l1_ratio = " + PathPlot.ratio(data.l1Ratio()) + ")",
        "log10(alpha)",
        "mean " + data.measure() + " \u00b1 standard error");
    if (order.length == 0) {
      frame.drawNotice(svg, "no cross-validation error at a positive alpha");
    } else {
      drawThreshold(svg, frame, data);
      drawCurve(svg, frame, data, order, logAlphas);
    }
    frame.drawMarker(svg, data.alphaMin(), "alpha-min", "alpha_min", "6 3", 1);
    frame.drawMarker(svg, data.alpha1se(), "alpha-1se", "alpha_1se", "2 3", 0);
    return svg.finish();
  }

  private static void drawCurve(
      Svg svg, Frame frame, CvPlotData data, int[] order, double[] logAlphas) {
    svg.open("g", "class", "error-bars", "stroke", "#9aa", "stroke-width", "1", "fill", "none");
    for (int k : order) {
      double px = frame.x.map(logAlphas[k]);
      double se = standardError(data, k);
      double top = frame.y.map(data.meanError()[k] + se);
      double bottom = frame.y.map(data.meanError()[k] - se);
      String d =
          "M"
              + Svg.num(px)
              + " "
              + Svg.num(top)
              + "V"
              + Svg.num(bottom)
              + "M"
              + Svg.num(px - CAP)
              + " "
              + Svg.num(top)
              + "H"
              + Svg.num(px + CAP)
              + "M"
              + Svg.num(px - CAP)
              + " "
              + Svg.num(bottom)
              + "H"
              + Svg.num(px + CAP);
      svg.empty("path", "class", "error-bar", "d", d);
    }
    svg.close("g");
    StringBuilder points = new StringBuilder();
    for (int k : order) {
      points
          .append(Svg.num(frame.x.map(logAlphas[k])))
          .append(',')
          .append(Svg.num(frame.y.map(data.meanError()[k])))
          .append(' ');
    }
    svg.empty(
        "polyline",
        "class",
        "mean-error",
        "points",
        points.toString().trim(),
        "fill",
        "none",
        "stroke",
        "#c0392b",
        "stroke-width",
        "1.2");
    svg.open("g", "class", "means", "fill", "#c0392b");
    for (int k : order) {
      svg.empty(
          "circle",
          "cx",
          Svg.num(frame.x.map(logAlphas[k])),
          "cy",
          Svg.num(frame.y.map(data.meanError()[k])),
          "r",
          "2.5");
    }
    svg.close("g");
  }

  /**
   * The 1se rule's threshold: the best mean error plus its standard error (minus, for AUC, where
   * larger is better).
   */
  private static void drawThreshold(Svg svg, Frame frame, CvPlotData data) {
    double sign = data.measure().equals(CvPlotData.AUC) ? -1 : 1;
    for (int k = 0; k < data.alphas().length; k++) {
      if (data.alphas()[k] == data.alphaMin() && Double.isFinite(data.meanError()[k])) {
        double py = frame.y.map(data.meanError()[k] + sign * standardError(data, k));
        svg.empty(
            "line",
            "class",
            "one-se-threshold",
            "x1",
            Svg.num(frame.left),
            "x2",
            Svg.num(frame.right),
            "y1",
            Svg.num(py),
            "y2",
            Svg.num(py),
            "stroke",
            "#777",
            "stroke-dasharray",
            "1 3");
        return;
      }
    }
  }

  private static double standardError(CvPlotData data, int k) {
    double se = data.stdError()[k];
    return Double.isFinite(se) ? se : 0;
  }
}
