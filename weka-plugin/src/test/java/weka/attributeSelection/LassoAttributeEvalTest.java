package weka.attributeSelection;

import junit.framework.Test;
import junit.framework.TestSuite;
import org.l1path.weka.RegressionReferences;
import weka.core.Instances;

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

  /** The selection output with numbers rounded as {@link RegressionReferences} explains. */
  @Override
  protected String useScheme(Instances data) throws Exception {
    return RegressionReferences.roundNumbers(super.useScheme(data));
  }

  public static Test suite() {
    return new TestSuite(LassoAttributeEvalTest.class);
  }
}
