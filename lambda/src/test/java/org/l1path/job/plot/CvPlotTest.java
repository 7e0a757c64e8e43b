package org.l1path.job.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class CvPlotTest {
  private static CvPlotData bowl(int count) {
    double[] alphas = new double[count];
    double[] mean = new double[count];
    double[] se = new double[count];
    for (int k = 0; k < count; k++) {
      alphas[k] = Math.pow(10, 1 - 4.0 * k / (count - 1));
      mean[k] = 2 + Math.pow(k - 0.6 * count, 2) / count;
      se[k] = 0.2 + 0.01 * k;
    }
    int min = (int) Math.round(0.6 * count);
    return new CvPlotData(alphas, mean, se, alphas[min], alphas[min - 3], 1, "mse");
  }

  @Test
  void drawsOneErrorBarAndOneMeanPerAlpha() throws Exception {
    SvgDocument svg = SvgDocument.parse(CvPlot.svg(bowl(25)));

    assertEquals(25, svg.select("//path[@class='error-bar']").size());
    assertEquals(25, svg.select("//g[@class='means']/circle").size());
    assertEquals(25, SvgDocument.xs(svg.select("//polyline[@class='mean-error']").get(0)).length);
    assertTrue(svg.texts("//text[@class='y-title']").get(0).contains("mse"));
  }

  @Test
  void errorBarsSpanTwoStandardErrorsOnTheYScale() throws Exception {
    CvPlotData data = bowl(11);
    SvgDocument svg = SvgDocument.parse(CvPlot.svg(data));

    // Pixels per unit of error, from two mean points (rounded to 0.01 px each).
    List<Element> circles = svg.select("//g[@class='means']/circle");
    double y0 = Double.parseDouble(circles.get(0).getAttribute("cy"));
    double y5 = Double.parseDouble(circles.get(5).getAttribute("cy"));
    double pixelsPerUnit = (y0 - y5) / (data.meanError()[5] - data.meanError()[0]);
    String d = svg.select("//path[@class='error-bar']").get(5).getAttribute("d");
    String[] vertical = d.substring(1, d.indexOf('M', 1)).split("[ V]");
    double height = Double.parseDouble(vertical[2]) - Double.parseDouble(vertical[1]);
    // Tolerance: three coordinates rounded to 0.01 px.
    assertEquals(2 * data.stdError()[5] * pixelsPerUnit, height, 0.05);
  }

  @Test
  void marksAlphaMinAlpha1seAndTheThreshold() throws Exception {
    SvgDocument svg = SvgDocument.parse(CvPlot.svg(bowl(25)));

    assertEquals(1, svg.select("//g[@id='alpha-min']/line").size());
    assertEquals(1, svg.select("//g[@id='alpha-1se']/line").size());
    assertEquals(1, svg.select("//line[@class='one-se-threshold']").size());
    double minX =
        Double.parseDouble(svg.select("//g[@id='alpha-min']/line").get(0).getAttribute("x1"));
    double oneSeX =
        Double.parseDouble(svg.select("//g[@id='alpha-1se']/line").get(0).getAttribute("x1"));
    assertTrue(oneSeX < minX, "alpha_1se is the larger alpha, so further left");
  }

  @Test
  void aCurveWithNoPositiveAlphaSaysSo() throws Exception {
    String text =
        CvPlot.svg(
            new CvPlotData(new double[] {0}, new double[] {1}, new double[] {0.1}, 0, 0, 1, "mse"));
    SvgDocument svg = SvgDocument.parse(text);

    assertEquals(1, svg.select("//text[@class='notice']").size());
    assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
  }

  @Test
  void forAucTheOneSeThresholdIsBelowTheBestMean() throws Exception {
    double[] alphas = {1, 0.1, 0.01};
    CvPlotData data =
        new CvPlotData(
            alphas,
            new double[] {0.6, 0.8, 0.7},
            new double[] {0.05, 0.05, 0.05},
            0.1,
            1,
            1,
            "auc");
    SvgDocument svg = SvgDocument.parse(CvPlot.svg(data));

    double best =
        Double.parseDouble(svg.select("//g[@class='means']/circle").get(1).getAttribute("cy"));
    double threshold =
        Double.parseDouble(
            svg.select("//line[@class='one-se-threshold']").get(0).getAttribute("y1"));
    // AUC 0.75 (best 0.8 minus its standard error) is lower on the plot: a larger y in SVG.
    assertTrue(threshold > best, threshold + " vs best " + best);
    assertEquals(List.of("mean auc \u00b1 standard error"), svg.texts("//text[@class='y-title']"));
  }
}
