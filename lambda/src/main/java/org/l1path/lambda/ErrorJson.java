package org.l1path.lambda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code error.json}, written where the results would have gone when the input cannot be fitted:
 * schema {@code l1path-error/1}, the {@code kind} of problem, the one-line {@code error} (naming
 * file, row and column where they apply) and the {@code source} object.
 */
final class ErrorJson {
  static final String NAME = "error.json";
  static final String SCHEMA = "l1path-error/1";
  private static final JsonFactory JSON = new JsonFactory();

  private ErrorJson() {}

  static byte[] render(String kind, String message, SourceObject source) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("kind", kind);
      g.writeStringField("error", message);
      g.writeObjectFieldStart("source");
      for (Map.Entry<String, String> field : source.fields().entrySet()) {
        g.writeStringField(field.getKey(), field.getValue()); // a null value is written as null
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
