package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Lasso;
import weka.classifiers.functions.Logistic;
import weka.core.Instances;

/**
 * Weka's 10-fold cross-validation (seed 1) of Lasso with default options is within 2 percentage
 * points of Weka's Logistic with default options, or better. Measured with Weka 3.8.6: labor 91.23
 * % vs 92.98 %, breast-cancer 75.52 % vs 68.88 %, iris 96.00 % vs 96.00 %.
 */
class LogisticComparisonTest {

  @ParameterizedTest
  @ValueSource(strings = {"labor.arff", "breast-cancer.arff", "iris.arff"})
  void lassoAccuracyIsWithinTwoPointsOfLogistic(String arff) throws Exception {
    Instances data = TestData.withLastClass(arff);
    double lasso = crossValidatedAccuracy(new Lasso(), data);
    double logistic = crossValidatedAccuracy(new Logistic(), data);
    // The classification issue's requirement: at most 2 percentage points below Logistic.
    assertTrue(
        lasso >= logistic - 2.0,
        () -> String.format("%s: Lasso %.2f %% vs Logistic %.2f %%", arff, lasso, logistic));
  }

  private static double crossValidatedAccuracy(Classifier classifier, Instances data)
      throws Exception {
    Evaluation evaluation = new Evaluation(data);
    evaluation.crossValidateModel(classifier, data, 10, new Random(1));
    return evaluation.pctCorrect();
  }
}
