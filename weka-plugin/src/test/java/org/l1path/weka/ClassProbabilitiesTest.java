package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import weka.classifiers.functions.Lasso;
import weka.core.Instances;
import weka.core.Utils;

/**
 * distributionForInstance gives class probabilities that sum to 1 and equal a sigmoid or softmax
 * computed here from the model's coefficients; batch prediction, the predicted class and a saved
 * and reloaded model agree with it.
 */
class ClassProbabilitiesTest {

  @ParameterizedTest(name = "{0} at alpha index {2}")
  @CsvSource({
    "binomial.fixture.json, binomial_lasso_standardized, 30",
    "multinomial.fixture.json, multinomial_lasso_standardized, 40"
  })
  void probabilitiesAreTheSigmoidOrSoftmaxOfTheCoefficients(String fixture, String caseName, int k)
      throws Exception {
    JsonNode c = TestData.fixtureCase(fixture, caseName);
    List<String> classes = TestData.strings(c.get("classes"));
    Instances data = TestData.classification(fixture.replace(".fixture.json", ".csv"), classes);
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", c.get("alphas").get(k).asText()});
    lasso.buildClassifier(data);
    Model model = lasso.getModel();

    double[][] batch = lasso.distributionsForInstances(data);
    for (int i = 0; i < data.numInstances(); i++) {
      double[] p = lasso.distributionForInstance(data.instance(i));
      double[] expected = direct(model, Objective.linearPredictors(model, data.instance(i)));
      // Both are computed in double precision from the same coefficients: 1e-12 absolute.
      assertArrayEquals(expected, p, 1e-12, "instance " + i);
      assertEquals(1.0, sum(p), 1e-12, "instance " + i + " sums to 1");
      assertArrayEquals(p, batch[i], 1e-12, "batch prediction of instance " + i);
      assertEquals(Utils.maxIndex(p), lasso.classifyInstance(data.instance(i)), 0.0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"labor.arff", "breast-cancer.arff", "iris.arff"})
  void savedModelPredictsTheSameProbabilities(String arff) throws Exception {
    Instances data = TestData.withLastClass(arff);
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-num-alphas", "20", "-folds", "5"});
    lasso.buildClassifier(data);
    Lasso copy = reload(lasso);
    for (int i = 0; i < data.numInstances(); i++) {
      double[] p = lasso.distributionForInstance(data.instance(i));
      assertEquals(data.numClasses(), p.length);
      // Labor and breast-cancer have missing values: the filled-in values give valid rows too.
      assertEquals(1.0, sum(p), 1e-12, arff + " instance " + i + " sums to 1");
      assertArrayEquals(p, copy.distributionForInstance(data.instance(i)), 0.0);
    }
    assertEquals(lasso.toString(), copy.toString());
  }

  /** P(second class) = sigmoid(eta) for binomial; softmax(eta) for multinomial. */
  private static double[] direct(Model model, double[] eta) {
    if (model.family() == Family.BINOMIAL) {
      double p1 = 1 / (1 + Math.exp(-eta[0]));
      return new double[] {1 - p1, p1};
    }
    double lse = Objective.logSumExp(eta);
    double[] out = new double[eta.length];
    for (int r = 0; r < eta.length; r++) {
      out[r] = Math.exp(eta[r] - lse);
    }
    return out;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  private static Lasso reload(Lasso lasso) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(lasso);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (Lasso) in.readObject();
    }
  }
}
