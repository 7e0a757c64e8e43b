package org.l1path.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.l1path.solver.Dataset;

/**
 * The training data of an svmlight file: the labels are the target, index k is the feature named
 * {@code f<k>}, and the design is stored sparse. The file has no named columns, so the options that
 * name the target, the weights or the fold ids do not apply; the per-feature controls ({@code
 * unpenalized}, {@code penalty-factor}, {@code lower}, {@code upper}) name features {@code f<k>}.
 */
final class SvmlightTraining {
  /** The target's name in messages and model.json: what svmlight calls each line's first value. */
  static final String TARGET = "label";

  private SvmlightTraining() {}

  /** The name of the feature at 1-based file index {@code index}. */
  static String featureName(int index) {
    return "f" + index;
  }

  /** The index k of a feature name {@code f<k>} as {@link #featureName} spells it, else -1. */
  static int indexOf(String name) {
    if (name.length() < 2 || name.charAt(0) != 'f') {
      return -1;
    }
    try {
      int k = Integer.parseInt(name.substring(1));
      return k >= 1 && name.equals(featureName(k)) ? k : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Builds the training data, or fails with a message naming the option or feature at fault.
   *
   * @throws InputException when the request names columns, or the labels do not fit the family
   */
  static TrainingData prepare(SvmlightData data, FitRequest request) {
    String source = data.source();
    refuseColumn(source, "target", request.target(), "the target is each line's label");
    refuseColumn(source, "weights", request.weights(), "svmlight lines carry no weights");
    refuseColumn(source, "fold-column", request.foldColumn(), "svmlight lines carry no fold ids");
    int p = data.features().features();
    List<String> names = new ArrayList<>(p);
    for (int j = 1; j <= p; j++) {
      names.add(featureName(j));
    }
    FeatureControls controls = request.controls();
    double[] factors = null;
    if (!request.unpenalized().isEmpty() || !controls.penaltyFactors().isEmpty()) {
      factors = new double[p];
      Arrays.fill(factors, 1.0);
      fill(source, factors, controls.penaltyFactors(), "penalty-factor", p);
      for (String name : request.unpenalized()) {
        factors[position(source, name, "unpenalized", p)] = 0;
      }
    }
    double[] lower = null;
    double[] upper = null;
    if (controls.bounded()) {
      lower = new double[p];
      upper = new double[p];
      Arrays.fill(lower, request.positive() ? 0 : Double.NEGATIVE_INFINITY);
      Arrays.fill(upper, Double.POSITIVE_INFINITY);
      fill(source, lower, controls.lower(), "lower", p);
      fill(source, upper, controls.upper(), "upper", p);
    }
    Dataset dataset =
        Response.sparseDataset(
            source,
            new Column.Numeric(TARGET, data.labels(), false),
            request,
            data.features(),
            names);
    // An absent index is a 0, so a missing value in a CSV predicted with this model is one too.
    double fill = request.missing() == MissingPolicy.MEAN ? 0 : Double.NaN;
    List<Encoding.Input> inputs = new ArrayList<>(p);
    for (String name : names) {
      inputs.add(new Encoding.Numeric(name, fill));
    }
    return new TrainingData(
        dataset,
        null,
        TARGET,
        p + 1,
        data.rows(),
        0,
        0,
        factors,
        lower,
        upper,
        new Encoding(request.missing(), inputs));
  }

  private static void refuseColumn(String source, String option, String value, String why) {
    if (value != null) {
      throw new InputException(
          String.format(
              "%s: %s '%s' names a column, but an svmlight file has none: %s",
              source, option, value, why));
    }
  }

  private static void fill(
      String source, double[] out, Map<String, Double> byName, String option, int p) {
    for (Map.Entry<String, Double> e : byName.entrySet()) {
      out[position(source, e.getKey(), option, p)] = e.getValue();
    }
  }

  /** The design position of feature {@code f<k>}, given as {@code option}. */
  private static int position(String source, String name, String option, int p) {
    int index = indexOf(name);
    if (index < 1 || index > p) {
      throw new InputException(
          String.format(
              "%s: no feature named '%s' (given as %s); the features of an svmlight file are"
                  + " f1 to f%d, named by index",
              source, name, option, p));
    }
    return index - 1;
  }
}
