package org.l1path.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.l1path.job.plot.CvPlot;
import org.l1path.job.plot.CvPlotData;
import org.l1path.job.plot.PathPlot;
import org.l1path.job.plot.PathPlotData;
import org.l1path.solver.CvCurve;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;

/** Turns a {@link FitResult} into its two plots, {@code path.svg} and {@code cv.svg}. */
final class ReportPlots {
  private ReportPlots() {}

  /**
   * The coefficient paths of the chosen l1 ratio, the chosen model's features labelled. A
   * multinomial path has one line per feature and class, coloured by class.
   */
  static byte[] pathSvg(FitResult result) {
    RegularizationPath path = result.path();
    Model model = result.model();
    List<String> features = result.features();
    List<String> rowClasses = ResultFiles.rowClasses(path.family(), path.classes());
    int rows = path.responses();
    int p = features.size();
    double[][] coefficients = new double[path.size()][rows * p];
    for (int k = 0; k < path.size(); k++) {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(path.coefficients(k, r), 0, coefficients[k], r * p, p);
      }
    }
    List<String> names = new ArrayList<>();
    int[] colours = new int[rows * p];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < p; j++) {
        names.add(rows == 1 ? features.get(j) : features.get(j) + " [" + rowClasses.get(r) + "]");
        colours[r * p + j] = rows == 1 ? j : r;
      }
    }
    CvCurve curve = result.cv() == null ? null : result.cv().bestCurve();
    return bytes(
        PathPlot.svg(
            new PathPlotData(
                path.alphas(),
                coefficients,
                names,
                selectedLines(model, names, p),
                curve == null ? Double.NaN : curve.alphaMin(),
                curve == null ? Double.NaN : curve.alpha1se(),
                path.l1Ratio(),
                colours,
                rows == 1 ? List.of() : rowClasses,
                yTitle(path.family(), rowClasses))));
  }

  /** The chosen model's non-zero lines, largest absolute standardized coefficient first. */
  private static List<String> selectedLines(Model model, List<String> names, int p) {
    List<double[]> lines = new ArrayList<>();
    for (int r = 0; r < model.responses(); r++) {
      double[] s = model.standardizedCoefficients(r);
      for (int j = 0; j < p; j++) {
        if (s[j] != 0) {
          lines.add(new double[] {Math.abs(s[j]), r * p + j});
        }
      }
    }
    lines.sort(
        Comparator.comparingDouble((double[] line) -> -line[0]).thenComparingDouble(l -> l[1]));
    List<String> out = new ArrayList<>();
    for (double[] line : lines) {
      out.add(names.get((int) line[1]));
    }
    return out;
  }

  private static String yTitle(Family family, List<String> rowClasses) {
    return switch (family) {
      case GAUSSIAN -> PathPlotData.COEFFICIENT;
      case BINOMIAL -> "coefficient (log-odds of " + rowClasses.get(0) + ")";
      case MULTINOMIAL -> "coefficient (per class, original scale)";
    };
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
                curve.measure().label())));
  }

  private static byte[] bytes(String svg) {
    return svg.getBytes(StandardCharsets.UTF_8);
  }
}
