package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;
import org.l1path.solver.StopReason;
import weka.classifiers.functions.Lasso;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
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

  @Test
  void theTopOfThePathHasNoAttribute() throws Exception {
    // On labor the largest gradient came out of the intercepts' settling a rounding error above
    // alpha_max, and the first alpha kept a coefficient of -4.9e-16, shown as one non-zero.
    Lasso lasso = new Lasso();
    lasso.buildClassifier(TestData.withLastClass("labor.arff"));
    LassoSummary.PathRow top = lasso.getSummary().path().get(0);
    assertEquals(0, top.nonZero(), lasso.toString());
    assertEquals(0.0, top.devRatio(), 1e-12);
    assertTrue(lasso.getSummary().path().get(1).nonZero() > 0, lasso.toString());
  }

  @Test
  void separableClassesEndThePathEarlyWithFiniteProbabilities() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x"));
    attributes.add(new Attribute("class", List.of("left", "right")));
    Instances data = new Instances("clusters", attributes, 40);
    data.setClassIndex(1);
    for (int i = 0; i < 20; i++) {
      data.add(new DenseInstance(1.0, new double[] {-2 + 0.05 * i, 0}));
      data.add(new DenseInstance(1.0, new double[] {1 + 0.05 * i, 1}));
    }
    Lasso lasso = new Lasso();
    lasso.buildClassifier(data);
    assertEquals(StopReason.DEVIANCE_RATIO_SATURATED, lasso.getSummary().stopReason());
    assertTrue(lasso.toString().contains("The path stopped early"), lasso.toString());
    for (Instance inst : data) {
      double[] p = lasso.distributionForInstance(inst);
      assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]), "finite probabilities");
      assertEquals(inst.classValue(), lasso.classifyInstance(inst), 0.0, "separated: all right");
    }
  }

  @Test
  void weightTwoCountsAsTwoInstances() throws Exception {
    Instances labor = TestData.withLastClass("labor.arff");
    Instances weighted = new Instances(labor);
    Instances duplicated = new Instances(labor);
    for (int i = 0; i < labor.numInstances(); i += 3) {
      weighted.instance(i).setWeight(2.0);
      duplicated.add((Instance) labor.instance(i).copy());
    }
    String[] options = {"-alpha", "0.02", "-tol", "1e-12"};
    Lasso a = new Lasso();
    a.setOptions(options.clone());
    a.buildClassifier(weighted);
    Lasso b = new Lasso();
    b.setOptions(options.clone());
    b.buildClassifier(duplicated);
    // The two indicators of a two-valued attribute are collinear, so coefficients may split
    // differently between them; the fitted probabilities are unique. Both are solved to a duality
    // gap of 1e-12, so they agree to ~1e-6.
    for (Instance inst : labor) {
      double[] pa = a.distributionForInstance(inst);
      double[] pb = b.distributionForInstance(inst);
      assertEquals(pb[1], pa[1], 1e-6, "P(good)");
    }
    assertTrue(a.getModel().nonZeroCount() > 0, "a real model");
  }
}
