package org.l1path.lambda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
      ModelJsonExtras.writeSource(g, source);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
