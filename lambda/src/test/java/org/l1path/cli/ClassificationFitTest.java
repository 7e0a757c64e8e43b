package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code l1path fit} on class targets: the family chosen or forced, cross-validation with each
 * measure, and the per-class files.
 */
class ClassificationFitTest {
  @TempDir Path tmp;

  private Path out() {
    return tmp.resolve("out");
  }

  private JsonNode fit(Path csv, String... options) {
    List<String> args = new ArrayList<>(List.of("fit", csv.toString(), "--out", out().toString()));
    args.add("--quiet");
    args.addAll(List.of(options));
    Cli run = Cli.run(args.toArray(new String[0]));
    assertEquals(0, run.status(), run.err());
    return Reference.json(out().resolve("model.json"));
  }

  @ParameterizedTest(name = "{0} --measure {1}")
  @CsvSource({
    "binomial, deviance, deviance",
    "binomial, class, class",
    "binomial, auc, auc",
    "binomial, auto, deviance",
    "multinomial, deviance, deviance",
    "multinomial, class, class",
  })
  void crossValidatesWithEachMeasure(String data, String measure, String resolved)
      throws IOException {
    JsonNode m =
        fit(
            Reference.csv(data),
            "--measure",
            measure,
            "--folds",
            "3",
            "--num-alphas",
            "20",
            "--seed",
            "7");
    JsonNode cv = m.get("cv");
    assertEquals(resolved, cv.get("measure").asText());
    assertEquals(data, m.get("family").asText());

    double[] mean = Reference.doubles(cv.get("mean_error").get(0));
    double[] alphas = Reference.doubles(cv.get("alphas").get(0));
    int best = 0;
    for (int k = 1; k < mean.length; k++) {
      boolean better = resolved.equals("auc") ? mean[k] > mean[best] : mean[k] < mean[best];
      if (better) {
        best = k;
      }
    }
    assertEquals(alphas[best], cv.get("alpha_min").asDouble(), 0.0, "the best mean, first on ties");
    assertEquals(cv.get("alpha_min").asDouble(), m.get("alpha").asDouble(), 0.0, "rule min");
    for (double e : mean) {
      assertTrue(resolved.equals("deviance") ? e > 0 : e >= 0 && e <= 1, measure + " " + e);
    }

    List<String> lines = Files.readAllLines(out().resolve("cv.csv"));
    assertEquals("l1_ratio,alpha,mean_error,std_error,nonzero,measure", lines.get(0));
    assertEquals(mean.length + 1, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      assertTrue(line.endsWith("," + resolved), line);
    }
    String svg = Files.readString(out().resolve("cv.svg"));
    assertTrue(svg.contains(">mean " + resolved + " \u00b1 standard error<"), "y axis names it");
  }

  @Test
  void binomialCoefficientsCsvHasTheSecondClassColumn() throws IOException {
    JsonNode m = fit(Reference.csv("binomial"), "--folds", "0", "--num-alphas", "10");
    List<String> lines = Files.readAllLines(out().resolve("coefficients.csv"));
    assertEquals("feature,yes,standardized:yes", lines.get(0));
    assertEquals(31, lines.size(), "header and 30 features");
    String[] v1 = lines.get(1).split(",");
    assertEquals("v1", v1[0]);
    assertEquals(m.get("coefficients").get("yes").get("v1").asDouble(), Double.parseDouble(v1[1]));
    assertEquals(1, m.get("path").get("coefficients").get(0).size(), "R = 1");
  }

  @Test
  void multinomialCoefficientsCsvHasAColumnPerClass() throws IOException {
    JsonNode m = fit(Reference.csv("multinomial"), "--folds", "0", "--num-alphas", "10");
    List<String> lines = Files.readAllLines(out().resolve("coefficients.csv"));
    assertEquals("feature,c1,c2,c3,standardized:c1,standardized:c2,standardized:c3", lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      for (int r = 0; r < 3; r++) {
        String cls = "c" + (r + 1);
        assertEquals(
            m.get("coefficients").get(cls).get(f[0]).asDouble(),
            Double.parseDouble(f[1 + r]),
            0.0,
            f[0] + " " + cls);
      }
    }
    JsonNode intercepts = m.get("path").get("intercepts");
    for (JsonNode atAlpha : intercepts) {
      double sum = 0;
      double largest = 0;
      for (JsonNode b0 : atAlpha) {
        sum += b0.asDouble();
        largest = Math.max(largest, Math.abs(b0.asDouble()));
      }
      // The solver centres multinomial intercepts; rounding of three terms at most.
      assertEquals(0, sum, 1e-12 * Math.max(1, largest), "intercepts sum to 0");
    }
  }

  @Test
  void aNumericTargetMayBeForcedToBinomial() throws IOException {
    Path csv = tmp.resolve("zero-one.csv");
    StringBuilder text = new StringBuilder("x,y\n");
    for (int i = 0; i < 40; i++) {
      text.append(i).append(',').append(i % 3 == 0 || i > 30 ? 1 : 0).append('\n');
    }
    Files.writeString(csv, text);
    JsonNode m = fit(csv, "--family", "binomial", "--folds", "0", "--num-alphas", "5");
    assertEquals("binomial", m.get("family").asText());
    assertEquals(List.of("0", "1"), ClassificationReferenceTest.texts(m.get("classes")));
    assertEquals(List.of("1"), ClassificationReferenceTest.names(m.get("coefficients")));
  }

  @Test
  void twoClassesMayBeFittedAsMultinomial() throws IOException {
    JsonNode m =
        fit(
            Reference.csv("binomial"),
            "--family",
            "multinomial",
            "--folds",
            "0",
            "--num-alphas",
            "5");
    assertEquals("multinomial", m.get("family").asText());
    assertEquals(
        List.of("no", "yes"), ClassificationReferenceTest.texts(m.get("path").get("classes")));
    assertEquals(2, m.get("path").get("coefficients").get(4).size(), "R = K = 2");
  }

  @Test
  void classesAreSortedByCodePointAndMissingTargetsDropped() throws IOException {
    Path csv = tmp.resolve("labels.csv");
    StringBuilder text = new StringBuilder("x,label\n");
    String[] labels = {"b", "B", "a", "NA", "é"};
    for (int i = 0; i < 50; i++) {
      text.append(i % 7).append(',').append(labels[i % labels.length]).append('\n');
    }
    Files.writeString(csv, text);
    JsonNode m = fit(csv, "--folds", "0", "--num-alphas", "3");
    // String.compareTo: 'B' (66) < 'a' (97) < 'b' (98) < 'é' (233); NA is missing.
    assertEquals(List.of("B", "a", "b", "é"), ClassificationReferenceTest.texts(m.get("classes")));
    assertEquals(40, m.get("input").get("rows").asInt());
    assertEquals(10, m.get("input").get("rows_dropped").asInt());
  }

  @Test
  void theClassificationExampleOfTheDocsPrintsWhatTheyShow() {
    // docs/fit.md runs examples/binomial.csv, a copy of the reference binomial.csv.
    Cli run =
        Cli.run(
            "fit",
            Reference.csv("binomial").toString(),
            "--out",
            out().toString(),
            "--measure",
            "auc");
    assertEquals(0, run.status(), run.err());
    assertTrue(
        run.out()
            .contains(
                ": 100 rows, 30 features, target 'class', binomial (classes no, yes)\n"
                    + "alpha = 0.0450609, l1 ratio = 1: chosen by 10-fold cross-validation, rule"
                    + " min\n"
                    + "selected 14 of 30 features: v10, v4, v6, v25, v2, v8, v9, v3, v26, v22,"
                    + " ...\n"),
        run.out());
  }

  @Test
  void separableClassesEndTheAutomaticPathEarlyWithoutNaN() throws IOException {
    Path csv = tmp.resolve("separable.csv");
    StringBuilder text = new StringBuilder("x,z,label\n");
    for (int i = 0; i < 60; i++) {
      // Two clusters far apart on x: any threshold between them classifies every row.
      double x = (i < 30 ? -5 : 5) + (i % 7) * 0.1;
      text.append(x)
          .append(',')
          .append(i % 5)
          .append(',')
          .append(i < 30 ? "lo" : "hi")
          .append('\n');
    }
    Files.writeString(csv, text);
    JsonNode m = fit(csv, "--folds", "3");
    JsonNode path = m.get("path");
    assertEquals("deviance_ratio_saturated", path.get("stop_reason").asText());
    assertTrue(path.get("alphas").size() < 100, "ended before the grid's 100 alphas");
    for (String key : List.of("alphas", "intercepts", "coefficients", "dev_ratio")) {
      assertTrue(!path.get(key).toString().contains("null"), key + " has no NaN (null)");
    }
    for (String key : List.of("mean_error", "std_error")) {
      assertTrue(!m.get("cv").get(key).toString().contains("null"), "cv." + key + " has no NaN");
    }
  }
}
