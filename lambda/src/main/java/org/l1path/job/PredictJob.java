package org.l1path.job;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.Scores;

/**
 * Predicts every row of a CSV with a saved model and, when the file holds the model's target
 * column, scores the predictions against it. Rows stream through: the file is never held whole. An
 * svmlight file (told by its name, {@link InputFormat#of}, unless {@link PredictChoice#format}
 * names the format) goes to {@link SvmlightPredictions}.
 *
 * <p>Output CSV: {@code row} (the data row's number, 1 for the first row after the header), then
 * {@code prediction} (gaussian), or {@code class} and one {@code probability:<class>} column per
 * class. A row that a missing value drops ({@code missing=drop} at fit time) keeps its number with
 * empty fields.
 */
public final class PredictJob {
  private PredictJob() {}

  /**
   * Predicts and writes the output CSV to {@code out} (not closed).
   *
   * @param saved the model file, for its encoding and target
   * @param model the model to predict with, one of {@code saved}'s
   * @param csv the rows, plain or gzip; not closed
   * @param source the input's name, for messages
   * @param choice the rows' character encoding and format, and whether a category never seen at fit
   *     time is encoded as all-zero indicators
   * @throws InputException when a row cannot be encoded; the message names its line and column
   */
  public static PredictionScore run(
      SavedModel saved,
      Model model,
      InputStream csv,
      String source,
      OutputStream out,
      PredictChoice choice)
      throws IOException {
    if (choice.formatOf(source) == InputFormat.SVMLIGHT) {
      return SvmlightPredictions.run(saved, model, csv, source, out, choice.encoding());
    }
    try (CsvReader<CsvRecord> reader =
            CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(TextInput.open(csv, source, choice.encoding()));
        CsvWriter writer =
            CsvWriter.builder()
                .lineDelimiter(LineDelimiter.LF)
                .build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      Iterator<CsvRecord> records = reader.iterator();
      if (!records.hasNext()) {
        throw new InputException(source + ": the file is empty: no header line");
      }
      CsvRecord first = records.next();
      List<String> header = first.getFields();
      requireDecoded(source, null, header, first.getStartingLineNumber(), choice.encoding());
      RowEncoder encoder = new RowEncoder(source, header, saved.encoding(), choice.unseenAsZero());
      Integer targetColumn = RowEncoder.columnsByName(source, header).get(saved.target());
      Scoring scoring = new Scoring(model, source, targetColumn == null ? null : saved.target());
      writer.writeRecord(outputHeader(model));
      long row = 0;
      while (records.hasNext()) {
        CsvRecord record = records.next();
        row++;
        List<String> fields = record.getFields();
        long line = record.getStartingLineNumber();
        requireDecoded(source, header, fields, line, choice.encoding());
        double[] x = encoder.encode(fields, line);
        writer.writeRecord(predict(model, x, row));
        if (x != null && targetColumn != null && targetColumn < fields.size()) {
          scoring.add(model, x, RowEncoder.trim(fields.get(targetColumn)), line);
        }
      }
      return scoring.result(row);
    } catch (CsvParseException e) {
      throw new InputException(source + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Refuses a field with bytes the charset could not decode; header is null for the header. */
  private static void requireDecoded(
      String source, List<String> header, List<String> fields, long line, Charset charset) {
    for (int j = 0; j < fields.size(); j++) {
      if (fields.get(j).indexOf(TextInput.UNDECODABLE) >= 0) {
        String where =
            header == null
                ? "column " + (j + 1) + " of the header"
                : j < header.size()
                    ? "column '" + header.get(j).trim() + "' (column " + (j + 1) + ")"
                    : "column " + (j + 1);
        throw TextInput.undecodable(source, line, where, charset);
      }
    }
  }

  static List<String> outputHeader(Model model) {
    List<String> header = new ArrayList<>();
    header.add("row");
    if (model.family() == Family.GAUSSIAN) {
      header.add("prediction");
    } else {
      header.add("class");
      for (String c : model.classes()) {
        header.add("probability:" + c);
      }
    }
    return header;
  }

  static List<String> predict(Model model, double[] x, long row) {
    List<String> fields = new ArrayList<>();
    fields.add(Long.toString(row));
    boolean gaussian = model.family() == Family.GAUSSIAN;
    if (x == null) {
      int blanks = gaussian ? 1 : 1 + model.classes().size();
      for (int c = 0; c < blanks; c++) {
        fields.add("");
      }
    } else if (gaussian) {
      fields.add(Double.toString(model.predict(x)));
    } else {
      double[] p = model.probabilities(x);
      fields.add(model.classes().get(Scores.mostProbable(p)));
      for (double v : p) {
        fields.add(Double.toString(v));
      }
    }
    return fields;
  }

  /** Collects observed values and predictions of the rows that have a usable target. */
  static final class Scoring {
    private final String source;
    private final String target;
    private final boolean gaussian;
    private final List<String> classes;
    private final List<double[]> predictions = new ArrayList<>();
    private final List<Double> observed = new ArrayList<>();
    private int unknownClass;

    Scoring(Model model, String source, String target) {
      this.source = source;
      this.target = target;
      this.gaussian = model.family() == Family.GAUSSIAN;
      this.classes = model.classes();
    }

    void add(Model model, double[] x, String field, long line) {
      if (RowEncoder.isMissing(field)) {
        return;
      }
      char[] chars = field.toCharArray();
      double value = Numbers.parse(chars, 0, chars.length);
      if (gaussian) {
        if (!Double.isFinite(value)) {
          throw new InputException(
              String.format(
                  "%s: line %d, column '%s': target '%s' is not a finite number",
                  source, line, target, ColumnBuilder.shown(chars, 0, chars.length)));
        }
        observed.add(value);
        predictions.add(new double[] {model.predict(x)});
        return;
      }
      int c = classes.indexOf(field);
      if (c < 0 && Double.isFinite(value)) {
        c = classes.indexOf(Response.label(value));
      }
      if (c < 0) {
        unknownClass++;
        return;
      }
      observed.add((double) c);
      predictions.add(model.probabilities(x));
    }

    PredictionScore result(long rows) {
      int m = observed.size();
      if (target == null || m == 0) {
        return new PredictionScore(rows, m, unknownClass, List.of());
      }
      List<PredictionScore.Measure> measures = new ArrayList<>();
      if (gaussian) {
        double[] y = new double[m];
        double[] yHat = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
          y[i] = observed.get(i);
          yHat[i] = predictions.get(i)[0];
          mean += y[i] / m;
        }
        double mse = Scores.meanSquaredError(y, yHat, null);
        double variance = 0;
        for (double v : y) {
          variance += (v - mean) * (v - mean) / m;
        }
        measures.add(new PredictionScore.Measure("mse", mse));
        measures.add(new PredictionScore.Measure("r2", 1 - mse / variance));
      } else {
        int[] observedClass = new int[m];
        double[][] probabilities = new double[m][];
        for (int i = 0; i < m; i++) {
          observedClass[i] = (int) (double) observed.get(i);
          probabilities[i] = predictions.get(i);
        }
        measures.add(
            new PredictionScore.Measure(
                "deviance", Scores.deviance(observedClass, probabilities, null)));
        measures.add(
            new PredictionScore.Measure(
                "accuracy", 1 - Scores.misclassification(observedClass, probabilities, null)));
        if (classes.size() == 2) {
          double[] score = new double[m];
          for (int i = 0; i < m; i++) {
            score[i] = probabilities[i][1];
          }
          measures.add(new PredictionScore.Measure("auc", Scores.auc(observedClass, score, null)));
        }
      }
      return new PredictionScore(rows, m, unknownClass, measures);
    }
  }
}
