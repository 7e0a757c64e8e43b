package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --relax} against {@code cv.glmnet(relax = TRUE)} ({@code reference/relax}, made by the
 * R script beside it at thresh 1e-14): diabetes, 13 contiguous folds of 34 rows, glmnet's lambdas.
 * With folds of one size both tools average the folds' mean squared errors, so every gamma's curve
 * agrees, and so do the chosen alpha and gamma.
 */
class RelaxedCvReferenceTest {
  @TempDir Path tmp;

  @Test
  void curvesAndChoiceMatchCvGlmnet() {
    JsonNode c = null;
    for (JsonNode each :
        Reference.json(Reference.dir().resolve("relax").resolve("relax.fixture.json"))
            .get("cases")) {
      c = each.get("name").asText().equals("diabetes_relaxed_cv") ? each : c;
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
            "--tol",
            "1e-12",
            "--alphas",
            ClassificationReferenceTest.joined(alphas),
            "--folds",
            c.get("folds").asText(),
            "--fold-assignment",
            "contiguous",
            "--relax",
            "true",
            "--gamma",
            ClassificationReferenceTest.joined(Reference.doubles(c.get("gammas"))));
    assertEquals(0, run.status(), run.err());
    JsonNode cv = Reference.json(out.resolve("model.json")).get("cv");
    for (int g = 0; g < c.get("gammas").size(); g++) {
      assertEquals(c.get("gammas").get(g).asDouble(), cv.get("gammas").get(g).asDouble(), 0.0);
      double[] mean = Reference.doubles(c.get("mean_error").get(g));
      double[] se = Reference.doubles(c.get("std_error").get(g));
      for (int k = 0; k < alphas.length; k++) {
        String at = "gamma " + c.get("gammas").get(g).asText() + ", alpha " + k;
        assertEquals(mean[k], cv.get("mean_error").get(g).get(k).asDouble(), 1e-6 * mean[k], at);
        assertEquals(se[k], cv.get("std_error").get(g).get(k).asDouble(), 1e-5 * se[k], at);
      }
    }
    assertEquals(c.get("gamma_min").asDouble(), cv.get("gamma_best").asDouble(), 0.0);
    int best = 0;
    while (c.get("gammas").get(best).asDouble() != c.get("gamma_min").asDouble()) {
      best++;
    }
    double[] glmnet = Reference.doubles(c.get("mean_error").get(best));
    double glmnetMin = Double.MAX_VALUE;
    int ours = -1;
    for (int k = 0; k < alphas.length; k++) {
      glmnetMin = Math.min(glmnetMin, glmnet[k]);
      ours = alphas[k] == cv.get("alpha_min").asDouble() ? k : ours;
    }
    assertTrue(ours >= 0, "alpha_min is one of the alphas");
    // The 1se rule, along the best gamma's curve, lands where glmnet's does.
    assertEquals(c.get("alpha_1se").asDouble(), cv.get("alpha_1se").asDouble(), 0.0);
    assertEquals(c.get("gamma_1se").asDouble(), cv.get("gamma_best").asDouble(), 0.0);
    assertTrue(
        glmnet[ours] <= glmnetMin * (1 + 1e-6),
        "glmnet's error at l1path's alpha_min " + glmnet[ours] + " vs its minimum " + glmnetMin);
  }
}
