package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.l1path.job.DirectorySink;
import org.l1path.job.FitJob;
import org.l1path.job.FitRequest;
import org.l1path.job.JobProgress;
import org.l1path.job.SavedModel;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;

/**
 * FitApp writes fit's files, which fit's own reader (SavedModel) accepts, and on the same data and
 * folds they hold the model the fit command itself finds: for a numeric target from CSV and from
 * Parquet, and for a text target (classes).
 */
class FitAppTest {

  /** A reference CSV with a fold column added (fold = row % 5) before its target. */
  private static Path withFolds(String name, Path dir) throws Exception {
    List<String> lines = Files.readAllLines(LocalSpark.reference().resolve(name + ".csv"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int last = line.lastIndexOf(',');
      String fold = i == 0 ? "fold" : Integer.toString((i - 1) % 5);
      out.add(line.substring(0, last) + "," + fold + line.substring(last));
    }
    Path file = dir.resolve(name + ".csv");
    Files.write(file, out);
    return file;
  }

  /** fit's own result on the file, in-process, with the same options. */
  private static SavedModel fitInProcess(Path csv, Map<String, String> options, Path out)
      throws Exception {
    Map<String, String> all = new LinkedHashMap<>(options);
    all.put("missing", "error");
    try (InputStream in = Files.newInputStream(csv)) {
      new FitJob(1)
          .run(
              in,
              csv.toString(),
              FitRequest.fromOptions(all),
              new DirectorySink(out),
              JobProgress.NONE);
    }
    return SavedModel.read(out.resolve(FitJob.MODEL_JSON));
  }

  private static SavedModel fitOnSpark(String input, Map<String, String> options, Path out)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("fit", "--input", input, "--out", out.toString()));
    for (Map.Entry<String, String> e : options.entrySet()) {
      args.add("--" + e.getKey());
      args.add(e.getValue());
    }
    FitApp.run(LocalSpark.session(), AppArguments.parse(args));
    for (String file : FitJob.FILES) {
      assertTrue(Files.exists(out.resolve(file)), file + " written");
    }
    return SavedModel.read(out.resolve(FitJob.MODEL_JSON));
  }

  private static void assertSameModel(SavedModel expected, SavedModel actual, double tolerance) {
    Model e = expected.model();
    Model a = actual.model();
    assertEquals(e.family(), a.family());
    assertEquals(e.classes(), a.classes());
    assertEquals(e.featureNames(), a.featureNames());
    assertEquals(e.alpha(), a.alpha(), 1e-9 * e.alpha());
    assertEquals(e.l1Ratio(), a.l1Ratio());
    RegularizationPath ep = expected.path();
    RegularizationPath ap = actual.path();
    assertArrayEquals(ep.alphas(), ap.alphas(), 1e-9 * ep.alpha(0));
    double scale = 0;
    for (int r = 0; r < e.responses(); r++) {
      for (double b : e.coefficients(r)) {
        scale = Math.max(scale, Math.abs(b));
      }
    }
    for (int r = 0; r < e.responses(); r++) {
      assertArrayEquals(e.coefficients(r), a.coefficients(r), tolerance * scale);
      assertEquals(e.intercept(r), a.intercept(r), tolerance * (1 + scale));
    }
  }

  @Test
  void numericTargetFromCsvAndParquetMatchesFit() throws Exception {
    Path dir = Files.createTempDirectory("l1path-fitapp");
    Path csv = withFolds("diabetes", dir);
    Map<String, String> options =
        Map.of("fold-column", "fold", "l1-ratio", "0.5,1", "tol", "1e-10", "rule", "1se");
    SavedModel expected = fitInProcess(csv, options, dir.resolve("fit"));
    SavedModel fromCsv = fitOnSpark(csv.toUri().toString(), options, dir.resolve("spark-csv"));
    assertSameModel(expected, fromCsv, 1e-6);
    assertEquals(
        Files.readAllLines(dir.resolve("fit").resolve(FitJob.CV_CSV)).get(0),
        Files.readAllLines(dir.resolve("spark-csv").resolve(FitJob.CV_CSV)).get(0));

    Path parquet = dir.resolve("diabetes.parquet");
    LocalSpark.session()
        .read()
        .option("header", "true")
        .option("inferSchema", "true")
        .csv(csv.toString())
        .write()
        .parquet(parquet.toString());
    SavedModel fromParquet = fitOnSpark(parquet.toString(), options, dir.resolve("spark-pq"));
    assertSameModel(expected, fromParquet, 1e-6);
  }

  @Test
  void textTargetIsClassifiedAsFitDoes() throws Exception {
    Path dir = Files.createTempDirectory("l1path-fitapp-classes");
    Path csv = withFolds("binomial", dir);
    Map<String, String> options =
        Map.of("fold-column", "fold", "num-alphas", "8", "alpha-min-ratio", "0.1", "tol", "1e-10");
    SavedModel expected = fitInProcess(csv, options, dir.resolve("fit"));
    SavedModel actual = fitOnSpark(csv.toString(), options, dir.resolve("spark"));
    assertEquals(Family.BINOMIAL, actual.model().family());
    assertEquals(List.of("no", "yes"), actual.model().classes());
    assertSameModel(expected, actual, 1e-5);
  }

  @Test
  void unsupportedOptionsAreRefusedByName() {
    Path out = Path.of("unused");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fitOnSpark("x.csv", Map.of("relax", "true"), out));
    assertTrue(e.getMessage().contains("--relax"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fitOnSpark("x.csv", Map.of("fold-assignment", "contiguous"), out));
    assertTrue(e.getMessage().contains("--fold-assignment"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AppArguments.parse(List.of("fit", "--input", "a.csv", "--bogus", "1")));
    assertTrue(e.getMessage().contains("--bogus"), e.getMessage());
    assertEquals("data-l1path", AppArguments.parse(List.of("fit", "s3a://b/k/data.csv")).out());
  }
}
