package org.l1path.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Family;
import org.l1path.solver.FitSpec;
import org.l1path.solver.FoldAssignment;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;
import org.l1path.solver.Storage;

/**
 * Turns option text, by name (the command line's, the Lambda's settings), into a {@link
 * FitRequest}: each value parsed, each default filled in. The request checks the values' ranges and
 * combinations.
 */
final class FitOptionsParser {
  private FitOptionsParser() {}

  /** See {@link FitRequest#fromOptions}. */
  static FitRequest parse(Map<String, String> options) {
    for (String name : options.keySet()) {
      if (!FitRequest.OPTION_NAMES.contains(name)) {
        throw new OptionException("unknown option '" + name + "'");
      }
    }
    Map<String, String> o = new LinkedHashMap<>(options);
    if (o.containsKey("alphas")
        && (o.containsKey("num-alphas") || o.containsKey("alpha-min-ratio"))) {
      throw OptionException.invalid(
          "alphas",
          o.get("alphas"),
          "give either alphas or num-alphas / alpha-min-ratio, not both");
    }
    return new FitRequest(
        name(o, "target"),
        name(o, "weights"),
        o.containsKey("l1-ratio") ? doubles(o, "l1-ratio") : new double[] {1.0},
        o.containsKey("alphas") ? doubles(o, "alphas") : null,
        o.containsKey("num-alphas") ? integer(o, "num-alphas") : AlphaGrid.DEFAULT_COUNT,
        o.containsKey("alpha-min-ratio") ? number(o, "alpha-min-ratio") : Double.NaN,
        o.containsKey("folds") ? integer(o, "folds") : CvSettings.DEFAULT_FOLDS,
        o.containsKey("fold-assignment")
            ? assignment(o.get("fold-assignment"))
            : FoldAssignment.RANDOM,
        name(o, "fold-column"),
        o.containsKey("seed") ? longInteger(o, "seed") : 1L,
        o.containsKey("rule") ? rule(o.get("rule")) : SelectionRule.MIN,
        !o.containsKey("standardize") || bool(o, "standardize"),
        !o.containsKey("intercept") || bool(o, "intercept"),
        o.containsKey("tol") ? number(o, "tol") : Settings.DEFAULT_TOLERANCE,
        o.containsKey("max-iter") ? integer(o, "max-iter") : Settings.DEFAULT_MAX_ITERATIONS,
        o.containsKey("missing") ? missing(o.get("missing")) : MissingPolicy.MEAN,
        o.containsKey("family") ? family(o.get("family")) : null,
        o.containsKey("measure") ? measure(o.get("measure")) : CvMeasure.AUTO,
        o.containsKey("unpenalized") ? names(o, "unpenalized") : List.of(),
        o.containsKey("positive") && bool(o, "positive"),
        new FeatureControls(
            columnValues(o, FeatureControls.PENALTY_FACTOR),
            columnValues(o, FeatureControls.LOWER),
            columnValues(o, FeatureControls.UPPER)),
        o.containsKey("encoding") ? TextInput.charset(o.get("encoding")) : null,
        gammas(o),
        o.containsKey("format") ? InputFormat.parse(o.get("format")) : null,
        o.containsKey("storage") ? storage(o.get("storage")) : Storage.AUTO);
  }

  private static String name(Map<String, String> o, String option) {
    String value = o.get(option);
    if (value == null) {
      return null;
    }
    FitRequest.requireName(option, value);
    return value.trim();
  }

  /** Comma-separated column names, trimmed (the constructor checks them). */
  private static List<String> names(Map<String, String> o, String option) {
    List<String> out = new ArrayList<>();
    for (String part : o.get(option).split(",", -1)) {
      out.add(part.trim());
    }
    return out;
  }

  /** The relaxed fit's gammas: null unless relax is true; glmnet's five unless gamma is given. */
  private static double[] gammas(Map<String, String> o) {
    boolean relax = o.containsKey("relax") && bool(o, "relax");
    if (!relax) {
      if (o.containsKey("gamma")) {
        throw OptionException.invalid(
            "gamma", o.get("gamma"), "gamma applies to a relaxed fit; add relax true");
      }
      return null;
    }
    if (o.containsKey("gamma")) {
      return doubles(o, "gamma");
    }
    return o.containsKey("folds") && integer(o, "folds") == 0
        ? new double[] {0}
        : FitSpec.defaultGammas();
  }

  private static Map<String, Double> columnValues(Map<String, String> o, String option) {
    return o.containsKey(option) ? FeatureControls.parse(option, o.get(option)) : Map.of();
  }

  private static double number(Map<String, String> o, String option) {
    return parseNumber(option, o.get(option), o.get(option));
  }

  private static double parseNumber(String option, String value, String whole) {
    double d = plainNumber(value);
    if (Double.isNaN(d)) {
      throw OptionException.invalid(option, whole, "'" + value + "' is not a finite number");
    }
    return d;
  }

  /**
   * The finite number a value spells in plain decimal or exponent notation (surrounding blanks
   * ignored), or NaN for anything else: Java's {@code NaN}, {@code Infinity}, hex and {@code d}/
   * {@code f} suffixes are not option values.
   */
  static double plainNumber(String value) {
    String t = value.trim();
    try {
      double d = Double.parseDouble(t);
      if (Double.isFinite(d) && t.chars().allMatch(c -> "0123456789+-.eE".indexOf(c) >= 0)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // not a number: NaN below
    }
    return Double.NaN;
  }

  private static double[] doubles(Map<String, String> o, String option) {
    String whole = o.get(option);
    String[] parts = whole.split(",", -1);
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = parseNumber(option, parts[i], whole);
    }
    return out;
  }

  private static int integer(Map<String, String> o, String option) {
    try {
      return Integer.parseInt(o.get(option).trim());
    } catch (NumberFormatException e) {
      throw OptionException.invalid(option, o.get(option), "not a whole number");
    }
  }

  private static long longInteger(Map<String, String> o, String option) {
    try {
      return Long.parseLong(o.get(option).trim());
    } catch (NumberFormatException e) {
      throw OptionException.invalid(option, o.get(option), "not a whole number");
    }
  }

  private static boolean bool(Map<String, String> o, String option) {
    String v = o.get(option).trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw OptionException.invalid(option, o.get(option), "must be true or false");
    };
  }

  private static FoldAssignment assignment(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "random" -> FoldAssignment.RANDOM;
      case "contiguous" -> FoldAssignment.CONTIGUOUS;
      default ->
          throw OptionException.invalid("fold-assignment", value, "must be random or contiguous");
    };
  }

  private static SelectionRule rule(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "min" -> SelectionRule.MIN;
      case "1se" -> SelectionRule.ONE_SE;
      default -> throw OptionException.invalid("rule", value, "must be min or 1se");
    };
  }

  private static MissingPolicy missing(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "error" -> MissingPolicy.ERROR;
      case "drop" -> MissingPolicy.DROP;
      case "mean" -> MissingPolicy.MEAN;
      default -> throw OptionException.invalid("missing", value, "must be error, drop or mean");
    };
  }

  private static Storage storage(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> Storage.AUTO;
      case "dense" -> Storage.DENSE;
      case "sparse" -> Storage.SPARSE;
      default -> throw OptionException.invalid("storage", value, "must be auto, dense or sparse");
    };
  }

  private static Family family(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("auto")) {
      return null;
    }
    try {
      return Family.parse(v);
    } catch (IllegalArgumentException e) {
      throw OptionException.invalid(
          "family", value, "must be auto, gaussian, binomial or multinomial");
    }
  }

  private static CvMeasure measure(String value) {
    try {
      return CvMeasure.parse(value);
    } catch (IllegalArgumentException e) {
      throw OptionException.invalid("measure", value, "must be auto, deviance, class, auc or mse");
    }
  }
}
