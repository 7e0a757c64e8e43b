package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A front door's extra keys in {@code model.json}: where they go and what they do not disturb. */
class ModelJsonExtrasTest {
  /** Fails on anything after the document's one value, so "one object" is really checked. */
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static FitResult result;

  @BeforeAll
  static void fit() throws IOException {
    String dir = System.getProperty("l1path.reference", "../reference");
    try (InputStream in = Files.newInputStream(Path.of(dir, "quickstart.csv"))) {
      result =
          new FitJob(1)
              .fit(
                  in,
                  "quickstart.csv",
                  FitRequest.fromOptions(Map.of("folds", "0")),
                  JobProgress.NONE);
    }
  }

  private static String modelJson(ModelJsonExtras extras) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    FitJob.write(result, extras, files::put);
    return new String(files.get(FitJob.MODEL_JSON), StandardCharsets.UTF_8);
  }

  private static ModelJsonExtras sourceAndOrigins() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("key", "input/a b.csv");
    source.put("version_id", null);
    source.put("etag", "0123abcd");
    Map<String, String> origins = new LinkedHashMap<>();
    origins.put("target", "sidecar");
    origins.put("folds", "default");
    return ModelJsonExtras.NONE.withObject("source", source).withObject("settings_origin", origins);
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void extrasFollowTheJobsKeysWhichKeepTheirBytes() throws IOException {
    String plain = modelJson(ModelJsonExtras.NONE);
    String extended = modelJson(sourceAndOrigins());

    assertTrue(plain.endsWith("\n}\n"), plain);
    String jobsKeys = plain.substring(0, plain.length() - "\n}\n".length());
    assertTrue(extended.startsWith(jobsKeys + ",\n"), "the job's keys, byte for byte, then more");
    assertTrue(extended.endsWith("}\n"), extended);

    JsonNode json = STRICT.readTree(extended);
    assertTrue(json.isObject());
    List<String> expected = new ArrayList<>(keys(STRICT.readTree(plain)));
    expected.addAll(List.of("source", "settings_origin"));
    assertEquals(expected, keys(json));
    assertEquals(List.of("key", "version_id", "etag"), keys(json.get("source")));
    assertEquals("input/a b.csv", json.at("/source/key").asText());
    assertTrue(json.at("/source/version_id").isNull(), "null, not missing");
    assertEquals("0123abcd", json.at("/source/etag").asText());
    assertEquals(List.of("target", "folds"), keys(json.get("settings_origin")));
    assertEquals("sidecar", json.at("/settings_origin/target").asText());
    assertEquals("default", json.at("/settings_origin/folds").asText());
  }

  @Test
  void withoutExtrasTheDocumentIsTheJobsAlone() throws IOException {
    JsonNode json = STRICT.readTree(modelJson(ModelJsonExtras.NONE));
    List<String> keys = keys(json);
    assertEquals("files", keys.get(keys.size() - 1));
    assertFalse(json.has("source"));
    assertFalse(json.has("settings_origin"));
  }

  @Test
  void textThatWouldBreakJsonIsEscaped() throws IOException {
    // Rendered by the generator, not spliced in: quotes, backslashes and braces stay inside the
    // string, and the document is still one object.
    String key = "in/\"q\"\\}{,x.csv";
    JsonNode json =
        STRICT.readTree(modelJson(ModelJsonExtras.NONE.withObject("source", Map.of("key", key))));
    assertTrue(json.isObject());
    assertEquals(key, json.at("/source/key").asText());
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    ModelJsonExtras once = ModelJsonExtras.NONE.withObject("source", Map.of());
    assertThrows(IllegalArgumentException.class, () -> once.withObject("source", Map.of()));
  }

  @Test
  void theFieldsAreCopiedWhenGiven() throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("key", "before");
    ModelJsonExtras extras = ModelJsonExtras.NONE.withObject("source", fields);
    fields.put("key", "after");
    fields.put("more", "x");

    JsonNode json = STRICT.readTree(modelJson(extras));
    assertEquals("before", json.at("/source/key").asText());
    assertEquals(List.of("key"), keys(json.get("source")));
  }
}
