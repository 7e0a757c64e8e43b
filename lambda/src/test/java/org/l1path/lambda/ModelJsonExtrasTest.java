package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonExtrasTest {
  private static final SourceObject SOURCE =
      new SourceObject("data", "input/a b.csv", null, "0123abcd");

  @Test
  void addsSourceAndOriginsAndKeepsTheJobsBytes() throws Exception {
    String job = "{\n  \"schema\" : \"l1path-model/1\",\n  \"alphas\" : [ 1.0, 0.5 ]\n}\n";
    Map<String, Origin> origins = new LinkedHashMap<>();
    origins.put("target", Origin.SIDECAR);
    origins.put("folds", Origin.DEFAULT);

    String annotated =
        new String(
            new ModelJsonExtras((name, bytes) -> {}, SOURCE, origins)
                .annotate(job.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);

    assertTrue(
        annotated.startsWith(
            "{\n  \"schema\" : \"l1path-model/1\",\n  \"alphas\" : [ 1.0," + " 0.5 ],"),
        annotated);
    JsonNode json = new ObjectMapper().readTree(annotated);
    assertEquals("input/a b.csv", json.at("/source/key").asText());
    assertTrue(json.at("/source/version_id").isNull());
    assertEquals("0123abcd", json.at("/source/etag").asText());
    assertEquals("sidecar", json.at("/settings_origin/target").asText());
    assertEquals("default", json.at("/settings_origin/folds").asText());
    assertTrue(annotated.endsWith("}\n"));
  }

  @Test
  void somethingThatIsNotAnObjectIsRefused() {
    ModelJsonExtras extras = new ModelJsonExtras((name, bytes) -> {}, SOURCE, Map.of());
    assertThrows(
        IllegalStateException.class,
        () -> extras.annotate("[1, 2]".getBytes(StandardCharsets.UTF_8)));
  }
}
