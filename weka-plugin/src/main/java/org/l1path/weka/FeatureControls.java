package org.l1path.weka;

import java.util.Map;
import weka.core.Range;

/**
 * glmnet's per-feature controls of one fit (penalty factors, lower and upper bounds): the {@code
 * -unpenalized}, {@code -penalty-factor}, {@code -lower} and {@code -upper} options of a {@link
 * PathOptions}, resolved against the data's attributes and spread over the features each encodes
 * to. The options themselves hold only the text; this needs the data.
 */
final class FeatureControls {
  private FeatureControls() {}

  /**
   * Penalty factors for the encoded features: 0 for features of attributes in the unpenalized
   * range, the {@code -penalty-factor} of the attribute a feature encodes, 1 otherwise; null when
   * neither option is given. The solver rescales them to sum to the number of features, as glmnet
   * does.
   *
   * @throws IllegalArgumentException naming the option when an attribute it names is not a
   *     predictor of the data, or is both unpenalized and given a factor
   */
  static double[] penaltyFactors(PathOptions options, InstancesEncoder encoder) {
    String unpenalized = options.getUnpenalized();
    Map<Integer, Double> factorOf =
        AttributeValues.byPredictor(
            PathOptions.PENALTY_FACTOR, options.getPenaltyFactors(), encoder);
    // Without features (only the class) there is nothing to weigh.
    if ((unpenalized.isEmpty() && factorOf.isEmpty()) || encoder.features() == 0) {
      return null;
    }
    boolean[] free = new boolean[encoder.predictors()];
    if (!unpenalized.isEmpty()) {
      Range range = new Range(unpenalized);
      try {
        range.setUpper(encoder.header().numAttributes() - 1);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "-unpenalized '" + unpenalized + "' is not a valid range: " + e.getMessage(), e);
      }
      for (int k = 0; k < free.length; k++) {
        free[k] = range.isInRange(encoder.attributeIndex(k));
      }
    }
    for (int k : factorOf.keySet()) {
      if (free[k]) {
        throw new IllegalArgumentException(
            "-"
                + PathOptions.PENALTY_FACTOR
                + ": attribute '"
                + encoder.header().attribute(encoder.attributeIndex(k)).name()
                + "' is also in -unpenalized (penalty factor 0); give it once");
      }
    }
    double[] factors = new double[encoder.features()];
    for (int k = 0; k < encoder.predictors(); k++) {
      double factor = free[k] ? 0.0 : factorOf.getOrDefault(k, 1.0);
      AttributeValues.fill(factors, encoder, k, factor);
    }
    return factors;
  }

  /**
   * The lower bound of every encoded feature on the original scale: the {@code -lower} limit of the
   * attribute it encodes, else 0 under {@code -positive}, else minus infinity; null when neither
   * {@code -lower} nor {@code -upper} is given (then {@link PathOptions#settings} carries {@code
   * -positive}).
   *
   * @throws IllegalArgumentException naming the option when an attribute it names is not a
   *     predictor of the data
   */
  static double[] lowerBounds(PathOptions options, InstancesEncoder encoder) {
    double otherwise = options.getPositive() ? 0.0 : Double.NEGATIVE_INFINITY;
    return bounds(options, PathOptions.LOWER, options.getLowerLimits(), otherwise, encoder);
  }

  /**
   * The upper bound of every encoded feature on the original scale: the {@code -upper} limit of the
   * attribute it encodes, else infinity; null when neither {@code -lower} nor {@code -upper} is
   * given.
   *
   * @throws IllegalArgumentException naming the option when an attribute it names is not a
   *     predictor of the data
   */
  static double[] upperBounds(PathOptions options, InstancesEncoder encoder) {
    return bounds(
        options, PathOptions.UPPER, options.getUpperLimits(), Double.POSITIVE_INFINITY, encoder);
  }

  private static double[] bounds(
      PathOptions options, String option, String text, double otherwise, InstancesEncoder encoder) {
    Map<Integer, Double> limitOf = AttributeValues.byPredictor(option, text, encoder);
    boolean neither = options.getLowerLimits().isEmpty() && options.getUpperLimits().isEmpty();
    if (neither || encoder.features() == 0) {
      return null;
    }
    double[] out = new double[encoder.features()];
    for (int k = 0; k < encoder.predictors(); k++) {
      AttributeValues.fill(out, encoder, k, limitOf.getOrDefault(k, otherwise));
    }
    return out;
  }
}
