package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Progress;
import weka.attributeSelection.AttributeSelection;
import weka.attributeSelection.LassoAttributeEval;
import weka.attributeSelection.Ranker;
import weka.classifiers.functions.Lasso;
import weka.classifiers.meta.AttributeSelectedClassifier;
import weka.core.Instances;
import weka.filters.Filter;

/** The evaluator's three merits, and its use through Ranker, a meta classifier and a filter. */
class LassoAttributeEvalMeritsTest {

  @Test
  void coefficientMeritWithRankerThresholdZeroKeepsTheLassoSelection() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-rule", "1se"});
    lasso.buildClassifier(cpu);
    InstancesEncoder encoder = InstancesEncoder.learn(cpu);
    double[] std = lasso.getModel().standardizedCoefficients();
    TreeSet<Integer> lassoSelection = new TreeSet<>();
    double[] expectedMerit = new double[cpu.numAttributes()];
    for (int k = 0; k < encoder.predictors(); k++) {
      for (int f = 0; f < encoder.featureCount(k); f++) {
        double v = Math.abs(std[encoder.firstFeature(k) + f]);
        expectedMerit[encoder.attributeIndex(k)] =
            Math.max(expectedMerit[encoder.attributeIndex(k)], v);
      }
      if (expectedMerit[encoder.attributeIndex(k)] > 0) {
        lassoSelection.add(encoder.attributeIndex(k));
      }
    }

    LassoAttributeEval eval = new LassoAttributeEval();
    Ranker ranker = new Ranker();
    ranker.setThreshold(0);
    AttributeSelection selection = new AttributeSelection();
    selection.setEvaluator(eval);
    selection.setSearch(ranker);
    selection.SelectAttributes(cpu);
    TreeSet<Integer> selected = new TreeSet<>();
    for (int a : selection.selectedAttributes()) {
      if (a != cpu.classIndex()) {
        selected.add(a);
      }
    }
    assertEquals(lassoSelection, selected);
    assertTrue(selected.size() > 1 && selected.size() < 7, "a real selection: " + selected);
    for (int a = 0; a < cpu.numAttributes(); a++) {
      if (a != cpu.classIndex()) {
        // The same fit (same default folds, seed and rule 1se) gives the same numbers.
        assertEquals(expectedMerit[a], eval.evaluateAttribute(a), 0.0, cpu.attribute(a).name());
      }
    }
    assertTrue(eval.toString().contains("rule 1se"), eval.toString());
  }

  @Test
  void entryMeritMatchesTheReferencePath() throws Exception {
    JsonNode c = TestData.fixtureCase("diabetes.fixture.json", "lasso_standardized");
    double[] alphas = TestData.doubles(c.get("alphas"));
    JsonNode coefficients = c.get("coefficients");
    Instances diabetes = TestData.diabetes();
    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(new String[] {"-M", "entry", "-tol", "1e-12"});
    eval.buildEvaluator(diabetes);
    for (int j = 0; j < diabetes.numAttributes() - 1; j++) {
      double expected = 0;
      for (int k = 0; k < alphas.length; k++) {
        // Entry in the fixture: the first alpha whose coefficient is clearly non-zero.
        if (Math.abs(coefficients.get(k).get(j).asDouble()) > 1e-9) {
          expected = alphas[k] / alphas[0];
          break;
        }
      }
      // The same geometric grid from the same alpha_max: ratios agree to rounding (1e-12).
      assertEquals(expected, eval.evaluateAttribute(j), 1e-12, diabetes.attribute(j).name());
    }
  }

  @Test
  void stabilityIsReproducibleAndIndependentOfThreads() throws Exception {
    Instances diabetes = TestData.diabetes();
    TrainingSet data = TrainingSet.of(diabetes);
    PathOptions options = new PathOptions(org.l1path.solver.SelectionRule.ONE_SE);
    PathFit fit = PathFit.of(data, options);
    double[] one = AttributeMerits.stability(data, fit, 20, 5, 1, Progress.NONE);
    double[] three = AttributeMerits.stability(data, fit, 20, 5, 3, Progress.NONE);
    assertArrayEquals(one, three, 0.0);
    double[] otherSeed = AttributeMerits.stability(data, fit, 20, 6, 2, Progress.NONE);
    assertTrue(!Arrays.equals(one, otherSeed) || allZeroOrOne(one), "the seed matters");
    for (double m : one) {
      assertTrue(m >= 0 && m <= 1, "fraction " + m);
      assertEquals(Math.rint(m * 20), m * 20, 1e-12, "a multiple of 1/B");
    }
    // bmi and s5 are the diabetes data's strongest predictors: every half-sample selects them.
    assertEquals(1.0, one[diabetes.attribute("bmi").index()]);
    assertEquals(1.0, one[diabetes.attribute("s5").index()]);

    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(new String[] {"-M", "stability", "-B", "20", "-S", "5"});
    eval.buildEvaluator(diabetes);
    for (int a = 0; a < one.length; a++) {
      assertEquals(one[a], eval.evaluateAttribute(a), 0.0, diabetes.attribute(a).name());
    }
  }

  @Test
  void badEvaluatorOptionsNameTheOption() {
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () -> new LassoAttributeEval().setOptions(new String[] {"-M", "size"}));
    assertTrue(e.getMessage().contains("-M"), e.getMessage());
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () -> new LassoAttributeEval().setOptions(new String[] {"-B", "many"}));
    assertTrue(e.getMessage().contains("-B"), e.getMessage());
  }

  private static boolean allZeroOrOne(double[] values) {
    return Arrays.stream(values).allMatch(v -> v == 0 || v == 1);
  }

  @Test
  void worksInAttributeSelectedClassifierAndTheSupervisedFilter() throws Exception {
    Instances cpu = TestData.cpu();
    Ranker ranker = new Ranker();
    ranker.setThreshold(0);

    AttributeSelectedClassifier meta = new AttributeSelectedClassifier();
    meta.setEvaluator(new LassoAttributeEval());
    meta.setSearch(ranker);
    meta.setClassifier(new Lasso());
    meta.buildClassifier(cpu);
    double prediction = meta.classifyInstance(cpu.instance(0));
    assertTrue(Double.isFinite(prediction));
    assertTrue(meta.toString().contains("Lasso attribute evaluator"), meta.toString());

    weka.filters.supervised.attribute.AttributeSelection filter =
        new weka.filters.supervised.attribute.AttributeSelection();
    filter.setEvaluator(new LassoAttributeEval());
    filter.setSearch(ranker);
    filter.setInputFormat(cpu);
    Instances reduced = Filter.useFilter(cpu, filter);
    assertTrue(reduced.numAttributes() < cpu.numAttributes(), "the filter dropped attributes");
    assertEquals("class", reduced.classAttribute().name());
    assertEquals(cpu.numInstances(), reduced.numInstances());
  }
}
