package weka.attributeSelection;

import junit.framework.Test;
import junit.framework.TestSuite;
import org.l1path.weka.RegressionReferences;

/** Weka's own evaluator test battery, with the evaluator under Ranker. */
public class LassoAttributeEvalTest extends AbstractEvaluatorTest {

  public LassoAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  public ASSearch getSearch() {
    return new Ranker();
  }

  @Override
  public ASEvaluation getEvaluator() {
    return new LassoAttributeEval();
  }

  @Override
  public void testRegression() throws Exception {
    RegressionReferences.requirePresent(getClass());
    super.testRegression();
  }

  public static Test suite() {
    return new TestSuite(LassoAttributeEvalTest.class);
  }
}
