package org.l1path.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.l1path.job.FitRequest;
import org.l1path.solver.Family;

/**
 * FitApp's input as the estimator takes it: read as CSV (header row, types inferred) or Parquet;
 * the target is the last column unless named; every other column but the weight and fold columns is
 * a numeric feature, assembled into "features". A text target (or any target with a class family)
 * is indexed by StringIndexer in alphabetical order, which is fit's class order.
 *
 * @param frame the data with "features" and "label"
 * @param features the feature columns, in design order
 * @param columns how many columns the input has
 */
record InputFrame(Dataset<Row> frame, List<String> features, int columns) {
  static InputFrame read(SparkSession spark, AppArguments args, FitRequest request) {
    Dataset<Row> raw =
        args.format().equals("parquet")
            ? spark.read().parquet(args.input())
            : spark
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .option(
                    "encoding", request.encoding() == null ? "UTF-8" : request.encoding().name())
                .csv(args.input());
    String[] names = raw.columns();
    if (names.length < 2) {
      throw new IllegalArgumentException(args.input() + ": needs a target and a feature column");
    }
    String target = request.target() != null ? request.target() : names[names.length - 1];
    Schemas.field(raw.schema(), target, "--target");
    List<String> features = new ArrayList<>();
    for (StructField f : raw.schema().fields()) {
      String name = f.name();
      if (name.equals(target)
          || name.equals(request.weights())
          || name.equals(request.foldColumn())) {
        continue;
      }
      if (!(f.dataType() instanceof NumericType)) {
        throw new IllegalArgumentException(
            "column '"
                + name
                + "' is "
                + f.dataType().simpleString()
                + "; on Spark every feature"
                + " column must be numeric (encode text columns first)");
      }
      features.add(name);
    }
    boolean numericTarget = raw.schema().apply(target).dataType() instanceof NumericType;
    boolean classes =
        request.family() != null ? request.family() != Family.GAUSSIAN : !numericTarget;
    Dataset<Row> labelled;
    if (classes) {
      Dataset<Row> text =
          raw.withColumn("__l1path_class", raw.col(target).cast(DataTypes.StringType));
      labelled =
          new StringIndexer()
              .setInputCol("__l1path_class")
              .setOutputCol("label")
              .setStringOrderType("alphabetAsc")
              .fit(text)
              .transform(text);
    } else {
      labelled = raw.withColumn("label", raw.col(target).cast(DataTypes.DoubleType));
    }
    Dataset<Row> frame =
        new VectorAssembler()
            .setInputCols(features.toArray(new String[0]))
            .setOutputCol("features")
            .transform(labelled);
    return new InputFrame(frame, List.copyOf(features), names.length);
  }
}
