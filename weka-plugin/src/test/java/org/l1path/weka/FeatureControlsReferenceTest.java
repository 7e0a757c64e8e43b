package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import weka.classifiers.functions.Lasso;
import weka.core.Instances;

/**
 * {@code -penalty-factor}, {@code -lower} and {@code -upper} against glmnet's {@code
 * penalty.factor}, {@code lower.limits} and {@code upper.limits}: each case of {@code
 * reference/controls/controls.fixture.json} (glmnet at thresh 1e-14, made by the R script beside
 * it) is fitted by the Lasso classifier on Weka instances with the case's options, at every alpha
 * of glmnet's lambda sequence fixed in turn (the Weka options fix one alpha or ask for the
 * automatic grid, not a given list), at tolerance 1e-12; every coefficient and the intercept agree
 * with glmnet's, bounds included. The command line's FeatureControlsReferenceTest checks the same
 * fixture along the whole path.
 */
class FeatureControlsReferenceTest {
  private static final String FIXTURE = "controls/controls.fixture.json";

  static Stream<String> cases() throws IOException {
    List<String> names = new ArrayList<>();
    new ObjectMapper()
        .readTree(new File(TestData.reference(), FIXTURE))
        .get("cases")
        .forEach(c -> names.add(c.get("name").asText()));
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyAlphaMatchesGlmnet(String name) throws Exception {
    JsonNode c = TestData.fixtureCase(FIXTURE, name);
    boolean binomial = c.get("family").asText().equals("binomial");
    String csv = c.get("data").asText();
    // Binomial: the class declares no, yes (sorted, as glmnet's factor levels); the model is the
    // log-odds of the second value, as glmnet's.
    Instances data =
        binomial ? TestData.classification(csv, List.of("no", "yes")) : TestData.diabetes();
    assertEquals(binomial ? "binomial.csv" : "diabetes.csv", csv);
    List<String> features = TestData.strings(c.get("features"));
    double[] alphas = TestData.doubles(c.get("alphas"));
    double[] intercepts = TestData.doubles(c.get("intercepts"));

    double worst = 0;
    for (int k = 0; k < alphas.length; k++) {
      Lasso lasso = new Lasso();
      lasso.setOptions(
          new String[] {
            "-alpha",
            Double.toString(alphas[k]),
            "-tol",
            "1e-12",
            "-penalty-factor",
            c.get("penalty_factor").asText(),
            "-lower",
            c.get("lower").asText(),
            "-upper",
            c.get("upper").asText()
          });
      lasso.buildClassifier(data);
      Model model = lasso.getModel();
      assertEquals(binomial ? Family.BINOMIAL : Family.GAUSSIAN, model.family());
      assertEquals(features, lasso.getSummary().featureNames());
      assertTrue(model.convergence().converged(), name + ": converged at alpha " + k);

      double[] expected = TestData.doubles(c.get("coefficients").get(k));
      double[] ours = model.coefficients();
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
        worst = Math.max(worst, Math.abs(expected[j] - ours[j]) / scale);
      }
      assertEquals(
          intercepts[k],
          model.intercept(),
          1e-6 * Math.max(scale, Math.abs(intercepts[k])),
          name + ": intercept at alpha " + k);
    }
    System.out.printf(
        "%s: %d alphas, largest coefficient difference %.3g x max(1, max |coef|)%n",
        name, alphas.length, worst);
  }
}
