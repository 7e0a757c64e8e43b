package org.l1path.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l1path.job.FitRequest;

/**
 * The arguments of {@code fit}, parsed by hand: {@code --name value} or {@code --name=value}, the
 * job's options passed through by name, plus the command's own {@code --input}, {@code --out},
 * {@code --quiet} and {@code --help}.
 *
 * @param input the CSV file as given
 * @param out the output directory
 * @param options the job's options by name, without {@code --}
 * @param quiet whether to suppress progress
 * @param help whether usage was asked for
 */
record FitArguments(
    String input, Path out, Map<String, String> options, boolean quiet, boolean help) {

  static FitArguments parse(List<String> args) {
    Map<String, String> options = new LinkedHashMap<>();
    String input = null;
    String out = null;
    boolean quiet = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new FitArguments(null, null, Map.of(), false, true);
      }
      if (arg.equals("--quiet") || arg.equals("-q")) {
        quiet = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        if (input != null) {
          throw new UsageException("one input file only: got '" + input + "' and '" + arg + "'");
        }
        input = arg;
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
        case "input" -> {
          if (input != null) {
            throw new UsageException(
                "one input file only: got '" + input + "' and '" + value + "'");
          }
          input = value;
        }
        case "out" -> {
          if (out != null) {
            throw new UsageException("option --out given twice");
          }
          out = value;
        }
        default -> {
          if (!FitRequest.OPTION_NAMES.contains(name)) {
            throw new UsageException("unknown option --" + name + " (see l1path fit --help)");
          }
          if (options.put(name, value) != null) {
            throw new UsageException("option --" + name + " given twice");
          }
        }
      }
    }
    if (input == null) {
      throw new UsageException("no input file: l1path fit FILE.csv [options] (see --help)");
    }
    if (out != null && out.isBlank()) {
      throw new UsageException("option --out needs a directory name");
    }
    Path outDir = out != null ? Path.of(out) : defaultOut(input);
    return new FitArguments(input, outDir, options, quiet, false);
  }

  /** {@code ./NAME-l1path} for input {@code dir/NAME.csv} or {@code dir/NAME.csv.gz}. */
  static Path defaultOut(String input) {
    Path fileName = Path.of(input).getFileName();
    String name = fileName == null ? "input" : fileName.toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    return Path.of(name + "-l1path");
  }
}
