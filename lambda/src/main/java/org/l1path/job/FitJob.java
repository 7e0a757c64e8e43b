package org.l1path.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.l1path.solver.CvResult;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Fit;
import org.l1path.solver.FitSpec;
import org.l1path.solver.RegularizationPath;

/**
 * Reads a CSV or svmlight file, fits the elastic-net path, cross-validates when asked, and writes
 * the result files. With cross-validation the model is the full-data fit at the alpha and l1 ratio
 * it chose. With {@code folds = 0} there is nothing to choose by, so the model is the least
 * penalized fit: the smallest alpha solved (the given alpha when a single one is given); the whole
 * path is reported either way.
 */
public final class FitJob {
  /** The name of the model file, written last. */
  public static final String MODEL_JSON = "model.json";

  public static final String COEFFICIENTS_CSV = "coefficients.csv";
  public static final String CV_CSV = "cv.csv";

  /** The coefficient paths against log10(alpha). */
  public static final String PATH_SVG = "path.svg";

  /** The cross-validation error curve (with cross-validation). */
  public static final String CV_SVG = "cv.svg";

  /**
   * Every file a fit writes, in the order written; without cross-validation {@link #CV_CSV} and
   * {@link #CV_SVG} are left out.
   */
  public static final List<String> FILES =
      List.of(COEFFICIENTS_CSV, CV_CSV, PATH_SVG, CV_SVG, MODEL_JSON);

  private final int threads;

  /** A job that cross-validates on every available processor. */
  public FitJob() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A job that fits up to {@code threads} folds at once; results do not depend on it. */
  public FitJob(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  /**
   * Fits and writes {@link #FILES}: {@code coefficients.csv}, {@code cv.csv} (with
   * cross-validation), {@code path.svg}, {@code cv.svg} (with cross-validation) and, last, {@code
   * model.json}. Nothing is written unless the fit succeeds.
   *
   * @param csv the CSV or svmlight text, plain or gzip; not closed
   * @param input the input's name, for messages and the report
   * @throws InputException when the data cannot be fitted as given
   * @throws IOException when reading the input or writing a result fails
   */
  public FitResult run(
      InputStream csv, String input, FitRequest request, ResultSink sink, JobProgress progress)
      throws IOException {
    FitResult result = fit(csv, input, request, progress);
    write(result, sink);
    return result;
  }

  /** Writes a result's files, {@link #FILES}, {@code model.json} last. */
  public static void write(FitResult result, ResultSink sink) throws IOException {
    write(result, ModelJsonExtras.NONE, sink);
  }

  /**
   * Writes a result's files as {@link #write(FitResult, ResultSink)} does, with {@code extras}
   * added to {@code model.json} after the job's own keys.
   */
  public static void write(FitResult result, ModelJsonExtras extras, ResultSink sink)
      throws IOException {
    ResultFiles.write(result, extras, sink);
  }

  /** Reads and fits, writing nothing. */
  public FitResult fit(InputStream csv, String input, FitRequest request, JobProgress progress)
      throws IOException {
    long start = System.nanoTime();
    TrainingData data = TrainingReader.read(csv, input, request, progress);
    long read = System.nanoTime();
    int rows = data.dataset().rows();
    if (request.crossValidate() && data.foldIds() == null && request.folds() > rows) {
      throw new InputException(
          String.format(
              "%s: folds is %d, but only %d rows are left to fit", input, request.folds(), rows));
    }
    FitSpec spec =
        (request.crossValidate()
                ? FitSpec.crossValidated(
                    request.solverSettings(),
                    request.l1Ratios(),
                    request.alphaGrid(),
                    cvSettings(request, data))
                : FitSpec.path(request.solverSettings(), request.alphaGrid()))
            .withPenaltyFactors(data.penaltyFactors())
            .withBounds(data.lowerBounds(), data.upperBounds());
    if (request.relax()) {
      spec = spec.withRelax(request.gammas());
    }
    Fit fit;
    try {
      fit = spec.fit(data.dataset(), progress);
    } catch (IllegalArgumentException e) {
      // The request and data were checked; what the solver still rejects is a property of the data
      // (for example a fold whose rows all have weight 0).
      throw new InputException(input + ": cannot fit: " + e.getMessage());
    }
    CvResult cv = fit.cv();
    RegularizationPath path = fit.path();
    int chosen = fit.chosen();
    long fitted = System.nanoTime();
    int foldWarnings = cv == null ? 0 : cv.foldNotConverged();
    return new FitResult(
        input,
        request,
        data.target(),
        data.dataset().featureNames(),
        data.encoding(),
        data.columns(),
        rows,
        data.rowsDropped(),
        path,
        chosen,
        cv,
        fit.relaxed(),
        fit.gamma(),
        foldWarnings,
        TimeUnit.NANOSECONDS.toMillis(read - start),
        TimeUnit.NANOSECONDS.toMillis(fitted - read),
        InputFormat.of(input, request.format()),
        data.dataset().storage());
  }

  private CvSettings cvSettings(FitRequest request, TrainingData data) {
    CvSettings cv =
        CvSettings.defaults()
            .withRule(request.rule())
            .withSeed(request.seed())
            .withThreads(threads)
            .withMeasure(request.measure());
    return data.foldIds() != null
        ? cv.withFoldIds(data.foldIds())
        : cv.withFolds(request.folds()).withAssignment(request.foldAssignment());
  }
}
