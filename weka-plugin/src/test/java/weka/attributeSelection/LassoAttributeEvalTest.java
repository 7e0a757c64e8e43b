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

  /**
   * A tight tolerance keeps the regression output stable: at the default 1e-6 a last-ulp change in
   * Math.exp (interpreted or JIT-compiled) can move a value across a rounding boundary of the
   * reference's 4 digits.
   */
  @Override
  public ASEvaluation getEvaluator() {
    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setTolerance(1e-10);
    return eval;
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
