package org.l1path.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * One local[2] Spark session for every test in the JVM (starting one takes seconds), and the
 * reference data sets as data frames with a VectorAssembler-made features column.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("l1path-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  static Path reference() {
    String configured = System.getProperty("l1path.reference");
    return configured != null ? Path.of(configured) : Path.of("../reference");
  }

  /** A reference CSV: header, numeric columns, the last the target. */
  record Table(List<String> names, double[][] columns, double[] y) {
    int rows() {
      return y.length;
    }
  }

  /** A class CSV: y is the index of the row's class in {@code classes} (sorted labels). */
  static Table classCsv(String name, List<String> classes) {
    Read read = read(name);
    String[] target = read.target();
    classes.addAll(java.util.Arrays.stream(target).distinct().sorted().toList());
    double[] y = new double[target.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = classes.indexOf(target[i]);
    }
    return new Table(read.names(), read.columns(), y);
  }

  /** The frame with its label marked as StringIndexer marks class indices. */
  static Dataset<Row> indexed(Dataset<Row> frame, List<String> classes) {
    return frame.withColumn(
        "label",
        frame
            .col("label")
            .as(
                "label",
                org.apache.spark.ml.attribute.NominalAttribute.defaultAttr()
                    .withName("label")
                    .withValues(classes.toArray(new String[0]))
                    .toMetadata()));
  }

  static Table numericCsv(String name) {
    Read read = read(name);
    double[] y = java.util.Arrays.stream(read.target()).mapToDouble(Double::parseDouble).toArray();
    return new Table(read.names(), read.columns(), y);
  }

  /** A reference CSV's numeric feature columns and its last column's text. */
  private record Read(List<String> names, double[][] columns, String[] target) {}

  private static Read read(String name) {
    try {
      List<String> lines = Files.readAllLines(reference().resolve(name + ".csv"));
      String[] header = lines.get(0).split(",");
      int n = lines.size() - 1;
      int p = header.length - 1;
      double[][] x = new double[p][n];
      String[] target = new String[n];
      for (int i = 0; i < n; i++) {
        String[] f = lines.get(i + 1).split(",");
        for (int j = 0; j < p; j++) {
          x[j][i] = Double.parseDouble(f[j]);
        }
        target[i] = f[p];
      }
      return new Read(List.of(header).subList(0, p), x, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The table as a data frame: its feature columns assembled into "features", "label", and the
   * given weight and fold columns (null for none), in {@code partitions} partitions.
   */
  static Dataset<Row> frame(Table t, double[] weights, int[] folds, int partitions) {
    return frame(t, weights, folds, partitions, "error");
  }

  /** As above; VectorAssembler's handleInvalid "keep" lets NaN through to the estimator. */
  static Dataset<Row> frame(
      Table t, double[] weights, int[] folds, int partitions, String handleInvalid) {
    List<StructField> fields = new ArrayList<>();
    for (String name : t.names()) {
      fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
    }
    fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField("weight", DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField("fold", DataTypes.IntegerType, false));
    List<Row> rows = new ArrayList<>();
    int p = t.names().size();
    for (int i = 0; i < t.rows(); i++) {
      Object[] values = new Object[p + 3];
      for (int j = 0; j < p; j++) {
        values[j] = t.columns()[j][i];
      }
      values[p] = t.y()[i];
      values[p + 1] = weights == null ? 1.0 : weights[i];
      values[p + 2] = folds == null ? 0 : folds[i];
      rows.add(RowFactory.create(values));
    }
    Dataset<Row> raw =
        session()
            .createDataFrame(
                JavaSparkContext.fromSparkContext(session().sparkContext())
                    .parallelize(rows, partitions),
                DataTypes.createStructType(fields));
    return new VectorAssembler()
        .setInputCols(t.names().toArray(new String[0]))
        .setOutputCol("features")
        .setHandleInvalid(handleInvalid)
        .transform(raw);
  }
}
