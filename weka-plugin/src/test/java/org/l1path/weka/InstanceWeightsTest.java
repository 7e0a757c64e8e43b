package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import weka.classifiers.functions.Lasso;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Instance weights are frequency weights: weight 2 is the same as the instance twice, weight 0 the
 * same as leaving it out. (The weighted diabetes fixture is checked in DiabetesReferenceTest.)
 */
class InstanceWeightsTest {

  private static final String[] FIXED = {"-alpha", "0.5", "-tol", "1e-13"};

  @Test
  void weightTwoEqualsADuplicate() throws Exception {
    Instances weighted = TestData.cpu();
    Instances duplicated = TestData.cpu();
    for (int i = 0; i < weighted.numInstances(); i += 3) {
      weighted.instance(i).setWeight(2.0);
      duplicated.add((Instance) duplicated.instance(i).copy());
    }
    double[] a = fit(weighted).getModel().coefficients();
    double[] b = fit(duplicated).getModel().coefficients();
    // The same objective: the solutions agree to the solver tolerance (coefficients up to ~40).
    assertArrayEquals(b, a, 1e-7);
    assertNotEquals(0, fit(weighted).getModel().nonZeroCount());
  }

  @Test
  void weightZeroEqualsLeavingOut() throws Exception {
    Instances zeroed = TestData.cpu();
    Instances removed = TestData.cpu();
    for (int i = zeroed.numInstances() - 1; i >= 0; i -= 4) {
      zeroed.instance(i).setWeight(0.0);
      removed.delete(i);
    }
    Lasso a = fit(zeroed);
    Lasso b = fit(removed);
    assertArrayEquals(b.getModel().coefficients(), a.getModel().coefficients(), 1e-9);
    assertEquals(b.getModel().intercept(), a.getModel().intercept(), 1e-9);
  }

  @Test
  void unevenWeightsChangeTheFit() throws Exception {
    Instances weighted = TestData.cpu();
    for (int i = 0; i < weighted.numInstances(); i++) {
      weighted.instance(i).setWeight(1 + (i % 5));
    }
    double[] a = fit(weighted).getModel().coefficients();
    double[] b = fit(TestData.cpu()).getModel().coefficients();
    double largestChange = 0;
    for (int j = 0; j < a.length; j++) {
      largestChange = Math.max(largestChange, Math.abs(a[j] - b[j]));
    }
    assertNotEquals(0.0, largestChange, "weights are used");
  }

  private static Lasso fit(Instances data) throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(FIXED.clone());
    lasso.buildClassifier(data);
    return lasso;
  }
}
