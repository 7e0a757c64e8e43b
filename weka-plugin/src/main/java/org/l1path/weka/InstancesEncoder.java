package org.l1path.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.l1path.solver.Family;
import org.l1path.solver.SparseFeatures;
import org.l1path.solver.Storage;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Turns Weka instances into solver features, with the rules learned from the training data: a
 * numeric or date attribute is one feature; a nominal attribute with k values is k indicator
 * features, one per value; a missing value is replaced by the attribute's weighted mean (numeric)
 * or weighted mode (nominal) in the training data. The class attribute is never a feature.
 *
 * <p>Encoding walks the values each instance stores ({@link StoredValues}), so sparse instances
 * (from sparse ARFF or {@code StringToWordVector}) cost their non-zeros, and can be encoded sparse
 * without a dense matrix ever being built.
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

  /**
   * Derived from the fields above on first use, also after a saved model is read, so it is not
   * saved and leaves the encoder's saved form as it was.
   */
  private transient StoredValues storedValues;

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
      } else {
        count[k] = 1;
        names.add(att.name());
      }
    }
    double[] fill = FillValues.of(train, source, nominal);
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

  /**
   * Whether {@code data} is to be encoded sparse ({@link #sparseFeatures}) rather than dense
   * ({@link #columns}): as {@code storage} says when it is forced; under {@link Storage#AUTO} as
   * the solver's own rule says for the encoded values' density ({@link Storage#resolve}). The
   * non-zeros are counted from the values the instances store, so that finding out builds no dense
   * matrix. Without features there is nothing to store, and the data is dense.
   */
  public boolean encodesSparse(Instances data, Storage storage) {
    if (features() == 0 || storage == Storage.DENSE) {
      return false;
    }
    if (storage == Storage.SPARSE) {
      return true;
    }
    long cells = (long) data.numInstances() * features();
    // The same expression as the solver's density, so that both decide alike at the boundary.
    double density = cells == 0 ? 0 : (double) storedValues().nonZeros(data) / (double) cells;
    Family family =
        data.classIndex() < 0 || !data.classAttribute().isNominal()
            ? Family.GAUSSIAN
            : data.classAttribute().numValues() == 2 ? Family.BINOMIAL : Family.MULTINOMIAL;
    return storage.resolve(density, family) == Storage.SPARSE;
  }

  /** The features of every instance, one array per feature. */
  public double[][] columns(Instances data) {
    return storedValues().columns(data);
  }

  /** The features of every instance, their non-zeros only: no dense matrix is built. */
  public SparseFeatures sparseFeatures(Instances data) {
    return storedValues().sparse(data);
  }

  /**
   * The features of one instance; a sparse instance costs its stored values (and the dense row).
   */
  public double[] row(Instance instance) {
    return storedValues().row(instance);
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

  /** The encoding of stored values; built on first use, also after a saved model is read. */
  private StoredValues storedValues() {
    StoredValues out = storedValues;
    if (out == null) {
      // Immutable, so a race only builds it twice.
      out = new StoredValues(this);
      storedValues = out;
    }
    return out;
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
