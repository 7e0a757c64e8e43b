package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit}, {@code predict} and {@code bench} on svmlight files, end to end in-process: the same
 * data written as a dense CSV and as svmlight must give the same fit, whichever way it is stored.
 */
class SvmlightFitTest {
  private static final int ROWS = 60;
  private static final int FEATURES = 12;

  @TempDir Path tmp;

  /** Each row's values, dense; three of the twelve are non-zero, so a quarter of the cells. */
  private double[][] x;

  private double[] y;

  @BeforeEach
  void simulate() {
    Random random = new Random(19);
    x = new double[ROWS][FEATURES];
    y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      List<Integer> chosen = new ArrayList<>();
      // Row 0 holds the last feature, so that the file's largest index is FEATURES.
      if (i == 0) {
        chosen.add(FEATURES - 1);
      }
      while (chosen.size() < 3) {
        int j = random.nextInt(FEATURES);
        if (!chosen.contains(j)) {
          chosen.add(j);
        }
      }
      for (int j : chosen) {
        x[i][j] = Math.round(random.nextGaussian() * 100) / 10.0;
      }
      y[i] = 2 * x[i][0] - 1.5 * x[i][3] + x[i][7] + 0.5 * random.nextGaussian();
    }
  }

  /** Dense CSV, header f1..f12 then the target; every zero written out. */
  private Path csv(String name, double[] target) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int j = 1; j <= FEATURES; j++) {
      sb.append('f').append(j).append(',');
    }
    sb.append("y\n");
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < FEATURES; j++) {
        sb.append(x[i][j]).append(',');
      }
      sb.append(target[i]).append('\n');
    }
    Path file = tmp.resolve(name);
    Files.writeString(file, sb);
    return file;
  }

  /** The same rows as svmlight: the non-zeros only, 1-based, with a comment and a qid. */
  private String svmlight(double[] labels) {
    StringBuilder sb = new StringBuilder("# simulated rows\n");
    for (int i = 0; i < ROWS; i++) {
      sb.append(labels[i]);
      if (i % 7 == 0) {
        sb.append(" qid:").append(i % 3);
      }
      for (int j = 0; j < FEATURES; j++) {
        if (x[i][j] != 0) {
          sb.append(' ').append(j + 1).append(':').append(x[i][j]);
        }
      }
      sb.append(i % 5 == 0 ? " # row " + i + "\n" : "\n");
    }
    return sb.toString();
  }

  private Path svm(String name, double[] labels) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, svmlight(labels));
    return file;
  }

  private Path fit(Path input, String out, String... options) {
    List<String> args = new ArrayList<>(List.of("fit", input.toString(), "--out"));
    args.add(tmp.resolve(out).toString());
    args.addAll(List.of(options));
    Cli run = Cli.run(args.toArray(new String[0]));
    assertEquals(0, run.status(), run.err());
    return tmp.resolve(out);
  }

  @Test
  void fitWritesTheModelAndOnlyTheNonZeroCoefficients() throws IOException {
    Path out = fit(svm("data.svm", y), "svm-out", "--rule", "1se");
    JsonNode m = Reference.json(out.resolve("model.json"));
    assertEquals("svmlight", m.get("input").get("format").asText());
    assertEquals("sparse", m.get("input").get("storage").asText(), "a quarter non-zero");
    assertEquals("auto", m.get("settings").get("storage").asText());
    assertEquals("auto", m.get("settings").get("format").asText());
    assertEquals(ROWS, m.get("input").get("rows").asInt());
    assertEquals("label", m.get("target").asText());
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= FEATURES; j++) {
      names.add("f" + j);
    }
    assertEquals(names, texts(m.get("features")));

    Map<String, Double> nonZero = new LinkedHashMap<>();
    m.get("coefficients")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().asDouble() != 0) {
                nonZero.put(e.getKey(), e.getValue().asDouble());
              }
            });
    assertTrue(
        nonZero.size() > 0 && nonZero.size() < FEATURES,
        "the 1se model keeps some features and drops others: " + nonZero);
    List<String> lines = Files.readAllLines(out.resolve("coefficients.csv"));
    assertEquals("feature,coefficient,standardized_coefficient", lines.get(0));
    Map<String, Double> listed = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      listed.put(fields[0], Double.parseDouble(fields[1]));
    }
    assertEquals(nonZero, listed, "exactly the non-zero coefficients, in feature order");

    // gzip, told by the name, gives the same model.
    Path gz = tmp.resolve("data.svm.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(svmlight(y).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    JsonNode zipped = Reference.json(fit(gz, "gz-out", "--rule", "1se").resolve("model.json"));
    assertEquals(m.get("coefficients"), zipped.get("coefficients"));
  }

  @Test
  void theSameDataAsCsvAndAsSvmlightGiveTheSameCoefficients() throws IOException {
    JsonNode dense = Reference.json(fit(csv("data.csv", y), "csv-out").resolve("model.json"));
    assertEquals("csv", dense.get("input").get("format").asText());
    assertEquals(
        "sparse", dense.get("input").get("storage").asText(), "a mostly-zero CSV, stored sparse");
    JsonNode denseStored =
        Reference.json(
            fit(csv("data.csv", y), "csv-dense", "--storage", "dense").resolve("model.json"));
    assertEquals("dense", denseStored.get("input").get("storage").asText());
    // Written with a .txt name, svmlight is told by the option.
    Path text = tmp.resolve("data.txt");
    Files.writeString(text, svmlight(y));
    for (String storage : List.of("auto", "dense", "sparse")) {
      JsonNode sparse =
          Reference.json(
              fit(text, "svm-" + storage, "--format", "svmlight", "--storage", storage)
                  .resolve("model.json"));
      assertEquals(storage.equals("dense") ? "dense" : "sparse", storage(sparse), storage);
      assertSameFit(dense, sparse);
      assertSameFit(denseStored, sparse);
    }
  }

  @Test
  void classLabelsFollowTheFamilyAsForANumericCsvTarget() throws IOException {
    double[] labels = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = y[i] > 0 ? 1 : -1;
    }
    JsonNode dense =
        Reference.json(
            fit(csv("classes.csv", labels), "csv-out", "--family", "binomial")
                .resolve("model.json"));
    JsonNode sparse =
        Reference.json(
            fit(svm("classes.svm", labels), "svm-out", "--family", "binomial")
                .resolve("model.json"));
    assertEquals("binomial", sparse.get("family").asText());
    assertEquals(List.of("-1", "1"), texts(sparse.get("classes")));
    assertSameFit(dense, sparse);
  }

  @Test
  void predictReadsSvmlightByIndexAsTheCsvByName() throws IOException {
    Path csvModel = fit(csv("data.csv", y), "csv-out").resolve("model.json");
    Path svmModel = fit(svm("data.svm", y), "svm-out").resolve("model.json");
    Cli fromCsv =
        Cli.run("predict", "--model", csvModel.toString(), "--input", tmp.resolve("data.csv") + "");
    assertEquals(0, fromCsv.status(), fromCsv.err());
    // An index the model has no feature for (99) is ignored; so would libsvm.
    Path extra = tmp.resolve("extra.svm");
    Files.writeString(extra, svmlight(y).replace(" # row 5\n", " 99:4.5 # row 5\n"));
    Cli fromSvm = Cli.run("predict", "--model", svmModel.toString(), "--input", extra.toString());
    assertEquals(0, fromSvm.status(), fromSvm.err());
    List<String> a = fromCsv.out().lines().toList();
    List<String> b = fromSvm.out().lines().toList();
    assertEquals(ROWS + 1, b.size());
    assertEquals(a.get(0), b.get(0));
    for (int r = 1; r < a.size(); r++) {
      String[] p = a.get(r).split(",");
      String[] q = b.get(r).split(",");
      assertEquals(p[0], q[0], "row numbers");
      assertEquals(Double.parseDouble(p[1]), Double.parseDouble(q[1]), 1e-8, "row " + r);
    }
    assertTrue(fromSvm.err().startsWith("scored " + ROWS + " of " + ROWS), fromSvm.err());
    assertEquals(fromCsv.err(), fromSvm.err(), "the labels are scored as the target");

    Path named = tmp.resolve("named.csv");
    Files.writeString(named, "a,colour,y\n1,red,2\n2,blue,3\n3,red,5\n4,blue,4\n5,red,7\n");
    Path namedModel = fit(named, "named-out", "--folds", "0").resolve("model.json");
    Cli byName = Cli.run("predict", "--model", namedModel.toString(), "--input", extra.toString());
    assertEquals(2, byName.status());
    assertTrue(
        byName.err().contains("the model's feature column 'a' is not named f<index>"),
        byName.err());
  }

  @Test
  void badInputIsAnErrorNamingTheLineAndNothingIsWritten() throws IOException {
    Path bad = tmp.resolve("bad.libsvm");
    Files.writeString(bad, "1 1:2 2:1\n\n-1 2:1 1:3\n");
    Cli run = Cli.run("fit", bad.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(2, run.status());
    assertEquals(
        "l1path: "
            + bad
            + ": line 3: index 1 after index 2; indices must be strictly increasing"
            + " within a line\n",
        run.err());
    assertTrue(!Files.exists(tmp.resolve("out")), "nothing written");

    Cli weights = Cli.run("fit", svm("w.svm", y).toString(), "--weights", "w", "-q");
    assertEquals(2, weights.status());
    assertTrue(weights.err().contains("weights 'w' names a column"), weights.err());
    Cli format = Cli.run("fit", svm("f.svm", y).toString(), "--format", "arff");
    assertEquals("l1path: invalid format 'arff': must be auto, csv or svmlight\n", format.err());
    Cli asSvmlight = Cli.run("fit", csv("d.csv", y).toString(), "--format", "svmlight");
    assertEquals(2, asSvmlight.status());
    assertTrue(asSvmlight.err().contains("d.csv: line 1: the label 'f1,f2,"), asSvmlight.err());
  }

  @Test
  void benchReadsSvmlight() throws IOException {
    Cli r =
        Cli.run(
            "bench", "--input", svm("b.svm", y).toString(), "--repeat", "1", "--storage", "dense");
    assertEquals(0, r.status(), r.err());
    JsonNode node = new ObjectMapper().readTree(r.out());
    assertEquals(ROWS, node.get("n").asInt());
    assertEquals(FEATURES, node.get("p").asInt());
    Cli simulated = Cli.run("bench", "--simulate", "20", "5", "0.5", "--format", "csv");
    assertEquals(2, simulated.status());
    assertEquals("l1path: --format applies to --input, not --simulate\n", simulated.err());
  }

  /** docs/fit.md shows the bundled example's summary and coefficients; they must be what runs. */
  @Test
  void theDocumentedExamplePrintsWhatTheDocsShow() throws IOException {
    String docs = Files.readString(Path.of("../docs/fit.md"));
    Path out = tmp.resolve("sparse-l1path");
    Cli run =
        Cli.run("fit", "../examples/sparse.svm", "--family", "binomial", "--out", out.toString());
    assertEquals(0, run.status(), run.err());
    List<String> printed = run.out().lines().toList();
    assertEquals(4, printed.size(), run.out());
    // The docs run from the repository root and write into ./sparse-l1path.
    String shown =
        String.join("\n", printed.subList(0, 3))
            .replace("../examples/", "examples/")
            .concat("\nwrote sparse-l1path")
            .concat(printed.get(3).substring(("wrote " + out).length()));
    assertTrue(docs.contains(shown), "docs/fit.md shows:\n" + shown);
    List<String> coefficients = Files.readAllLines(out.resolve("coefficients.csv"));
    // The docs show the first rows; their last digits follow the solver's rounding, so the values
    // are compared to 1e-9, the names and their order exactly.
    List<String> shownRows =
        docs.lines().dropWhile(line -> !line.equals(coefficients.get(0))).toList();
    assertTrue(shownRows.size() > 4, "docs/fit.md shows the header " + coefficients.get(0));
    for (int r = 1; r < 4; r++) {
      String[] doc = shownRows.get(r).split(",");
      String[] ran = coefficients.get(r).split(",");
      assertEquals(ran[0], doc[0], "docs/fit.md row " + r);
      for (int c = 1; c < ran.length; c++) {
        double value = Double.parseDouble(ran[c]);
        assertEquals(value, Double.parseDouble(doc[c]), 1e-9 * Math.abs(value), "row " + r);
      }
    }
    assertTrue(
        docs.contains("lists the " + (coefficients.size() - 1) + " features kept, not all 40"),
        "docs/fit.md counts the rows of coefficients.csv");
  }

  private static String storage(JsonNode model) {
    return model.get("input").get("storage").asText();
  }

  /** The same path (alphas, intercepts, coefficients) and the same chosen model, to 1e-8. */
  private static void assertSameFit(JsonNode expected, JsonNode actual) {
    assertEquals(expected.get("features"), actual.get("features"));
    assertClose(expected.get("path").get("alphas"), actual.get("path").get("alphas"), "alphas");
    assertClose(
        expected.get("path").get("intercepts"), actual.get("path").get("intercepts"), "intercepts");
    assertClose(
        expected.get("path").get("coefficients"),
        actual.get("path").get("coefficients"),
        "path coefficients");
    assertClose(expected.get("coefficients"), actual.get("coefficients"), "coefficients");
    assertClose(expected.get("alpha"), actual.get("alpha"), "alpha");
    if (expected.get("cv").isObject()) {
      assertClose(expected.get("cv").get("mean_error"), actual.get("cv").get("mean_error"), "cv");
    }
  }

  private static void assertClose(JsonNode expected, JsonNode actual, String where) {
    if (expected.isNumber()) {
      double e = expected.asDouble();
      assertEquals(e, actual.asDouble(), 1e-8 * Math.max(1, Math.abs(e)), where);
      return;
    }
    assertEquals(expected.size(), actual.size(), where);
    if (expected.isArray()) {
      for (int k = 0; k < expected.size(); k++) {
        assertClose(expected.get(k), actual.get(k), where + "[" + k + "]");
      }
      return;
    }
    for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      assertClose(expected.get(name), actual.get(name), where + "." + name);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
