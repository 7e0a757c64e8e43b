package org.l1path.lambda;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.l1path.job.DataTooLargeException;
import org.l1path.job.FitJob;
import org.l1path.job.FitRequest;
import org.l1path.job.FitResult;
import org.l1path.job.InputException;
import org.l1path.job.JobProgress;
import org.l1path.job.ModelJsonExtras;
import org.l1path.job.OptionException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Handles one S3 object-created record: decides whether the object is an input, skips versions
 * already done, reads the settings, streams the CSV through the job, and writes the results (or
 * {@code error.json}) with conditional puts. Bad data and bad per-dataset settings end normally
 * with {@code error.json}; S3 and network failures throw, so that Lambda or SQS retries.
 */
final class ObjectProcessor {
  /** Sidecars are a few lines; a bigger one is a mistake, not configuration. */
  private static final int SIDECAR_LIMIT = 64 * 1024;

  private static final int NOT_FOUND = 404;
  private static final int PRECONDITION_FAILED = 412;

  private final FunctionConfig config;
  private final S3Client s3;
  private final FitJob job = new FitJob();
  private final ScoringRoute scoring;

  ObjectProcessor(FunctionConfig config, S3Client s3) {
    this.config = config;
    this.s3 = s3;
    this.scoring = new ScoringRoute(s3);
  }

  /**
   * Builds the processor from the process environment, refusing a configuration that cannot work.
   */
  static ObjectProcessor fromEnvironment(Map<String, String> env) {
    FunctionConfig config = FunctionConfig.fromEnvironment(env, FitRequest.OPTION_NAMES);
    try {
      FitRequest.fromOptions(config.fitOptions());
    } catch (OptionException e) {
      throw new ConfigurationException("environment: " + e.getMessage());
    }
    return new ObjectProcessor(config, S3Clients.fromEnvironment(env));
  }

  /**
   * Processes one record; the returned log says what happened.
   *
   * @throws TimeBudget.OutOfTimeException when the fit ended too near the invocation's deadline to
   *     write its results (nothing is written)
   */
  EventLog process(S3EventNotificationRecord record, String requestId, TimeBudget time) {
    EventLog log = new EventLog(requestId);
    String bucket = record.getS3().getBucket().getName();
    String key = record.getS3().getObject().getUrlDecodedKey();
    log.put("bucket", bucket).put("key", key).put("event", record.getEventName());
    String eventName = record.getEventName();
    if (eventName == null || !eventName.startsWith("ObjectCreated:")) {
      return log.put("outcome", "ignored").put("reason", "not an object-created event");
    }
    String ignored = config.ignoreReason(bucket, key);
    if (ignored != null) {
      return log.put("outcome", "ignored").put("reason", ignored);
    }
    config.checkBucket(bucket);
    String etag = SourceObject.unquote(record.getS3().getObject().geteTag());
    if (etag == null || etag.isEmpty()) {
      etag =
          SourceObject.unquote(
              s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build()).eTag());
    }
    SourceObject source =
        new SourceObject(bucket, key, record.getS3().getObject().getVersionId(), etag);
    String outputBucket = config.outputBucketFor(bucket);
    String folder = config.outputFolder(key, etag);
    log.put("output", "s3://" + outputBucket + "/" + folder);
    boolean prediction = config.isPrediction(key);
    String doneMarker = prediction ? ScoringRoute.PREDICTION_JSON : FitJob.MODEL_JSON;
    if (exists(outputBucket, folder + doneMarker)
        || exists(outputBucket, folder + ErrorJson.NAME)) {
      return log.put("outcome", "duplicate");
    }
    S3ResultSink sink = new S3ResultSink(s3, outputBucket, folder);
    ResponseInputStream<GetObjectResponse> csv;
    try {
      csv = s3.getObject(sourceRequest(source));
    } catch (S3Exception e) {
      if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == NOT_FOUND) {
        // The object was replaced or deleted after the event; the newer version has its own event.
        return log.put("outcome", "superseded");
      }
      throw e;
    }
    try (csv) {
      if (prediction) {
        predict(csv, source, outputBucket, sink, log, time);
      } else {
        fit(csv, source, sink, log, time);
      }
    } catch (IOException e) {
      csv.abort();
      throw new java.io.UncheckedIOException(source.uri() + ": " + e.getMessage(), e);
    }
    return log;
  }

  private void fit(
      ResponseInputStream<GetObjectResponse> csv,
      SourceObject source,
      S3ResultSink sink,
      EventLog log,
      TimeBudget time)
      throws IOException {
    record Fitted(ResolvedSettings settings, FitResult result) {}
    Fitted fitted =
        orRejected(
            csv,
            sink,
            source,
            log,
            () -> {
              ResolvedSettings settings =
                  ResolvedSettings.resolve(
                      FitRequest.OPTION_NAMES,
                      config.fitOptions(),
                      csv.response().metadata(),
                      sidecar(source, FitRequest.OPTION_NAMES));
              FitRequest request = FitRequest.fromOptions(settings.options());
              return new Fitted(settings, job.fit(csv, source.uri(), request, JobProgress.NONE));
            });
    if (fitted == null) {
      return;
    }
    FitResult result = fitted.result();
    time.requireRoomToWrite(source.uri());
    FitJob.write(result, modelJsonExtras(source, fitted.settings().origins()), sink);
    log.put("rows", result.rows())
        .put("columns", result.columns())
        .put("alpha", result.model().alpha())
        .put("l1_ratio", result.model().l1Ratio())
        .put("selected", result.model().selected().length)
        .put("read_ms", result.readMillis())
        .put("fit_ms", result.fitMillis());
    written(sink, log, "fitted")
        .put("converged", result.converged())
        .put("not_converged", result.notConverged());
  }

  /**
   * What the function adds to the job's {@code model.json}: {@code source}, the object fitted, and
   * {@code settings_origin}, where each setting came from (documented in docs/lambda.md).
   */
  static ModelJsonExtras modelJsonExtras(SourceObject source, Map<String, Origin> origins) {
    Map<String, String> labels = new LinkedHashMap<>();
    origins.forEach((option, origin) -> labels.put(option, origin.label()));
    return ModelJsonExtras.NONE
        .withObject("source", source.fields())
        .withObject("settings_origin", labels);
  }

  private void rejected(
      ResponseInputStream<GetObjectResponse> csv,
      S3ResultSink sink,
      SourceObject source,
      EventLog log,
      String kind,
      String message)
      throws IOException {
    csv.abort();
    sink.write(ErrorJson.NAME, ErrorJson.render(kind, message, source));
    log.put("outcome", "bad_input").put("kind", kind).put("error", message);
  }

  private static String settingsMessage(SourceObject source, RuntimeException e) {
    return source.uri() + ": " + e.getMessage();
  }

  private static String tooLarge(SourceObject source, GetObjectResponse response) {
    String memory = System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
    return source.uri()
        + ": too large for the function's memory ("
        + (memory == null ? "" : memory + " MB configured, ")
        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB heap; the object is "
        + response.contentLength()
        + " bytes); "
        + DataTooLargeException.MEMORY_NEEDED
        + ": raise the function's MemorySize or split the file.";
  }

  /**
   * Predicts a CSV under the prediction prefix with the model its settings name; bad settings, a
   * missing or unreadable model and bad rows end in {@code error.json}.
   */
  private void predict(
      ResponseInputStream<GetObjectResponse> csv,
      SourceObject source,
      String outputBucket,
      S3ResultSink sink,
      EventLog log,
      TimeBudget time)
      throws IOException {
    long started = System.currentTimeMillis();
    record Predicted(ScoringRoute.Request request, Map.Entry<byte[], byte[]> files) {}
    Predicted predicted =
        orRejected(
            csv,
            sink,
            source,
            log,
            () -> {
              ResolvedSettings settings =
                  ResolvedSettings.resolve(
                      ScoringRoute.OPTION_NAMES,
                      Map.of(),
                      csv.response().metadata(),
                      sidecar(source, ScoringRoute.OPTION_NAMES));
              ScoringRoute.Request request = scoring.request(settings, outputBucket);
              log.put("model", request.modelUri());
              return new Predicted(request, scoring.predict(request, csv, source, started));
            });
    if (predicted == null) {
      return;
    }
    time.requireRoomToWrite(source.uri());
    sink.write(ScoringRoute.PREDICTIONS_CSV, predicted.files().getKey());
    sink.write(ScoringRoute.PREDICTION_JSON, predicted.files().getValue());
    log.put("alpha", predicted.request().model().alpha());
    written(sink, log, "predicted");
  }

  /** Work on one object whose failures, but for I/O, are the object's own. */
  private interface Work<T> {
    T run() throws IOException;
  }

  /**
   * Runs the work; when the settings, the input or its size are at fault, writes {@code error.json}
   * and returns null (a retry would fail the same way).
   */
  private <T> T orRejected(
      ResponseInputStream<GetObjectResponse> csv,
      S3ResultSink sink,
      SourceObject source,
      EventLog log,
      Work<T> work)
      throws IOException {
    try {
      return work.run();
    } catch (SettingsException | OptionException e) {
      rejected(csv, sink, source, log, "settings", settingsMessage(source, e));
    } catch (DataTooLargeException e) {
      rejected(csv, sink, source, log, "too_large", e.getMessage());
    } catch (InputException e) {
      rejected(csv, sink, source, log, "input", e.getMessage());
    } catch (OutOfMemoryError e) {
      // The column arrays are unreachable once the work's frames are left, so there is room again
      // to report; a larger memory size is the fix, and retrying would fail the same way.
      rejected(csv, sink, source, log, "too_large", tooLarge(source, csv.response()));
    }
    return null;
  }

  /** Logs the outcome of results written: {@code done}, or {@code done_again} after another. */
  private static EventLog written(S3ResultSink sink, EventLog log, String done) {
    boolean first = sink.alreadyThere().isEmpty();
    return log.put("outcome", first ? done : done + "_again")
        .put("already_written", first ? null : String.join(",", sink.alreadyThere()));
  }

  /** The sidecar's options, or none when there is no sidecar. */
  private Map<String, String> sidecar(SourceObject source, List<String> optionNames) {
    String key = source.key() + FunctionConfig.SIDECAR_SUFFIX;
    ResponseBytes<GetObjectResponse> bytes;
    try {
      bytes =
          s3.getObjectAsBytes(GetObjectRequest.builder().bucket(source.bucket()).key(key).build());
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        return Map.of();
      }
      throw e;
    }
    if (bytes.asByteArrayUnsafe().length > SIDECAR_LIMIT) {
      throw new SettingsException(
          "malformed sidecar " + key + ": larger than " + SIDECAR_LIMIT + " bytes");
    }
    return Sidecar.parse(
        new String(bytes.asByteArrayUnsafe(), StandardCharsets.UTF_8), key, optionNames);
  }

  /** The exact version the event is about: by version id, else by ETag. */
  private static GetObjectRequest sourceRequest(SourceObject source) {
    GetObjectRequest.Builder get =
        GetObjectRequest.builder().bucket(source.bucket()).key(source.key());
    return source.versionId() != null && !source.versionId().isEmpty()
        ? get.versionId(source.versionId()).build()
        : get.ifMatch("\"" + source.etag() + "\"").build();
  }

  private boolean exists(String bucket, String key) {
    try {
      s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
