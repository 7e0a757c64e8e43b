package org.l1path.job;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l1path.solver.Convergence;
import org.l1path.solver.CvCurve;
import org.l1path.solver.CvResult;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.RelaxedPath;

/**
 * Writes {@code model.json}, schema {@code l1path-model/1}. Keys are documented in {@code
 * docs/fit.md}; a front door's extra keys follow the job's, in the same pass. A non-finite number
 * is written as {@code null}, so the file is always valid JSON.
 */
final class ModelJson {
  static final String SCHEMA = "l1path-model/1";

  private static final JsonFactory FACTORY = new JsonFactory();

  private ModelJson() {}

  /**
   * Writes {@code model.json} to {@code out} (left open).
   *
   * @param companions the files written with model.json, by name: each is named with its size and
   *     SHA-256 under {@code files}
   */
  static void write(
      FitResult result, ModelJsonExtras extras, Map<String, byte[]> companions, OutputStream out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      ModelPrettyPrinter printer = new ModelPrettyPrinter();
      g.setPrettyPrinter(printer);
      new ModelJson.Body(g, printer, result, extras, companions).write();
    }
    out.write('\n');
  }

  /** The writing of one result; a class so the generator need not be passed to every helper. */
  private static final class Body {
    private final JsonGenerator g;
    private final ModelPrettyPrinter printer;
    private final FitResult r;
    private final FitRequest q;
    private final ModelJsonExtras extras;
    private final Map<String, byte[]> companions;

    Body(
        JsonGenerator g,
        ModelPrettyPrinter printer,
        FitResult r,
        ModelJsonExtras extras,
        Map<String, byte[]> companions) {
      this.companions = companions;
      this.g = g;
      this.printer = printer;
      this.r = r;
      this.q = r.request();
      this.extras = extras;
    }

    void write() throws IOException {
      Model model = r.model();
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("version", Version.get());
      g.writeObjectFieldStart("input");
      g.writeStringField("name", r.input());
      g.writeNumberField("rows", r.rows());
      g.writeNumberField("columns", r.columns());
      g.writeNumberField("rows_dropped", r.rowsDropped());
      nullableString("format", r.format() == null ? null : r.format().label());
      g.writeStringField("storage", FitRequest.storageLabel(r.storage()));
      g.writeEndObject();
      g.writeStringField("target", r.target());
      g.writeFieldName("features");
      strings(r.features());
      encoding(r.encoding());
      g.writeStringField("family", model.family().label());
      if (classification()) {
        g.writeFieldName("classes");
        strings(model.classes());
      }
      settings();
      number("alpha", model.alpha());
      number("l1_ratio", model.l1Ratio());
      number("gamma", r.gamma());
      if (classification()) {
        classCoefficients(model);
      } else {
        number("intercept", model.intercept());
        g.writeFieldName("coefficients");
        coefficients(model.coefficients());
      }
      g.writeArrayFieldStart("selected");
      for (int j : model.selected()) {
        g.writeString(r.features().get(j));
      }
      g.writeEndArray();
      g.writeBooleanField("converged", r.converged());
      path(r.path());
      relaxed(r.relaxed());
      cv(r.cv());
      g.writeObjectFieldStart("timing_ms");
      g.writeNumberField("read", r.readMillis());
      g.writeNumberField("fit", r.fitMillis());
      g.writeEndObject();
      g.writeObjectFieldStart("files");
      for (Map.Entry<String, byte[]> file : companions.entrySet()) {
        g.writeObjectFieldStart(file.getKey());
        g.writeNumberField("bytes", file.getValue().length);
        g.writeStringField("sha256", CompanionFiles.sha256(file.getValue()));
        g.writeEndObject();
      }
      g.writeEndObject();
      extras();
      g.writeEndObject();
    }

    /** The front door's keys, last, so the job's keys keep their place and layout. */
    private void extras() throws IOException {
      for (Map.Entry<String, Map<String, String>> object : extras.objects().entrySet()) {
        g.writeObjectFieldStart(object.getKey());
        for (Map.Entry<String, String> field : object.getValue().entrySet()) {
          nullableString(field.getKey(), field.getValue());
        }
        g.writeEndObject();
      }
    }

    /** One object per feature column: how {@code predict} encodes new rows. */
    private void encoding(Encoding encoding) throws IOException {
      g.writeArrayFieldStart("encoding");
      for (Encoding.Input input : encoding.columns()) {
        g.writeStartObject();
        g.writeStringField("column", input.name());
        if (input instanceof Encoding.Categorical c) {
          g.writeStringField("type", "categorical");
          g.writeFieldName("levels");
          strings(c.levels());
          nullableString("fill", c.fill());
        } else {
          g.writeStringField("type", "numeric");
          number("fill", ((Encoding.Numeric) input).fill());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private boolean classification() {
      return r.path().family() != Family.GAUSSIAN;
    }

    /** The class each coefficient row models: the second class for binomial, else each class. */
    private List<String> rowClasses() {
      return ResultFiles.rowClasses(r.path().family(), r.path().classes());
    }

    /** An object of feature to coefficient. */
    private void coefficients(double[] b) throws IOException {
      g.writeStartObject();
      for (int j = 0; j < b.length; j++) {
        number(r.features().get(j), b[j]);
      }
      g.writeEndObject();
    }

    private void classCoefficients(Model model) throws IOException {
      List<String> rows = rowClasses();
      g.writeObjectFieldStart("intercept");
      for (int c = 0; c < rows.size(); c++) {
        number(rows.get(c), model.intercept(c));
      }
      g.writeEndObject();
      g.writeObjectFieldStart("coefficients");
      for (int c = 0; c < rows.size(); c++) {
        g.writeFieldName(rows.get(c));
        coefficients(model.coefficients(c));
      }
      g.writeEndObject();
    }

    /** A column-to-value object, in the order given. */
    private void columnValues(String field, Map<String, Double> values) throws IOException {
      g.writeObjectFieldStart(field);
      for (Map.Entry<String, Double> e : values.entrySet()) {
        number(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }

    private void settings() throws IOException {
      g.writeObjectFieldStart("settings");
      g.writeFieldName("l1_ratio");
      numbers(q.l1Ratios());
      g.writeBooleanField("standardize", q.standardize());
      g.writeBooleanField("fit_intercept", q.intercept());
      g.writeArrayFieldStart("unpenalized");
      for (String column : q.unpenalized()) {
        g.writeString(column);
      }
      g.writeEndArray();
      g.writeBooleanField("positive", q.positive());
      g.writeBooleanField("relax", q.relax());
      g.writeFieldName("gamma");
      if (q.relax()) {
        numbers(q.gammas());
      } else {
        g.writeNull();
      }
      columnValues("penalty_factor", q.controls().penaltyFactors());
      columnValues("lower", q.controls().lower());
      columnValues("upper", q.controls().upper());
      number("tol", q.tolerance());
      g.writeNumberField("max_iter", q.maxIterations());
      g.writeNumberField("seed", q.seed());
      g.writeFieldName("alphas");
      if (q.alphas() == null) {
        g.writeNull();
      } else {
        numbers(q.alphas());
      }
      g.writeNumberField("num_alphas", q.alphas() == null ? q.numAlphas() : q.alphas().length);
      number("alpha_min_ratio", q.alphaMinRatio());
      nullableString("weights", q.weights());
      g.writeStringField("missing", q.missing().label());
      g.writeStringField("encoding", q.encoding().name());
      g.writeStringField("format", q.format() == null ? "auto" : q.format().label());
      g.writeStringField("storage", FitRequest.storageLabel(q.storage()));
      g.writeEndObject();
    }

    private void path(RegularizationPath p) throws IOException {
      int count = p.size();
      double[] gaps = new double[count];
      int[] iterations = new int[count];
      int[] nonzero = new int[count];
      double[] devRatio = new double[count];
      g.writeObjectFieldStart("path");
      number("l1_ratio", p.l1Ratio());
      g.writeFieldName("alphas");
      numbers(p.alphas());
      g.writeFieldName("feature_scales");
      numbers(p.featureScales());
      if (classification()) {
        g.writeFieldName("classes");
        strings(rowClasses());
      }
      solutions(p);
      for (int k = 0; k < count; k++) {
        Convergence c = p.convergence(k);
        gaps[k] = c.relativeGap();
        iterations[k] = c.iterations();
        nonzero[k] = p.nonZero(k);
        devRatio[k] = p.devRatio(k);
      }
      g.writeFieldName("nonzero");
      g.writeArray(nonzero, 0, count);
      g.writeFieldName("dev_ratio");
      numbers(devRatio);
      g.writeFieldName("duality_gap");
      numbers(gaps);
      g.writeFieldName("iterations");
      g.writeArray(iterations, 0, count);
      g.writeArrayFieldStart("converged");
      for (int k = 0; k < count; k++) {
        g.writeBoolean(p.convergence(k).converged());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("solve_stop");
      for (int k = 0; k < count; k++) {
        Convergence c = p.convergence(k);
        g.writeString(c.converged() ? "converged" : c.stalled() ? "stalled" : "max_iterations");
      }
      g.writeEndArray();
      g.writeStringField("stop_reason", p.stopReason().label());
      g.writeEndObject();
    }

    /**
     * The relaxed lasso's refits ({@code --relax}): {@code intercepts} and {@code coefficients}
     * shaped as the path's, each alpha's deviance ratio, and whether each refit converged; null for
     * a plain fit.
     */
    private void relaxed(RelaxedPath relaxed) throws IOException {
      if (relaxed == null) {
        g.writeNullField("relaxed");
        return;
      }
      RegularizationPath refits = relaxed.refits();
      g.writeObjectFieldStart("relaxed");
      solutions(refits);
      double[] devRatio = new double[refits.size()];
      for (int k = 0; k < devRatio.length; k++) {
        devRatio[k] = refits.devRatio(k);
      }
      g.writeFieldName("dev_ratio");
      numbers(devRatio);
      g.writeArrayFieldStart("converged");
      for (int k = 0; k < refits.size(); k++) {
        g.writeBoolean(refits.convergence(k).converged());
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    /**
     * {@code intercepts} and {@code coefficients}: [alpha] and [alpha][feature] for gaussian,
     * [alpha][row] and [alpha][row][feature] for classification.
     */
    private void solutions(RegularizationPath p) throws IOException {
      if (classification()) {
        classPath(p);
        return;
      }
      g.writeFieldName("intercepts");
      numbers(p.intercepts());
      g.writeFieldName("coefficients");
      printer.nextArrayIsMatrix();
      g.writeStartArray();
      for (int k = 0; k < p.size(); k++) {
        numbers(p.coefficients(k));
      }
      g.writeEndArray();
    }

    /** {@code intercepts} [alpha][row] and {@code coefficients} [alpha][row][feature]. */
    private void classPath(RegularizationPath p) throws IOException {
      int rows = p.responses();
      g.writeFieldName("intercepts");
      printer.nextArrayIsMatrix();
      g.writeStartArray();
      for (int k = 0; k < p.size(); k++) {
        double[] b0 = new double[rows];
        for (int c = 0; c < rows; c++) {
          b0[c] = p.intercept(k, c);
        }
        numbers(b0);
      }
      g.writeEndArray();
      g.writeFieldName("coefficients");
      printer.nextArrayIsMatrix();
      g.writeStartArray();
      for (int k = 0; k < p.size(); k++) {
        g.writeStartArray();
        for (int c = 0; c < rows; c++) {
          numbers(p.coefficients(k, c));
        }
        g.writeEndArray();
      }
      g.writeEndArray();
    }

    private void cv(CvResult cv) throws IOException {
      if (cv == null) {
        g.writeNullField("cv");
        return;
      }
      List<CvCurve> curves = cv.curves();
      g.writeObjectFieldStart("cv");
      g.writeNumberField("folds", cv.folds());
      g.writeStringField(
          "fold_assignment",
          q.foldColumn() != null ? "column" : q.foldAssignment().name().toLowerCase(Locale.ROOT));
      nullableString("fold_column", q.foldColumn());
      g.writeNumberField("seed", q.seed());
      g.writeStringField("measure", cv.measure().label());
      g.writeArrayFieldStart("l1_ratios");
      for (CvCurve c : curves) {
        number(c.l1Ratio());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("gammas");
      for (CvCurve c : curves) {
        number(c.gamma());
      }
      g.writeEndArray();
      g.writeFieldName("alphas");
      printer.nextArrayIsMatrix();
      g.writeStartArray();
      for (CvCurve c : curves) {
        numbers(c.alphas());
      }
      g.writeEndArray();
      g.writeFieldName("mean_error");
      printer.nextArrayIsMatrix();
      g.writeStartArray();
      for (CvCurve c : curves) {
        numbers(c.meanError());
      }
      g.writeEndArray();
      g.writeFieldName("std_error");
      printer.nextArrayIsMatrix();
      g.writeStartArray();
      for (CvCurve c : curves) {
        numbers(c.stdError());
      }
      g.writeEndArray();
      CvCurve best = cv.bestCurve();
      number("alpha_min", best.alphaMin());
      number("alpha_1se", best.alpha1se());
      number("l1_ratio_best", best.l1Ratio());
      number("gamma_best", best.gamma());
      g.writeStringField("rule", cv.rule().label());
      g.writeEndObject();
    }

    private void strings(List<String> values) throws IOException {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }

    private void numbers(double[] values) throws IOException {
      g.writeStartArray();
      for (double v : values) {
        number(v);
      }
      g.writeEndArray();
    }

    private void number(double value) throws IOException {
      if (Double.isFinite(value)) {
        g.writeNumber(value);
      } else {
        g.writeNull();
      }
    }

    private void number(String field, double value) throws IOException {
      g.writeFieldName(field);
      number(value);
    }

    private void nullableString(String field, String value) throws IOException {
      if (value == null) {
        g.writeNullField(field);
      } else {
        g.writeStringField(field, value);
      }
    }
  }
}
