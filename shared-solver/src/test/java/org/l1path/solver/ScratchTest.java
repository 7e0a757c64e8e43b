package org.l1path.solver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void t() {
    JsonNode c = Reference.fixtureCase("diabetes", "lasso_raw");
    Dataset data = Reference.numericCsv("diabetes");
    double[] alphas = Reference.doubles(c.get("alphas"));
    Settings s = ReferencePathTest.settings(c).withUpdateMode(UpdateMode.NAIVE);
    Path path = ElasticNet.fitPath(data, s, AlphaGrid.of(java.util.Arrays.copyOf(alphas, 86)));
  }
}
