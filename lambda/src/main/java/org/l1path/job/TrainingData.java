package org.l1path.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.l1path.solver.Dataset;

/**
 * The rows and columns a fit uses, made from a {@link CsvTable}: the target, the weights and fold
 * ids taken out, categorical columns expanded to one indicator per level ({@code column=level}),
 * rows with a missing target dropped, and missing features handled by the request's policy.
 *
 * @param dataset the design, response (numbers, or classes with their family: see {@link Response})
 *     and weights, kept rows only
 * @param foldIds one fold id per kept row, or null without a fold column
 * @param target the target column's name
 * @param columns the number of columns in the file
 * @param rowsRead the data rows in the file
 * @param droppedMissingTarget rows dropped because the target was missing
 * @param droppedMissingFeature rows dropped because a feature was missing ({@code --missing drop})
 * @param penaltyFactors one per feature (0 for the request's unpenalized columns, the given factor
 *     for its penalty-factor columns, else 1), or null when it names none
 * @param lowerBounds one per feature (the given lower limit, else 0 under positive, else -inf), or
 *     null when the request gives no bound by column
 * @param upperBounds one per feature (the given upper limit, else +inf), or null likewise
 * @param encoding how the feature columns became the design's, for encoding new rows alike
 */
record TrainingData(
    Dataset dataset,
    int[] foldIds,
    String target,
    int columns,
    int rowsRead,
    int droppedMissingTarget,
    int droppedMissingFeature,
    double[] penaltyFactors,
    double[] lowerBounds,
    double[] upperBounds,
    Encoding encoding) {

  /** More levels than this in one categorical column is taken for a mistake (an identifier). */
  static final int MAX_LEVELS = 10_000;

  /** The same data with the design held as {@code other} holds it. */
  TrainingData withDataset(Dataset other) {
    return new TrainingData(
        other,
        foldIds,
        target,
        columns,
        rowsRead,
        droppedMissingTarget,
        droppedMissingFeature,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        encoding);
  }

  int rowsDropped() {
    return droppedMissingTarget + droppedMissingFeature;
  }

  /** Builds the training data, or fails with a message naming the line and column at fault. */
  static TrainingData prepare(CsvTable table, FitRequest request) {
    String source = table.source();
    int n = table.rows();
    List<Column> columns = table.columns();
    String targetName =
        request.target() != null ? request.target() : columns.get(columns.size() - 1).name();
    int targetIndex = require(table, targetName, "target");
    int weightIndex = request.weights() == null ? -1 : require(table, request.weights(), "weights");
    int foldIndex =
        request.foldColumn() == null ? -1 : require(table, request.foldColumn(), "fold-column");
    if (weightIndex == targetIndex || foldIndex == targetIndex) {
      throw new InputException(
          String.format(
              "%s: column '%s' is the target (the last column unless target is given), so it"
                  + " cannot also be the %s column",
              source, targetName, weightIndex == targetIndex ? "weights" : "fold"));
    }

    Column targetColumn = columns.get(targetIndex);
    boolean[] keep = Response.present(table, targetColumn);
    int droppedTarget = 0;
    for (boolean k : keep) {
      if (!k) {
        droppedTarget++;
      }
    }

    List<Column> features = new ArrayList<>();
    for (int j = 0; j < columns.size(); j++) {
      if (j != targetIndex && j != weightIndex && j != foldIndex) {
        features.add(columns.get(j));
      }
    }
    if (features.isEmpty()) {
      throw noFeatures(source, columns);
    }
    FeatureControls controls = request.controls();
    requireFeatures(table, features, request.unpenalized(), "unpenalized");
    requireFeatures(table, features, controls.penaltyFactors().keySet(), "penalty-factor");
    requireFeatures(table, features, controls.lower().keySet(), "lower");
    requireFeatures(table, features, controls.upper().keySet(), "upper");
    int droppedFeature = applyMissingPolicy(table, features, keep, request.missing());
    int kept = n - droppedTarget - droppedFeature;
    if (kept == 0) {
      throw new InputException(
          String.format(
              "%s: no rows left to fit: %d of %d rows have no target ('%s')%s",
              source,
              droppedTarget,
              n,
              targetName,
              droppedFeature > 0
                  ? " and " + droppedFeature + " more a missing feature (missing=drop)"
                  : ""));
    }
    double[] weights =
        weightIndex < 0 ? null : weights(table, columns.get(weightIndex), keep, kept);
    int[] folds = foldIndex < 0 ? null : folds(table, columns.get(foldIndex), keep, kept);

    requireDesignFits(table, features, kept);
    List<String> names = new ArrayList<>();
    List<double[]> design = new ArrayList<>();
    // Each feature column's value spread over the features it expands to.
    List<Double> factors = new ArrayList<>();
    List<Double> lower = new ArrayList<>();
    List<Double> upper = new ArrayList<>();
    double defaultLower = request.positive() ? 0 : Double.NEGATIVE_INFINITY;
    boolean oneHot = false;
    List<Encoding.Input> inputs = new ArrayList<>();
    for (Column c : features) {
      int first = design.size();
      inputs.add(expand(table, c, keep, kept, request.missing(), names, design));
      double factor =
          request.unpenalized().contains(c.name())
              ? 0
              : controls.penaltyFactors().getOrDefault(c.name(), 1.0);
      for (int j = first; j < design.size(); j++) {
        factors.add(factor);
        lower.add(controls.lower().getOrDefault(c.name(), defaultLower));
        upper.add(controls.upper().getOrDefault(c.name(), Double.POSITIVE_INFINITY));
      }
      oneHot |= c instanceof Column.Categorical;
    }
    // Header names are distinct (the reader checks); only indicator names can clash.
    if (oneHot) {
      requireUnique(source, names);
    }
    Dataset dataset =
        Response.dataset(
            source,
            targetColumn,
            request,
            keep,
            kept,
            design.toArray(new double[0][]),
            weights,
            names);
    boolean factored = !request.unpenalized().isEmpty() || !controls.penaltyFactors().isEmpty();
    return new TrainingData(
        dataset,
        folds,
        targetName,
        columns.size(),
        n,
        droppedTarget,
        droppedFeature,
        factored ? array(factors) : null,
        controls.bounded() ? array(lower) : null,
        controls.bounded() ? array(upper) : null,
        new Encoding(request.missing(), inputs));
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Refuses a column, given to {@code option}, that is not in the file or is not a feature. */
  private static void requireFeatures(
      CsvTable table, List<Column> features, Iterable<String> names, String option) {
    for (String column : names) {
      int index = require(table, column, option);
      if (!features.contains(table.columns().get(index))) {
        throw new InputException(
            String.format(
                "%s: column '%s' (given as %s) is the target, the weights or the fold ids, not a"
                    + " feature",
                table.source(), column, option));
      }
    }
  }

  private static int require(CsvTable table, String name, String option) {
    int index = table.indexOf(name);
    if (index < 0) {
      List<String> names = new ArrayList<>();
      for (Column c : table.columns()) {
        names.add(c.name());
      }
      String list =
          names.size() <= 20
              ? String.join(", ", names)
              : String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " in all)";
      throw new InputException(
          String.format(
              "%s: line 1: no column named '%s' (given as %s); the columns are: %s",
              table.source(), name, option, list));
    }
    return index;
  }

  /** Marks rows to drop or fills in values; returns how many rows it dropped. */
  private static int applyMissingPolicy(
      CsvTable table, List<Column> features, boolean[] keep, MissingPolicy policy) {
    for (Column c : features) {
      if (c instanceof Column.Empty) {
        throw new InputException(
            String.format(
                "%s: column '%s': every value is missing; remove the column",
                table.source(), c.name()));
      }
    }
    if (policy == MissingPolicy.MEAN) {
      return 0;
    }
    int dropped = 0;
    // Rows outer, so that an error names the first missing value in file order.
    for (int i = 0; i < keep.length; i++) {
      for (int j = 0; j < features.size() && keep[i]; j++) {
        Column c = features.get(j);
        if (!isMissing(c, i)) {
          continue;
        }
        if (policy == MissingPolicy.ERROR) {
          throw new InputException(
              String.format(
                  "%s: line %d, column '%s': missing value (missing=error)",
                  table.source(), table.lineOfRow()[i], c.name()));
        }
        keep[i] = false;
        dropped++;
      }
    }
    return dropped;
  }

  private static boolean isMissing(Column c, int row) {
    if (c instanceof Column.Numeric numeric) {
      return Double.isNaN(numeric.values()[row]);
    }
    return c instanceof Column.Categorical cat && cat.codes()[row] < 0;
  }

  private static double[] weights(CsvTable table, Column column, boolean[] keep, int kept) {
    if (!(column instanceof Column.Numeric numeric)) {
      throw notNumeric(table, column, "weights");
    }
    double[] w = numeric.values();
    for (int i = 0; i < w.length; i++) {
      if (keep[i] && !(w[i] >= 0)) {
        throw new InputException(
            String.format(
                "%s: line %d, column '%s': weight %s; weights must be numbers >= 0",
                table.source(),
                table.lineOfRow()[i],
                column.name(),
                Double.isNaN(w[i]) ? "is missing" : "is " + w[i]));
      }
    }
    return compact(w, keep, kept);
  }

  private static int[] folds(CsvTable table, Column column, boolean[] keep, int kept) {
    if (!(column instanceof Column.Numeric numeric)) {
      throw notNumeric(table, column, "fold ids");
    }
    double[] f = numeric.values();
    int[] out = new int[kept];
    Set<Integer> distinct = new HashSet<>();
    for (int i = 0, k = 0; i < f.length; i++) {
      if (!keep[i]) {
        continue;
      }
      if (!(f[i] == Math.rint(f[i]) && Math.abs(f[i]) <= Integer.MAX_VALUE)) {
        throw new InputException(
            String.format(
                "%s: line %d, column '%s': fold id %s; fold ids must be whole numbers",
                table.source(),
                table.lineOfRow()[i],
                column.name(),
                Double.isNaN(f[i]) ? "is missing" : "is " + f[i]));
      }
      out[k++] = (int) f[i];
      distinct.add((int) f[i]);
    }
    if (distinct.size() < 2) {
      throw new InputException(
          String.format(
              "%s: column '%s': the fold column names %d fold; cross-validation needs at least 2",
              table.source(), column.name(), distinct.size()));
    }
    return out;
  }

  private static InputException notNumeric(CsvTable table, Column column, String what) {
    if (column instanceof Column.Categorical c) {
      return new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is not a number; %s must be numeric",
              table.source(), c.firstLine(), c.name(), c.firstValue(), what));
    }
    return new InputException(
        String.format(
            "%s: column '%s': every value is missing; %s need values",
            table.source(), column.name(), what));
  }

  /**
   * Adds one design column (numeric) or one per level seen in kept rows (categorical); returns how
   * it did, with the value a missing one takes under {@code missing=mean}.
   */
  private static Encoding.Input expand(
      CsvTable table,
      Column column,
      boolean[] keep,
      int kept,
      MissingPolicy policy,
      List<String> names,
      List<double[]> design) {
    boolean mean = policy == MissingPolicy.MEAN;
    if (column instanceof Column.Numeric numeric) {
      double[] x = compact(numeric.values(), keep, kept);
      names.add(column.name());
      // Nothing to fill and no fill to record: no pass over the values (tens of milliseconds on a
      // wide file).
      if (!numeric.hasMissing() && !mean) {
        design.add(x);
        return new Encoding.Numeric(column.name(), Double.NaN);
      }
      double sum = 0;
      int present = 0;
      for (double v : x) {
        if (!Double.isNaN(v)) {
          sum += v;
          present++;
        }
      }
      if (present == 0) {
        throw new InputException(
            String.format(
                "%s: column '%s': every value in the rows kept is missing",
                table.source(), column.name()));
      }
      double fill = sum / present;
      design.add(present == kept ? x : filled(x, fill));
      return new Encoding.Numeric(column.name(), mean ? fill : Double.NaN);
    }
    Column.Categorical c = (Column.Categorical) column;
    int[] codes = compact(c.codes(), keep, kept);
    int[] counts = new int[c.levels().size()];
    for (int code : codes) {
      if (code >= 0) {
        counts[code]++;
      }
    }
    int mostFrequent = 0;
    for (int level = 1; level < counts.length; level++) {
      if (counts[level] > counts[mostFrequent]) {
        mostFrequent = level;
      }
    }
    List<String> levels = new ArrayList<>();
    for (int level = 0; level < counts.length; level++) {
      if (counts[level] == 0) {
        continue;
      }
      double[] indicator = new double[kept];
      for (int i = 0; i < kept; i++) {
        int code = codes[i] < 0 ? mostFrequent : codes[i];
        indicator[i] = code == level ? 1.0 : 0.0;
      }
      levels.add(c.levels().get(level));
      names.add(c.name() + "=" + c.levels().get(level));
      design.add(indicator);
    }
    return new Encoding.Categorical(c.name(), levels, mean ? c.levels().get(mostFrequent) : null);
  }

  /**
   * Every column is the target, weights or fold ids. A header that is one column holding ';' or a
   * tab is the usual cause: a file separated by something other than commas.
   */
  private static InputException noFeatures(String source, List<Column> columns) {
    String header = columns.get(0).name();
    String separator = header.contains(";") ? "';'" : header.contains("\t") ? "tabs" : null;
    return new InputException(
        columns.size() == 1 && separator != null
            ? String.format(
                "%s: line 1: the header is one column, '%s', separated by %s; the file must be"
                    + " comma-separated",
                source, ColumnBuilder.shown(header.toCharArray(), 0, header.length()), separator)
            : String.format(
                "%s: no feature columns: every column is the target, weights or fold ids (%s)",
                source, names(columns)));
  }

  private static String names(List<Column> columns) {
    List<String> quoted = new ArrayList<>();
    for (Column c : columns) {
      quoted.add("'" + c.name() + "'");
    }
    return String.join(", ", quoted);
  }

  /**
   * Fails early, with a message a person can act on, when one-hot encoding would make a design too
   * large for memory: typically an identifier column read as categorical.
   */
  private static void requireDesignFits(CsvTable table, List<Column> features, int kept) {
    long width = 0;
    for (Column c : features) {
      if (c instanceof Column.Categorical cat) {
        int levels = cat.levels().size();
        if (levels > MAX_LEVELS) {
          throw new InputException(
              String.format(
                  "%s: column '%s': %d distinct non-numeric values (first '%s' on line %d); a"
                      + " categorical column may have at most %d levels. Is it an identifier?"
                      + " Remove it",
                  table.source(), c.name(), levels, cat.firstValue(), cat.firstLine(), MAX_LEVELS));
        }
        width += levels;
      } else {
        width++;
      }
    }
    long bytes = width * kept * Double.BYTES;
    if (bytes > DataTooLargeException.designBudget()) {
      throw new DataTooLargeException(
          String.format(
              "%s: %d rows x %d features need %d MiB, more than half the memory available (%d"
                  + " MiB); give the process more memory or use fewer columns",
              table.source(), kept, width, bytes >> 20, Runtime.getRuntime().maxMemory() >> 20));
    }
  }

  /** A copy of the values with missing ones replaced: x may be the table's own array. */
  private static double[] filled(double[] x, double fill) {
    double[] out = x.clone();
    for (int i = 0; i < out.length; i++) {
      if (Double.isNaN(out[i])) {
        out[i] = fill;
      }
    }
    return out;
  }

  private static void requireUnique(String source, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new InputException(
            String.format(
                "%s: line 1: feature name '%s' occurs twice after one-hot encoding; rename the"
                    + " column",
                source, name));
      }
    }
  }

  /** The kept values; the array itself, not a copy, when every row is kept. */
  private static double[] compact(double[] values, boolean[] keep, int kept) {
    if (kept == values.length) {
      return values;
    }
    double[] out = new double[kept];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (keep[i]) {
        out[k++] = values[i];
      }
    }
    return out;
  }

  private static int[] compact(int[] values, boolean[] keep, int kept) {
    int[] out = new int[kept];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (keep[i]) {
        out[k++] = values[i];
      }
    }
    return out;
  }
}
