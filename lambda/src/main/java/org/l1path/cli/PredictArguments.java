package org.l1path.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.l1path.job.PredictChoice;

/**
 * The arguments of {@code predict}, parsed by hand as {@link FitArguments} parses fit's.
 *
 * @param model the model.json
 * @param input the CSV or svmlight file to predict
 * @param out the output CSV, or null for standard output
 * @param choice the model of the path to predict with, and the unseen-category policy
 * @param help whether usage was asked for
 */
record PredictArguments(Path model, String input, Path out, PredictChoice choice, boolean help) {

  static PredictArguments parse(List<String> args) {
    String model = null;
    String input = null;
    String out = null;
    Map<String, String> choices = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new PredictArguments(null, null, null, PredictChoice.DEFAULT, true);
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
        case "alpha", "rule", "gamma", "unseen", "encoding", "format" -> choices.put(name, value);
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
    return new PredictArguments(
        Path.of(model),
        input,
        out == null ? null : Path.of(out),
        PredictChoice.fromOptions(choices),
        false);
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
}
