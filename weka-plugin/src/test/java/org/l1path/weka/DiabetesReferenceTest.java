package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.classifiers.functions.Lasso;
import weka.core.Instances;

/**
 * The classifier at a fixed alpha on the diabetes data, built as Weka instances, reproduces the
 * shared reference fixture (diabetes.fixture.json), unweighted and with instance weights.
 */
class DiabetesReferenceTest {

  @ParameterizedTest(name = "{0} at alpha index {1}")
  @CsvSource({
    "lasso_standardized, 10",
    "lasso_standardized, 40",
    "lasso_standardized, 70",
    "lasso_standardized_weighted, 25",
    "lasso_standardized_weighted, 60"
  })
  void fixedAlphaReproducesTheFixture(String caseName, int k) throws Exception {
    JsonNode c = TestData.fixtureCase("diabetes.fixture.json", caseName);
    Instances data = TestData.diabetes();
    if (c.has("weights")) {
      double[] w = TestData.doubles(c.get("weights"));
      for (int i = 0; i < data.numInstances(); i++) {
        data.instance(i).setWeight(w[i]);
      }
    }
    double alpha = c.get("alphas").get(k).asDouble();
    double[] expected = TestData.doubles(c.get("coefficients").get(k));
    double expectedIntercept = c.get("intercepts").get(k).asDouble();

    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", Double.toString(alpha), "-tol", "1e-12"});
    lasso.buildClassifier(data);

    // The fixture README: coefficients within 1e-6 x the largest |coefficient| on the path.
    double tolerance = 1e-6 * largestAbs(c.get("coefficients"));
    double[] actual = lasso.getModel().coefficients();
    assertEquals(expected.length, actual.length);
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], actual[j], tolerance, "coefficient of " + data.attribute(j).name());
    }
    // The intercept moves with the coefficients times feature means (up to ~300 here).
    assertEquals(expectedIntercept, lasso.getModel().intercept(), 1000 * tolerance, "intercept");
    assertEquals(alpha, lasso.getMeasure("measureAlpha"), 0.0, "alpha is used as given");
  }

  private static double largestAbs(JsonNode rows) {
    double max = 0;
    for (JsonNode row : rows) {
      for (JsonNode v : row) {
        max = Math.max(max, Math.abs(v.asDouble()));
      }
    }
    return max;
  }
}
