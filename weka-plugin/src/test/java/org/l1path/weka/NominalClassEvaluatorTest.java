package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.attributeSelection.AttributeSelection;
import weka.attributeSelection.LassoAttributeEval;
import weka.attributeSelection.Ranker;
import weka.classifiers.functions.Lasso;
import weka.core.Instances;

/**
 * LassoAttributeEval with a nominal class: the coefficient merit of an attribute is its largest
 * absolute standardized coefficient over the classes (multinomial) and over its value indicators
 * (nominal attributes); entry and stability merits run on classification paths.
 */
class NominalClassEvaluatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"iris.arff", "labor.arff", "breast-cancer.arff"})
  void coefficientMeritIsTheLargestOverClassesAndIndicators(String arff) throws Exception {
    Instances data = TestData.withLastClass(arff);
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-rule", "1se", "-num-alphas", "30"});
    lasso.buildClassifier(data);
    InstancesEncoder encoder = InstancesEncoder.learn(data);
    double[] expected = new double[data.numAttributes()];
    for (int r = 0; r < lasso.getModel().responses(); r++) {
      double[] std = lasso.getModel().standardizedCoefficients(r);
      for (int k = 0; k < encoder.predictors(); k++) {
        for (int f = 0; f < encoder.featureCount(k); f++) {
          int a = encoder.attributeIndex(k);
          expected[a] = Math.max(expected[a], Math.abs(std[encoder.firstFeature(k) + f]));
        }
      }
    }

    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(new String[] {"-num-alphas", "30"});
    eval.buildEvaluator(data);
    int positive = 0;
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a != data.classIndex()) {
        // The same fit (same folds, seed and rule 1se) gives the same numbers.
        assertEquals(expected[a], eval.evaluateAttribute(a), 0.0, data.attribute(a).name());
        positive += expected[a] > 0 ? 1 : 0;
      }
    }
    assertTrue(positive > 0, arff + ": the lasso selects something");
    assertTrue(eval.toString().contains("logistic regression"), eval.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"entry", "stability"})
  void pathMeritsWorkForAMultinomialClass(String merit) throws Exception {
    Instances iris = TestData.withLastClass("iris.arff");
    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(new String[] {"-M", merit, "-B", "10", "-num-alphas", "30"});
    Ranker ranker = new Ranker();
    AttributeSelection selection = new AttributeSelection();
    selection.setEvaluator(eval);
    selection.setSearch(ranker);
    selection.SelectAttributes(iris);
    double[][] ranked = selection.rankedAttributes();
    assertEquals(4, ranked.length);
    for (double[] r : ranked) {
      assertTrue(r[1] >= 0 && r[1] <= 1, merit + " merit in [0, 1]: " + r[1]);
    }
    // Iris is all but decided by the petal measurements: one of them enters first and is stable.
    String best = iris.attribute((int) ranked[0][0]).name();
    assertTrue(best.startsWith("petal"), merit + " ranks " + best + " first");
    assertTrue(ranked[0][1] > 0.5, merit + " of the best attribute: " + ranked[0][1]);
  }
}
