package org.l1path.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The {@code attribute=value} lists of {@code -penalty-factor}, {@code -lower} and {@code -upper}:
 * parsed and checked, resolved to the data's predictor attributes, and spread over the features
 * each attribute encodes to.
 */
final class AttributeValues {
  private AttributeValues() {}

  /** Sets every feature that encodes predictor {@code k} (each indicator of a nominal one). */
  static void fill(double[] perFeature, InstancesEncoder encoder, int k, double value) {
    int first = encoder.firstFeature(k);
    Arrays.fill(perFeature, first, first + encoder.featureCount(k), value);
  }

  /**
   * The values of an {@code attribute=value} list by predictor index (see {@link
   * InstancesEncoder#attributeIndex}), in the order given.
   *
   * @throws IllegalArgumentException naming the option and the attribute when the list is
   *     malformed, or names an attribute that does not exist or is the class
   */
  static Map<Integer, Double> byPredictor(String option, String text, InstancesEncoder encoder) {
    Map<Integer, Double> out = new LinkedHashMap<>();
    Instances header = encoder.header();
    for (Map.Entry<String, Double> e : parse(option, text).entrySet()) {
      Attribute attribute = header.attribute(e.getKey());
      if (attribute == null) {
        throw new IllegalArgumentException(
            "-" + option + ": no attribute named '" + e.getKey() + "'; " + attributeList(header));
      }
      if (attribute.index() == header.classIndex()) {
        throw new IllegalArgumentException(
            "-"
                + option
                + ": attribute '"
                + e.getKey()
                + "' is the class, not a predictor attribute");
      }
      for (int k = 0; k < encoder.predictors(); k++) {
        if (encoder.attributeIndex(k) == attribute.index()) {
          out.put(k, e.getValue());
        }
      }
    }
    return out;
  }

  /** "the attributes are: a, b, c", at most 20 of them named. */
  private static String attributeList(Instances header) {
    List<String> names = new ArrayList<>();
    for (int a = 0; a < header.numAttributes() && names.size() < 20; a++) {
      names.add(header.attribute(a).name());
    }
    return "the attributes are: "
        + String.join(", ", names)
        + (header.numAttributes() > names.size()
            ? ", ... (" + header.numAttributes() + " in all)"
            : "");
  }

  /**
   * Parses {@code option}'s list {@code name=value,name=value} (empty: none) into attribute name to
   * value, in the order given. The last {@code =} of an item separates the attribute's name, which
   * may itself hold {@code =}, from its value; blanks around either are ignored. A factor must be
   * finite and {@code >= 0}, a lower limit finite and {@code <= 0}, an upper limit finite and
   * {@code >= 0}.
   *
   * @param option {@code penalty-factor}, {@code lower} or {@code upper}
   * @throws IllegalArgumentException naming the option and the item at fault
   */
  static Map<String, Double> parse(String option, String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String part : text.split(",", -1)) {
      String item = part.trim();
      int eq = item.lastIndexOf('=');
      String name = eq < 0 ? "" : item.substring(0, eq).trim();
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "-"
                + option
                + ": '"
                + item
                + "' is not attribute=value (for example "
                + example(option)
                + ")");
      }
      String value = item.substring(eq + 1).trim();
      double number;
      try {
        number =
            value.chars().allMatch(c -> "0123456789+-.eE".indexOf(c) >= 0)
                ? Double.parseDouble(value)
                : Double.NaN;
      } catch (NumberFormatException e) {
        number = Double.NaN;
      }
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException(
            "-" + option + ": '" + item + "': '" + value + "' is not a finite number");
      }
      String requirement =
          switch (option) {
            case PathOptions.LOWER -> number <= 0 ? null : "the lower limit must be <= 0";
            case PathOptions.UPPER -> number >= 0 ? null : "the upper limit must be >= 0";
            default -> number >= 0 ? null : "the penalty factor must be >= 0";
          };
      if (requirement != null) {
        throw new IllegalArgumentException("-" + option + ": '" + item + "': " + requirement);
      }
      if (out.put(name, number) != null) {
        throw new IllegalArgumentException(
            "-" + option + ": '" + item + "': attribute '" + name + "' is given twice");
      }
    }
    return out;
  }

  private static String example(String option) {
    return switch (option) {
      case PathOptions.LOWER -> "age=-0.5";
      case PathOptions.UPPER -> "age=2";
      default -> "age=0.5";
    };
  }
}
