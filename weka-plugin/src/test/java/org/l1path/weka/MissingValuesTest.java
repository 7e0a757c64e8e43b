package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.Lasso;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/**
 * Missing attribute values are replaced by the weighted mean (numeric) or weighted mode (nominal)
 * of the training data. labor.arff has many missing values; its class here is the numeric
 * wage-increase-first-year, and the instances get uneven weights so that "weighted" matters.
 */
class MissingValuesTest {

  private static Instances labor() throws Exception {
    Instances data = TestData.arff("labor.arff");
    data.setClass(data.attribute("wage-increase-first-year"));
    data.deleteWithMissingClass();
    Random random = new Random(42);
    for (int i = 0; i < data.numInstances(); i++) {
      data.instance(i).setWeight(0.5 + random.nextInt(4));
    }
    return data;
  }

  @Test
  void fillValuesAreTheWeightedMeanAndMode() throws Exception {
    Instances data = labor();
    InstancesEncoder encoder = InstancesEncoder.learn(data);
    int duration = data.attribute("duration").index();
    int pension = data.attribute("pension").index();
    int checked = 0;
    for (int k = 0; k < encoder.predictors(); k++) {
      int a = encoder.attributeIndex(k);
      if (a == duration) {
        double sum = 0;
        double weight = 0;
        for (Instance inst : data) {
          if (!inst.isMissing(a)) {
            sum += inst.weight() * inst.value(a);
            weight += inst.weight();
          }
        }
        // Same sums, in the same order: equal to the last bit.
        assertEquals(sum / weight, encoder.fillValue(k), 0.0, "weighted mean of duration");
        checked++;
      }
      if (a == pension) {
        double[] totals = new double[data.attribute(a).numValues()];
        for (Instance inst : data) {
          if (!inst.isMissing(a)) {
            totals[(int) inst.value(a)] += inst.weight();
          }
        }
        int mode = 0;
        for (int v = 1; v < totals.length; v++) {
          mode = totals[v] > totals[mode] ? v : mode;
        }
        assertEquals(mode, (int) encoder.fillValue(k), "weighted mode of pension");
        checked++;
      }
    }
    assertEquals(2, checked);
  }

  @Test
  void fitEqualsTheFitOnDataFilledByWekasReplaceMissingValues() throws Exception {
    Instances data = labor();
    assertTrue(hasMissing(data), "labor.arff has missing attribute values");
    // Weka's filter also uses the weighted mean and mode of the data it is given.
    ReplaceMissingValues replace = new ReplaceMissingValues();
    replace.setInputFormat(data);
    Instances filled = Filter.useFilter(data, replace);

    String[] options = {"-alpha", "0.05", "-tol", "1e-13"};
    Lasso onMissing = new Lasso();
    onMissing.setOptions(options.clone());
    onMissing.buildClassifier(data);
    Lasso onFilled = new Lasso();
    onFilled.setOptions(options.clone());
    onFilled.buildClassifier(filled);

    // The same design matrix up to rounding in the mean: coefficients agree to 1e-9.
    assertArrayEquals(
        onFilled.getModel().coefficients(), onMissing.getModel().coefficients(), 1e-9);
    assertTrue(onMissing.getModel().nonZeroCount() > 0, "the comparison is not between zeros");
    // And a test instance with missing values is predicted as if filled with the training values.
    Instance probe = (Instance) data.instance(0).copy();
    probe.setMissing(data.attribute("duration"));
    probe.setMissing(data.attribute("pension"));
    Instance probeFilled = (Instance) probe.copy();
    replace.input(probeFilled);
    assertEquals(
        onFilled.classifyInstance(replace.output()), onMissing.classifyInstance(probe), 1e-9);
  }

  private static boolean hasMissing(Instances data) {
    for (Instance inst : data) {
      if (inst.hasMissingValue()) {
        return true;
      }
    }
    return false;
  }
}
