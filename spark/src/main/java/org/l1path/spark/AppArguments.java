package org.l1path.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l1path.job.FitRequest;

/**
 * FitApp's command line: {@code [fit] [--input] PATH [--out DIR] [--master URL] [--format
 * csv|parquet]} and {@code fit}'s options by their names ({@code --l1-ratio 0.5,1}, {@code --folds
 * 5}, …), which {@link FitRequest#fromOptions} checks as {@code fit} does.
 *
 * @param input a Hadoop path (file:, hdfs:, s3a:, or local)
 * @param out the output directory, a Hadoop path; {@code NAME-l1path} beside the working directory
 *     by default, as {@code fit} names it
 * @param master the Spark master, or null to take spark-submit's
 * @param format csv or parquet; by default parquet for a path ending in .parquet, else csv
 * @param options {@code fit}'s options by name, without {@code --}
 */
record AppArguments(
    String input, String out, String master, String format, Map<String, String> options) {

  static AppArguments parse(List<String> args) {
    Map<String, String> options = new LinkedHashMap<>();
    String input = null;
    String out = null;
    String master = null;
    String format = null;
    int start = !args.isEmpty() && args.get(0).equals("fit") ? 1 : 0;
    for (int i = start; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        input = once("input", input, arg);
        continue;
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("option --" + name + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "input" -> input = once("input", input, value);
        case "out" -> out = once("out", out, value);
        case "master" -> master = once("master", master, value);
        case "format" -> format = once("format", format, value.toLowerCase(Locale.ROOT));
        default -> {
          if (!FitRequest.OPTION_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown option --" + name);
          }
          if (options.put(name, value) != null) {
            throw new IllegalArgumentException("option --" + name + " given twice");
          }
        }
      }
    }
    if (input == null) {
      throw new IllegalArgumentException(
          "no input: l1path-spark fit --input PATH [--out DIR] [--master URL] [fit's options]");
    }
    if (format == null) {
      format = input.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv";
    }
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new IllegalArgumentException("--format must be csv or parquet, got " + format);
    }
    return new AppArguments(input, out != null ? out : defaultOut(input), master, format, options);
  }

  private static String once(String name, String current, String value) {
    if (current != null) {
      throw new IllegalArgumentException("--" + name + " given twice");
    }
    return value;
  }

  /**
   * {@code NAME-l1path} for input {@code …/NAME.csv}, {@code NAME.csv.gz} or {@code NAME.parquet}.
   */
  static String defaultOut(String input) {
    String name = input.replaceAll("/+$", "");
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    return (name.isEmpty() ? "input" : name) + "-l1path";
  }
}
