package org.l1path.job.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code path.svg}: each line's coefficient against log10(alpha), one polyline per line (feature,
 * or feature and class) that is non-zero somewhere on the path, with the selected lines labelled at
 * the path's end (the smallest alpha), markers at {@code alpha_min} and {@code alpha_1se}, and a
 * legend of the colours when they stand for classes.
 */
public final class PathPlot {
  private static final double LABEL_MARGIN = 170;
  private static final double LABEL_SPACING = 13;
  private static final int LABEL_CHARACTERS = 22;

  private PathPlot() {}

  public static String svg(PathPlotData data) {
    double[] logAlphas = Frame.logAlphas(data.alphas());
    Integer[] order = byDecreasingAlpha(logAlphas);
    int p = data.names().size();
    boolean[] nonZero = new boolean[p];
    double low = 0;
    double high = 0;
    for (int k : order) {
      for (int j = 0; j < p; j++) {
        double b = data.coefficients()[k][j];
        if (b != 0 && Double.isFinite(b)) {
          nonZero[j] = true;
          low = Math.min(low, b);
          high = Math.max(high, b);
        }
      }
    }
    double[] shown = Frame.finite(logAlphas);
    Frame frame = new Frame(shown.length == 0 ? new double[] {0} : shown, low, high, LABEL_MARGIN);
    Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT);
    frame.drawAxes(
        svg,
        "Coefficient paths (l1_ratio = " + ratio(data.l1Ratio()) + ")",
        "log10(alpha)",
        data.yTitle());
    if (order.length == 0) {
      frame.drawNotice(svg, "no positive alpha on the path");
    } else {
      svg.empty(
          "line",
          "class",
          "zero",
          "x1",
          Svg.num(frame.left),
          "x2",
          Svg.num(frame.right),
          "y1",
          Svg.num(frame.y.map(0)),
          "y2",
          Svg.num(frame.y.map(0)),
          "stroke",
          "#888");
      drawPaths(svg, frame, data, order, logAlphas, nonZero);
      drawLabels(svg, frame, data, order[order.length - 1]);
    }
    drawLegend(svg, frame, data.legend());
    frame.drawMarker(svg, data.alphaMin(), "alpha-min", "alpha_min", "6 3", 1);
    frame.drawMarker(svg, data.alpha1se(), "alpha-1se", "alpha_1se", "2 3", 0);
    return svg.finish();
  }

  private static void drawPaths(
      Svg svg,
      Frame frame,
      PathPlotData data,
      Integer[] order,
      double[] logAlphas,
      boolean[] nonZero) {
    int[] colours = data.colours();
    svg.open("g", "class", "paths", "fill", "none", "stroke-width", "1.6");
    for (int j = 0; j < nonZero.length; j++) {
      if (!nonZero[j]) {
        continue;
      }
      StringBuilder points = new StringBuilder();
      for (int k : order) {
        double b = data.coefficients()[k][j];
        if (Double.isFinite(b)) {
          points
              .append(Svg.num(frame.x.map(logAlphas[k])))
              .append(',')
              .append(Svg.num(frame.y.map(b)))
              .append(' ');
        }
      }
      svg.open(
          "polyline",
          "class",
          "coefficient-path",
          "points",
          points.toString().trim(),
          "stroke",
          Palette.colour(colours[j]));
      svg.text("title", data.names().get(j));
      svg.close("polyline");
    }
    svg.close("g");
  }

  /**
   * Labels the selected features beside the plot's right edge, at their final coefficient. Labels
   * are pushed apart to at least {@link #LABEL_SPACING} and joined to their line by a short leader;
   * those that do not fit the plot's height are counted in a "+N more" line instead.
   */
  private static void drawLabels(Svg svg, Frame frame, PathPlotData data, int last) {
    int room = (int) ((frame.bottom - frame.top) / LABEL_SPACING);
    List<String> selected = data.selected();
    int labelled = Math.min(selected.size(), selected.size() > room ? room - 1 : room);
    List<double[]> labels = new ArrayList<>();
    for (int i = 0; i < labelled; i++) {
      int j = data.names().indexOf(selected.get(i));
      double b = data.coefficients()[last][j];
      labels.add(new double[] {frame.y.map(Double.isFinite(b) ? b : 0), j, 0});
    }
    labels.sort(Comparator.comparingDouble(label -> label[0]));
    double previous = frame.top - LABEL_SPACING;
    for (double[] label : labels) {
      label[2] = Math.max(label[0], previous + LABEL_SPACING);
      previous = label[2];
    }
    double limit = frame.bottom - (selected.size() > labelled ? LABEL_SPACING : 0);
    for (int i = labels.size() - 1; i >= 0 && labels.get(i)[2] > limit; i--) {
      labels.get(i)[2] = limit;
      limit -= LABEL_SPACING;
    }
    svg.open("g", "class", "labels", "font-size", "11");
    double textX = frame.right + 14;
    for (double[] label : labels) {
      int j = (int) label[1];
      String colour = Palette.colour(data.colours()[j]);
      svg.empty(
          "line",
          "x1",
          Svg.num(frame.right),
          "y1",
          Svg.num(label[0]),
          "x2",
          Svg.num(textX - 3),
          "y2",
          Svg.num(label[2]),
          "stroke",
          colour);
      svg.text(
          "text",
          shorten(data.names().get(j)),
          "class",
          "feature-label",
          "x",
          Svg.num(textX),
          "y",
          Svg.num(label[2] + 4),
          "fill",
          colour);
    }
    if (selected.size() > labelled) {
      svg.text(
          "text",
          "+" + (selected.size() - labelled) + " more selected",
          "class",
          "more-label",
          "x",
          Svg.num(textX),
          "y",
          Svg.num(frame.bottom + 4),
          "fill",
          "#555");
    }
    svg.close("g");
  }

  /** One coloured entry per class in the plot's top-left corner; nothing for an empty legend. */
  private static void drawLegend(Svg svg, Frame frame, List<String> legend) {
    if (legend.isEmpty()) {
      return;
    }
    svg.open("g", "class", "legend", "font-size", "11");
    for (int i = 0; i < legend.size(); i++) {
      double y = frame.top + 16 + LABEL_SPACING * i;
      svg.empty(
          "line",
          "x1",
          Svg.num(frame.left + 8),
          "x2",
          Svg.num(frame.left + 24),
          "y1",
          Svg.num(y - 4),
          "y2",
          Svg.num(y - 4),
          "stroke",
          Palette.colour(i),
          "stroke-width",
          "2");
      svg.text(
          "text",
          shorten(legend.get(i)),
          "class",
          "legend-entry",
          "x",
          Svg.num(frame.left + 28),
          "y",
          Svg.num(y),
          "fill",
          Palette.colour(i));
    }
    svg.close("g");
  }

  /** The indices of the positive alphas, largest alpha first (left to right on the plot). */
  private static Integer[] byDecreasingAlpha(double[] logAlphas) {
    return java.util.stream.IntStream.range(0, logAlphas.length)
        .filter(k -> !Double.isNaN(logAlphas[k]))
        .boxed()
        .sorted(Comparator.comparingDouble((Integer k) -> logAlphas[k]).reversed())
        .toArray(Integer[]::new);
  }

  /**
   * A long name keeps its start and its end, since one-hot names ({@code column=level}) and
   * numbered features differ at the end.
   */
  static String shorten(String name) {
    if (name.length() <= LABEL_CHARACTERS) {
      return name;
    }
    int head = (LABEL_CHARACTERS - 1) / 2;
    int tail = LABEL_CHARACTERS - 1 - head;
    return name.substring(0, head) + "\u2026" + name.substring(name.length() - tail);
  }

  static String ratio(double l1Ratio) {
    String s = String.format(Locale.ROOT, "%.4g", l1Ratio);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
