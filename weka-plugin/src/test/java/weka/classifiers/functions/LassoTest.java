package weka.classifiers.functions;

import junit.framework.Test;
import junit.framework.TestSuite;
import org.l1path.weka.RegressionReferences;
import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;

/** Weka's own classifier test battery (CheckClassifier, options, GOE, regression output). */
public class LassoTest extends AbstractClassifierTest {

  public LassoTest(String name) {
    super(name);
  }

  @Override
  public Classifier getClassifier() {
    return new Lasso();
  }

  @Override
  public void testRegression() throws Exception {
    RegressionReferences.requirePresent(getClass());
    super.testRegression();
  }

  public static Test suite() {
    return new TestSuite(LassoTest.class);
  }
}
