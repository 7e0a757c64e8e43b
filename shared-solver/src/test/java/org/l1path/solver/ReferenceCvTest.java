package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gaussian cross-validation case of the reference fixtures, with the fixture's folds and
 * alphas at tolerance 1e-12. Expected values: the fixtures; tolerances: issue 2 ("CV: alpha_min /
 * alpha_1se at the same grid index, and mean_error within 1e-6 relative").
 */
class ReferenceCvTest {
  static Stream<Arguments> cvCases() {
    List<Arguments> out = new ArrayList<>();
    for (String data : List.of("diabetes", "quickstart", "sim_60x300")) {
      for (JsonNode c : Reference.fixture(data).get("cases")) {
        if (c.get("kind").asText().equals("cv")) {
          out.add(Arguments.of(data, c.get("name").asText()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cvCases")
  void meanErrorsAndChosenAlphasMatchTheFixture(String name, String caseName) {
    JsonNode c = Reference.fixtureCase(name, caseName);
    Dataset data = ReferencePathTest.data(name, c);
    Settings s = ReferencePathTest.settings(c);
    double[] alphas = Reference.doubles(c.get("alphas"));
    int[] folds = Reference.ints(c.get("fold_of_row"));
    CvSettings cv = CvSettings.defaults().withFoldIds(folds);

    CvResult result =
        CrossValidation.run(
            data, s, new double[] {s.l1Ratio()}, AlphaGrid.of(alphas), cv, Progress.NONE);

    assertEquals(c.get("folds").asInt(), result.folds());
    CvCurve curve = result.bestCurve();
    double[] expected = Reference.doubles(c.get("mean_mse"));
    double[] expectedSe = Reference.doubles(c.get("std_error"));
    double[] mean = curve.meanError();
    double[] se = curve.stdError();
    for (int k = 0; k < alphas.length; k++) {
      assertEquals(expected[k], mean[k], 1e-6 * expected[k], "mean error at alpha " + k);
      assertEquals(expectedSe[k], se[k], 1e-5 * expectedSe[k] + 1e-9, "std error at alpha " + k);
    }
    assertEquals(
        indexOf(alphas, c.get("alpha_min").asDouble()), curve.indexMin(), "alpha_min index");
    assertEquals(
        indexOf(alphas, c.get("alpha_1se").asDouble()), curve.index1se(), "alpha_1se index");
  }

  private static int indexOf(double[] alphas, double alpha) {
    for (int k = 0; k < alphas.length; k++) {
      if (alphas[k] == alpha) {
        return k;
      }
    }
    throw new AssertionError("alpha " + alpha + " is not on the fixture grid");
  }
}
