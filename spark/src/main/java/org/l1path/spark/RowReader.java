package org.l1path.spark;

import java.io.Serializable;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Reads one row of the columns a fit selects (features, label, then weight and fold when given) and
 * checks it, naming the column of any bad value: the error comes back from the executor to the
 * driver as the cause of the failed job.
 */
final class RowReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String featuresCol;
  private final String labelCol;
  private final String weightCol;
  private final String foldCol;
  private final int features;
  private final int classes;

  /**
   * @param weightCol null for unit weights
   * @param foldCol null for random folds
   * @param features the length every feature vector must have
   * @param classes 0 for a numeric label, else the number of classes (labels 0 .. classes - 1)
   */
  RowReader(
      String featuresCol,
      String labelCol,
      String weightCol,
      String foldCol,
      int features,
      int classes) {
    this.featuresCol = featuresCol;
    this.labelCol = labelCol;
    this.weightCol = weightCol;
    this.foldCol = foldCol;
    this.features = features;
    this.classes = classes;
  }

  /** The column names to select, in the order {@link #features} and the others read them. */
  String[] columns() {
    java.util.List<String> out =
        new java.util.ArrayList<>(java.util.List.of(featuresCol, labelCol));
    if (weightCol != null) {
      out.add(weightCol);
    }
    if (foldCol != null) {
      out.add(foldCol);
    }
    return out.toArray(new String[0]);
  }

  boolean hasFoldColumn() {
    return foldCol != null;
  }

  double[] features(Row row) {
    if (row.isNullAt(0)) {
      throw new IllegalArgumentException("column '" + featuresCol + "' has a null vector");
    }
    Vector v = row.getAs(0);
    if (v.size() != features) {
      throw new IllegalArgumentException(
          "column '"
              + featuresCol
              + "' has a vector of "
              + v.size()
              + " values, expected "
              + features);
    }
    double[] x = v.toArray();
    for (int j = 0; j < x.length; j++) {
      if (!Double.isFinite(x[j])) {
        throw new IllegalArgumentException(
            "column '"
                + featuresCol
                + "' has "
                + x[j]
                + " at feature "
                + j
                + "; features must be finite");
      }
    }
    return x;
  }

  double label(Row row) {
    if (row.isNullAt(1)) {
      throw new IllegalArgumentException("column '" + labelCol + "' has a null label");
    }
    double y = ((Number) row.get(1)).doubleValue();
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException(
          "column '" + labelCol + "' has " + y + "; labels must be finite");
    }
    if (classes > 0 && (y != Math.rint(y) || y < 0 || y >= classes)) {
      throw new IllegalArgumentException(
          "column '"
              + labelCol
              + "' has label "
              + y
              + ", not one of the class indices 0 .. "
              + (classes - 1)
              + " (index labels with StringIndexer)");
    }
    return y;
  }

  double weight(Row row) {
    if (weightCol == null) {
      return 1.0;
    }
    double w = row.isNullAt(2) ? Double.NaN : ((Number) row.get(2)).doubleValue();
    if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "column '" + weightCol + "' has weight " + w + "; weights must be finite and >= 0");
    }
    return w;
  }

  /** The row's fold id from the fold column. */
  int fold(Row row) {
    int at = weightCol == null ? 2 : 3;
    if (row.isNullAt(at)) {
      throw new IllegalArgumentException("column '" + foldCol + "' has a null fold id");
    }
    Object v = row.get(at);
    double id = ((Number) v).doubleValue();
    if (id != Math.rint(id) || Math.abs(id) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "column '" + foldCol + "' has fold id " + v + "; fold ids must be integers");
    }
    return (int) id;
  }
}
