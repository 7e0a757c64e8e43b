package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;
import weka.classifiers.functions.Lasso;
import weka.core.Instances;

/**
 * A nominal class through the classifier: the family follows the number of class values, the report
 * has one coefficient table per class and names the CV measure, and -measure picks what
 * cross-validation minimizes (or, for AUC, maximizes).
 */
class NominalClassTest {

  @Test
  void irisIsMultinomialWithOneTablePerClass() throws Exception {
    Instances iris = TestData.withLastClass("iris.arff");
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-num-alphas", "30"});
    lasso.buildClassifier(iris);
    LassoSummary s = lasso.getSummary();
    assertEquals(Family.MULTINOMIAL, s.family());
    assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), s.classes());
    assertEquals(3, lasso.getModel().responses());
    assertEquals(CvMeasure.DEVIANCE, s.measure(), "deviance is the default measure");
    String text = lasso.toString();
    assertTrue(text.startsWith("Lasso / elastic-net multinomial logistic regression"), text);
    for (String c : s.classes()) {
      assertTrue(text.contains("Score of class = " + c + ", largest"), text);
    }
    assertTrue(text.contains("  CV deviance = "), text);
    assertTrue(text.contains("CV deviance         SE"), text);
    assertEquals(3 * 4, s.coefficientCount());
    // measureCVError is the chosen measure at the chosen alpha, as the report prints it.
    assertEquals(s.cvError(), lasso.getMeasure("measureCVError"), 0.0);
    assertTrue(s.cvError() > 0 && s.cvError() < 2 * Math.log(3), "deviance below the null's");
  }

  @Test
  void twoClassValuesAreBinomialForTheSecondValue() throws Exception {
    Instances labor = TestData.withLastClass("labor.arff");
    Lasso lasso = new Lasso();
    lasso.buildClassifier(labor);
    assertEquals(Family.BINOMIAL, lasso.getModel().family());
    assertEquals(List.of("bad", "good"), lasso.getModel().classes(), "declared order");
    String text = lasso.toString();
    assertTrue(text.startsWith("Lasso / elastic-net logistic regression"), text);
    assertTrue(
        text.contains("Log-odds of class = good (against bad), largest standardized effect"), text);
    // Wage increases raise the odds of a good contract (the labor data's best-known effect).
    assertTrue(
        lasso.getModel().coefficients()[labor.attribute("wage-increase-first-year").index()] > 0);
  }

  @Test
  void measureClassReportsTheErrorRate() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-measure", "class", "-num-alphas", "30"});
    lasso.buildClassifier(TestData.withLastClass("iris.arff"));
    assertEquals(CvMeasure.CLASS, lasso.getSummary().measure());
    assertTrue(lasso.toString().contains("  CV error rate = "), lasso.toString());
    double error = lasso.getMeasure("measureCVError");
    assertTrue(error >= 0 && error < 0.1, "iris CV error rate " + error);
  }

  @Test
  void measureAucPicksTheLargestAuc() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-measure", "auc", "-num-alphas", "30"});
    lasso.buildClassifier(TestData.withLastClass("labor.arff"));
    LassoSummary s = lasso.getSummary();
    assertEquals(CvMeasure.AUC, s.measure());
    assertTrue(lasso.toString().contains("  CV AUC   = "), lasso.toString());
    assertTrue(s.cvError() > 0.5 && s.cvError() <= 1, "labor CV AUC " + s.cvError());
    for (LassoSummary.PathRow row : s.path()) {
      assertTrue(row.cvError() <= s.cvError(), "rule min takes the largest AUC: " + row);
    }
  }

  @Test
  void measureAucNeedsTwoClassesAndBadValuesNameTheOption() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-measure", "auc"});
    Instances iris = TestData.withLastClass("iris.arff");
    Exception e = assertThrows(Exception.class, () -> lasso.buildClassifier(iris));
    assertTrue(e.getMessage().contains("-measure auc"), e.getMessage());
    e =
        assertThrows(
            Exception.class, () -> new Lasso().setOptions(new String[] {"-measure", "mse"}));
    assertTrue(e.getMessage().contains("-measure"), e.getMessage());
  }

  @Test
  void aNumericClassIgnoresTheMeasure() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-measure", "class", "-num-alphas", "20"});
    lasso.buildClassifier(TestData.cpu());
    assertEquals(CvMeasure.MSE, lasso.getSummary().measure());
    assertTrue(lasso.toString().contains("  CV MSE   = "), lasso.toString());
    assertFalse(lasso.toString().contains("error rate"));
  }

  @Test
  void measureOptionRoundTrips() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-measure", "auc"});
    assertEquals("auc", lasso.getCvMeasure().getSelectedTag().getIDStr());
    Lasso copy = new Lasso();
    copy.setOptions(lasso.getOptions());
    assertEquals("auc", copy.getCvMeasure().getSelectedTag().getIDStr());
    assertEquals("deviance", new Lasso().getCvMeasure().getSelectedTag().getIDStr());
  }
}
