package org.l1path.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.l1path.job.Encoding;
import org.l1path.job.FitJob;
import org.l1path.job.FitRequest;
import org.l1path.job.FitResult;
import org.l1path.job.MissingPolicy;
import org.l1path.solver.FoldAssignment;
import org.l1path.solver.Storage;

/**
 * {@code fit} on Spark: {@code l1path-spark fit --input PATH [--out DIR] [--master URL] [fit's
 * options]} reads CSV or Parquet from any Hadoop path, fits with {@link L1PathEstimator}, and
 * writes fit's {@code model.json}, {@code coefficients.csv}, {@code cv.csv} and plots with fit's
 * own writers, so its readers ({@code predict}, {@code show}, SavedModel) take them as they are.
 *
 * <p>fit's options that Spark does not run are refused by name: the path alone ({@code --folds 0}),
 * contiguous folds (a distributed data set has no row order), penalty factors, bounds, {@code
 * --unpenalized}, {@code --positive}, {@code --relax}, text features, and missing values other than
 * {@code --missing error} or {@code drop} (the default here is error: fit's default, mean, needs
 * the means first).
 */
public final class FitApp {
  private FitApp() {}

  public static void main(String[] args) throws IOException {
    AppArguments parsed;
    try {
      parsed = AppArguments.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("l1path-spark: " + e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession.Builder builder = SparkSession.builder().appName("l1path fit");
    if (parsed.master() != null) {
      builder.master(parsed.master());
    }
    SparkSession spark = builder.getOrCreate();
    try {
      FitResult result = run(spark, parsed);
      System.out.printf(
          "l1path-spark: %d rows, alpha %.6g (l1 ratio %s), %d non-zero; wrote %s%n",
          result.rows(),
          result.path().alpha(result.chosenIndex()),
          result.path().l1Ratio(),
          result.model().nonZeroCount(),
          parsed.out());
    } catch (IllegalArgumentException e) {
      System.err.println("l1path-spark: " + e.getMessage());
      spark.stop();
      System.exit(1);
    }
    spark.stop();
  }

  /** Reads, fits and writes; returns what was written. */
  static FitResult run(SparkSession spark, AppArguments args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>(args.options());
    refuseUnsupported(options);
    options.putIfAbsent("missing", "error");
    FitRequest request = FitRequest.fromOptions(options);
    long start = System.nanoTime();
    InputFrame input = InputFrame.read(spark, args, request);
    var frame = input.frame();
    if (request.missing() == MissingPolicy.DROP) {
      List<String> used = new ArrayList<>(input.features());
      used.add("label");
      frame = frame.na().drop(used.toArray(new String[0]));
    }
    long read = System.nanoTime();
    L1PathEstimator estimator =
        new L1PathEstimator()
            .setL1Ratios(request.l1Ratios())
            .setNAlphas(request.numAlphas())
            .setAlphaMinRatio(Double.isNaN(request.alphaMinRatio()) ? 0 : request.alphaMinRatio())
            .setNumFolds(request.folds())
            .setSeed(request.seed())
            .setSelectionRule(request.rule().name().equals("MIN") ? "min" : "1se")
            .setStandardize(request.standardize())
            .setFitIntercept(request.intercept())
            .setTolerance(request.tolerance())
            .setMeasure(request.measure().label());
    if (request.alphas() != null) {
      estimator.setAlphas(request.alphas());
    }
    if (request.family() != null) {
      estimator.setFamily(request.family().label());
    }
    if (request.weights() != null) {
      estimator.setWeightCol(request.weights());
    }
    if (request.foldColumn() != null) {
      estimator.setFoldCol(request.foldColumn());
    }
    L1PathModel model = estimator.fit(frame);
    long fitted = System.nanoTime();
    L1PathSummary summary = model.summary();
    long rows = summary.rows();
    List<Encoding.Input> columns = new ArrayList<>();
    for (String name : input.features()) {
      columns.add(new Encoding.Numeric(name, Double.NaN));
    }
    FitResult result =
        new FitResult(
            args.input(),
            request,
            request.target() != null ? request.target() : lastColumn(frame.columns(), input),
            input.features(),
            new Encoding(request.missing(), columns),
            input.columns(),
            (int) Math.min(rows, Integer.MAX_VALUE),
            0,
            summary.bestPath(),
            summary.chosenIndex(),
            summary.cvResult(),
            null,
            Double.NaN,
            summary.cvResult().foldNotConverged(),
            (read - start) / 1_000_000,
            (fitted - read) / 1_000_000,
            null,
            Storage.DENSE);
    FitJob.write(result, new HadoopSink(args.out(), spark.sparkContext().hadoopConfiguration()));
    return result;
  }

  /** The input's target when --target is not given: its last column. */
  private static String lastColumn(String[] frameColumns, InputFrame input) {
    // The frame holds the input's columns, then label (and the class text), then features.
    List<String> original = Arrays.asList(frameColumns).subList(0, input.columns());
    return original.get(original.size() - 1);
  }

  private static void refuseUnsupported(Map<String, String> options) {
    for (String name :
        List.of("unpenalized", "penalty-factor", "lower", "upper", "positive", "relax", "gamma")) {
      if (options.containsKey(name)) {
        throw new IllegalArgumentException("--" + name + " is not supported on Spark");
      }
    }
    if ("0".equals(options.get("folds"))) {
      throw new IllegalArgumentException(
          "--folds 0 (the path alone) is not supported on Spark: it always cross-validates");
    }
    String assignment = options.get("fold-assignment");
    if (assignment != null && !assignment.equalsIgnoreCase(FoldAssignment.RANDOM.name())) {
      throw new IllegalArgumentException(
          "--fold-assignment "
              + assignment
              + " is not supported on Spark (its rows have no"
              + " order): use random folds or --fold-column");
    }
    String missing = options.get("missing");
    if (missing != null && missing.equalsIgnoreCase("mean")) {
      throw new IllegalArgumentException(
          "--missing mean is not supported on Spark: use error (the default here) or drop");
    }
  }
}
