package org.l1path.job.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PathPlotTest {
  /** A geometric grid of 20 alphas from 10 down to 0.01, largest first as the solver gives it. */
  private static double[] grid(int count) {
    double[] alphas = new double[count];
    for (int k = 0; k < count; k++) {
      alphas[k] = 10 * Math.pow(1e-3, k / (double) (count - 1));
    }
    return alphas;
  }

  /** Feature j enters at alpha index 3j + 1 and grows linearly, with alternating sign. */
  private static double[][] paths(int alphas, int features, int zeroFeature) {
    double[][] b = new double[alphas][features];
    for (int k = 0; k < alphas; k++) {
      for (int j = 0; j < features; j++) {
        int entry = 3 * j + 1;
        if (j != zeroFeature && k >= entry) {
          b[k][j] = (j % 2 == 0 ? 1 : -1) * 0.5 * (k - entry + 1);
        }
      }
    }
    return b;
  }

  @Test
  void drawsOnePolylinePerNonZeroFeatureWithItsName() throws Exception {
    double[] alphas = grid(20);
    PathPlotData data =
        new PathPlotData(
            alphas,
            paths(20, 4, 2),
            List.of("age", "bmi", "never", "bp"),
            List.of("bmi", "age"),
            alphas[12],
            alphas[8],
            1);

    SvgDocument svg = SvgDocument.parse(PathPlot.svg(data));

    assertEquals("svg", svg.root().getTagName());
    assertEquals("http://www.w3.org/2000/svg", svg.root().getAttribute("xmlns"));
    List<Element> lines = svg.select("//polyline[@class='coefficient-path']");
    assertEquals(3, lines.size(), "feature 'never' is zero on the whole path: no line");
    assertEquals(
        List.of("age", "bmi", "bp"), svg.texts("//polyline[@class='coefficient-path']/title"));
    for (Element line : lines) {
      assertEquals(20, SvgDocument.xs(line).length, "one point per alpha");
    }
    assertEquals(Set.of("age", "bmi"), Set.copyOf(svg.texts("//text[@class='feature-label']")));
  }

  @Test
  void markersSitAtAlphaMinAndAlpha1se() throws Exception {
    double[] alphas = grid(20);
    PathPlotData data =
        new PathPlotData(
            alphas,
            paths(20, 3, -1),
            List.of("a", "b", "c"),
            List.of("a"),
            alphas[12],
            alphas[8],
            0.5);

    SvgDocument svg = SvgDocument.parse(PathPlot.svg(data));

    double[] xs = SvgDocument.xs(svg.select("//polyline[@class='coefficient-path']").get(0));
    Element min = svg.select("//g[@id='alpha-min']/line").get(0);
    Element oneSe = svg.select("//g[@id='alpha-1se']/line").get(0);
    // The marker is drawn through the same scale as the path's points; both are rounded to 0.01 px.
    assertEquals(xs[12], Double.parseDouble(min.getAttribute("x1")), 0.011);
    assertEquals(xs[8], Double.parseDouble(oneSe.getAttribute("x1")), 0.011);
    assertTrue(xs[0] < xs[19], "alpha decreases from left to right");
    assertEquals(List.of("alpha_min"), svg.texts("//g[@id='alpha-min']/text"));
    assertEquals(List.of("alpha_1se"), svg.texts("//g[@id='alpha-1se']/text"));
    assertTrue(svg.texts("//text[@class='title']").get(0).contains("l1_ratio = 0.5"));
  }

  @Test
  void withoutCrossValidationThereAreNoMarkers() throws Exception {
    double[] alphas = grid(10);
    PathPlotData data =
        new PathPlotData(
            alphas,
            paths(10, 2, -1),
            List.of("a", "b"),
            List.of("a", "b"),
            Double.NaN,
            Double.NaN,
            1);

    SvgDocument svg = SvgDocument.parse(PathPlot.svg(data));

    assertTrue(svg.select("//g[@class='marker']").isEmpty());
    assertEquals(2, svg.select("//polyline").size());
  }

  @Test
  void namesAreEscapedAndNothingNeedsAFont() throws Exception {
    double[] alphas = grid(10);
    String awkward = "price<&>\"€\u0001";
    PathPlotData data =
        new PathPlotData(
            alphas, paths(10, 1, -1), List.of(awkward), List.of(awkward), alphas[5], alphas[3], 1);

    String text = PathPlot.svg(data);
    SvgDocument svg = SvgDocument.parse(text);

    assertEquals(
        List.of("price<&>\"€\uFFFD"), svg.texts("//polyline[@class='coefficient-path']/title"));
    assertFalse(text.contains("@font-face"), "no embedded or referenced font");
    assertFalse(text.contains("<image"), "no rasterized text");
    assertEquals("sans-serif", svg.root().getAttribute("font-family"), "viewer's own font");
  }

  @Test
  void nonPositiveAlphasAreLeftOffTheLogAxis() throws Exception {
    double[] alphas = {1, 0.1, 0.01, 0};
    double[][] b = {{0}, {1}, {2}, {3}};
    String text = PathPlot.svg(new PathPlotData(alphas, b, List.of("x"), List.of("x"), 0.1, 1, 1));

    SvgDocument svg = SvgDocument.parse(text);

    assertEquals(3, SvgDocument.xs(svg.select("//polyline").get(0)).length);
    assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
  }

  @Test
  void manySelectedFeaturesKeepTheirLabelsInsideThePicture() throws Exception {
    int p = 60;
    double[] alphas = grid(30);
    double[][] b = new double[30][p];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("feature_" + j);
      for (int k = 1; k < 30; k++) {
        b[k][j] = 0.01 * k * (j + 1);
      }
    }

    SvgDocument svg =
        SvgDocument.parse(
            PathPlot.svg(new PathPlotData(alphas, b, names, names, alphas[20], alphas[15], 1)));

    List<Element> labels = svg.select("//text[@class='feature-label']");
    assertTrue(labels.size() < p && labels.size() > 10, "labelled " + labels.size());
    List<String> more = svg.texts("//text[@class='more-label']");
    assertEquals(List.of("+" + (p - labels.size()) + " more selected"), more);
    List<Double> ys =
        labels.stream()
            .map(e -> Double.parseDouble(e.getAttribute("y")))
            .sorted()
            .collect(Collectors.toList());
    for (int i = 1; i < ys.size(); i++) {
      // 13 px spacing, rounded to 0.01 px
      assertTrue(ys.get(i) - ys.get(i - 1) >= 12.98, "labels overlap at " + ys.get(i));
    }
    assertTrue(ys.get(0) > 0 && ys.get(ys.size() - 1) < Frame.HEIGHT);
  }

  @Test
  void longNamesKeepTheirStartAndEnd() {
    assertEquals("short", PathPlot.shorten("short"));
    String shortened = PathPlot.shorten("feature_with_a_long_name_17");
    assertEquals("feature_wi\u2026ong_name_17", shortened);
    assertEquals(22, shortened.length());
  }

  @Test
  void mismatchedShapesAreRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PathPlotData(
                    new double[] {1, 2}, new double[][] {{1}}, List.of("a"), List.of(), 1, 1, 1));
    assertTrue(error.getMessage().contains("1 rows for 2 alphas"), error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PathPlotData(
                new double[] {1}, new double[][] {{1}}, List.of("a"), List.of("b"), 1, 1, 1));
  }

  @Test
  void perClassLinesAreColouredByClassWithALegend() throws Exception {
    double[] alphas = grid(20);
    // Two features x three classes: lines "a [x]", "b [x]", "a [y]", ... as ReportPlots names them.
    List<String> names = List.of("a [x]", "b [x]", "a [y]", "b [y]", "a [z]", "b [z]");
    PathPlotData data =
        new PathPlotData(
            alphas,
            paths(20, 6, -1),
            names,
            List.of("b [z]", "a [x]"),
            Double.NaN,
            Double.NaN,
            1,
            new int[] {0, 0, 1, 1, 2, 2},
            List.of("x", "y", "z"),
            "coefficient (per class, original scale)");

    SvgDocument svg = SvgDocument.parse(PathPlot.svg(data));

    assertEquals(List.of("x", "y", "z"), svg.texts("//text[@class='legend-entry']"));
    List<Element> lines = svg.select("//polyline[@class='coefficient-path']");
    assertEquals(6, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(
          Palette.colour(i / 2), lines.get(i).getAttribute("stroke"), "line " + names.get(i));
    }
    List<Element> legend = svg.select("//text[@class='legend-entry']");
    for (int c = 0; c < legend.size(); c++) {
      assertEquals(Palette.colour(c), legend.get(c).getAttribute("fill"));
    }
    assertEquals(
        List.of("coefficient (per class, original scale)"), svg.texts("//text[@class='y-title']"));
    assertEquals(Set.of("a [x]", "b [z]"), Set.copyOf(svg.texts("//text[@class='feature-label']")));
  }

  @Test
  void aGaussianPlotHasNoLegend() throws Exception {
    double[] alphas = grid(5);
    PathPlotData data =
        new PathPlotData(
            alphas, paths(5, 1, -1), List.of("a"), List.of("a"), Double.NaN, Double.NaN, 1);

    SvgDocument svg = SvgDocument.parse(PathPlot.svg(data));

    assertTrue(svg.select("//g[@class='legend']").isEmpty());
    assertEquals(List.of(PathPlotData.COEFFICIENT), svg.texts("//text[@class='y-title']"));
  }

  @Test
  void everyLineNeedsAColour() {
    double[] alphas = grid(5);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PathPlotData(
                alphas,
                paths(5, 2, -1),
                List.of("a", "b"),
                List.of(),
                Double.NaN,
                Double.NaN,
                1,
                new int[] {0},
                List.of(),
                "y"));
  }
}
