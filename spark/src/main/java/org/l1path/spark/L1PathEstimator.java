package org.l1path.spark;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;
import org.l1path.solver.Settings;

/**
 * Lasso and elastic-net paths with K-fold cross-validation, as a Spark ML estimator: the whole
 * alpha path of every l1 ratio, every fold fitted on the full data's alphas, and the alpha chosen
 * by the min or 1se rule, as l1path's {@code fit} does in one process. The objective and the grid
 * are those of reference/README.md (scikit-learn's naming; glmnet's lambda for l1Ratio = 1).
 *
 * <p>Input: a features vector column (as VectorAssembler makes) and a label column: numeric for
 * least squares, or class indices as StringIndexer leaves them (its metadata names the classes) for
 * binomial (two classes) and multinomial fits; the family param can also name the family. Folds are
 * random (seeded, drawn per partition) or given by an integer fold column. A least-squares path
 * with all its folds costs one pass over the data ({@link GaussianPass}); classification one pass
 * per Newton round of all fits together ({@link ClassFit}). See docs/scale.md for the costs and the
 * limit on the number of features ({@link DriverBudget}).
 */
public final class L1PathEstimator extends Estimator<L1PathModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;

  private final Param<String> featuresCol;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final Param<String> weightCol;
  private final Param<String> foldCol;
  private final DoubleArrayParam l1Ratios;
  private final DoubleArrayParam alphas;
  private final IntParam nAlphas;
  private final DoubleParam alphaMinRatio;
  private final IntParam numFolds;
  private final LongParam seed;
  private final Param<String> selectionRule;
  private final BooleanParam standardize;
  private final BooleanParam fitIntercept;
  private final DoubleParam tolerance;
  private final Param<String> family;
  private final IntParam aggregationDepth;
  private final Param<String> measure;

  public L1PathEstimator() {
    this(Identifiable.randomUID("l1path"));
  }

  public L1PathEstimator(String uid) {
    this.uid = uid;
    // Params take the owner's uid when created, so they are made once it is set.
    featuresCol = new Param<>(this, "featuresCol", "the features vector column");
    labelCol = new Param<>(this, "labelCol", "the label column");
    predictionCol = new Param<>(this, "predictionCol", "the prediction column the model writes");
    probabilityCol = new Param<>(this, "probabilityCol", "the probability column the model writes");
    weightCol =
        new Param<>(this, "weightCol", "the observation-weight column, or empty for unit weights");
    foldCol = new Param<>(this, "foldCol", "an integer fold-id column, or empty for random folds");
    l1Ratios = new DoubleArrayParam(this, "l1Ratios", "l1 ratios in [0, 1] to choose among by CV");
    alphas =
        new DoubleArrayParam(
            this, "alphas", "the alphas to solve, or empty for the automatic grid");
    nAlphas = new IntParam(this, "nAlphas", "how many alphas the automatic grid has");
    numFolds = new IntParam(this, "numFolds", "the number of random folds (without foldCol)");
    seed = new LongParam(this, "seed", "the seed of the random folds");
    selectionRule =
        new Param<>(this, "selectionRule", "how alpha is chosen from the CV curve: min or 1se");
    standardize =
        new BooleanParam(this, "standardize", "whether to penalize standardized coefficients");
    fitIntercept =
        new BooleanParam(this, "fitIntercept", "whether to fit an unpenalized intercept");
    tolerance =
        new DoubleParam(this, "tolerance", "the bound on each alpha's relative duality gap");
    family = new Param<>(this, "family", "auto, gaussian, binomial or multinomial");
    alphaMinRatio =
        new DoubleParam(
            this,
            "alphaMinRatio",
            "the automatic grid's smallest alpha over its largest, in (0, 1); 0 for glmnet's default"
                + " (1e-4 when n > p, else 1e-2)");
    measure =
        new Param<>(
            this,
            "measure",
            "what CV measures on held-out rows: auto (mse, or deviance for classes), mse,"
                + " deviance or class");
    aggregationDepth =
        new IntParam(this, "aggregationDepth", "the depth of the tree reduction of statistics");
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(weightCol, "");
    setDefault(foldCol, "");
    setDefault(l1Ratios, new double[] {1.0});
    setDefault(alphas, new double[0]);
    setDefault(nAlphas, AlphaGrid.DEFAULT_COUNT);
    setDefault(alphaMinRatio, 0.0);
    setDefault(numFolds, 10);
    setDefault(seed, 1L);
    setDefault(selectionRule, "min");
    setDefault(standardize, true);
    setDefault(fitIntercept, true);
    setDefault(tolerance, Settings.DEFAULT_TOLERANCE);
    setDefault(family, "auto");
    setDefault(aggregationDepth, 2);
    setDefault(measure, "auto");
  }

  @Override
  public String uid() {
    return uid;
  }

  // Params, as Spark finds them (public no-argument methods returning a Param).

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public Param<String> labelCol() {
    return labelCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  public Param<String> weightCol() {
    return weightCol;
  }

  public Param<String> foldCol() {
    return foldCol;
  }

  public DoubleArrayParam l1Ratios() {
    return l1Ratios;
  }

  public DoubleArrayParam alphas() {
    return alphas;
  }

  public IntParam nAlphas() {
    return nAlphas;
  }

  public DoubleParam alphaMinRatio() {
    return alphaMinRatio;
  }

  public IntParam numFolds() {
    return numFolds;
  }

  public LongParam seed() {
    return seed;
  }

  public Param<String> selectionRule() {
    return selectionRule;
  }

  public BooleanParam standardize() {
    return standardize;
  }

  public BooleanParam fitIntercept() {
    return fitIntercept;
  }

  public DoubleParam tolerance() {
    return tolerance;
  }

  public Param<String> family() {
    return family;
  }

  public Param<String> measure() {
    return measure;
  }

  public L1PathEstimator setMeasure(String value) {
    set(measure, value);
    return this;
  }

  public IntParam aggregationDepth() {
    return aggregationDepth;
  }

  // Setters, chained.

  public L1PathEstimator setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  public L1PathEstimator setLabelCol(String value) {
    set(labelCol, value);
    return this;
  }

  public L1PathEstimator setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  public L1PathEstimator setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  public L1PathEstimator setWeightCol(String value) {
    set(weightCol, value);
    return this;
  }

  public L1PathEstimator setFoldCol(String value) {
    set(foldCol, value);
    return this;
  }

  public L1PathEstimator setL1Ratios(double... value) {
    set(l1Ratios, value.clone());
    return this;
  }

  public L1PathEstimator setAlphas(double... value) {
    set(alphas, value.clone());
    return this;
  }

  public L1PathEstimator setNAlphas(int value) {
    set(nAlphas, value);
    return this;
  }

  public L1PathEstimator setAlphaMinRatio(double value) {
    set(alphaMinRatio, value);
    return this;
  }

  public L1PathEstimator setNumFolds(int value) {
    set(numFolds, value);
    return this;
  }

  public L1PathEstimator setSeed(long value) {
    set(seed, value);
    return this;
  }

  public L1PathEstimator setSelectionRule(String value) {
    set(selectionRule, value);
    return this;
  }

  public L1PathEstimator setStandardize(boolean value) {
    set(standardize, value);
    return this;
  }

  public L1PathEstimator setFitIntercept(boolean value) {
    set(fitIntercept, value);
    return this;
  }

  public L1PathEstimator setTolerance(double value) {
    set(tolerance, value);
    return this;
  }

  public L1PathEstimator setFamily(String value) {
    set(family, value);
    return this;
  }

  public L1PathEstimator setAggregationDepth(int value) {
    set(aggregationDepth, value);
    return this;
  }

  /** The fit's settings from the params, each checked (see {@link FitOptions}). */
  FitOptions options() {
    return FitOptions.of(
        getOrDefault(l1Ratios),
        getOrDefault(alphas),
        (Integer) getOrDefault(nAlphas),
        (Double) getOrDefault(alphaMinRatio),
        (Integer) getOrDefault(numFolds),
        (Long) getOrDefault(seed),
        getOrDefault(selectionRule),
        (Boolean) getOrDefault(standardize),
        (Boolean) getOrDefault(fitIntercept),
        (Double) getOrDefault(tolerance),
        getOrDefault(family),
        getOrDefault(measure),
        (Integer) getOrDefault(aggregationDepth));
  }

  /** The optional column params as null when empty. */
  private String optional(Param<String> p) {
    String v = getOrDefault(p);
    return v == null || v.isEmpty() ? null : v;
  }

  @Override
  public L1PathModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    FitOptions options = options();
    String features = getOrDefault(featuresCol);
    FeatureSchema schema = FeatureSchema.of(dataset, features);
    String folds = optional(foldCol);
    LabelKind label = LabelKind.of(dataset.schema(), getOrDefault(labelCol), options.family());
    CvMeasure cvMeasure = options.measure().resolve(label.family());
    // With a fold column the number of folds is known only after the first pass: the check
    // then counts numFolds, and the statistics of more folds must still fit.
    int k = options.numFolds();
    boolean classes = label.family() != Family.GAUSSIAN;
    int responses = label.family() == Family.MULTINOMIAL ? label.classes().size() : 1;
    long sets = classes ? (long) options.l1Ratios().length * (k + 1) * responses : k + 1;
    DriverBudget.check(
        schema.size(),
        sets,
        k
            + " folds"
            + (classes
                ? ", "
                    + options.l1Ratios().length
                    + " l1 ratios and "
                    + responses
                    + " response rows"
                : ""),
        DriverBudget.defaultBudget());
    RowReader reader =
        new RowReader(
            features,
            getOrDefault(labelCol),
            optional(weightCol),
            folds,
            schema.size(),
            label.classes().size());
    L1PathSummary summary =
        classes
            ? ClassFit.fit(dataset, reader, schema, options, label, cvMeasure)
            : GaussianFit.fit(dataset, reader, schema, options);
    L1PathModel model = new L1PathModel(uid, summary);
    copyValues(model, ParamMap.empty());
    return model.setParent(this);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.requireVector(schema, getOrDefault(featuresCol));
    Schemas.requireNumeric(schema, getOrDefault(labelCol), "labelCol");
    if (optional(weightCol) != null) {
      Schemas.requireNumeric(schema, getOrDefault(weightCol), "weightCol");
    }
    if (optional(foldCol) != null) {
      Schemas.requireNumeric(schema, getOrDefault(foldCol), "foldCol");
    }
    StructType out = Schemas.appendNew(schema, getOrDefault(predictionCol), Schemas.DOUBLE);
    return LabelKind.classes(schema, getOrDefault(labelCol), getOrDefault(family))
        ? Schemas.appendNew(out, getOrDefault(probabilityCol), SQLDataTypes.VectorType())
        : out;
  }

  @Override
  public L1PathEstimator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<L1PathEstimator> read() {
    return new DefaultParamsReader<>();
  }

  public static L1PathEstimator load(String path) {
    return read().load(path);
  }
}
