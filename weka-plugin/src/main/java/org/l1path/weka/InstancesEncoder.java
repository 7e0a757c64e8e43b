package org.l1path.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Turns Weka instances into solver features, with the rules learned from the training data: a
 * numeric or date attribute is one feature; a nominal attribute with k values is k indicator
 * features, one per value; a missing value is replaced by the attribute's weighted mean (numeric)
 * or weighted mode (nominal) in the training data. The class attribute is never a feature.
 */
public final class InstancesEncoder implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Instances header;
  private final int[] sourceAttribute;
  private final int[] firstFeature;
  private final int[] featureCount;
  private final boolean[] nominal;
  private final double[] fill;
  private final List<String> featureNames;

  private InstancesEncoder(
      Instances header,
      int[] sourceAttribute,
      int[] firstFeature,
      int[] featureCount,
      boolean[] nominal,
      double[] fill,
      List<String> featureNames) {
    this.header = header;
    this.sourceAttribute = sourceAttribute;
    this.firstFeature = firstFeature;
    this.featureCount = featureCount;
    this.nominal = nominal;
    this.fill = fill;
    this.featureNames = featureNames;
  }

  /**
   * Learns the encoding from training data.
   *
   * @param train instances with a class set; not modified
   * @throws IllegalArgumentException if a predictor is neither numeric, date nor nominal
   */
  public static InstancesEncoder learn(Instances train) {
    int classIndex = train.classIndex();
    List<Integer> attributes = new ArrayList<>();
    for (int a = 0; a < train.numAttributes(); a++) {
      if (a == classIndex) {
        continue;
      }
      Attribute att = train.attribute(a);
      if (!att.isNumeric() && !att.isNominal()) {
        throw new IllegalArgumentException(
            "attribute '"
                + att.name()
                + "' is "
                + Attribute.typeToString(att)
                + "; only numeric, date and nominal attributes can be used");
      }
      attributes.add(a);
    }
    int m = attributes.size();
    int[] source = new int[m];
    int[] first = new int[m];
    int[] count = new int[m];
    boolean[] nominal = new boolean[m];
    double[] fill = new double[m];
    List<String> names = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      int a = attributes.get(k);
      Attribute att = train.attribute(a);
      source[k] = a;
      first[k] = names.size();
      nominal[k] = att.isNominal();
      if (nominal[k]) {
        count[k] = att.numValues();
        for (int v = 0; v < att.numValues(); v++) {
          names.add(att.name() + "=" + att.value(v));
        }
        fill[k] = weightedMode(train, a);
      } else {
        count[k] = 1;
        names.add(att.name());
        fill[k] = weightedMean(train, a);
      }
    }
    return new InstancesEncoder(
        new Instances(train, 0), source, first, count, nominal, fill, List.copyOf(names));
  }

  /** The training data's header (no rows). */
  public Instances header() {
    return header;
  }

  /** The solver feature names: attribute names, and {@code name=value} for indicators. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** How many solver features there are. */
  public int features() {
    return featureNames.size();
  }

  /** How many predictor attributes there are (every attribute but the class). */
  public int predictors() {
    return sourceAttribute.length;
  }

  /** The dataset index of predictor {@code k}. */
  public int attributeIndex(int k) {
    return sourceAttribute[k];
  }

  /** The solver features that encode predictor {@code k}: {@code [first, first + count)}. */
  public int firstFeature(int k) {
    return firstFeature[k];
  }

  /** How many solver features encode predictor {@code k}. */
  public int featureCount(int k) {
    return featureCount[k];
  }

  /** Whether predictor {@code k} is nominal (encoded as one indicator per value). */
  public boolean isNominal(int k) {
    return nominal[k];
  }

  /** The value that replaces a missing value of predictor {@code k} (a mean, or a value index). */
  public double fillValue(int k) {
    return fill[k];
  }

  /** The features of every instance, one array per feature. */
  public double[][] columns(Instances data) {
    int n = data.numInstances();
    double[][] columns = new double[features()][n];
    for (int k = 0; k < sourceAttribute.length; k++) {
      for (int i = 0; i < n; i++) {
        double v = value(data.instance(i), k);
        if (!nominal[k]) {
          columns[firstFeature[k]][i] = v;
        } else if (v >= 0) {
          columns[firstFeature[k] + (int) v][i] = 1.0;
        }
      }
    }
    return columns;
  }

  /** The features of one instance. */
  public double[] row(Instance instance) {
    double[] out = new double[features()];
    for (int k = 0; k < sourceAttribute.length; k++) {
      double v = value(instance, k);
      if (!nominal[k]) {
        out[firstFeature[k]] = v;
      } else if (v >= 0) {
        out[firstFeature[k] + (int) v] = 1.0;
      }
    }
    return out;
  }

  /** The class values, in instance order. */
  public static double[] response(Instances data) {
    double[] y = new double[data.numInstances()];
    for (int i = 0; i < y.length; i++) {
      y[i] = data.instance(i).classValue();
    }
    return y;
  }

  /** The instance weights, or null when every weight is 1. */
  public static double[] weights(Instances data) {
    double[] w = new double[data.numInstances()];
    boolean allOne = true;
    for (int i = 0; i < w.length; i++) {
      w[i] = data.instance(i).weight();
      allOne &= w[i] == 1.0;
    }
    return allOne ? null : w;
  }

  /** Predictor {@code k}'s value in {@code instance}, with a missing value replaced. */
  private double value(Instance instance, int k) {
    int a = sourceAttribute[k];
    return instance.isMissing(a) ? fill[k] : instance.value(a);
  }

  /** The weighted mean of the observed values; 0 when none are observed. */
  private static double weightedMean(Instances data, int a) {
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      if (!inst.isMissing(a)) {
        sum += inst.weight() * inst.value(a);
        weight += inst.weight();
      }
    }
    return weight > 0 ? sum / weight : 0.0;
  }

  /**
   * The index of the value with the largest total weight (the first on ties); -1 when none is
   * observed, which leaves every indicator at 0.
   */
  private static double weightedMode(Instances data, int a) {
    double[] counts = new double[data.attribute(a).numValues()];
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      if (!inst.isMissing(a)) {
        counts[(int) inst.value(a)] += inst.weight();
      }
    }
    int best = -1;
    for (int v = 0; v < counts.length; v++) {
      if (counts[v] > 0 && (best < 0 || counts[v] > counts[best])) {
        best = v;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "InstancesEncoder["
        + predictors()
        + " attributes -> "
        + features()
        + " features, fill="
        + Arrays.toString(fill)
        + "]";
  }
}
