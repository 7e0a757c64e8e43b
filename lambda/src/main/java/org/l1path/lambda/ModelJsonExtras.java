package org.l1path.lambda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.l1path.job.FitJob;
import org.l1path.job.ResultSink;

/**
 * What the Lambda function adds to the job's files: {@code model.json} gains {@code source} (the S3
 * object fitted) and {@code settings_origin} (where each setting came from). It copies the job's
 * document token by token and appends the two keys, so the job's schema stays the job's business.
 */
final class ModelJsonExtras implements ResultSink {
  private static final JsonFactory JSON = new JsonFactory();

  private final ResultSink target;
  private final SourceObject source;
  private final Map<String, Origin> origins;

  ModelJsonExtras(ResultSink target, SourceObject source, Map<String, Origin> origins) {
    this.target = target;
    this.source = source;
    this.origins = origins;
  }

  @Override
  public void write(String name, byte[] bytes) throws IOException {
    target.write(name, FitJob.MODEL_JSON.equals(name) ? annotate(bytes) : bytes);
  }

  byte[] annotate(byte[] modelJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(modelJson.length + 1024);
    try (JsonParser parser = JSON.createParser(modelJson);
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("model.json is not a JSON object");
      }
      g.writeStartObject();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        g.writeFieldName(parser.currentName());
        parser.nextToken();
        g.copyCurrentStructure(parser);
      }
      writeSource(g, source);
      g.writeObjectFieldStart("settings_origin");
      for (Map.Entry<String, Origin> entry : origins.entrySet()) {
        g.writeStringField(entry.getKey(), entry.getValue().label());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** {@code "source": {bucket, key, version_id, etag}}. */
  static void writeSource(JsonGenerator g, SourceObject source) throws IOException {
    g.writeObjectFieldStart("source");
    g.writeStringField("bucket", source.bucket());
    g.writeStringField("key", source.key());
    g.writeStringField("version_id", source.versionId());
    g.writeStringField("etag", source.etag());
    g.writeEndObject();
  }
}
