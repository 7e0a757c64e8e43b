package org.l1path.spark;

import java.io.IOException;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import scala.Option;

/**
 * A fitted {@link L1PathEstimator}: the chosen model, which {@link #transform} applies, and the
 * whole {@link L1PathSummary} (every ratio's path and cross-validation curve). A numeric label gets
 * its fitted value in the prediction column; a class label gets the most probable class index there
 * and the class probabilities (a vector, in class-index order) in the probability column.
 */
public final class L1PathModel extends org.apache.spark.ml.Model<L1PathModel>
    implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final L1PathSummary summary;

  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;

  L1PathModel(String uid, L1PathSummary summary) {
    this.uid = uid;
    this.summary = summary;
    // Params take the owner's uid when created, so they are made once it is set.
    featuresCol = new Param<>(this, "featuresCol", "the features vector column");
    predictionCol = new Param<>(this, "predictionCol", "the prediction column written");
    probabilityCol =
        new Param<>(
            this, "probabilityCol", "the class-probability column written (classification)");
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  public L1PathModel setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  public L1PathModel setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  public L1PathModel setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /** Every path, every curve and the choice. */
  public L1PathSummary summary() {
    return summary;
  }

  /** The chosen model (solver form): coefficients on the original scale of the features. */
  public Model model() {
    return summary.model();
  }

  public Family family() {
    return summary.bestPath().family();
  }

  /** The chosen model's coefficients (of the modelled class, binomial; of row 0, multinomial). */
  public Vector coefficients() {
    return Vectors.dense(model().coefficients());
  }

  public double intercept() {
    return model().intercept();
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.requireVector(schema, getOrDefault(featuresCol));
    StructType out = Schemas.appendNew(schema, getOrDefault(predictionCol), DataTypes.DoubleType);
    if (family() != Family.GAUSSIAN) {
      out = Schemas.appendNew(out, getOrDefault(probabilityCol), SQLDataTypes.VectorType());
    }
    return out;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Model chosen = model();
    Column features = dataset.col(getOrDefault(featuresCol));
    if (family() == Family.GAUSSIAN) {
      UserDefinedFunction predict =
          functions.udf(
              (UDF1<Vector, Double>) v -> chosen.predict(v.toArray()), DataTypes.DoubleType);
      return dataset.withColumn(getOrDefault(predictionCol), predict.apply(features));
    }
    UserDefinedFunction probabilities =
        functions.udf(
            (UDF1<Vector, Vector>) v -> Vectors.dense(chosen.probabilities(v.toArray())),
            SQLDataTypes.VectorType());
    UserDefinedFunction mostProbable =
        functions.udf((UDF1<Vector, Double>) v -> (double) v.argmax(), DataTypes.DoubleType);
    Dataset<Row> withProbability =
        dataset.withColumn(getOrDefault(probabilityCol), probabilities.apply(features));
    return withProbability.withColumn(
        getOrDefault(predictionCol),
        mostProbable.apply(withProbability.col(getOrDefault(probabilityCol))));
  }

  @Override
  public L1PathModel copy(ParamMap extra) {
    L1PathModel copy = copyValues(new L1PathModel(uid, summary), extra);
    return copy.setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  @Override
  public void save(String path) throws IOException {
    write().save(path);
  }

  public static MLReader<L1PathModel> read() {
    return new Reader();
  }

  public static L1PathModel load(String path) {
    return read().load(path);
  }

  /** Spark's params metadata, then the summary as JSON in {@code data/}. */
  private static final class Writer extends MLWriter {
    private final L1PathModel model;

    Writer(L1PathModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter.saveMetadata(model, path, sparkSession());
      SummaryJson.write(model.summary, path, sparkSession().sparkContext().hadoopConfiguration());
    }
  }

  private static final class Reader extends MLReader<L1PathModel> {
    @Override
    public L1PathModel load(String path) {
      DefaultParamsReader.Metadata metadata =
          DefaultParamsReader.loadMetadata(path, sparkSession(), L1PathModel.class.getName());
      L1PathSummary summary =
          SummaryJson.read(path, sparkSession().sparkContext().hadoopConfiguration());
      L1PathModel model = new L1PathModel(metadata.uid(), summary);
      metadata.getAndSetParams(model, Option.empty());
      return model;
    }
  }
}
