package weka.classifiers.functions;

import java.util.ArrayList;
import junit.framework.Test;
import junit.framework.TestSuite;
import org.l1path.weka.RegressionReferences;
import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.core.Instances;

/** Weka's own classifier test battery (CheckClassifier, options, GOE, regression output). */
public class LassoTest extends AbstractClassifierTest {

  public LassoTest(String name) {
    super(name);
  }

  /**
   * A tight tolerance keeps the regression output stable: at the default 1e-6 a last-ulp change in
   * Math.exp (interpreted or JIT-compiled) can move a value across a rounding boundary of the
   * reference's 4 digits.
   */
  @Override
  public Classifier getClassifier() {
    Lasso lasso = new Lasso();
    lasso.setTolerance(1e-10);
    return lasso;
  }

  @Override
  public void testRegression() throws Exception {
    RegressionReferences.requirePresent(getClass());
    super.testRegression();
  }

  /** Predictions rounded as {@link RegressionReferences} explains. */
  @Override
  protected ArrayList<Prediction> useClassifier(Instances data) throws Exception {
    ArrayList<Prediction> rounded = new ArrayList<>();
    for (Prediction p : super.useClassifier(data)) {
      if (p instanceof NominalPrediction nominal) {
        double[] distribution = nominal.distribution().clone();
        for (int c = 0; c < distribution.length; c++) {
          distribution[c] = RegressionReferences.round(distribution[c]);
        }
        rounded.add(new NominalPrediction(p.actual(), distribution, p.weight()));
      } else {
        rounded.add(
            new NumericPrediction(
                p.actual(), RegressionReferences.round(p.predicted()), p.weight()));
      }
    }
    return rounded;
  }

  public static Test suite() {
    return new TestSuite(LassoTest.class);
  }
}
