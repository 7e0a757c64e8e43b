package org.l1path.cli;

import java.nio.file.Path;
import java.util.List;
import org.l1path.solver.SelectionRule;

/**
 * The arguments of {@code predict}, parsed by hand as {@link FitArguments} parses fit's.
 *
 * @param model the model.json
 * @param input the CSV to predict
 * @param out the output CSV, or null for standard output
 * @param alpha the alpha to predict at, or NaN
 * @param rule the cross-validation rule to pick alpha by, or null
 * @param unseenAsZero whether a category never seen at fit time is encoded as all zeros
 * @param help whether usage was asked for
 */
record PredictArguments(
    Path model,
    String input,
    Path out,
    double alpha,
    SelectionRule rule,
    boolean unseenAsZero,
    boolean help) {

  static PredictArguments parse(List<String> args) {
    String model = null;
    String input = null;
    String out = null;
    double alpha = Double.NaN;
    SelectionRule rule = null;
    boolean unseenAsZero = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new PredictArguments(null, null, null, Double.NaN, null, false, true);
      }
      if (!arg.startsWith("--")) {
        input = once("input file", input, arg);
        continue;
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException("option --" + name + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "model" -> model = once("--model", model, value);
        case "input" -> input = once("input file", input, value);
        case "out" -> out = once("--out", out, value);
        case "alpha" -> alpha = alpha(value);
        case "rule" -> rule = rule(value);
        case "unseen" -> unseenAsZero = unseen(value);
        default ->
            throw new UsageException("unknown option --" + name + " (see l1path predict --help)");
      }
    }
    if (model == null) {
      throw new UsageException("no model: l1path predict --model DIR/model.json --input NEW.csv");
    }
    if (input == null) {
      throw new UsageException(
          "no input file: l1path predict --model DIR/model.json --input NEW.csv");
    }
    if (!Double.isNaN(alpha) && rule != null) {
      throw new UsageException("give --alpha or --rule, not both");
    }
    return new PredictArguments(
        Path.of(model), input, out == null ? null : Path.of(out), alpha, rule, unseenAsZero, false);
  }

  private static String once(String what, String previous, String value) {
    if (previous != null) {
      throw new UsageException(what + " given twice: '" + previous + "' and '" + value + "'");
    }
    if (value.isBlank()) {
      throw new UsageException(what + " needs a file name");
    }
    return value;
  }

  private static double alpha(String value) {
    double a;
    try {
      a = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      a = Double.NaN;
    }
    if (!(a > 0 && Double.isFinite(a))) {
      throw new UsageException("--alpha must be a positive number, got '" + value + "'");
    }
    return a;
  }

  private static SelectionRule rule(String value) {
    return switch (value.trim()) {
      case "min" -> SelectionRule.MIN;
      case "1se" -> SelectionRule.ONE_SE;
      default -> throw new UsageException("--rule must be min or 1se, got '" + value + "'");
    };
  }

  private static boolean unseen(String value) {
    return switch (value.trim()) {
      case "zero" -> true;
      case "error" -> false;
      default -> throw new UsageException("--unseen must be zero or error, got '" + value + "'");
    };
  }
}
