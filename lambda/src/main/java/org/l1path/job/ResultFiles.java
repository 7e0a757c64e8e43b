package org.l1path.job;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.l1path.solver.CvCurve;
import org.l1path.solver.Model;
import org.l1path.solver.Path;

/** Renders a {@link FitResult} as its files and hands them to a sink, {@code model.json} last. */
final class ResultFiles {
  private ResultFiles() {}

  static void write(FitResult result, ResultSink sink) throws IOException {
    byte[] model = ModelJson.render(result);
    byte[] coefficients = coefficientsCsv(result);
    byte[] cv = result.cv() == null ? null : cvCsv(result);
    sink.write(FitJob.COEFFICIENTS_CSV, coefficients);
    if (cv != null) {
      sink.write(FitJob.CV_CSV, cv);
    }
    sink.write(ReportPlots.PATH_SVG, ReportPlots.pathSvg(result));
    if (result.cv() != null) {
      sink.write(ReportPlots.CV_SVG, ReportPlots.cvSvg(result));
    }
    sink.write(FitJob.MODEL_JSON, model);
  }

  /** {@code feature, coefficient, standardized_coefficient}, one row per feature, design order. */
  static byte[] coefficientsCsv(FitResult result) throws IOException {
    Model model = result.model();
    double[] b = model.coefficients();
    double[] standardized = model.standardizedCoefficients();
    List<String> features = result.features();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter csv = writer(bytes)) {
      csv.writeRecord("feature", "coefficient", "standardized_coefficient");
      for (int j = 0; j < b.length; j++) {
        csv.writeRecord(features.get(j), number(b[j]), number(standardized[j]));
      }
    }
    return bytes.toByteArray();
  }

  /** {@code l1_ratio, alpha, mean_error, std_error, nonzero}, one row per ratio and alpha. */
  static byte[] cvCsv(FitResult result) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter csv = writer(bytes)) {
      csv.writeRecord("l1_ratio", "alpha", "mean_error", "std_error", "nonzero");
      List<CvCurve> curves = result.cv().curves();
      for (int r = 0; r < curves.size(); r++) {
        CvCurve curve = curves.get(r);
        Path path = result.cv().paths().get(r);
        double[] alphas = curve.alphas();
        double[] mean = curve.meanError();
        double[] se = curve.stdError();
        for (int k = 0; k < alphas.length; k++) {
          csv.writeRecord(
              number(curve.l1Ratio()),
              number(alphas[k]),
              number(mean[k]),
              number(se[k]),
              Integer.toString(path.nonZero(k)));
        }
      }
    }
    return bytes.toByteArray();
  }

  private static CsvWriter writer(ByteArrayOutputStream bytes) {
    return CsvWriter.builder()
        .lineDelimiter(LineDelimiter.LF)
        .build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
  }

  /** The shortest text that reads back as the same double; empty for a non-finite value. */
  private static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "";
  }
}
