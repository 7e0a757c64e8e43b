package org.l1path.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.l1path.solver.SparseFeatures;
import weka.core.Instance;
import weka.core.Instances;

/**
 * An encoder's rules applied to the values each instance stores, so that encoding costs what the
 * data holds rather than instances x attributes. A {@code SparseInstance} (sparse ARFF, {@code
 * StringToWordVector}) stores its non-zeros and its missing values only; an attribute it does not
 * store is 0, which for a nominal attribute is its first value. A dense instance stores every
 * value, and the same walk gives the same features.
 *
 * <p>Missing values are stored, so the training mean or mode fills exactly the cells it fills in
 * dense data: a sparse column stays as sparse as its missing values allow.
 */
final class StoredValues {
  private final InstancesEncoder encoder;

  /** The predictor each dataset attribute is, or -1 for the class. */
  private final int[] predictorOf;

  /**
   * The nominal predictors that have values, ascending: an instance that does not store one has its
   * first value, a non-zero indicator.
   */
  private final int[] nominals;

  StoredValues(InstancesEncoder encoder) {
    this.encoder = encoder;
    this.predictorOf = new int[encoder.header().numAttributes()];
    Arrays.fill(predictorOf, -1);
    List<Integer> nominal = new ArrayList<>();
    for (int k = 0; k < encoder.predictors(); k++) {
      predictorOf[encoder.attributeIndex(k)] = k;
      if (encoder.isNominal(k) && encoder.featureCount(k) > 0) {
        nominal.add(k);
      }
    }
    this.nominals = nominal.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Writes the non-zero features of {@code instance} to {@code features} and {@code values},
   * features ascending, each array at least {@link InstancesEncoder#predictors()} long (a predictor
   * gives at most one non-zero); returns how many there are.
   */
  int encode(Instance instance, int[] features, double[] values) {
    int count = 0;
    int next = 0; // the first nominal predictor not yet passed
    for (int t = 0; t < instance.numValues(); t++) {
      int k = predictorOf[instance.index(t)];
      if (k < 0) {
        continue;
      }
      // Nominal predictors before k that the instance does not store: their first value.
      for (; next < nominals.length && nominals[next] < k; next++) {
        features[count] = encoder.firstFeature(nominals[next]);
        values[count++] = 1.0;
      }
      if (next < nominals.length && nominals[next] == k) {
        next++;
      }
      double v = instance.isMissingSparse(t) ? encoder.fillValue(k) : instance.valueSparse(t);
      if (encoder.isNominal(k)) {
        // A missing value of an attribute never observed in training has fill -1: no indicator.
        if (v >= 0) {
          features[count] = encoder.firstFeature(k) + (int) v;
          values[count++] = 1.0;
        }
      } else if (v != 0) {
        features[count] = encoder.firstFeature(k);
        values[count++] = v;
      }
    }
    for (; next < nominals.length; next++) {
      features[count] = encoder.firstFeature(nominals[next]);
      values[count++] = 1.0;
    }
    return count;
  }

  /** The features of one instance, dense. */
  double[] row(Instance instance) {
    int[] features = new int[encoder.predictors()];
    double[] values = new double[encoder.predictors()];
    int count = encode(instance, features, values);
    double[] out = new double[encoder.features()];
    for (int t = 0; t < count; t++) {
      out[features[t]] = values[t];
    }
    return out;
  }

  /** The features of every instance, one array per feature. */
  double[][] columns(Instances data) {
    int n = data.numInstances();
    double[][] columns = new double[encoder.features()][n];
    int[] features = new int[encoder.predictors()];
    double[] values = new double[encoder.predictors()];
    for (int i = 0; i < n; i++) {
      int count = encode(data.instance(i), features, values);
      for (int t = 0; t < count; t++) {
        columns[features[t]][i] = values[t];
      }
    }
    return columns;
  }

  /** The features of every instance, their non-zeros only. */
  SparseFeatures sparse(Instances data) {
    SparseFeatures.Builder builder = SparseFeatures.builder(encoder.features());
    int[] features = new int[encoder.predictors()];
    double[] values = new double[encoder.predictors()];
    for (int i = 0; i < data.numInstances(); i++) {
      builder.addRow(features, values, encode(data.instance(i), features, values));
    }
    return builder.build();
  }

  /** How many features of {@code data} are not 0. */
  long nonZeros(Instances data) {
    int[] features = new int[encoder.predictors()];
    double[] values = new double[encoder.predictors()];
    long count = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      count += encode(data.instance(i), features, values);
    }
    return count;
  }
}
