package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l1path.bench.Simulation;
import org.l1path.job.DataTooLargeException;
import org.l1path.job.DatasetFiles;
import org.l1path.solver.Dataset;

/** {@code l1path bench} on the command line. */
class BenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void simulatesAndPrintsOneJsonLine() throws IOException {
    Cli r = Cli.run("bench", "--simulate", "60", "30", "0.5", "--seed", "3", "--repeat", "1");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(1, lines.size(), r.out());
    JsonNode node = JSON.readTree(lines.get(0));
    assertEquals(60, node.get("n").asInt());
    assertEquals(30, node.get("p").asInt());
    assertEquals(0, node.get("folds").asInt());
    assertTrue(node.get("read_mb_s").isNull());
  }

  @Test
  void theWrittenCsvReadsBackAsTheSimulatedData() throws IOException {
    Path csv = dir.resolve("sim.csv");
    Cli w =
        Cli.run(
            "bench",
            "--simulate",
            "40",
            "5",
            "0.95",
            "--seed",
            "8",
            "--repeat",
            "0",
            "--write-csv",
            csv.toString());
    assertEquals(0, w.status(), w.err());
    assertEquals("", w.out(), "--repeat 0 only writes");
    assertTrue(Files.readString(csv).startsWith("x1,x2,x3,x4,x5,y\n"));
    Dataset read;
    try (InputStream in = Files.newInputStream(csv)) {
      read = DatasetFiles.read(in, "sim.csv");
    }
    Dataset simulated = Simulation.generate(40, 5, 0.95, 8);
    // Double.toString reads back to the same double, so the round trip is exact.
    for (int j = 0; j < 5; j++) {
      assertArrayEquals(simulated.column(j), read.column(j), 0.0, "x" + (j + 1));
    }
    assertArrayEquals(simulated.response(), read.response(), 0.0);

    Path alphas = dir.resolve("alphas.txt");
    Files.writeString(alphas, "0.3\n0.1\n\n0.01\n");
    Path coef = dir.resolve("coef.csv");
    Cli b = benchWithCoefficients(csv, alphas, coef);
    assertEquals(0, b.status(), b.err());
    JsonNode node = JSON.readTree(b.out());
    assertEquals(3, node.get("alphas").asInt());
    assertTrue(node.get("read_mb_s").asDouble() > 0, "a file was read");
    assertTrue(node.get("rho").isNull(), "rho is unknown for a file");
    List<String> rows = Files.readAllLines(coef);
    assertEquals("alpha,feature,value", rows.get(0));
    assertEquals(
        3, rows.stream().filter(s -> s.matches("\\d+,0,.*")).count(), "one intercept per alpha");
  }

  @Test
  void aMultinomialPathsCoefficientsHaveAClassColumn() throws IOException {
    StringBuilder text = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 60; i++) {
      // Class k shifts x1 by k, with noise from the row number, so each class is learnable.
      int k = i % 3;
      text.append(k + (i * 37 % 11) / 10.0).append(',').append(i * 53 % 17 / 16.0).append(",c");
      text.append(k).append('\n');
    }
    Path csv = dir.resolve("three.csv");
    Files.writeString(csv, text.toString());
    Path alphas = dir.resolve("three-alphas.txt");
    Files.writeString(alphas, "0.1\n0.01\n");
    Path coef = dir.resolve("three-coef.csv");
    Cli b = benchWithCoefficients(csv, alphas, coef);
    assertEquals(0, b.status(), b.err());
    List<String> rows = Files.readAllLines(coef);
    assertEquals("alpha,class,feature,value", rows.get(0));
    // One intercept per class and alpha: 3 classes x 2 alphas.
    assertEquals(
        6, rows.stream().filter(s -> s.matches("\\d+,\\d+,0,.*")).count(), rows.toString());
    assertTrue(rows.stream().anyMatch(s -> s.startsWith("2,3,1,")), "class 3's x1 at alpha 2");
  }

  /** One timed fit of {@code csv} on the given alphas, its coefficients written to coef. */
  private static Cli benchWithCoefficients(Path csv, Path alphas, Path coef) {
    return Cli.run(
        "bench",
        "--input",
        csv.toString(),
        "--alphas-file",
        alphas.toString(),
        "--repeat",
        "1",
        "--coefficients-out",
        coef.toString());
  }

  @Test
  void badValuesAreNamed() throws IOException {
    Cli r = Cli.run("bench", "--simulate", "10", "x", "0.5");
    assertEquals(Main.USAGE_ERROR, r.status());
    assertTrue(r.err().contains("--simulate P"), r.err());

    Cli both = Cli.run("bench", "--simulate", "10", "3", "0.5", "--input", "a.csv");
    assertEquals(Main.USAGE_ERROR, both.status());
    assertTrue(both.err().contains("exactly one of"), both.err());

    Path alphas = dir.resolve("bad.txt");
    Files.writeString(alphas, "0.3\nabc\n");
    Cli bad = Cli.run("bench", "--simulate", "10", "3", "0.5", "--alphas-file", alphas.toString());
    assertEquals(Main.USAGE_ERROR, bad.status());
    assertTrue(bad.err().contains("line 2"), bad.err());

    Cli folds = Cli.run("bench", "--simulate", "10", "3", "0.5", "--folds", "1");
    assertEquals(Main.USAGE_ERROR, folds.status());
    assertTrue(folds.err().contains("folds"), folds.err());
  }

  @Test
  void aWarmUpIsReportedAndZeroIsTheDefault() throws IOException {
    Cli warm =
        Cli.run("bench", "--simulate", "60", "10", "0.5", "--repeat", "2", "--warmup", "0.001");
    assertEquals(0, warm.status(), warm.err());
    assertTrue(JSON.readTree(warm.out()).get("warmup_fits").asInt() >= 1, warm.out());

    Cli cold = Cli.run("bench", "--simulate", "60", "10", "0.5", "--repeat", "1");
    assertEquals(0, cold.status(), cold.err());
    assertEquals(0, JSON.readTree(cold.out()).get("warmup_fits").asInt(), cold.out());
  }

  @Test
  void aNegativeOrNanWarmUpIsAUsageErrorNamingWarmup() {
    for (String bad : new String[] {"-1", "NaN", "Infinity", "soon"}) {
      Cli r = Cli.run("bench", "--simulate", "10", "3", "0.5", "--warmup", bad);
      assertEquals(Main.USAGE_ERROR, r.status(), bad + ": " + r.err());
      assertTrue(r.err().contains("warmup"), r.err());
      assertEquals("", r.out(), "nothing is timed");
    }
  }

  @Test
  void theHelpListsTheWarmUp() {
    Cli r = Cli.run("bench", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("--warmup S"), r.out());
    assertTrue(r.out().contains("first_s, warmup_fits, median_s"), r.out());
  }

  @Test
  void aFailedWriteLeavesTheEarlierFileWhole() throws IOException {
    Path csv = dir.resolve("keep.csv");
    Files.writeString(csv, "old");
    Cli r =
        Cli.run(
            "bench",
            "--simulate",
            "10",
            "3",
            "2.0",
            "--repeat",
            "0",
            "--write-csv",
            csv.toString());
    assertEquals(Main.USAGE_ERROR, r.status());
    assertEquals("old", Files.readString(csv));
    assertFalse(r.err().isEmpty());
  }

  @Test
  void moreFoldsThanRowsIsAnInputErrorNotAnInternalOne() {
    Cli r = Cli.run("bench", "--simulate", "10", "5", "0", "--folds", "20", "--repeat", "1");
    assertEquals(2, r.status(), r.err());
    assertEquals("l1path: cannot fit: folds (20) must not exceed the rows (10)\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aSimulationLargerThanHalfTheHeapIsRefusedBeforeItIsMade() {
    // 10^5 x 10^5 doubles are 74 GiB, more than any test heap.
    Cli r = Cli.run("bench", "--simulate", "100000", "100000", "0", "--repeat", "1");
    assertEquals(2, r.status(), r.err());
    assertTrue(
        r.err().startsWith("l1path: --simulate 100000 100000: the design takes 76293 MiB"),
        r.err());
    assertTrue(r.err().contains(DataTooLargeException.MEMORY_NEEDED), r.err());
    assertTrue(r.err().trim().endsWith("(java -Xmx sets the memory)"), r.err());
  }
}
