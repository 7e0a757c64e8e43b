package org.l1path.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.l1path.job.plot.CvPlot;
import org.l1path.job.plot.CvPlotData;
import org.l1path.job.plot.PathPlot;
import org.l1path.job.plot.PathPlotData;
import org.l1path.solver.CvCurve;
import org.l1path.solver.Path;

/** Turns a {@link FitResult} into its two plots, {@code path.svg} and {@code cv.svg}. */
final class ReportPlots {
  static final String PATH_SVG = "path.svg";
  static final String CV_SVG = "cv.svg";

  private ReportPlots() {}

  /** The coefficient paths of the chosen l1 ratio, the chosen model's features labelled. */
  static byte[] pathSvg(FitResult result) {
    Path path = result.path();
    double[][] coefficients = new double[path.size()][];
    for (int k = 0; k < path.size(); k++) {
      coefficients[k] = path.coefficients(k);
    }
    List<String> selected = new ArrayList<>();
    for (int j : result.model().selected()) {
      selected.add(result.features().get(j));
    }
    CvCurve curve = result.cv() == null ? null : result.cv().bestCurve();
    return bytes(
        PathPlot.svg(
            new PathPlotData(
                path.alphas(),
                coefficients,
                result.features(),
                selected,
                curve == null ? Double.NaN : curve.alphaMin(),
                curve == null ? Double.NaN : curve.alpha1se(),
                path.l1Ratio())));
  }

  /** The cross-validation curve of the chosen l1 ratio; only when cross-validation ran. */
  static byte[] cvSvg(FitResult result) {
    CvCurve curve = result.cv().bestCurve();
    return bytes(
        CvPlot.svg(
            new CvPlotData(
                curve.alphas(),
                curve.meanError(),
                curve.stdError(),
                curve.alphaMin(),
                curve.alpha1se(),
                curve.l1Ratio(),
                "mse")));
  }

  private static byte[] bytes(String svg) {
    return svg.getBytes(StandardCharsets.UTF_8);
  }
}
