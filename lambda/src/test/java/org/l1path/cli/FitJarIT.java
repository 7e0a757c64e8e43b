package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l1path.job.DataTooLargeException;

/** The packaged {@code l1path.jar}, run as a user runs it: {@code java -jar} in a child JVM. */
class FitJarIT {
  @TempDir Path work;

  private record Run(int status, String out, String err) {}

  private Run java(String... args) throws IOException, InterruptedException {
    return javaWith(List.of(), args);
  }

  private Run javaWith(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("l1path.jar", "target/l1path.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "the shaded jar is built: " + jar);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "l1path finished within 2 minutes");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void helpExitsZeroOnStdout() throws Exception {
    Run main = java("--help");
    assertEquals(0, main.status());
    assertTrue(main.out().contains("l1path fit FILE.csv [options]"), main.out());
    Run fit = java("fit", "--help");
    assertEquals(0, fit.status());
    assertTrue(fit.out().contains("--fold-column NAME"), fit.out());
    assertEquals("", fit.err());
  }

  @Test
  void badInputExitsTwoWithOneLine() throws Exception {
    Files.writeString(work.resolve("bad.csv"), "a,b\n1,2\n3\n");
    Run run = java("fit", "bad.csv");
    assertEquals(2, run.status());
    assertEquals(
        "l1path: bad.csv: line 3: 1 fields, but the header has 2: column 'b' (column 2) is"
            + " missing\n",
        run.err());
    assertTrue(!Files.exists(work.resolve("bad-l1path")), "nothing written");
  }

  @Test
  void fitsExampleDataIntoTheDefaultDirectory() throws Exception {
    Path examples = Files.createDirectories(work.resolve("examples"));
    Files.copy(Reference.csv("diabetes"), examples.resolve("diabetes.csv"));
    Run run = java("fit", "examples/diabetes.csv");
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err(), "no progress when stderr is not a terminal");
    Path dir = work.resolve("diabetes-l1path");
    for (String file : List.of("model.json", "coefficients.csv", "cv.csv")) {
      assertTrue(Files.isRegularFile(dir.resolve(file)), file);
    }
    JsonNode model = Reference.json(dir.resolve("model.json"));
    assertEquals("l1path-model/1", model.get("schema").asText());
    assertEquals(442, model.get("input").get("rows").asInt());
    assertEquals(10, model.get("cv").get("folds").asInt());
    assertTrue(model.get("selected").size() > 0);
    assertTrue(run.out().contains("wrote diabetes-l1path"), run.out());
  }

  @Test
  void dataTooLargeForTheHeapSaysHowToGiveJavaMoreMemory() throws Exception {
    // 20,000 rows of a 5,000-level column: 100 million indicator cells, 800 MB as doubles, against
    // a 256 MiB heap (5,000 x 20,000 x 8 bytes = 763 MiB). The check stops it before the design
    // is allocated.
    StringBuilder csv = new StringBuilder("shop,x,y\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append("s")
          .append(i % 5_000)
          .append(',')
          .append(i)
          .append(',')
          .append(i % 7)
          .append('\n');
    }
    Files.writeString(work.resolve("wide.csv"), csv);
    Run run = javaWith(List.of("-Xmx256m"), "fit", "wide.csv");
    assertEquals(2, run.status(), run.err());
    assertTrue(
        run.err().startsWith("l1path: wide.csv: 20000 rows x 5001 features need 763 MiB"),
        run.err());
    assertTrue(run.err().trim().endsWith("(java -Xmx sets the memory)"), run.err());
    assertTrue(!Files.exists(work.resolve("wide-l1path")), "nothing written");
  }

  @Test
  void crossValidatesInAHeapWithNoRoomForCopiesOfTheFolds() throws Exception {
    // 40,000 x 50 cells: 16 MB as doubles. Two folds fitted side by side on copies of their
    // training rows need about 29 MB more; in a 56 MiB heap the folds mask their held-out rows
    // instead. (With copies, the fit ran out of memory below 72 MiB.)
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    StringBuilder csv = new StringBuilder();
    for (int j = 0; j < 50; j++) {
      csv.append('x').append(j).append(',');
    }
    csv.append("y\n");
    for (int i = 0; i < 40_000; i++) {
      double y = random.nextGaussian();
      for (int j = 0; j < 50; j++) {
        double x = random.nextGaussian();
        y += j < 5 ? x : 0;
        csv.append(String.format(java.util.Locale.ROOT, "%.6g,", x));
      }
      csv.append(String.format(java.util.Locale.ROOT, "%.6g%n", y));
    }
    Files.writeString(work.resolve("tall.csv"), csv);
    Run small = javaWith(List.of("-Xmx56m"), "fit", "tall.csv", "--out", "small");
    assertEquals(0, small.status(), small.err());
    Run large = javaWith(List.of("-Xmx1g"), "fit", "tall.csv", "--out", "large");
    assertEquals(0, large.status(), large.err());

    // The same problem either way: the same alpha, and CV errors equal but for rounding.
    JsonNode masked = Reference.json(work.resolve("small/model.json"));
    JsonNode copied = Reference.json(work.resolve("large/model.json"));
    assertEquals(copied.get("alpha").asDouble(), masked.get("alpha").asDouble(), 0.0);
    assertEquals(copied.get("coefficients"), masked.get("coefficients"));
    List<String> maskedCv = Files.readAllLines(work.resolve("small/cv.csv"));
    List<String> copiedCv = Files.readAllLines(work.resolve("large/cv.csv"));
    assertEquals(copiedCv.size(), maskedCv.size());
    for (int k = 1; k < copiedCv.size(); k++) {
      double expected = Double.parseDouble(copiedCv.get(k).split(",")[2]);
      double actual = Double.parseDouble(maskedCv.get(k).split(",")[2]);
      assertEquals(expected, actual, 1e-9 * expected, "mean error, line " + (k + 1));
    }
  }

  @Test
  void runningOutOfMemoryWhileReadingIsReportedAsTooLarge() throws Exception {
    // 1.6 million numeric cells take about 25 MiB while read, more than a 16 MiB heap holds; the
    // size check before the fit cannot see that coming.
    StringBuilder csv = new StringBuilder("a,b,c,y\n");
    for (int i = 0; i < 400_000; i++) {
      csv.append(i % 97).append(',').append(i % 89).append(',').append(i % 83);
      csv.append(',').append(i % 7).append('\n');
    }
    Files.writeString(work.resolve("long.csv"), csv);
    Run run = javaWith(List.of("-Xmx16m"), "fit", "long.csv");
    assertEquals(2, run.status(), run.err());
    assertTrue(run.err().startsWith("l1path: long.csv ("), run.err());
    assertTrue(run.err().contains("ran out of memory reading or fitting it"), run.err());
    assertTrue(run.err().contains(DataTooLargeException.MEMORY_NEEDED), run.err());
    assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
    assertTrue(run.err().trim().endsWith("(java -Xmx sets the memory)"), run.err());
    assertTrue(!Files.exists(work.resolve("long-l1path")), "nothing written");
  }
}
