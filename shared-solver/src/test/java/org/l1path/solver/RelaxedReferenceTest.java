package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relaxed refits against glmnet's ({@code reference/relax/relax.fixture.json}, made by the R
 * script beside it with {@code relax = TRUE} at thresh 1e-14): on glmnet's lambdas, each alpha's
 * unpenalized refit on the lasso's support, within the same coefficient limits (one case has
 * penalty factors and limits), fits at least as well as glmnet's (its loss at most glmnet's, to
 * 1e-12 relative), and its coefficients agree with glmnet's to 1e-5 of the largest, multinomial
 * centring included. (glmnet's own refits are that far from exact: on diabetes at the 43rd lambda
 * its intercept is -261.21867, least squares' -261.21890.) Where the unpenalized fit does not exist
 * (glm() meets fitted probabilities 0 or 1 on the larger supports of the 100-row binomial set),
 * there is nothing to agree on, and the refit must say it did not converge.
 */
class RelaxedReferenceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "diabetes_relaxed",
        "binomial_relaxed",
        "multinomial_relaxed",
        "diabetes_relaxed_limits"
      })
  void refitsMatchGlmnet(String name) {
    JsonNode c = null;
    for (JsonNode each : Reference.fixture("relax/relax").get("cases")) {
      c = each.get("name").asText().equals(name) ? each : c;
    }
    String file = c.get("data").asText().replace(".csv", "");
    Dataset data =
        c.get("family").asText().equals("gaussian")
            ? Reference.numericCsv(file)
            : Reference.classCsv(file);
    double[] alphas = Reference.doubles(c.get("alphas"));
    Settings settings =
        Settings.defaults()
            .withTolerance(1e-12)
            .withPenaltyFactors(byFeature(data, c.get("penalty_factor").asText(), 1))
            .withBounds(
                byFeature(data, c.get("lower").asText(), Double.NEGATIVE_INFINITY),
                byFeature(data, c.get("upper").asText(), Double.POSITIVE_INFINITY));
    RegularizationPath lasso = ElasticNet.fitPath(data, settings, AlphaGrid.of(alphas));
    RelaxedPath relaxed = RelaxedPath.fit(data, settings, lasso, Progress.NONE);
    RegularizationPath refits = relaxed.refits();
    int rows = refits.responses();
    int compared = 0;
    for (int k = 0; k < alphas.length; k++) {
      boolean exists = c.get("refit_exists").get(k).asBoolean();
      if (!exists) {
        assertTrue(!refits.convergence(k).converged(), name + ": alpha " + k + " converged");
        continue;
      }
      compared++;
      JsonNode expected = c.get("coefficients").get(k);
      double scale = 1;
      for (int r = 0; r < rows; r++) {
        double[] e = Reference.doubles(rows == 1 ? expected : expected.get(r));
        for (double v : e) {
          scale = Math.max(scale, Math.abs(v));
        }
      }
      double[][] theirs = new double[rows][];
      double[] theirIntercepts = new double[rows];
      double[][] ours = new double[rows][];
      double[] ourIntercepts = new double[rows];
      for (int r = 0; r < rows; r++) {
        theirs[r] = Reference.doubles(rows == 1 ? expected : expected.get(r));
        JsonNode a0 = c.get("intercepts").get(k);
        theirIntercepts[r] = rows == 1 ? a0.asDouble() : a0.get(r).asDouble();
        ours[r] = refits.coefficients(k, r);
        for (int j = 0; j < ours[r].length; j++) {
          assertTrue(
              ours[r][j] >= settings.lowerBounds()[j] && ours[r][j] <= settings.upperBounds()[j],
              name + ": alpha " + k + ", feature " + j + " = " + ours[r][j] + " breaks its limit");
        }
        ourIntercepts[r] = refits.intercept(k, r);
        for (int j = 0; j < theirs[r].length; j++) {
          assertEquals(
              theirs[r][j],
              ours[r][j],
              1e-5 * scale,
              name + ": alpha " + k + ", row " + r + ", " + j);
        }
        assertEquals(
            theirIntercepts[r],
            ourIntercepts[r],
            1e-5 * Math.max(scale, Math.abs(theirIntercepts[r])),
            name + ": intercept at alpha " + k + ", row " + r);
      }
      double glmnet = loss(data, theirIntercepts, theirs);
      double l1path = loss(data, ourIntercepts, ours);
      assertTrue(
          l1path <= glmnet * (1 + 1e-12), name + ": alpha " + k + ": " + l1path + " > " + glmnet);
      assertTrue(refits.convergence(k).converged(), name + ": alpha " + k + " not converged");
    }
    assertTrue(compared >= 25, name + ": only " + compared + " alphas compared");
  }

  /** One value per feature from {@code name=value,...}; {@code fill} for the others. */
  private static double[] byFeature(Dataset data, String spec, double fill) {
    double[] out = new double[data.features()];
    java.util.Arrays.fill(out, fill);
    if (!spec.isEmpty()) {
      for (String item : spec.split(",")) {
        String[] parts = item.split("=");
        out[data.featureNames().indexOf(parts[0])] = Double.parseDouble(parts[1]);
      }
    }
    return out;
  }

  /** The mean loss: half the squared error, or the negative log-likelihood. */
  private static double loss(Dataset data, double[] intercepts, double[][] coefficients) {
    int n = data.rows();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double[] eta = intercepts.clone();
      for (int r = 0; r < eta.length; r++) {
        for (int j = 0; j < data.features(); j++) {
          eta[r] += coefficients[r][j] * data.column(j)[i];
        }
      }
      double y = data.response()[i];
      switch (data.family()) {
        case GAUSSIAN -> sum += (y - eta[0]) * (y - eta[0]) / 2;
        case BINOMIAL -> sum += Math.log1p(Math.exp(eta[0])) - (y == 1 ? eta[0] : 0);
        case MULTINOMIAL -> {
          double max = Double.NEGATIVE_INFINITY;
          for (double e : eta) {
            max = Math.max(max, e);
          }
          double total = 0;
          for (double e : eta) {
            total += Math.exp(e - max);
          }
          sum += max + Math.log(total) - eta[(int) y];
        }
      }
    }
    return sum / n;
  }
}
