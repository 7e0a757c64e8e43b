package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l1path.job.FitJob;
import org.l1path.job.FitRequest;
import org.l1path.solver.ElasticNet;

/** {@code l1path fit} end to end in-process: every documented output key and file, and the text. */
class FitCommandTest {
  @TempDir Path tmp;
  private Path data;

  /** 80 rows: y depends on a, b and the colour; c is noise; a few values are missing. */
  @BeforeEach
  void writeData() throws IOException {
    Random random = new Random(7);
    String[] colours = {"red", "green", "blue"};
    StringBuilder sb = new StringBuilder("a,b,c,colour,y\n");
    for (int i = 0; i < 80; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      double c = random.nextGaussian();
      String colour = colours[i % 3];
      double y = 3 * a - 2 * b + (colour.equals("red") ? 1.5 : 0) + 0.3 * random.nextGaussian();
      String aText = i == 5 ? "NA" : Double.toString(a);
      String yText = i == 9 || i == 17 ? "" : Double.toString(y);
      sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", aText, b, c, colour, yText));
    }
    data = tmp.resolve("data.csv");
    Files.writeString(data, sb);
  }

  private Path out() {
    return tmp.resolve("out");
  }

  private JsonNode model() {
    return Reference.json(out().resolve("model.json"));
  }

  @Test
  void crossValidatedFitWritesEveryDocumentedKey() throws IOException {
    Cli run = Cli.run("fit", data.toString(), "--out", out().toString(), "--folds", "5");
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    JsonNode m = model();
    assertEquals(
        List.of(
            "schema",
            "version",
            "input",
            "target",
            "features",
            "encoding",
            "family",
            "settings",
            "alpha",
            "l1_ratio",
            "gamma",
            "intercept",
            "coefficients",
            "selected",
            "converged",
            "path",
            "relaxed",
            "cv",
            "timing_ms",
            "files"),
        names(m));
    assertTrue(m.get("gamma").isNull(), "not relaxed");
    assertTrue(m.get("relaxed").isNull(), "not relaxed");
    assertEquals(
        List.of("coefficients.csv", "cv.csv", "path.svg", "cv.svg"), names(m.get("files")));
    for (String file : names(m.get("files"))) {
      JsonNode entry = m.get("files").get(file);
      assertEquals(Files.size(out().resolve(file)), entry.get("bytes").asLong(), file);
      assertEquals(64, entry.get("sha256").asText().length(), file);
    }
    assertEquals("l1path-model/1", m.get("schema").asText());
    assertEquals("0.1.0", m.get("version").asText());
    assertEquals(data.toString(), m.get("input").get("name").asText());
    assertEquals(78, m.get("input").get("rows").asInt());
    assertEquals(5, m.get("input").get("columns").asInt());
    assertEquals(2, m.get("input").get("rows_dropped").asInt(), "two rows have no target");
    assertEquals("y", m.get("target").asText());
    assertEquals(
        List.of("a", "b", "c", "colour=blue", "colour=green", "colour=red"),
        texts(m.get("features")));
    JsonNode encoding = m.get("encoding");
    assertEquals(4, encoding.size(), "one entry per feature column");
    assertEquals("a", encoding.get(0).get("column").asText());
    assertEquals("numeric", encoding.get(0).get("type").asText());
    assertTrue(encoding.get(0).get("fill").isNumber(), "missing=mean records the mean");
    JsonNode colour = encoding.get(3);
    assertEquals("categorical", colour.get("type").asText());
    assertEquals(List.of("blue", "green", "red"), texts(colour.get("levels")));
    assertTrue(texts(colour.get("levels")).contains(colour.get("fill").asText()));
    assertEquals("gaussian", m.get("family").asText());
    assertEquals(
        List.of(
            "l1_ratio",
            "standardize",
            "fit_intercept",
            "unpenalized",
            "positive",
            "relax",
            "gamma",
            "penalty_factor",
            "lower",
            "upper",
            "tol",
            "max_iter",
            "seed",
            "alphas",
            "num_alphas",
            "alpha_min_ratio",
            "weights",
            "missing",
            "encoding",
            "format",
            "storage"),
        names(m.get("settings")));
    assertTrue(m.get("settings").get("alpha_min_ratio").isNull(), "NaN (the default) is null");
    assertEquals(6, m.get("coefficients").size());
    assertTrue(m.get("converged").asBoolean());

    JsonNode path = m.get("path");
    assertEquals(
        List.of(
            "l1_ratio",
            "alphas",
            "feature_scales",
            "intercepts",
            "coefficients",
            "nonzero",
            "dev_ratio",
            "duality_gap",
            "iterations",
            "converged",
            "solve_stop",
            "stop_reason"),
        names(path));
    int count = path.get("alphas").size();
    assertEquals(100, count, "the default grid");
    assertEquals(6, path.get("feature_scales").size(), "one scale per feature");
    for (String key : List.of("intercepts", "coefficients", "nonzero", "dev_ratio", "solve_stop")) {
      assertEquals(count, path.get(key).size(), key);
    }
    assertEquals(6, path.get("coefficients").get(count - 1).size());
    assertEquals("completed", path.get("stop_reason").asText());

    JsonNode cv = m.get("cv");
    assertEquals(
        List.of(
            "folds",
            "fold_assignment",
            "fold_column",
            "seed",
            "measure",
            "l1_ratios",
            "gammas",
            "alphas",
            "mean_error",
            "std_error",
            "alpha_min",
            "alpha_1se",
            "l1_ratio_best",
            "gamma_best",
            "rule"),
        names(cv));
    assertEquals(5, cv.get("folds").asInt());
    assertEquals("random", cv.get("fold_assignment").asText());
    assertEquals("mse", cv.get("measure").asText());
    assertTrue(cv.get("alphas").get(0).isArray(), "two-dimensional even for one ratio");
    assertTrue(cv.get("mean_error").get(0).isArray());
    assertTrue(cv.get("std_error").get(0).isArray());
    assertEquals(cv.get("alpha_min").asDouble(), m.get("alpha").asDouble(), 0.0, "rule min");
    assertEquals(List.of("read", "fit"), names(m.get("timing_ms")));

    // The model recovers the signal: a, b and colour=red are selected, a and b first.
    List<String> selected = texts(m.get("selected"));
    assertEquals(List.of("a", "b"), selected.subList(0, 2));
    assertTrue(selected.contains("colour=red"), selected.toString());

    assertTrue(run.out().contains("data.csv: 78 rows (2 dropped), 6 features, target 'y'"));
    assertTrue(run.out().contains("chosen by 5-fold cross-validation, rule min"), run.out());
    assertTrue(
        run.out()
            .contains(
                "wrote " + out() + " (model.json, coefficients.csv, cv.csv, path.svg, cv.svg)"));
  }

  @Test
  void coefficientsCsvAndCvCsvAgreeWithModelJson() throws IOException {
    Cli run = Cli.run("fit", data.toString(), "--out", out().toString(), "--num-alphas", "20");
    assertEquals(0, run.status(), run.err());
    JsonNode m = model();
    List<String> coefficients = Files.readAllLines(out().resolve("coefficients.csv"));
    assertEquals("feature,coefficient,standardized_coefficient", coefficients.get(0));
    assertEquals(7, coefficients.size());
    Map<String, Double> standardized = new HashMap<>();
    for (String line : coefficients.subList(1, coefficients.size())) {
      String[] f = line.split(",");
      assertEquals(m.get("coefficients").get(f[0]).asDouble(), Double.parseDouble(f[1]), 0.0);
      standardized.put(f[0], Math.abs(Double.parseDouble(f[2])));
    }
    List<String> selected = texts(m.get("selected"));
    for (int i = 1; i < selected.size(); i++) {
      assertTrue(
          standardized.get(selected.get(i - 1)) >= standardized.get(selected.get(i)),
          "selected is ordered by decreasing |standardized coefficient|: " + selected);
    }
    for (String feature : texts(m.get("features"))) {
      assertEquals(
          m.get("coefficients").get(feature).asDouble() != 0,
          selected.contains(feature),
          feature + " is selected exactly when non-zero");
    }
    List<String> cv = Files.readAllLines(out().resolve("cv.csv"));
    assertEquals("l1_ratio,alpha,mean_error,std_error,nonzero,measure", cv.get(0));
    assertEquals(21, cv.size());
    String[] first = cv.get(1).split(",");
    assertEquals(m.get("cv").get("alphas").get(0).get(0).asDouble(), Double.parseDouble(first[1]));
    assertEquals("0", first[4], "nothing is selected at alpha_max");
  }

  @Test
  void severalRatiosAreSearchedOnTheSameFolds() {
    Cli run =
        Cli.run(
            "fit",
            data.toString(),
            "--out",
            out().toString(),
            "--l1-ratio",
            "0.2,1",
            "--num-alphas",
            "30",
            "--folds",
            "4",
            "--fold-assignment",
            "contiguous",
            "--rule",
            "1se");
    assertEquals(0, run.status(), run.err());
    JsonNode cv = model().get("cv");
    assertEquals(2, cv.get("l1_ratios").size());
    assertEquals(2, cv.get("alphas").size());
    assertEquals(30, cv.get("mean_error").get(1).size());
    assertEquals("contiguous", cv.get("fold_assignment").asText());
    assertEquals("1se", cv.get("rule").asText());
    double best = cv.get("l1_ratio_best").asDouble();
    assertEquals(best, model().get("l1_ratio").asDouble(), 0.0);
    assertEquals(best, model().get("path").get("l1_ratio").asDouble(), 0.0);
    assertEquals(cv.get("alpha_1se").asDouble(), model().get("alpha").asDouble(), 0.0);
  }

  @Test
  void unpenalizedColumnsAreInTheModelAtEveryAlpha() {
    Cli run =
        Cli.run(
            "fit",
            data.toString(),
            "--out",
            out().toString(),
            "--folds",
            "0",
            "--unpenalized",
            "c,colour");
    assertEquals(0, run.status(), run.err());
    JsonNode m = model();
    assertEquals(List.of("c", "colour"), texts(m.get("settings").get("unpenalized")));
    // At the largest alpha every penalized coefficient is 0; c and each colour level are not.
    JsonNode first = m.get("path").get("coefficients").get(0);
    List<String> features = texts(m.get("features"));
    for (int j = 0; j < features.size(); j++) {
      double b = first.get(j).asDouble();
      boolean unpenalized = features.get(j).equals("c") || features.get(j).startsWith("colour=");
      assertEquals(unpenalized, b != 0, features.get(j) + " = " + b);
    }
  }

  @Test
  void positiveKeepsEveryCoefficientAtZeroOrAbove() {
    // b's effect is -2: unconstrained it is negative, constrained it stays at 0.
    Cli run = Cli.run("fit", data.toString(), "--out", out().toString(), "--positive", "true");
    assertEquals(0, run.status(), run.err());
    JsonNode m = model();
    assertTrue(m.get("settings").get("positive").asBoolean());
    assertEquals(0.0, m.get("coefficients").get("b").asDouble(), 0.0);
    for (JsonNode alpha : m.get("path").get("coefficients")) {
      for (JsonNode b : alpha) {
        assertTrue(b.asDouble() >= 0, alpha.toString());
      }
    }
    assertTrue(m.get("coefficients").get("a").asDouble() > 2.5, m.get("coefficients").toString());
  }

  @Test
  void boundsApplyToEveryIndicatorAndLowerOverridesPositiveForItsColumns() {
    // b's effect is -2: --positive holds it at 0 unless --lower gives it room, down to -0.5.
    Cli run =
        Cli.run(
            "fit",
            data.toString(),
            "--out",
            out().toString(),
            "--folds",
            "0",
            "--positive",
            "true",
            "--lower",
            "b=-0.5",
            "--upper",
            "a=1,colour=0.25",
            "--penalty-factor",
            "c=0");
    assertEquals(0, run.status(), run.err());
    JsonNode m = model();
    assertEquals(-0.5, m.get("settings").get("lower").get("b").asDouble(), 0.0);
    assertEquals(0.0, m.get("settings").get("penalty_factor").get("c").asDouble(), 0.0);
    List<String> features = texts(m.get("features"));
    JsonNode last = m.get("path").get("coefficients").get(m.get("path").get("alphas").size() - 1);
    assertEquals(-0.5, last.get(features.indexOf("b")).asDouble(), 0.0, "b sits at its bound");
    assertEquals(1.0, last.get(features.indexOf("a")).asDouble(), 0.0, "a sits at its bound");
    for (JsonNode alpha : m.get("path").get("coefficients")) {
      for (int j = 0; j < features.size(); j++) {
        double b = alpha.get(j).asDouble();
        String f = features.get(j);
        double lower = f.equals("b") ? -0.5 : 0;
        double upper = f.equals("a") ? 1 : f.startsWith("colour=") ? 0.25 : Double.MAX_VALUE;
        assertTrue(b >= lower && b <= upper, f + " = " + b);
      }
      assertTrue(alpha.get(features.indexOf("c")).asDouble() != 0, "c is unpenalized");
    }
  }

  @Test
  void aColumnGivenTwiceOrNotAFeatureIsRefused() {
    Cli both =
        Cli.run(
            "fit",
            data.toString(),
            "--out",
            out().toString(),
            "--unpenalized",
            "c",
            "--penalty-factor",
            "c=2");
    assertEquals(2, both.status());
    assertTrue(
        both.err().contains("column 'c' is also unpenalized (penalty factor 0); give it once"),
        both.err());
    Cli target = Cli.run("fit", data.toString(), "--out", out().toString(), "--upper", "y=1");
    assertEquals(2, target.status());
    assertTrue(target.err().contains("column 'y' (given as upper) is the target"), target.err());
  }

  @Test
  void anUnpenalizedColumnMustBeAFeature() {
    Cli target = Cli.run("fit", data.toString(), "--out", out().toString(), "--unpenalized", "y");
    assertEquals(2, target.status());
    assertEquals(
        "l1path: "
            + data
            + ": column 'y' (given as unpenalized) is the target, the weights or the fold ids, not"
            + " a feature\n",
        target.err());
    Cli missing =
        Cli.run("fit", data.toString(), "--out", out().toString(), "--unpenalized", "a,d");
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("no column named 'd' (given as unpenalized)"), missing.err());
  }

  @Test
  void aRelaxedFitChoosesGammaWithAlphaAndWritesTheRefits() throws IOException {
    Cli run =
        Cli.run(
            "fit", data.toString(), "--out", out().toString(), "--folds", "5", "--relax", "true");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains(", relaxed gamma = "), run.out());
    JsonNode m = model();
    assertTrue(m.get("settings").get("relax").asBoolean());
    assertEquals(5, m.get("settings").get("gamma").size(), "glmnet's five gammas");
    double gamma = m.get("gamma").asDouble();
    assertEquals(gamma, m.get("cv").get("gamma_best").asDouble(), 0.0);
    assertEquals(5, m.get("cv").get("gammas").size(), "one curve per gamma");
    JsonNode relaxed = m.get("relaxed");
    assertEquals(List.of("intercepts", "coefficients", "dev_ratio", "converged"), names(relaxed));
    int chosen = -1;
    JsonNode alphas = m.get("path").get("alphas");
    for (int k = 0; k < alphas.size(); k++) {
      chosen = alphas.get(k).asDouble() == m.get("alpha").asDouble() ? k : chosen;
    }
    // The model is gamma x lasso + (1 - gamma) x refit, coefficient by coefficient.
    List<String> features = texts(m.get("features"));
    for (int j = 0; j < features.size(); j++) {
      double lasso = m.get("path").get("coefficients").get(chosen).get(j).asDouble();
      double refit = relaxed.get("coefficients").get(chosen).get(j).asDouble();
      assertEquals(
          gamma * lasso + (1 - gamma) * refit,
          m.get("coefficients").get(features.get(j)).asDouble(),
          1e-12 * (1 + Math.abs(refit)),
          features.get(j));
      assertEquals(lasso == 0, refit == 0, "the refit keeps the lasso's support");
    }
    List<String> cvCsv = Files.readAllLines(out().resolve("cv.csv"));
    assertEquals("l1_ratio,gamma,alpha,mean_error,std_error,nonzero,measure", cvCsv.get(0));
    assertEquals(1 + 5 * alphas.size(), cvCsv.size(), "a row per gamma and alpha");
  }

  @Test
  void relaxWithoutCrossValidationRefitsTheLastAlphaUnlessAGammaIsGiven() {
    Cli refit =
        Cli.run(
            "fit", data.toString(), "--out", out().toString(), "--folds", "0", "--relax", "true");
    assertEquals(0, refit.status(), refit.err());
    assertEquals(0.0, model().get("gamma").asDouble(), 0.0);
    Cli several =
        Cli.run(
            "fit",
            data.toString(),
            "--out",
            out().toString(),
            "--folds",
            "0",
            "--relax",
            "true",
            "--gamma",
            "0,1");
    assertEquals(2, several.status());
    assertTrue(several.err().contains("choosing among several gammas needs cross-validation"));
    Cli alone = Cli.run("fit", data.toString(), "--out", out().toString(), "--gamma", "0.5");
    assertEquals(2, alone.status());
    assertTrue(alone.err().contains("gamma applies to a relaxed fit; add relax true"));
  }

  @Test
  void aSecondRunIntoTheSameDirectoryLeavesOnlyItsOwnFiles() throws java.io.IOException {
    assertEquals(0, Cli.run("fit", data.toString(), "--out", out().toString()).status());
    assertTrue(Files.exists(out().resolve("cv.csv")));
    Files.writeString(out().resolve("notes.txt"), "mine");

    Cli second = Cli.run("fit", data.toString(), "--out", out().toString(), "--folds", "0");

    assertEquals(0, second.status(), second.err());
    try (var files = Files.list(out())) {
      assertEquals(
          List.of("coefficients.csv", "model.json", "notes.txt", "path.svg"),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "the first run's cv.csv and cv.svg are gone; a file that is not a result stays");
    }
  }

  @Test
  void withoutCrossValidationTheModelIsTheSmallestAlpha() {
    Cli run =
        Cli.run(
            "fit",
            data.toString(),
            "--out",
            out().toString(),
            "--folds",
            "0",
            "--alphas",
            "0.5,0.01,0.1");
    assertEquals(0, run.status(), run.err());
    JsonNode m = model();
    assertTrue(m.get("cv").isNull());
    assertFalse(Files.exists(out().resolve("cv.csv")));
    assertEquals(0.01, m.get("alpha").asDouble(), 0.0);
    assertEquals(List.of(0.5, 0.1, 0.01), doubles(m.get("path").get("alphas")));
    assertTrue(run.out().contains("the smallest alpha on the path (no cross-validation)"));
  }

  @Test
  void nonConvergenceIsAWarningNotAFailure() {
    Cli run =
        Cli.run(
            "fit",
            data.toString(),
            "--out",
            out().toString(),
            "--folds",
            "0",
            "--max-iter",
            "1",
            "--tol",
            "1e-12",
            "--num-alphas",
            "10");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.err().startsWith("l1path: warning: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    JsonNode m = model();
    assertFalse(m.get("converged").asBoolean());
    boolean anyFalse = false;
    for (JsonNode c : m.get("path").get("converged")) {
      anyFalse |= !c.asBoolean();
    }
    assertTrue(anyFalse);
  }

  /**
   * The README's example with a tolerance it cannot reach: the solver logs one warning per alpha
   * that did not converge, in the full-data path and in every fold, and the closing line counts
   * them all.
   */
  @Test
  void nonConvergenceSummaryCountsEveryWarning() {
    Logger solver = Logger.getLogger(ElasticNet.class.getName());
    AtomicInteger logged = new AtomicInteger();
    Handler counter =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
              logged.incrementAndGet();
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    solver.addHandler(counter);
    Cli run;
    try {
      run =
          Cli.run(
              "fit",
              Reference.csv("diabetes").toString(),
              "--out",
              out().toString(),
              "--tol",
              "1e-12",
              "--max-iter",
              "2");
    } finally {
      solver.removeHandler(counter);
    }
    assertEquals(0, run.status(), run.err());
    Matcher m =
        Pattern.compile(
                "l1path: warning: (\\d+) of (\\d+) alpha fits did not converge \\(full-data path:"
                    + " (\\d+) of (\\d+) alphas; cross-validation folds: (\\d+) of (\\d+)"
                    + " fold-alphas\\); model.json has \"converged\": (true|false), .*\n")
            .matcher(run.err());
    assertTrue(m.matches(), run.err());
    int[] n = new int[7];
    for (int g = 1; g <= 6; g++) {
      n[g] = Integer.parseInt(m.group(g));
    }
    assertEquals(logged.get(), n[1], "as many as the solver's warning lines");
    assertEquals(n[1], n[3] + n[5]);
    assertEquals(n[2], n[4] + n[6]);
    assertEquals(10 * n[4], n[6], "10 folds, each on the full-data path's alphas");
    assertTrue(n[5] > 0, run.err());
    JsonNode m2 = model();
    int falses = 0;
    for (JsonNode c : m2.get("path").get("converged")) {
      falses += c.asBoolean() ? 0 : 1;
    }
    assertEquals(falses, n[3], "the full-data path's count is model.json's");
    assertEquals(m2.get("path").get("alphas").size(), n[4]);
    assertEquals(m2.get("converged").asBoolean(), Boolean.parseBoolean(m.group(7)));
  }

  @Test
  void gzipInputAndTheEqualsSyntax() throws IOException {
    Path gz = tmp.resolve("data.csv.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(Files.readAllBytes(data));
    }
    Cli run = Cli.run("fit", "--input=" + gz, "--out=" + out(), "--folds=3", "--missing=drop");
    assertEquals(0, run.status(), run.err());
    JsonNode m = model();
    assertEquals(77, m.get("input").get("rows").asInt());
    assertEquals(3, m.get("input").get("rows_dropped").asInt(), "2 without target, 1 missing a");
    assertEquals("drop", m.get("settings").get("missing").asText());
  }

  @Test
  void theSameSeedGivesTheSameFolds() throws IOException {
    Cli.run("fit", data.toString(), "--out", out().toString(), "--seed", "42");
    JsonNode first = model().get("cv").get("mean_error");
    Cli.run("fit", data.toString(), "--out", out().toString(), "--seed", "42");
    assertEquals(first, model().get("cv").get("mean_error"));
    Cli.run("fit", data.toString(), "--out", out().toString(), "--seed", "43");
    assertFalse(first.equals(model().get("cv").get("mean_error")));
  }

  @Test
  void helpGoesToStdout() {
    Cli main = Cli.run("--help");
    assertEquals(0, main.status());
    assertEquals(Usage.MAIN, main.out());
    Cli fit = Cli.run("fit", "--help");
    assertEquals(0, fit.status());
    assertEquals(Usage.FIT, fit.out());
    assertEquals("", fit.err());
    for (String option : FitRequest.OPTION_NAMES) {
      assertTrue(Usage.FIT.contains("--" + option + " "), option + " is documented");
    }
    Cli version = Cli.run("--version");
    assertEquals("l1path 0.1.0\n", version.out());
  }

  /** FitJob.FILES is what a fit writes (FitJobTest checks it); the help names each of them. */
  @Test
  void helpNamesEveryFileTheJobWrites() {
    String help = Cli.run("fit", "--help").out();
    for (String file : FitJob.FILES) {
      assertTrue(help.contains(file), file + " is named in fit --help");
    }
  }

  @Test
  void summaryNumbersAreShort() {
    assertEquals("1.31644", FitCommand.brief(1.3164388382842693));
    assertEquals("1", FitCommand.brief(1.0));
    assertEquals("0.5", FitCommand.brief(0.5));
    assertEquals("2.5e-07", FitCommand.brief(2.5e-7));
    assertEquals("1e-19", FitCommand.brief(1e-19));
    assertEquals("120", FitCommand.brief(120));
  }

  @Test
  void defaultOutputDirectoryDropsTheExtensions() {
    assertEquals(Path.of("diabetes-l1path"), FitArguments.defaultOut("examples/diabetes.csv"));
    assertEquals(Path.of("sales-l1path"), FitArguments.defaultOut("/x/sales.csv.gz"));
    assertEquals(Path.of("data.v2-l1path"), FitArguments.defaultOut("data.v2.csv"));
    assertEquals(Path.of("plain-l1path"), FitArguments.defaultOut("plain"));
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asDouble()));
    return out;
  }
}
