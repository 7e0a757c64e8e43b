package org.l1path.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Dataset;
import org.l1path.solver.Family;
import org.l1path.solver.SparseFeatures;

/**
 * Turns the target column into the solver's response and settles the family: a numeric target is
 * gaussian unless a classification family is asked for, a non-numeric one has classes (two:
 * binomial, more: multinomial). Classes are the target's distinct values in the rows kept, sorted
 * by code point for text and by value for numbers, so that binomial models the larger number.
 */
final class Response {
  /** More classes than this is taken for a mistake (a continuous target or an identifier). */
  static final int MAX_CLASSES = 1000;

  private Response() {}

  /** Which rows have a target value. */
  static boolean[] present(CsvTable table, Column target) {
    int n = table.rows();
    boolean[] out = new boolean[n];
    if (target instanceof Column.Numeric numeric) {
      for (int i = 0; i < n; i++) {
        out[i] = !Double.isNaN(numeric.values()[i]);
      }
    } else if (target instanceof Column.Categorical c) {
      for (int i = 0; i < n; i++) {
        out[i] = c.codes()[i] >= 0;
      }
    } else {
      throw new InputException(
          String.format(
              "%s: column '%s': the target has no values (every row is missing)",
              table.source(), target.name()));
    }
    return out;
  }

  /**
   * The dataset of the kept rows, with the family the request asks for or the target implies.
   *
   * @throws InputException when the family or measure does not fit the target
   */
  static Dataset dataset(
      String source,
      Column target,
      FitRequest request,
      boolean[] keep,
      int kept,
      double[][] design,
      double[] weights,
      List<String> names) {
    return dataset(
        source,
        target,
        request,
        keep,
        kept,
        y -> Dataset.of(design, y, weights, names),
        (ofRow, labels) -> Dataset.ofClasses(design, ofRow, labels, weights, names));
  }

  /**
   * The dataset of an svmlight file's rows, stored sparse, with the family the request asks for or
   * the labels imply (numbers, so gaussian unless a classification family is asked for, as for a
   * numeric CSV target).
   *
   * @param target the labels, every one present
   * @throws InputException when the family or measure does not fit the labels
   */
  static Dataset sparseDataset(
      String source,
      Column.Numeric target,
      FitRequest request,
      SparseFeatures x,
      List<String> names) {
    boolean[] keep = new boolean[target.values().length];
    Arrays.fill(keep, true);
    return dataset(
        source,
        target,
        request,
        keep,
        keep.length,
        y -> Dataset.ofSparse(x, y, null, names),
        (ofRow, labels) -> Dataset.ofSparseClasses(x, ofRow, labels, null, names));
  }

  /**
   * The dataset of the kept rows, made from the design at hand (dense or sparse) by {@code numeric}
   * for a numeric response, or by {@code classes} from each row's class and the class labels.
   */
  private static Dataset dataset(
      String source,
      Column target,
      FitRequest request,
      boolean[] keep,
      int kept,
      Function<double[], Dataset> numeric,
      BiFunction<int[], List<String>, Dataset> classes) {
    Family family = request.family();
    Dataset dataset;
    try {
      if (target instanceof Column.Numeric values
          && (family == null || family == Family.GAUSSIAN)) {
        dataset = numeric.apply(compact(values.values(), keep, kept));
      } else {
        Classes labels = classes(source, target, family, keep, kept);
        dataset = classes.apply(labels.ofRow, labels.labels);
        if (family == Family.MULTINOMIAL) {
          dataset = dataset.withFamily(Family.MULTINOMIAL);
        }
      }
    } catch (IllegalArgumentException e) {
      // Every value was checked on the way in; what is left (weights summing to 0, a column that
      // varies by less than double precision's sums can hold) is the data's.
      throw new InputException(source + ": " + e.getMessage());
    }
    requireMeasureFits(source, target, request.measure(), dataset);
    return dataset;
  }

  /** Class labels and each kept row's class index. */
  private record Classes(List<String> labels, int[] ofRow) {}

  private static Classes classes(
      String source, Column target, Family family, boolean[] keep, int kept) {
    if (target instanceof Column.Categorical c && family == Family.GAUSSIAN) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': the target value '%s' is not a number, so family"
                  + " gaussian does not apply; use family auto, binomial or multinomial",
              source, c.firstLine(), c.name(), c.firstValue()));
    }
    Classes classes =
        target instanceof Column.Categorical c
            ? textClasses(c, keep, kept)
            : numericClasses(((Column.Numeric) target).values(), keep, kept);
    List<String> labels = classes.labels();
    if (labels.size() < 2) {
      throw new InputException(
          String.format(
              "%s: column '%s': the target has one class ('%s') in the %d rows fitted;"
                  + " classification needs at least 2",
              source, target.name(), labels.get(0), kept));
    }
    if (labels.size() > MAX_CLASSES) {
      throw new InputException(
          String.format(
              "%s: column '%s': the target has %d distinct values; classification allows at most"
                  + " %d classes",
              source, target.name(), labels.size(), MAX_CLASSES));
    }
    if (family == Family.BINOMIAL && labels.size() != 2) {
      throw new InputException(
          String.format(
              "%s: column '%s': family binomial needs 2 classes, but the target has %d (%s);"
                  + " use family multinomial or auto",
              source, target.name(), labels.size(), shortList(labels)));
    }
    return classes;
  }

  /** Levels not seen in a kept row are left out, so every class has a row. */
  private static Classes textClasses(Column.Categorical c, boolean[] keep, int kept) {
    int[] codes = c.codes();
    int[] newCode = new int[c.levels().size()];
    Arrays.fill(newCode, -1);
    for (int i = 0; i < codes.length; i++) {
      if (keep[i]) {
        newCode[codes[i]] = 0;
      }
    }
    List<String> labels = new ArrayList<>();
    for (int level = 0; level < newCode.length; level++) {
      if (newCode[level] == 0) {
        newCode[level] = labels.size();
        labels.add(c.levels().get(level));
      }
    }
    int[] ofRow = new int[kept];
    for (int i = 0, k = 0; i < codes.length; i++) {
      if (keep[i]) {
        ofRow[k++] = newCode[codes[i]];
      }
    }
    return new Classes(List.copyOf(labels), ofRow);
  }

  private static Classes numericClasses(double[] values, boolean[] keep, int kept) {
    TreeSet<Double> distinct = new TreeSet<>();
    for (int i = 0; i < values.length; i++) {
      if (keep[i]) {
        distinct.add(values[i] + 0.0); // -0.0 and 0.0 are one class
      }
    }
    List<Double> sorted = new ArrayList<>(distinct);
    List<String> labels = new ArrayList<>();
    for (double v : sorted) {
      labels.add(label(v));
    }
    int[] ofRow = new int[kept];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (keep[i]) {
        ofRow[k++] = Collections.binarySearch(sorted, values[i] + 0.0);
      }
    }
    return new Classes(List.copyOf(labels), ofRow);
  }

  private static void requireMeasureFits(
      String source, Column target, CvMeasure measure, Dataset dataset) {
    Family family = dataset.family();
    try {
      measure.resolve(family);
    } catch (IllegalArgumentException e) {
      String what =
          family == Family.GAUSSIAN
              ? "a numeric target"
              : dataset.classes().size() + " classes (" + shortList(dataset.classes()) + ")";
      throw new InputException(
          String.format(
              "%s: column '%s': measure %s does not apply to %s, fitted as %s; use %s",
              source,
              target.name(),
              measure.label(),
              what,
              family.label(),
              FitRequest.measuresFor(family)));
    }
  }

  /** A whole number without ".0", so that a 0/1 target has classes "0" and "1". */
  static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String shortList(List<String> labels) {
    return labels.size() <= 5
        ? String.join(", ", labels)
        : String.join(", ", labels.subList(0, 5)) + ", ...";
  }

  private static double[] compact(double[] values, boolean[] keep, int kept) {
    double[] out = new double[kept];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (keep[i]) {
        out[k++] = values[i];
      }
    }
    return out;
  }
}
