package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gaussian case of the reference fixtures through {@code l1path fit} at tolerance 1e-12, with
 * the fixture's alphas, fold ids (as a fold column) and weights (as a weights column), checked
 * against the fixture as the reference README says to compare.
 */
class ReferenceFitTest {
  private static final String WEIGHT = "__weight";
  private static final String FOLD = "__fold";

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String data : List.of("diabetes", "quickstart", "sim_60x300")) {
      for (JsonNode c : Reference.fixture(data).get("cases")) {
        out.add(Arguments.of(data, c.get("name").asText()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void fitMatchesFixture(String data, String caseName) throws IOException {
    JsonNode fixture = Reference.fixture(data);
    JsonNode c = caseOf(fixture, caseName);
    double[][] rows = Reference.rows(Reference.csv(data));
    int n = rows.length;
    int p = rows[0].length - 1;
    double[] weights = c.has("weights") ? Reference.doubles(c.get("weights")) : ones(n);
    boolean cv = c.get("kind").asText().equals("cv");
    Path csv = copyWithExtraColumns(data, rows, c, cv);
    Path out = tmp.resolve("out");

    List<String> args = new ArrayList<>();
    args.addAll(List.of("fit", csv.toString(), "--out", out.toString(), "--quiet"));
    args.addAll(List.of("--target", fixture.get("target").asText(), "--tol", "1e-12"));
    args.addAll(List.of("--alphas", joined(Reference.doubles(c.get("alphas")))));
    args.addAll(List.of("--l1-ratio", c.get("l1_ratio").asText()));
    args.addAll(List.of("--standardize", c.get("standardize").asText()));
    args.addAll(List.of("--intercept", c.get("fit_intercept").asText()));
    if (c.has("weights")) {
      args.addAll(List.of("--weights", WEIGHT));
    }
    args.addAll(cv ? List.of("--fold-column", FOLD) : List.of("--folds", "0"));

    Cli run = Cli.run(args.toArray(new String[0]));
    assertEquals(0, run.status(), run.err());
    JsonNode model = Reference.json(out.resolve("model.json"));
    assertEquals(p, model.get("features").size());
    assertEquals(n, model.get("input").get("rows").asInt());
    if (cv) {
      checkCv(c, model);
    } else {
      checkPath(data, c, model, rows, weights);
    }
  }

  private static void checkPath(
      String data, JsonNode c, JsonNode model, double[][] rows, double[] weights) {
    JsonNode path = model.get("path");
    double[] alphas = Reference.doubles(c.get("alphas"));
    double[] objective = Reference.doubles(c.get("objective"));
    int n = rows.length;
    int p = rows[0].length - 1;
    double[][] x = new double[n][p];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, x[i], 0, p);
      y[i] = rows[i][p];
    }
    assertEquals(alphas.length, path.get("alphas").size());
    double largest = 0;
    for (JsonNode row : c.get("coefficients")) {
      for (JsonNode v : row) {
        largest = Math.max(largest, Math.abs(v.asDouble()));
      }
    }
    boolean wellConditioned = !data.startsWith("sim_");
    for (int k = 0; k < alphas.length; k++) {
      assertEquals(alphas[k], path.get("alphas").get(k).asDouble(), 0.0, "alpha " + k);
      double[] b = Reference.doubles(path.get("coefficients").get(k));
      double ours =
          Reference.objective(
              x,
              y,
              weights,
              c.get("standardize").asBoolean(),
              c.get("l1_ratio").asDouble(),
              alphas[k],
              path.get("intercepts").get(k).asDouble(),
              b);
      // Reference README: a tight solve reaches the fixture's objective within 1e-9 relative.
      assertTrue(
          ours <= objective[k] * (1 + 1e-9),
          "alpha " + k + ": objective " + ours + " > fixture " + objective[k]);
      if (wellConditioned) {
        double[] expected = Reference.doubles(c.get("coefficients").get(k));
        for (int j = 0; j < p; j++) {
          // Reference README: coefficients within 1e-6 x the largest |coefficient| on the path.
          assertEquals(expected[j], b[j], 1e-6 * largest, "alpha " + k + ", coefficient " + j);
        }
      }
    }
  }

  private static void checkCv(JsonNode c, JsonNode model) {
    JsonNode cv = model.get("cv");
    double[] alphas = Reference.doubles(c.get("alphas"));
    double[] ourAlphas = Reference.doubles(cv.get("alphas").get(0));
    double[] mean = Reference.doubles(c.get("mean_mse"));
    double[] ourMean = Reference.doubles(cv.get("mean_error").get(0));
    assertEquals(c.get("folds").asInt(), cv.get("folds").asInt());
    assertEquals("column", cv.get("fold_assignment").asText());
    assertEquals(alphas.length, ourAlphas.length);
    for (int k = 0; k < alphas.length; k++) {
      // Reference README: CV mean error within 1e-6 relative.
      assertEquals(mean[k], ourMean[k], 1e-6 * Math.abs(mean[k]), "mean_error " + k);
    }
    assertEquals(
        indexOf(alphas, c.get("alpha_min").asDouble()),
        indexOf(ourAlphas, cv.get("alpha_min").asDouble()),
        "alpha_min grid index");
    assertEquals(
        indexOf(alphas, c.get("alpha_1se").asDouble()),
        indexOf(ourAlphas, cv.get("alpha_1se").asDouble()),
        "alpha_1se grid index");
    assertEquals(cv.get("alpha_min").asDouble(), model.get("alpha").asDouble(), 0.0);
  }

  /** The reference CSV plus a weights and a fold column where the case has them. */
  private Path copyWithExtraColumns(String data, double[][] rows, JsonNode c, boolean cv)
      throws IOException {
    StringBuilder sb = new StringBuilder(Reference.header(Reference.csv(data)));
    sb.append(c.has("weights") ? "," + WEIGHT : "").append(cv ? "," + FOLD : "").append('\n');
    List<String> lines = Files.readAllLines(Reference.csv(data));
    for (int i = 0; i < rows.length; i++) {
      sb.append(lines.get(i + 1));
      if (c.has("weights")) {
        sb.append(',').append(c.get("weights").get(i).asDouble());
      }
      if (cv) {
        sb.append(',').append(c.get("fold_of_row").get(i).asInt());
      }
      sb.append('\n');
    }
    Path file = tmp.resolve(data + ".csv");
    Files.writeString(file, sb);
    return file;
  }

  private static JsonNode caseOf(JsonNode fixture, String name) {
    for (JsonNode c : fixture.get("cases")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no case " + name);
  }

  private static int indexOf(double[] alphas, double alpha) {
    for (int k = 0; k < alphas.length; k++) {
      if (alphas[k] == alpha) {
        return k;
      }
    }
    return -1;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }

  private static String joined(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.length() == 0 ? "" : ",").append(v);
    }
    return sb.toString();
  }
}
