package org.l1path.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a sidecar, {@code <csv key>.l1path.json}: one JSON object whose keys are fit options in
 * snake case and whose values are strings, numbers, booleans or lists of them ({@code {"target":
 * "price", "l1_ratio": [0.5, 1]}}). Numbers keep the text they were written with, and lists become
 * the command line's comma-separated form.
 */
final class Sidecar {
  private static final JsonFactory JSON = new JsonFactory();

  private Sidecar() {}

  /**
   * The sidecar's options, by command-line name.
   *
   * @param name the sidecar's key, for messages
   * @throws SettingsException naming the sidecar and what is wrong with it
   */
  static Map<String, String> parse(String json, String name, List<String> optionNames) {
    Map<String, String> options = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(name, "it must be one JSON object, like {\"target\": \"price\"}");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String option = OptionNames.option(key);
        if (!optionNames.contains(option)) {
          throw malformed(
              name,
              "unknown setting '"
                  + key
                  + "'; the settings are "
                  + String.join(", ", optionNames.stream().map(OptionNames::snake).toList()));
        }
        if (options.containsKey(option)) {
          throw malformed(name, "setting '" + key + "' is given twice");
        }
        options.put(option, value(parser, name, key));
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw malformed(name, "unexpected content after the settings object");
      }
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw malformed(
          name,
          "not valid JSON at line "
              + (where == null ? 0 : where.getLineNr())
              + ", column "
              + (where == null ? 0 : where.getColumnNr())
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return options;
  }

  private static String value(JsonParser parser, String name, String key) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.START_ARRAY) {
      StringBuilder joined = new StringBuilder();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (!parser.currentToken().isScalarValue()
            || parser.currentToken() == JsonToken.VALUE_NULL) {
          throw malformed(name, "setting '" + key + "' must be a list of numbers or strings");
        }
        joined.append(joined.length() == 0 ? "" : ",").append(parser.getText());
      }
      if (joined.length() == 0) {
        throw malformed(name, "setting '" + key + "' is an empty list");
      }
      return joined.toString();
    }
    if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
      throw malformed(name, "setting '" + key + "' must be a string, number, boolean or list");
    }
    return parser.getText();
  }

  private static SettingsException malformed(String name, String why) {
    return new SettingsException("malformed sidecar " + name + ": " + why);
  }
}
