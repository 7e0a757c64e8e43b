package org.l1path.job;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.l1path.solver.Model;

/**
 * Predicts the lines of an svmlight file with a saved model, as {@link PredictJob} predicts a CSV's
 * rows and with its output: file index k is the model's feature {@code f<k>}, an absent index is 0,
 * and each line's label is scored as the target. Indices the model has no feature for are ignored,
 * as libsvm ignores them: the fit never saw them, so the model gives them no weight. Lines stream
 * through, parsed by the fit's own {@link SvmlightLine}, so both refuse the same lines.
 */
final class SvmlightPredictions {
  private SvmlightPredictions() {}

  /**
   * Predicts and writes the output CSV to {@code out} (not closed).
   *
   * @throws InputException when the model has a feature that is not {@code f<k>}, or a line is
   *     malformed; the message names the line
   */
  static PredictionScore run(
      SavedModel saved,
      Model model,
      InputStream in,
      String source,
      OutputStream out,
      Charset charset)
      throws IOException {
    int[] positionOfIndex = positions(source, saved.encoding());
    int width = saved.encoding().columns().size();
    SvmlightLine parsed = new SvmlightLine(source, charset);
    try (BufferedReader text = new BufferedReader(TextInput.open(in, source, charset));
        CsvWriter writer =
            CsvWriter.builder()
                .lineDelimiter(LineDelimiter.LF)
                .build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      writer.writeRecord(PredictJob.outputHeader(model));
      PredictJob.Scoring scoring = new PredictJob.Scoring(model, source, saved.target());
      double[] x = new double[width];
      long row = 0;
      long line = 0;
      for (String s = text.readLine(); s != null; s = text.readLine()) {
        line++;
        if (!parsed.parse(s, line)) {
          continue;
        }
        row++;
        Arrays.fill(x, 0);
        int[] indices = parsed.indices();
        double[] values = parsed.values();
        for (int t = 0; t < parsed.count(); t++) {
          int index = indices[t];
          if (index < positionOfIndex.length && positionOfIndex[index] >= 0) {
            x[positionOfIndex[index]] = values[t];
          }
        }
        writer.writeRecord(PredictJob.predict(model, x, row));
        scoring.add(model, x, parsed.labelText(), line);
      }
      return scoring.result(row);
    }
  }

  /**
   * Each file index's place in the model's features, -1 for an index it has no feature for.
   *
   * @throws InputException when a feature is categorical or not named {@code f<k>}: an svmlight
   *     line cannot give it
   */
  private static int[] positions(String source, Encoding encoding) {
    List<Encoding.Input> inputs = encoding.columns();
    int[] indexOf = new int[inputs.size()];
    int largest = 0;
    for (int t = 0; t < inputs.size(); t++) {
      Encoding.Input input = inputs.get(t);
      int index = input instanceof Encoding.Numeric ? SvmlightTraining.indexOf(input.name()) : -1;
      if (index < 0) {
        throw new InputException(
            String.format(
                "%s: the model's feature column '%s' is not named f<index> (f1, f2, ...), so"
                    + " svmlight lines cannot give it; predict a CSV with the model's columns"
                    + " instead",
                source, input.name()));
      }
      indexOf[t] = index;
      largest = Math.max(largest, index);
    }
    int[] positionOfIndex = new int[largest + 1];
    Arrays.fill(positionOfIndex, -1);
    for (int t = 0; t < indexOf.length; t++) {
      positionOfIndex[indexOf[t]] = t;
    }
    return positionOfIndex;
  }
}
