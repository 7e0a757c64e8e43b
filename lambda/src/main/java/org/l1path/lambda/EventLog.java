package org.l1path.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one structured log line per event: a flat JSON object, so CloudWatch Logs Insights can filter
 * on its fields ({@code outcome}, {@code key}, {@code fit_ms}, …).
 */
final class EventLog {
  private static final JsonFactory JSON = new JsonFactory();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  EventLog(String requestId) {
    fields.put("request_id", requestId);
  }

  EventLog put(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  Object get(String name) {
    return fields.get(name);
  }

  /** The line, newline-terminated so that a plain stdout log keeps one event per line. */
  String line() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        Object v = field.getValue();
        if (v == null) {
          g.writeNullField(field.getKey());
        } else if (v instanceof Boolean b) {
          g.writeBooleanField(field.getKey(), b);
        } else if (v instanceof Integer i) {
          g.writeNumberField(field.getKey(), i);
        } else if (v instanceof Long l) {
          g.writeNumberField(field.getKey(), l);
        } else if (v instanceof Double d) {
          if (Double.isFinite(d)) {
            g.writeNumberField(field.getKey(), d);
          } else {
            g.writeNullField(field.getKey());
          }
        } else {
          g.writeStringField(field.getKey(), v.toString());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString() + "\n";
  }
}
