package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l1path.job.SavedModel;
import org.l1path.solver.SelectionRule;

/**
 * {@code l1path predict} and {@code show} as a user runs them after {@code fit}, on the bundled
 * examples; what docs/fit.md shows of them is checked against what they print.
 */
class PredictCommandTest {
  private static final Path EXAMPLES = Path.of("../examples");

  @TempDir Path tmp;
  private String docs;

  @BeforeEach
  void readDocs() throws IOException {
    docs = Files.readString(Path.of("../docs/fit.md"));
  }

  private Path fit(String example, String... options) {
    Path out = tmp.resolve(example + "-l1path");
    String[] args = new String[4 + options.length];
    args[0] = "fit";
    args[1] = EXAMPLES.resolve(example + ".csv").toString();
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    Cli run = Cli.run(args);
    assertEquals(0, run.status(), run.err());
    return out.resolve("model.json");
  }

  /** Asserts that docs/fit.md shows these lines, one after another. */
  private void documented(String lines) {
    assertTrue(docs.contains(lines), "docs/fit.md shows:\n" + lines);
  }

  /**
   * As {@link #documented} for printed predictions, whose last digits follow the solver's rounding:
   * the docs show lines with the same words and separators, and numbers within 1e-9.
   */
  private void documentedToDigits(String lines) {
    List<String> wanted = lines.lines().toList();
    List<String> shown = docs.lines().toList();
    for (int at = 0; at + wanted.size() <= shown.size(); at++) {
      boolean all = true;
      for (int k = 0; k < wanted.size() && all; k++) {
        all = sameToDigits(wanted.get(k), shown.get(at + k));
      }
      if (all) {
        return;
      }
    }
    throw new AssertionError("docs/fit.md shows, to 1e-9:\n" + lines);
  }

  private static boolean sameToDigits(String a, String b) {
    String[] x = a.split(",", -1);
    String[] y = b.split(",", -1);
    if (x.length != y.length) {
      return false;
    }
    for (int t = 0; t < x.length; t++) {
      if (x[t].equals(y[t])) {
        continue;
      }
      try {
        double u = Double.parseDouble(x[t]);
        if (Math.abs(u - Double.parseDouble(y[t])) > 1e-9 * Math.max(1, Math.abs(u))) {
          return false;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theDocumentedRegressionExamplePredictsAndScores() throws IOException {
    Path model = fit("diabetes");
    Path predictions = tmp.resolve("predictions.csv");
    Cli run =
        Cli.run(
            "predict",
            "--model",
            model.toString(),
            "--input",
            EXAMPLES.resolve("diabetes.csv").toString(),
            "--out",
            predictions.toString());
    assertEquals(0, run.status(), run.err());
    List<String> lines = Files.readAllLines(predictions);
    assertEquals(443, lines.size());
    documentedToDigits(String.join("\n", lines.subList(0, 3)));
    assertEquals("scored 442 of 442 rows: mse 2891.82, r2 0.512332\n", run.out());
    documented(run.out());
  }

  @Test
  void theDocumentedRelaxedExampleChoosesGammaAndPredictsAtAnother() {
    documented(
        "java -jar lambda/target/l1path.jar fit examples/diabetes.csv --relax true --out"
            + " relaxed\n");
    Path out = tmp.resolve("relaxed");
    Cli fit =
        Cli.run(
            "fit",
            EXAMPLES.resolve("diabetes.csv").toString(),
            "--relax",
            "true",
            "--out",
            out.toString());
    assertEquals(0, fit.status(), fit.err());
    documented(fit.out().lines().toList().get(1) + "\n");
    documented(
        "java -jar lambda/target/l1path.jar predict --model relaxed/model.json --input"
            + " examples/diabetes.csv --gamma 0\n");
    Cli predict =
        Cli.run(
            "predict",
            "--model",
            out.resolve("model.json").toString(),
            "--input",
            EXAMPLES.resolve("diabetes.csv").toString(),
            "--gamma",
            "0");
    assertEquals(0, predict.status(), predict.err());
    documented(predict.err());
    Cli plain =
        Cli.run(
            "predict",
            "--model",
            fit("diabetes").toString(),
            "--gamma",
            "0",
            EXAMPLES.resolve("diabetes.csv").toString());
    assertEquals(2, plain.status());
    assertTrue(plain.err().contains("gamma applies to a relaxed fit"), plain.err());
  }

  @Test
  void theDocumentedClassificationExamplePrintsProbabilities() {
    Path model = fit("binomial", "--measure", "auc");
    Cli run =
        Cli.run(
            "predict", "--model", model.toString(), EXAMPLES.resolve("binomial.csv").toString());
    assertEquals(0, run.status(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals(101, lines.length);
    documentedToDigits(lines[0] + "\n" + lines[1] + "\n" + lines[2]);
    assertTrue(run.err().startsWith("scored 100 of 100 rows: deviance "), run.err());
  }

  @Test
  void showMarksTheChosenAlphaAndListsTheCoefficientsAsDocumented() {
    Path model = fit("diabetes");
    Cli run = Cli.run("show", model.toString());
    assertEquals(0, run.status(), run.err());
    String out = run.out();
    assertTrue(
        out.startsWith(model + ": gaussian model of 'progression', l1 ratio 1, 10 features"));
    String[] lines = out.split("\n");
    assertEquals("          Df    %Dev        alpha", lines[2]);
    assertEquals("    1      0    0.00       45.160", lines[3]);
    documented(lines[2] + "\n" + lines[3] + "\n");
    long chosen = out.lines().filter(l -> l.endsWith("<- chosen, alpha_min")).count();
    assertEquals(1, chosen);
    for (String line : out.lines().filter(l -> l.contains("<-")).toList()) {
      documented(line + "\n");
    }
    String coefficients = out.substring(out.indexOf("Elastic-net model"));
    documented(coefficients);
  }

  @Test
  void showAtAnAlphaOrRulePrintsThatModelsCoefficients() throws IOException {
    Path model = fit("diabetes");
    SavedModel saved = SavedModel.read(model);
    Cli at = Cli.run("show", model.toString(), "--alpha", "3");
    assertEquals(0, at.status(), at.err());
    assertTrue(at.out().contains("At alpha 3.0000 (asked for with --alpha):\n"), at.out());
    assertTrue(at.out().endsWith(saved.model(3.0).toString()), at.out());
    Cli rule = Cli.run("show", model.toString(), "--rule", "1se");
    assertEquals(0, rule.status(), rule.err());
    assertTrue(rule.out().endsWith(saved.model(SelectionRule.ONE_SE).toString()), rule.out());
    Cli bad = Cli.run("show", model.toString(), "--alpha", "1e9");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("is outside the path"), bad.err());
  }

  @Test
  void anAlphaOutsideThePathOrARuleWithoutCrossValidationIsAUsageError() {
    Path model = fit("diabetes", "--folds", "0");
    String input = EXAMPLES.resolve("diabetes.csv").toString();
    Cli outside = Cli.run("predict", "--model", model.toString(), input, "--alpha", "1e6");
    assertEquals(2, outside.status());
    assertTrue(outside.err().contains("alpha 1.00000e+06 is outside the path"), outside.err());
    Cli rule = Cli.run("predict", "--model", model.toString(), input, "--rule", "1se");
    assertEquals(2, rule.status());
    assertTrue(rule.err().contains("fitted without cross-validation"), rule.err());
    Cli missing = Cli.run("predict", "--model", tmp.resolve("nope.json").toString(), input);
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
  }

  @Test
  void aMalformedChoiceIsAUsageErrorNamingTheOptionAndValue() {
    Path model = fit("diabetes", "--folds", "0");
    String input = EXAMPLES.resolve("diabetes.csv").toString();
    String[][] cases = {
      {"--alpha", "-1", "invalid alpha '-1': must be a positive number"},
      {"--alpha", "NaN", "invalid alpha 'NaN': must be a positive number"},
      {"--rule", "best", "invalid rule 'best': must be min or 1se"},
      {"--unseen", "skip", "invalid unseen 'skip': must be zero or error"},
    };
    for (String[] c : cases) {
      Cli run = Cli.run("predict", "--model", model.toString(), input, c[0], c[1]);
      assertEquals(2, run.status(), run.err());
      assertTrue(run.err().contains(c[2]), run.err());
    }
    Cli both =
        Cli.run("predict", "--model", model.toString(), input, "--alpha", "1", "--rule", "min");
    assertEquals(2, both.status());
    assertTrue(both.err().contains("give alpha or rule, not both"), both.err());
  }

  @Test
  void formatOverridesTheNameInBothDirections() throws IOException {
    Path out = tmp.resolve("sparse-l1path");
    String svm = EXAMPLES.resolve("sparse.svm").toString();
    Cli fit = Cli.run("fit", svm, "--family", "binomial", "--folds", "0", "--out", out.toString());
    assertEquals(0, fit.status(), fit.err());
    String model = out.resolve("model.json").toString();
    Cli byName = Cli.run("predict", "--model", model, svm);
    assertEquals(0, byName.status(), byName.err());
    assertEquals(151, byName.out().lines().count(), "the header and 150 rows");

    // The same lines under a name that says nothing: CSV unless --format svmlight says otherwise.
    Path text = tmp.resolve("sparse.txt");
    Files.copy(EXAMPLES.resolve("sparse.svm"), text);
    Cli asCsv = Cli.run("predict", "--model", model, text.toString());
    assertEquals(2, asCsv.status(), asCsv.err());
    for (String format : List.of("svmlight", "SVMlight ")) {
      Cli asSvmlight = Cli.run("predict", "--model", model, text.toString(), "--format", format);
      assertEquals(0, asSvmlight.status(), asSvmlight.err());
      assertEquals(byName.out(), asSvmlight.out());
      assertEquals(byName.err(), asSvmlight.err(), "the labels are scored as by name");
    }
    assertEquals(byName.out(), Cli.run("predict", "--model", model, svm, "--format=auto").out());

    // --format csv reads a .svm name as CSV: its comment line is the header, without the model's
    // columns.
    Cli svmAsCsv = Cli.run("predict", "--model", model, svm, "--format", "csv");
    assertEquals(2, svmAsCsv.status(), svmAsCsv.err());
    assertTrue(svmAsCsv.err().contains("f"), svmAsCsv.err());
    assertFalse(svmAsCsv.err().contains("svmlight lines"), svmAsCsv.err());

    Cli arff = Cli.run("predict", "--model", model, svm, "--format", "arff");
    assertEquals(2, arff.status());
    assertEquals("l1path: invalid format 'arff': must be auto, csv or svmlight\n", arff.err());
    assertTrue(Cli.run("predict", "--help").out().contains("--format F"));
  }

  @Test
  void aFailedPredictionLeavesAnEarlierOutputFileAsItWas() throws IOException {
    Path model = fit("diabetes", "--folds", "0");
    Path predictions = tmp.resolve("predictions.csv");
    Files.writeString(predictions, "earlier\n");
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad, "age,sex,bmi,bp,s1,s2,s3,s4,s5,s6\n1,1,1,1,1,1,1,1,1,1\n1,1,x,1,1,1,1,1,1,1\n");
    Cli run =
        Cli.run(
            "predict",
            "--model",
            model.toString(),
            bad.toString(),
            "--out",
            predictions.toString());
    assertEquals(2, run.status());
    assertEquals(
        "l1path: "
            + bad
            + ": line 3, column 'bmi': 'x' is not a number, and the column was"
            + " numeric when the model was fitted\n",
        run.err());
    assertEquals("earlier\n", Files.readString(predictions));
    try (var files = Files.list(tmp)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void aDirectoryThatMixesTwoRunsFilesIsRefused() throws IOException {
    Path model = fit("diabetes", "--folds", "0");
    String input = EXAMPLES.resolve("diabetes.csv").toString();
    assertEquals(0, Cli.run("show", model.toString()).status());
    // What a second fit that failed before writing its model.json leaves: its own
    // coefficients.csv beside the first run's model.json.
    Path other = tmp.resolve("other");
    Cli second =
        Cli.run("fit", input, "--out", other.toString(), "--folds", "0", "--l1-ratio", "0.5");
    assertEquals(0, second.status(), second.err());
    Files.copy(
        other.resolve("coefficients.csv"),
        model.resolveSibling("coefficients.csv"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    for (String command : new String[] {"show", "predict"}) {
      Cli run =
          command.equals("show")
              ? Cli.run("show", model.toString())
              : Cli.run("predict", "--model", model.toString(), input);
      assertEquals(2, run.status(), command);
      assertTrue(
          run.err()
              .contains("coefficients.csv beside it is not the file this model was written with"),
          run.err());
    }
    // model.json copied on its own still reads.
    Path alone = tmp.resolve("alone");
    Files.createDirectories(alone);
    Files.copy(model, alone.resolve("model.json"));
    assertEquals(0, Cli.run("show", alone.resolve("model.json").toString()).status());
  }
}
