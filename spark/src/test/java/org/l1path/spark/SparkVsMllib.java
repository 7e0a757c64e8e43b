package org.l1path.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The benchmark bench/spark-vs-mllib.sh runs: an l1path lasso path with K-fold CV against MLlib's
 * CrossValidator over LinearRegression at the same penalties (elasticNetParam 1, regParam = each
 * l1path alpha, which is the same lasso penalty up to MLlib's n / (n - 1) in the feature scales),
 * on simulated data made on the executors (glmnet's design: pairwise correlation rho through a
 * shared component, y from alternating, decaying coefficients plus noise). Prints time and Spark
 * jobs of each. Both use the same random fold column. Bench code: kept with the tests, not shipped
 * in the module's jar.
 *
 * <p>Arguments: rows features alphas folds [master [gaussian|binomial [S]]]. Binomial thresholds
 * the simulated y at 0 into two classes and compares with LogisticRegression (elasticNetParam 1,
 * the same regParams) under CrossValidator, scored by log loss: half l1path's CV deviance, so both
 * choose by the same measure.
 *
 * <p>A seventh argument S > 0 times only a sample of MLlib's work, for sizes where its whole
 * CrossValidator would run for days: a TrainValidationSplit on (K - 1) / K of the rows over S of
 * the regParams, spread evenly over the grid, which is S of CrossValidator's K x A fits and
 * evaluations. The run then prints that time and its projection to the whole grid, K A / S times
 * it, and no chosen regParam. Such a run fits l1path on the uncached frame and caches the frame for
 * MLlib after it (see main). S < 0 runs l1path alone.
 */
public final class SparkVsMllib {
  private SparkVsMllib() {}

  private static final class Jobs extends SparkListener {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public void onJobStart(SparkListenerJobStart e) {
      count.incrementAndGet();
    }
  }

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    int p = Integer.parseInt(args[1]);
    int nAlphas = Integer.parseInt(args[2]);
    int folds = Integer.parseInt(args[3]);
    String master = args.length > 4 ? args[4] : "local[*]";
    boolean binomial = args.length > 5 && args[5].equals("binomial");
    int sample = args.length > 6 ? Integer.parseInt(args[6]) : 0;
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("l1path-vs-mllib")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> simulated = simulate(spark, rows, p, 0.5, 42);
    if (binomial) {
      Column label = functions.when(simulated.col("label").gt(0), 1.0).otherwise(0.0);
      simulated =
          simulated.withColumn(
              "label",
              label.as(
                  "label",
                  org.apache.spark.ml.attribute.NominalAttribute.defaultAttr()
                      .withValues(new String[] {"neg", "pos"})
                      .toMetadata()));
    }
    // One fold column for both tools: the same folds give the same CV curves, so the chosen
    // penalties can be compared.
    simulated =
        simulated.withColumn(
            "fold", functions.floor(functions.rand(7).multiply(folds)).cast("int"));
    // A whole CrossValidator run reads the cached frame, as l1path does before it. A sampled run
    // is for sizes where the frame and l1path's own copy of its rows would not both fit in memory:
    // l1path reads the frame uncached (its first pass computes the simulated rows, charged to its
    // time), and the frame is cached for MLlib's sample after it.
    Dataset<Row> data = sample > 0 ? simulated : simulated.cache();
    System.out.printf(
        "data: %d rows x %d features, %s%s%n",
        sample > 0 ? rows : data.count(),
        p,
        binomial ? "binomial" : "gaussian",
        sample > 0 ? ", computed in l1path's first pass" : "");

    Jobs jobs = new Jobs();
    spark.sparkContext().addSparkListener(jobs);
    long t0 = System.nanoTime();
    L1PathModel ours = new L1PathEstimator().setNAlphas(nAlphas).setFoldCol("fold").fit(data);
    double oursSeconds = (System.nanoTime() - t0) / 1e9;
    spark.sparkContext().listenerBus().waitUntilEmpty();
    int oursJobs = jobs.count.getAndSet(0);
    double[] alphas = ours.summary().bestCurve().alphas();
    System.out.printf(
        "l1path: %.2f s, %d Spark jobs (%d passes), %d alphas x %d folds, chosen alpha %.6g%n",
        oursSeconds,
        oursJobs,
        ours.summary().passes(),
        alphas.length,
        folds,
        ours.summary().chosenAlpha());

    if (sample < 0) { // l1path alone
      spark.stop();
      return;
    }
    if (sample > 0) {
      data = data.cache();
      System.out.printf("cached for MLlib: %d rows%n", data.count());
      spark.sparkContext().listenerBus().waitUntilEmpty();
      jobs.count.set(0);
      timeSample(data, alphas, folds, sample, binomial, jobs, oursSeconds);
      spark.stop();
      return;
    }
    Peer peer = Peer.of(binomial, alphas);
    CrossValidator cv =
        new CrossValidator()
            .setNumFolds(folds)
            .setFoldCol("fold")
            .setEstimator(peer.estimator())
            .setEstimatorParamMaps(peer.grid())
            .setEvaluator(peer.evaluator());
    t0 = System.nanoTime();
    CrossValidatorModel theirs = cv.fit(data);
    double theirSeconds = (System.nanoTime() - t0) / 1e9;
    spark.sparkContext().listenerBus().waitUntilEmpty();
    int theirJobs = jobs.count.get();
    double[] metrics = theirs.avgMetrics();
    int best = 0;
    for (int k = 1; k < metrics.length; k++) {
      if (metrics[k] < metrics[best]) { // MSE and log loss: smaller is better
        best = k;
      }
    }
    System.out.printf(
        "MLlib CrossValidator: %.2f s, %d Spark jobs, chosen regParam %.6g%n",
        theirSeconds, theirJobs, alphas[best]);
    System.out.printf("speed-up: %.1fx%n", theirSeconds / oursSeconds);
    spark.stop();
  }

  /**
   * MLlib's lasso at the given regParams, as both its CrossValidator and the sample time it:
   * LinearRegression scored by mean squared error, or LogisticRegression by log loss.
   */
  private record Peer(Estimator<?> estimator, ParamMap[] grid, Evaluator evaluator) {
    static Peer of(boolean binomial, double[] regParams) {
      if (binomial) {
        LogisticRegression lr =
            new LogisticRegression().setElasticNetParam(1.0).setStandardization(true);
        return new Peer(
            lr,
            new ParamGridBuilder().addGrid(lr.regParam(), regParams).build(),
            new MulticlassClassificationEvaluator().setMetricName("logLoss"));
      }
      LinearRegression lr = new LinearRegression().setElasticNetParam(1.0).setStandardization(true);
      return new Peer(
          lr,
          new ParamGridBuilder().addGrid(lr.regParam(), regParams).build(),
          new RegressionEvaluator().setMetricName("mse"));
    }
  }

  /**
   * One fold's share of MLlib's CrossValidator at {@code sample} of the regParams: a
   * TrainValidationSplit on (K - 1) / K of the rows fits and scores each once, as every fold does.
   */
  private static void timeSample(
      Dataset<Row> data,
      double[] alphas,
      int folds,
      int sample,
      boolean binomial,
      Jobs jobs,
      double oursSeconds)
      throws java.util.concurrent.TimeoutException {
    int count = Math.min(sample, alphas.length);
    double[] chosen = new double[count];
    for (int s = 0; s < count; s++) {
      chosen[s] =
          alphas[count == 1 ? 0 : (int) Math.round(s * (alphas.length - 1.0) / (count - 1))];
    }
    Peer peer = Peer.of(binomial, chosen);
    TrainValidationSplit split =
        new TrainValidationSplit()
            .setTrainRatio((folds - 1.0) / folds)
            .setSeed(1)
            .setEstimator(peer.estimator())
            .setEstimatorParamMaps(peer.grid())
            .setEvaluator(peer.evaluator());
    long t0 = System.nanoTime();
    split.fit(data);
    double seconds = (System.nanoTime() - t0) / 1e9;
    data.sparkSession().sparkContext().listenerBus().waitUntilEmpty();
    int sampleJobs = jobs.count.get();
    double scale = (double) folds * alphas.length / count;
    System.out.printf(
        "MLlib sample: %d regParams x 1 fold (TrainValidationSplit, train ratio %.2f): %.2f s,"
            + " %d Spark jobs%n",
        count, (folds - 1.0) / folds, seconds, sampleJobs);
    System.out.printf(
        "MLlib CrossValidator projected: %d x %d fits: %.0f s, %.0f Spark jobs%n",
        folds, alphas.length, seconds * scale, sampleJobs * scale);
    System.out.printf("speed-up (projected): %.0fx%n", seconds * scale / oursSeconds);
  }

  /** x_j = sqrt(rho) z + sqrt(1 - rho) e_j; y = sum_j (-1)^j exp(-2 j / 20) x_j + noise. */
  static Dataset<Row> simulate(SparkSession spark, long rows, int p, double rho, long seed) {
    Dataset<Row> base = spark.range(rows).withColumn("z", functions.randn(seed)).drop("id");
    List<String> names = new ArrayList<>();
    Column y = functions.lit(0.0);
    for (int j = 0; j < p; j++) {
      String name = "x" + (j + 1);
      names.add(name);
      base =
          base.withColumn(
              name,
              functions
                  .col("z")
                  .multiply(Math.sqrt(rho))
                  .plus(functions.randn(seed + 1 + j).multiply(Math.sqrt(1 - rho))));
      double beta = (j % 2 == 0 ? 1 : -1) * Math.exp(-2.0 * j / 20);
      y = y.plus(functions.col(name).multiply(beta));
    }
    base = base.withColumn("label", y.plus(functions.randn(seed + p + 1)));
    return new VectorAssembler()
        .setInputCols(names.toArray(new String[0]))
        .setOutputCol("features")
        .transform(base)
        .select("features", "label");
  }
}
