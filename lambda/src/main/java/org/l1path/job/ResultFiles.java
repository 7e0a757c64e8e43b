package org.l1path.job;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.l1path.solver.CvCurve;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;

/**
 * Renders a {@link FitResult} as its files, with a front door's extra keys in {@code model.json},
 * and hands them to a sink, {@code model.json} last.
 */
final class ResultFiles {
  private ResultFiles() {}

  static void write(FitResult result, ModelJsonExtras extras, ResultSink sink) throws IOException {
    // Every companion is rendered first, so that model.json, written last, can name and hash each:
    // a directory that mixes two runs' files is then told apart (SavedModel checks).
    Map<String, byte[]> companions = new LinkedHashMap<>();
    companions.put(FitJob.COEFFICIENTS_CSV, coefficientsCsv(result));
    if (result.cv() != null) {
      companions.put(FitJob.CV_CSV, cvCsv(result));
    }
    companions.put(FitJob.PATH_SVG, ReportPlots.pathSvg(result));
    if (result.cv() != null) {
      companions.put(FitJob.CV_SVG, ReportPlots.cvSvg(result));
    }
    for (Map.Entry<String, byte[]> file : companions.entrySet()) {
      sink.write(file.getKey(), file.getValue());
    }
    // Streamed: with a hundred thousand features the path's coefficients make it tens of megabytes.
    sink.write(FitJob.MODEL_JSON, out -> ModelJson.write(result, extras, companions, out));
  }

  /**
   * {@code feature, coefficient, standardized_coefficient}, one row per feature, design order. For
   * classification the coefficient columns are named for the class each row models (binomial: the
   * second class), then {@code standardized:CLASS} columns in the same order. For svmlight input
   * only the features with a non-zero coefficient (in any class) have a row: such files can have a
   * hundred thousand features, of which the lasso keeps a few.
   */
  static byte[] coefficientsCsv(FitResult result) throws IOException {
    Model model = result.model();
    List<String> header = new ArrayList<>(List.of("feature"));
    List<double[]> columns = new ArrayList<>();
    if (model.family() == Family.GAUSSIAN) {
      header.addAll(List.of("coefficient", "standardized_coefficient"));
      columns.add(model.coefficients());
      columns.add(model.standardizedCoefficients());
    } else {
      List<String> classes = ResultFiles.rowClasses(model.family(), model.classes());
      for (int r = 0; r < classes.size(); r++) {
        header.add(classes.get(r));
        columns.add(model.coefficients(r));
      }
      for (int r = 0; r < classes.size(); r++) {
        header.add("standardized:" + classes.get(r));
        columns.add(model.standardizedCoefficients(r));
      }
    }
    List<String> features = result.features();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter csv = writer(bytes)) {
      csv.writeRecord(header);
      boolean nonZeroOnly = result.format() == InputFormat.SVMLIGHT;
      for (int j = 0; j < features.size(); j++) {
        if (nonZeroOnly && allZero(columns, j)) {
          continue;
        }
        List<String> record = new ArrayList<>(List.of(features.get(j)));
        for (double[] column : columns) {
          record.add(number(column[j]));
        }
        csv.writeRecord(record);
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Whether feature j's coefficients are all 0; a standardized coefficient is 0 exactly when its
   * coefficient is, so the coefficient columns alone are looked at.
   */
  private static boolean allZero(List<double[]> columns, int j) {
    for (int c = 0; c < columns.size() / 2; c++) {
      if (columns.get(c)[j] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The class each coefficient row models: the second class for binomial, else each class. */
  static List<String> rowClasses(Family family, List<String> classes) {
    return family == Family.BINOMIAL ? classes.subList(1, 2) : classes;
  }

  /**
   * {@code l1_ratio, alpha, mean_error, std_error, nonzero, measure}, one row per ratio and alpha;
   * {@code measure} names what {@code mean_error} measures (mse, deviance, class or auc). A relaxed
   * fit has a {@code gamma} column after {@code l1_ratio}, and one row per ratio, gamma and alpha.
   */
  static byte[] cvCsv(FitResult result) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean relaxed = result.relaxed() != null;
    try (CsvWriter csv = writer(bytes)) {
      List<String> header =
          new ArrayList<>(
              List.of("l1_ratio", "alpha", "mean_error", "std_error", "nonzero", "measure"));
      if (relaxed) {
        header.add(1, "gamma");
      }
      csv.writeRecord(header);
      String measure = result.cv().measure().label();
      List<CvCurve> curves = result.cv().curves();
      for (int c = 0; c < curves.size(); c++) {
        CvCurve curve = curves.get(c);
        RegularizationPath path = result.cv().paths().get(result.cv().ratioOf(c));
        double[] alphas = curve.alphas();
        double[] mean = curve.meanError();
        double[] se = curve.stdError();
        for (int k = 0; k < alphas.length; k++) {
          List<String> row =
              new ArrayList<>(
                  List.of(
                      number(curve.l1Ratio()),
                      number(alphas[k]),
                      number(mean[k]),
                      number(se[k]),
                      Integer.toString(path.nonZero(k)),
                      measure));
          if (relaxed) {
            row.add(1, number(curve.gamma()));
          }
          csv.writeRecord(row);
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
