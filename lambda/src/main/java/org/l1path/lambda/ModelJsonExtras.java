package org.l1path.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /**
   * The job's document with the two keys added before its closing brace. The job's bytes are kept
   * as they are (its layout included); the result is parsed once to prove it is still one object.
   */
  byte[] annotate(byte[] modelJson) {
    String document = new String(modelJson, StandardCharsets.UTF_8);
    int close = document.lastIndexOf('}');
    if (close < 0) {
      throw new IllegalStateException("model.json is not a JSON object");
    }
    String fields = extraFields();
    String inner = fields.substring(fields.indexOf('{') + 1, fields.lastIndexOf('}'));
    String annotated =
        document.substring(0, close).stripTrailing()
            + ","
            + inner
            + "}"
            + document.substring(close + 1);
    byte[] bytes = annotated.getBytes(StandardCharsets.UTF_8);
    requireOneObject(bytes);
    return bytes;
  }

  /** {@code source} and {@code settings_origin} as an object in Jackson's default layout. */
  private String extraFields() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
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
    return out.toString();
  }

  private static void requireOneObject(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("model.json is not a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new IllegalStateException("model.json has content after its object");
      }
    } catch (IOException e) {
      throw new IllegalStateException("model.json is not valid JSON after annotation", e);
    }
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
