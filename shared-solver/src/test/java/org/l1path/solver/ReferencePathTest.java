package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gaussian path case of {@code reference/*.fixture.json}, solved at tolerance 1e-12 on the
 * fixture's alphas. Expected values come from the fixtures; tolerances from the reference README
 * ("How to compare") and issue 2.
 */
class ReferencePathTest {
  static Stream<Arguments> pathCases() {
    List<Arguments> out = new ArrayList<>();
    for (String data : List.of("diabetes", "quickstart", "sim_60x300")) {
      for (JsonNode c : Reference.fixture(data).get("cases")) {
        if (c.get("kind").asText().equals("path")) {
          for (UpdateMode mode : List.of(UpdateMode.NAIVE, UpdateMode.COVARIANCE)) {
            out.add(Arguments.of(data, c.get("name").asText(), mode));
          }
        }
      }
    }
    return out.stream();
  }

  static Dataset data(String name, JsonNode c) {
    Dataset data = Reference.numericCsv(name);
    return c.path("weighted").asBoolean()
        ? data.withWeights(Reference.doubles(c.get("weights")))
        : data;
  }

  static Settings settings(JsonNode c) {
    return Settings.defaults()
        .withL1Ratio(c.get("l1_ratio").asDouble())
        .withStandardize(c.get("standardize").asBoolean())
        .withFitIntercept(c.get("fit_intercept").asBoolean())
        .withTolerance(1e-12);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("pathCases")
  void objectivesAndCoefficientsMatchTheFixture(String name, String caseName, UpdateMode mode) {
    JsonNode c = Reference.fixtureCase(name, caseName);
    Dataset data = data(name, c);
    Settings s = settings(c).withUpdateMode(mode);
    double[] alphas = Reference.doubles(c.get("alphas"));
    RegularizationPath path = ElasticNet.fitPath(data, s, AlphaGrid.of(alphas));

    assertEquals(alphas.length, path.size());
    double[] objective = Reference.doubles(c.get("objective"));
    double[][] expected = Reference.matrix(c.get("coefficients"));
    double largest = 0;
    for (double[] row : expected) {
      for (double b : row) {
        largest = Math.max(largest, Math.abs(b));
      }
    }
    boolean wellConditioned = !name.startsWith("sim");
    for (int k = 0; k < alphas.length; k++) {
      assertEquals(alphas[k], path.alpha(k), 0.0, "alphas come back as given, largest first");
      assertTrue(
          path.convergence(k).converged(), "alpha " + k + " converged: " + path.convergence(k));
      double ours =
          Reference.objective(data, s, alphas[k], path.intercept(k), path.coefficients(k));
      // Reference README: ours <= fixture objective * (1 + 1e-9).
      assertTrue(
          ours <= objective[k] * (1 + 1e-9),
          "objective at alpha " + k + ": ours " + ours + " vs fixture " + objective[k]);
      if (wellConditioned) {
        // Reference README: within 1e-6 x the largest |coefficient| on the path.
        assertArrayEquals(
            expected[k], path.coefficients(k), 1e-6 * largest, "coefficients at alpha " + k);
        // The intercept is ybar - sum_j mean_j b_j, so its tolerance carries the means.
        assertEquals(
            c.get("intercepts").get(k).asDouble(),
            path.intercept(k),
            1e-6 * largest * (1 + sumAbsMeans(data)),
            "intercept at alpha " + k);
        assertEquals(c.get("nonzero").get(k).asInt(), path.nonZero(k), "nonzero at alpha " + k);
      }
    }
    for (double b : path.coefficients(0)) {
      assertEquals(0.0, b, 0.0, "every coefficient is exactly 0 at alpha_max");
    }
  }

  private static double sumAbsMeans(Dataset data) {
    double sum = 0;
    for (int j = 0; j < data.features(); j++) {
      double m = 0;
      for (double x : data.column(j)) {
        m += x;
      }
      sum += Math.abs(m / data.rows());
    }
    return sum;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pathCases")
  void automaticGridReproducesTheFixtureAlphas(String name, String caseName, UpdateMode mode) {
    JsonNode c = Reference.fixtureCase(name, caseName);
    RegularizationPath path =
        ElasticNet.fitPath(data(name, c), settings(c).withUpdateMode(mode), AlphaGrid.automatic());
    double[] alphas = Reference.doubles(c.get("alphas"));
    // Reference README, "The alpha grid": the fixture lists exactly this grid.
    for (int k = 0; k < alphas.length; k++) {
      assertEquals(alphas[k], path.alpha(k), 1e-12 * alphas[k], "alpha " + k);
    }
  }
}
