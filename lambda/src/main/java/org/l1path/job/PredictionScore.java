package org.l1path.job;

import java.util.List;
import java.util.Locale;

/**
 * What a prediction run read, and how well it scored where the file held the target.
 *
 * @param rows data rows read
 * @param scored rows with a target value that the scores cover
 * @param unknownClass rows left out of the scores because their class is not one of the model's
 * @param measures the scores: {@code mse} and {@code r2} (gaussian), or {@code deviance} (mean of
 *     -2 log p(observed class)), {@code accuracy} and, for two classes, {@code auc}; empty when the
 *     file has no target column or no row to score
 */
public record PredictionScore(long rows, int scored, int unknownClass, List<Measure> measures) {

  public PredictionScore {
    measures = List.copyOf(measures);
  }

  /** One named score. */
  public record Measure(String name, double value) {}

  /** One line, for example {@code scored 442 rows: mse 2859.7, r2 0.51778}; null without scores. */
  public String summary() {
    if (measures.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder("scored " + scored + " of " + rows + " rows:");
    String separator = " ";
    for (Measure m : measures) {
      sb.append(separator).append(m.name()).append(' ');
      sb.append(String.format(Locale.ROOT, "%.6g", m.value()));
      separator = ", ";
    }
    if (unknownClass > 0) {
      sb.append(" (")
          .append(unknownClass)
          .append(" rows with a class the model does not know left out)");
    }
    return sb.toString();
  }
}
