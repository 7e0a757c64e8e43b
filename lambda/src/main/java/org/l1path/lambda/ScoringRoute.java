package org.l1path.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.l1path.job.CompanionFiles;
import org.l1path.job.InputException;
import org.l1path.job.PredictChoice;
import org.l1path.job.PredictJob;
import org.l1path.job.PredictionScore;
import org.l1path.job.SavedModel;
import org.l1path.solver.Model;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The scoring route: a CSV or svmlight file (told by its key, or by the {@code format} setting)
 * under the prediction prefix is predicted with the {@code model.json} that its sidecar or metadata
 * names ({@code model}: a key in the output bucket, or {@code s3://bucket/key}), and {@code
 * predictions.csv} and then {@code prediction.json} are written to its output folder. {@code
 * prediction.json} is written last, so it exists only when the predictions do.
 */
final class ScoringRoute {
  /** The per-file settings of a prediction, in sidecars and metadata. */
  static final List<String> OPTION_NAMES =
      List.of("model", "alpha", "rule", "gamma", "unseen", "encoding", "format");

  static final String PREDICTIONS_CSV = "predictions.csv";
  static final String PREDICTION_JSON = "prediction.json";
  static final String SCHEMA = "l1path-prediction/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final int NOT_FOUND = 404;

  private final S3Client s3;

  ScoringRoute(S3Client s3) {
    this.s3 = s3;
  }

  /** What a prediction asks for, resolved from its sidecar and metadata. */
  record Request(
      String modelBucket, String modelKey, Model model, SavedModel saved, PredictChoice choice) {
    String modelUri() {
      return "s3://" + modelBucket + "/" + modelKey;
    }
  }

  /**
   * Reads the model the settings name and picks the model to predict with.
   *
   * @param outputBucket the bucket a bare model key is in
   * @throws SettingsException when no model is named, or not as s3://bucket/key
   * @throws org.l1path.job.OptionException when alpha, rule, gamma, unseen, encoding or format is
   *     malformed
   * @throws InputException when the model cannot be read or has no such alpha
   */
  Request request(ResolvedSettings settings, String outputBucket) throws IOException {
    Map<String, String> options = settings.options();
    String model = options.get("model");
    if (model == null || model.isBlank()) {
      throw new SettingsException(
          "no model to predict with: name a model.json in the sidecar ({\"model\":"
              + " \"output/.../model.json\"}) or in metadata x-amz-meta-l1path-model");
    }
    PredictChoice choice = PredictChoice.fromOptions(options);
    String bucket = outputBucket;
    String key = model.trim();
    if (key.startsWith("s3://")) {
      int slash = key.indexOf('/', 5);
      if (slash < 0 || slash == 5 || slash == key.length() - 1) {
        throw new SettingsException("model '" + model + "' is not s3://bucket/key");
      }
      bucket = key.substring(5, slash);
      key = key.substring(slash + 1);
    }
    String uri = "s3://" + bucket + "/" + key;
    ResponseBytes<GetObjectResponse> bytes;
    try {
      String b = bucket;
      String k = key;
      bytes = s3.getObjectAsBytes(g -> g.bucket(b).key(k));
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        throw new InputException("model " + uri + ": no such object");
      }
      throw e;
    }
    SavedModel saved = SavedModel.read(new ByteArrayInputStream(bytes.asByteArrayUnsafe()), uri);
    return new Request(bucket, key, choice.pick(saved), saved, choice);
  }

  /**
   * Predicts the CSV (or svmlight file) and renders both files: {@code predictions.csv}, then
   * {@code prediction.json}.
   *
   * @throws InputException when a row cannot be encoded
   */
  Map.Entry<byte[], byte[]> predict(
      Request request, InputStream csv, SourceObject source, long started) throws IOException {
    ByteArrayOutputStream predictions = new ByteArrayOutputStream();
    PredictionScore score =
        PredictJob.run(
            request.saved(), request.model(), csv, source.uri(), predictions, request.choice());
    byte[] csvBytes = predictions.toByteArray();
    ObjectNode json = JSON.createObjectNode();
    json.put("schema", SCHEMA);
    json.put("model", request.modelUri());
    json.put("alpha", request.model().alpha());
    json.put("l1_ratio", request.model().l1Ratio());
    double gamma =
        Double.isNaN(request.choice().gamma()) ? request.saved().gamma() : request.choice().gamma();
    if (Double.isNaN(gamma)) {
      json.putNull("gamma");
    } else {
      json.put("gamma", gamma);
    }
    json.put("rows", score.rows());
    json.put("scored", score.scored());
    json.put("unknown_class", score.unknownClass());
    ObjectNode scores = json.putObject("scores");
    for (PredictionScore.Measure m : score.measures()) {
      if (Double.isFinite(m.value())) {
        scores.put(m.name(), m.value());
      } else {
        scores.putNull(m.name());
      }
    }
    json.put("predict_ms", System.currentTimeMillis() - started);
    ObjectNode sourceNode = json.putObject("source");
    source.fields().forEach(sourceNode::put);
    ObjectNode file = json.putObject("files").putObject(PREDICTIONS_CSV);
    file.put("bytes", csvBytes.length);
    file.put("sha256", CompanionFiles.sha256(csvBytes));
    byte[] jsonBytes =
        (JSON.writeValueAsString(json) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return Map.entry(csvBytes, jsonBytes);
  }
}
