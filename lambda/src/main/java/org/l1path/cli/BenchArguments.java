package org.l1path.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l1path.bench.BenchConfig;

/**
 * The arguments of {@code bench}: {@code --name value} (or {@code --name=value}); {@code
 * --simulate} takes three values. Exactly one of {@code --simulate} and {@code --input}.
 *
 * @param simulate n, p and rho, or null when reading a file
 * @param seed the simulation's seed
 * @param input the CSV or svmlight file to read, or null when simulating
 * @param readOptions how to read {@code input}: the fit options {@code format}, {@code storage} and
 *     {@code family} by name, when given
 * @param writeCsv where to write the data as CSV, or null
 * @param coefficientsOut where to write the last fit's coefficients, or null
 * @param repeat how many timed fits; 0 only writes the CSV
 * @param help whether usage was asked for
 */
record BenchArguments(
    double[] simulate,
    long seed,
    String input,
    Map<String, String> readOptions,
    Path writeCsv,
    Path coefficientsOut,
    int repeat,
    BenchConfig config,
    boolean help) {

  static BenchArguments parse(List<String> args) {
    BenchConfig d = BenchConfig.defaults();
    double[] simulate = null;
    long seed = 1;
    String input = null;
    Map<String, String> readOptions = new LinkedHashMap<>();
    Path writeCsv = null;
    Path coefficientsOut = null;
    double l1Ratio = d.l1Ratio();
    int folds = d.folds();
    int repeat = d.repeat();
    double tol = d.tolerance();
    double[] alphas = null;
    int threads = d.threads();
    double budget = d.repeatBudgetSeconds();
    double warmup = d.warmupSeconds();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new BenchArguments(null, 0, null, Map.of(), null, null, 0, null, true);
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "' (see l1path bench --help)");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (seen.contains(name)) {
        throw new UsageException("option --" + name + " given twice");
      }
      seen.add(name);
      if (name.equals("simulate")) {
        if (value != null || i + 3 >= args.size()) {
          throw new UsageException("option --simulate needs three values: N P RHO");
        }
        simulate =
            new double[] {
              positiveInt("simulate N", args.get(++i)),
              positiveInt("simulate P", args.get(++i)),
              number("simulate RHO", args.get(++i))
            };
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException("option --" + name + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "seed" -> seed = (long) wholeNumber("seed", value, Long.MIN_VALUE);
        case "input" -> input = value;
        case "format", "storage", "family" -> readOptions.put(name, value);
        case "write-csv" -> writeCsv = Path.of(value);
        case "coefficients-out" -> coefficientsOut = Path.of(value);
        case "l1-ratio" -> l1Ratio = number("l1-ratio", value);
        case "folds" -> folds = (int) wholeNumber("folds", value, 0);
        case "repeat" -> repeat = (int) wholeNumber("repeat", value, 0);
        case "tol" -> tol = number("tol", value);
        case "alphas-file" -> alphas = alphasFile(value);
        case "threads" -> threads = positiveInt("threads", value);
        case "repeat-budget" -> budget = number("repeat-budget", value);
        case "warmup" -> warmup = number("warmup", value);
        default ->
            throw new UsageException("unknown option --" + name + " (see l1path bench --help)");
      }
    }
    if ((simulate == null) == (input == null)) {
      throw new UsageException("give exactly one of --simulate N P RHO and --input FILE.csv");
    }
    if (input == null && !readOptions.isEmpty()) {
      throw new UsageException(
          "--" + readOptions.keySet().iterator().next() + " applies to --input, not --simulate");
    }
    if (repeat == 0 && writeCsv == null) {
      throw new UsageException("--repeat 0 only writes data: it needs --write-csv FILE");
    }
    BenchConfig config;
    try {
      config =
          new BenchConfig(
              l1Ratio, folds, Math.max(repeat, 1), tol, alphas, threads, budget, warmup);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new BenchArguments(
        simulate,
        seed,
        input,
        Map.copyOf(readOptions),
        writeCsv,
        coefficientsOut,
        repeat,
        config,
        false);
  }

  private static double number(String option, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + option + " must be a number, got '" + value + "'");
    }
  }

  private static long wholeNumber(String option, String value, long min) {
    try {
      long v = Long.parseLong(value.trim());
      if (v < min) {
        throw new UsageException(
            String.format(Locale.ROOT, "option --%s must be at least %d, got %d", option, min, v));
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException(
          "option --" + option + " must be a whole number, got '" + value + "'");
    }
  }

  private static int positiveInt(String option, String value) {
    long v = wholeNumber(option, value, 1);
    if (v > Integer.MAX_VALUE) {
      throw new UsageException("option --" + option + " is too large: " + v);
    }
    return (int) v;
  }

  /** One alpha per line; blank lines are skipped. */
  private static double[] alphasFile(String file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliIoException.of("cannot read --alphas-file " + file, e);
    }
    List<Double> alphas = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k).trim();
      if (line.isEmpty()) {
        continue;
      }
      double a;
      try {
        a = Double.parseDouble(line);
      } catch (NumberFormatException e) {
        a = Double.NaN;
      }
      if (!(a >= 0 && a < Double.POSITIVE_INFINITY)) {
        throw new UsageException(
            String.format(
                Locale.ROOT,
                "--alphas-file %s: line %d: '%s' is not a finite alpha >= 0",
                file,
                k + 1,
                line));
      }
      alphas.add(a);
    }
    if (alphas.isEmpty()) {
      throw new UsageException("--alphas-file " + file + " holds no alphas");
    }
    return alphas.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
