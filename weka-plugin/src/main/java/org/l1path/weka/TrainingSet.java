package org.l1path.weka;

import java.util.ArrayList;
import java.util.List;
import org.l1path.solver.Dataset;
import org.l1path.solver.SparseFeatures;
import org.l1path.solver.Storage;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * Training instances as the solver sees them: the instances that count (class present, weight above
 * 0), the encoding learned from them, and the resulting dataset. A numeric class makes a gaussian
 * dataset; a nominal class makes a classification dataset whose classes are the class attribute's
 * values in their declared order (two values: binomial, for the second value; more: multinomial).
 *
 * @param instances the instances used, in their original order
 * @param encoder the encoding learned from {@code instances}
 * @param dataset the encoded features, class values and weights
 */
public record TrainingSet(Instances instances, InstancesEncoder encoder, Dataset dataset) {

  /** Prepares {@code data} for fitting, stored as its density decides ({@link Storage#AUTO}). */
  public static TrainingSet of(Instances data) {
    return of(data, Storage.AUTO);
  }

  /**
   * Prepares {@code data} for fitting. Instances with a missing class or weight 0 carry no
   * information for the fit and are left out; {@code data} itself is not modified. The features are
   * stored as {@code storage} asks ({@link InstancesEncoder#encodesSparse}); sparse, they go from
   * the instances' stored values to the solver's sparse storage without a dense matrix between.
   */
  public static TrainingSet of(Instances data, Storage storage) {
    Instances used = new Instances(data, data.numInstances());
    for (int i = 0; i < data.numInstances(); i++) {
      if (!data.instance(i).classIsMissing() && data.instance(i).weight() > 0) {
        used.add(data.instance(i));
      }
    }
    if (used.numInstances() == 0) {
      throw new IllegalArgumentException(
          "no training instance has a class value and a weight above 0");
    }
    InstancesEncoder encoder = InstancesEncoder.learn(used);
    double[] weights = InstancesEncoder.weights(used);
    List<String> names = encoder.featureNames();
    Attribute classAttribute = used.classAttribute();
    Dataset dataset;
    if (encoder.encodesSparse(used, storage)) {
      SparseFeatures x = encoder.sparseFeatures(used);
      dataset =
          classAttribute.isNominal()
              ? Dataset.ofSparseClasses(
                  x, classOfRow(used), classes(classAttribute), weights, names)
              : Dataset.ofSparse(x, InstancesEncoder.response(used), weights, names);
    } else {
      double[][] columns = encoder.columns(used);
      dataset =
          classAttribute.isNominal()
              ? Dataset.ofClasses(
                  columns, classOfRow(used), classes(classAttribute), weights, names)
              : Dataset.of(columns, InstancesEncoder.response(used), weights, names);
    }
    return new TrainingSet(used, encoder, dataset);
  }

  /** Whether the class is nominal, so that the model gives class probabilities. */
  public boolean isClassification() {
    return instances.classAttribute().isNominal();
  }

  /** A nominal attribute's values in their declared order. */
  public static List<String> classes(Attribute classAttribute) {
    List<String> out = new ArrayList<>(classAttribute.numValues());
    for (int v = 0; v < classAttribute.numValues(); v++) {
      out.add(classAttribute.value(v));
    }
    return out;
  }

  private static int[] classOfRow(Instances data) {
    int[] out = new int[data.numInstances()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) data.instance(i).classValue();
    }
    return out;
  }
}
