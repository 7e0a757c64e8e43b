package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --penalty-factor}, {@code --lower} and {@code --upper} against glmnet's {@code
 * penalty.factor}, {@code lower.limits} and {@code upper.limits}: each case of {@code
 * reference/controls/controls.fixture.json} (made by the R script beside it at thresh 1e-14) is
 * fitted on glmnet's own lambda sequence at tolerance 1e-12, and every coefficient of every alpha
 * agrees with glmnet's, bounds included.
 */
class FeatureControlsReferenceTest {
  @TempDir Path tmp;

  static Stream<String> cases() {
    List<String> names = new ArrayList<>();
    fixture().get("cases").forEach(c -> names.add(c.get("name").asText()));
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void thePathMatchesGlmnet(String name) {
    JsonNode c = null;
    for (JsonNode each : fixture().get("cases")) {
      c = each.get("name").asText().equals(name) ? each : c;
    }
    double[] alphas = Reference.doubles(c.get("alphas"));
    Path out = tmp.resolve("out");
    Cli run =
        Cli.run(
            "fit",
            Reference.dir().resolve(c.get("data").asText()).toString(),
            "--out",
            out.toString(),
            "--quiet",
            "--folds",
            "0",
            "--tol",
            "1e-12",
            "--family",
            c.get("family").asText(),
            "--alphas",
            ClassificationReferenceTest.joined(alphas),
            "--penalty-factor",
            c.get("penalty_factor").asText(),
            "--lower",
            c.get("lower").asText(),
            "--upper",
            c.get("upper").asText());
    assertEquals(0, run.status(), run.err());

    JsonNode model = Reference.json(out.resolve("model.json"));
    JsonNode settings = model.get("settings");
    assertEquals(c.get("penalty_factor").asText(), columnValues(settings.get("penalty_factor")));
    assertEquals(c.get("lower").asText(), columnValues(settings.get("lower")));
    assertEquals(c.get("upper").asText(), columnValues(settings.get("upper")));
    JsonNode path = model.get("path");
    boolean binomial = c.get("family").asText().equals("binomial");
    List<String> features = ClassificationReferenceTest.texts(c.get("features"));
    assertEquals(features, ClassificationReferenceTest.texts(model.get("features")));
    double[] intercepts = Reference.doubles(c.get("intercepts"));
    for (int k = 0; k < alphas.length; k++) {
      double[] expected = Reference.doubles(c.get("coefficients").get(k));
      JsonNode row = path.get("coefficients").get(k);
      double[] ours = Reference.doubles(binomial ? row.get(0) : row);
      double scale = 1;
      for (double e : expected) {
        scale = Math.max(scale, Math.abs(e));
      }
      for (int j = 0; j < expected.length; j++) {
        assertEquals(
            expected[j],
            ours[j],
            1e-6 * scale,
            name + ": alpha " + k + " (" + alphas[k] + "), " + features.get(j));
      }
      JsonNode intercept = path.get("intercepts").get(k);
      assertEquals(
          intercepts[k],
          binomial ? intercept.get(0).asDouble() : intercept.asDouble(),
          1e-6 * Math.max(scale, Math.abs(intercepts[k])),
          name + ": intercept at alpha " + k);
    }
  }

  private static JsonNode fixture() {
    return Reference.json(Reference.dir().resolve("controls").resolve("controls.fixture.json"));
  }

  /** {@code {"a": 1.0, "b": -0.1}} as the fixture spells it: {@code a=1,b=-0.1}. */
  private static String columnValues(JsonNode object) {
    List<String> parts = new ArrayList<>();
    object
        .fields()
        .forEachRemaining(
            e -> {
              double v = e.getValue().asDouble();
              parts.add(e.getKey() + "=" + (v == Math.rint(v) ? Long.toString((long) v) : v));
            });
    return String.join(",", parts);
  }
}
