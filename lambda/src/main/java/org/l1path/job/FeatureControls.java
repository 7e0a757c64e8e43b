package org.l1path.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * glmnet's {@code penalty.factor}, {@code lower.limits} and {@code upper.limits}, by column name: a
 * column's value applies to every feature it expands to (each indicator of a categorical column).
 * Columns not named keep factor 1 and no bound. Bounds are on the data's original scale.
 *
 * @param penaltyFactors column to penalty factor, each finite and {@code >= 0} (0: unpenalized)
 * @param lower column to lower limit, each finite and {@code <= 0}
 * @param upper column to upper limit, each finite and {@code >= 0}
 */
public record FeatureControls(
    Map<String, Double> penaltyFactors, Map<String, Double> lower, Map<String, Double> upper) {

  /** No factor or bound on any column. */
  public static final FeatureControls NONE = new FeatureControls(Map.of(), Map.of(), Map.of());

  /** The option names, as the command line spells them. */
  static final String PENALTY_FACTOR = "penalty-factor";

  static final String LOWER = "lower";
  static final String UPPER = "upper";

  public FeatureControls {
    penaltyFactors = checked(PENALTY_FACTOR, penaltyFactors, "must be finite and >= 0", 1);
    lower = checked(LOWER, lower, "must be finite and <= 0 (glmnet's lower.limits)", -1);
    upper = checked(UPPER, upper, "must be finite and >= 0 (glmnet's upper.limits)", 1);
  }

  /** Whether any column has a bound. */
  public boolean bounded() {
    return !lower.isEmpty() || !upper.isEmpty();
  }

  /**
   * Parses {@code column=value,column=value}; the last {@code =} of each part separates the name
   * (which may itself hold {@code =}) from the value.
   *
   * @throws OptionException naming the option and the part at fault
   */
  static Map<String, Double> parse(String option, String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      int eq = part.lastIndexOf('=');
      String column = eq < 0 ? "" : part.substring(0, eq).trim();
      if (eq < 0 || column.isEmpty()) {
        throw OptionException.invalid(
            option, text, "'" + part.trim() + "' is not column=value (for example age=0.5)");
      }
      String value = part.substring(eq + 1).trim();
      double number = FitOptionsParser.plainNumber(value);
      if (Double.isNaN(number)) {
        throw OptionException.invalid(
            option, text, "'" + value + "' (for column '" + column + "') is not a finite number");
      }
      if (out.put(column, number) != null) {
        throw OptionException.invalid(option, text, "column '" + column + "' is given twice");
      }
    }
    return out;
  }

  /** Copies in order, refusing an empty name or a value of the wrong sign. */
  private static Map<String, Double> checked(
      String option, Map<String, Double> values, String requirement, int sign) {
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double v = e.getValue();
      FitRequest.requireName(option, e.getKey());
      if (!Double.isFinite(v) || (sign > 0 ? v < 0 : v > 0)) {
        throw OptionException.invalid(
            option, e.getKey() + "=" + FitRequest.text(v), "the value " + requirement);
      }
      copy.put(e.getKey(), v);
    }
    return Collections.unmodifiableMap(copy);
  }
}
