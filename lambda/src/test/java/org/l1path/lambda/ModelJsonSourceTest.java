package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.l1path.job.FitJob;
import org.l1path.job.FitRequest;
import org.l1path.job.FitResult;
import org.l1path.job.JobProgress;

/** What the function adds to the job's {@code model.json}: {@code source} and origins. */
class ModelJsonSourceTest {
  private static final SourceObject SOURCE =
      new SourceObject("data", "input/a b.csv", null, "0123abcd");
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void addsSourceAndOriginsAfterTheJobsKeys() throws IOException {
    FitResult result;
    String dir = System.getProperty("l1path.reference", "../reference");
    try (InputStream in = Files.newInputStream(Path.of(dir, "quickstart.csv"))) {
      result =
          new FitJob(1)
              .fit(
                  in, SOURCE.uri(), FitRequest.fromOptions(Map.of("folds", "0")), JobProgress.NONE);
    }
    Map<String, Origin> origins = new LinkedHashMap<>();
    origins.put("target", Origin.SIDECAR);
    origins.put("folds", Origin.DEFAULT);
    Map<String, byte[]> plain = new HashMap<>();
    FitJob.write(result, plain::put);
    Map<String, byte[]> files = new HashMap<>();
    FitJob.write(result, ObjectProcessor.modelJsonExtras(SOURCE, origins), files::put);

    String job = new String(plain.get(FitJob.MODEL_JSON), StandardCharsets.UTF_8);
    String model = new String(files.get(FitJob.MODEL_JSON), StandardCharsets.UTF_8);
    assertTrue(
        model.startsWith(job.substring(0, job.length() - "\n}\n".length()) + ",\n"),
        "the job's keys, byte for byte, then the function's");
    assertTrue(model.endsWith("}\n"), model);
    JsonNode json = STRICT.readTree(model);
    assertTrue(json.isObject());
    List<String> keys = keys(json);
    assertEquals(
        List.of("files", "source", "settings_origin"), keys.subList(keys.size() - 3, keys.size()));
    assertEquals(List.of("bucket", "key", "version_id", "etag"), keys(json.get("source")));
    assertEquals("data", json.at("/source/bucket").asText());
    assertEquals("input/a b.csv", json.at("/source/key").asText());
    assertTrue(json.at("/source/version_id").isNull(), "null, not missing");
    assertEquals("0123abcd", json.at("/source/etag").asText());
    assertEquals(List.of("target", "folds"), keys(json.get("settings_origin")));
    assertEquals("sidecar", json.at("/settings_origin/target").asText());
    assertEquals("default", json.at("/settings_origin/folds").asText());
    for (String name : plain.keySet()) {
      if (!name.equals(FitJob.MODEL_JSON)) {
        assertEquals(
            new String(plain.get(name), StandardCharsets.UTF_8),
            new String(files.get(name), StandardCharsets.UTF_8),
            name + " is the job's alone");
      }
    }
    assertEquals(plain.keySet(), files.keySet());
  }

  @Test
  void errorJsonNamesTheSourceAsModelJsonDoes() throws IOException {
    JsonNode error = STRICT.readTree(ErrorJson.render("input", "bad", SOURCE));
    assertEquals(List.of("schema", "kind", "error", "source"), keys(error));
    assertEquals(List.of("bucket", "key", "version_id", "etag"), keys(error.get("source")));
    assertEquals("input/a b.csv", error.at("/source/key").asText());
    assertTrue(error.at("/source/version_id").isNull(), "null, not missing");
    assertEquals("0123abcd", error.at("/source/etag").asText());
  }
}
