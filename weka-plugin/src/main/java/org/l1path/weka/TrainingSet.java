package org.l1path.weka;

import org.l1path.solver.Dataset;
import weka.core.Instances;

/**
 * Training instances as the solver sees them: the instances that count (class present, weight above
 * 0), the encoding learned from them, and the resulting dataset.
 *
 * @param instances the instances used, in their original order
 * @param encoder the encoding learned from {@code instances}
 * @param dataset the encoded features, class values and weights
 */
public record TrainingSet(Instances instances, InstancesEncoder encoder, Dataset dataset) {

  /**
   * Prepares {@code data} for fitting. Instances with a missing class or weight 0 carry no
   * information for the fit and are left out; {@code data} itself is not modified.
   */
  public static TrainingSet of(Instances data) {
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
    Dataset dataset =
        Dataset.of(
            encoder.columns(used),
            InstancesEncoder.response(used),
            InstancesEncoder.weights(used),
            encoder.featureNames());
    return new TrainingSet(used, encoder, dataset);
  }
}
