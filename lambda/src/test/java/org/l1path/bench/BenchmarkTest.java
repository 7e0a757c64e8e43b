package org.l1path.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;

/** The benchmark's result line and what it counts; no timings are asserted. */
class BenchmarkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theJsonLineHasTheIssuesKeysInOrder() throws Exception {
    BenchResult r =
        new BenchResult(10, 3, 0.5, 1.0, 0, Double.NaN, 100, 0.2, 7, 0.1, 1e-9, 1, 12.5);
    String line = r.jsonLine();
    assertTrue(!line.contains("\n"), "one line");
    JsonNode node = JSON.readTree(line);
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertEquals(
        List.of(
            "n",
            "p",
            "rho",
            "l1_ratio",
            "folds",
            "read_mb_s",
            "alphas",
            "first_s",
            "warmup_fits",
            "median_s",
            "max_rel_gap",
            "threads",
            "peak_heap_mb"),
        keys);
    assertTrue(node.get("read_mb_s").isNull(), "no file was read");
    assertEquals(100, node.get("alphas").asInt());
    assertEquals(7, node.get("warmup_fits").asInt());
    assertEquals(0.5, node.get("rho").asDouble(), 0.0);
  }

  @Test
  void aPathRunSolvesEveryGivenAlphaWithinTheTolerance() {
    Dataset data = Simulation.generate(60, 20, 0.5, 5);
    double[] alphas = {0.5, 0.1, 0.02};
    BenchConfig config = new BenchConfig(1.0, 0, 2, 1e-8, alphas, 2, Double.POSITIVE_INFINITY, 0);
    Benchmark.Outcome o = new Benchmark(config).run(data, 0.5, Double.NaN);
    BenchResult r = o.result();
    assertEquals(3, r.alphas());
    assertEquals(
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1,
        r.threads(),
        "a path runs on the calling thread and the common pool");
    assertEquals(60, r.n());
    assertEquals(20, r.p());
    // The solver certifies each alpha's relative duality gap against the tolerance asked for.
    assertTrue(r.maxRelativeGap() <= 1e-8, "max_rel_gap " + r.maxRelativeGap());
  }

  @Test
  void crossValidationUsesTheGivenThreadsAndTheAutomaticGrid() {
    Dataset data = Simulation.generate(80, 10, 0.0, 9);
    BenchConfig config = new BenchConfig(0.5, 5, 1, 1e-6, null, 2, Double.POSITIVE_INFINITY, 0);
    BenchResult r = new Benchmark(config).run(data, 0.0, Double.NaN).result();
    assertEquals(100, r.alphas(), "the automatic grid has 100 alphas");
    assertEquals(5, r.folds());
    assertEquals(2, r.threads());
    assertEquals(0.5, r.l1Ratio(), 0.0);
  }

  @Test
  void aSpentBudgetStopsTheRepeatsAfterTheFirstFit() {
    Dataset data = Simulation.generate(60, 20, 0.5, 5);
    // A budget of 1 ns is spent by any fit, so exactly one of the 50 asked-for repeats runs; the
    // median of one value is that value.
    BenchConfig config = new BenchConfig(1.0, 0, 50, 1e-6, new double[] {0.1}, 1, 1e-9, 0);
    BenchResult r = new Benchmark(config).run(data, 0.5, Double.NaN).result();
    assertEquals(r.firstSeconds(), r.medianSeconds(), 0.0);
  }

  @Test
  void aWarmUpFitsUntimedFirstAndStillTimesEveryRepeat() throws Exception {
    Dataset data = Simulation.generate(60, 20, 0.5, 5);
    // 1 ms is less than one fit takes here, but a positive warm-up always fits at least once.
    BenchConfig config =
        new BenchConfig(1.0, 0, 3, 1e-6, new double[] {0.1}, 1, Double.POSITIVE_INFINITY, 1e-3);
    Benchmark.Outcome o = new Benchmark(config).run(data, 0.5, Double.NaN);
    assertTrue(o.result().warmupFits() >= 1, "warm-up fits " + o.result().warmupFits());
    assertEquals(3, o.timedFits(), "the warm-up takes none of the timed repeats");
    JsonNode node = JSON.readTree(o.result().jsonLine());
    assertTrue(node.get("warmup_fits").isInt(), node.toString());
    assertTrue(node.get("warmup_fits").asInt() >= 1, node.toString());
    assertTrue(node.get("first_s").asDouble() > 0, "first_s is the first warm-up fit's time");
  }

  @Test
  void aWarmUpDoesNotSpendTheRepeatBudget() {
    Dataset data = Simulation.generate(60, 20, 0.5, 5);
    // The 0.3 s warm-up is longer than the 0.2 s budget, but warm fits of one alpha on 60 x 20 take
    // about a millisecond: all 3 repeats run only if the warm-up is not charged to the budget.
    BenchConfig config = new BenchConfig(1.0, 0, 3, 1e-6, new double[] {0.1}, 1, 0.2, 0.3);
    Benchmark.Outcome o = new Benchmark(config).run(data, 0.5, Double.NaN);
    assertTrue(o.result().warmupFits() >= 1);
    assertEquals(3, o.timedFits());
  }

  @Test
  void noWarmUpReportsZeroWarmUpFitsAndTimesTheFirstFit() throws Exception {
    Dataset data = Simulation.generate(60, 20, 0.5, 5);
    BenchConfig config =
        new BenchConfig(1.0, 0, 1, 1e-6, new double[] {0.1}, 1, Double.POSITIVE_INFINITY, 0);
    Benchmark.Outcome o = new Benchmark(config).run(data, 0.5, Double.NaN);
    assertEquals(0, o.result().warmupFits());
    assertEquals(1, o.timedFits());
    assertEquals(0, JSON.readTree(o.result().jsonLine()).get("warmup_fits").asInt());
    // One timed fit and no warm-up: first_s is that fit, and so is the median.
    assertEquals(o.result().firstSeconds(), o.result().medianSeconds(), 0.0);
    assertEquals(0.0, BenchConfig.defaults().warmupSeconds(), 0.0, "no warm-up by default");
  }

  @Test
  void aNegativeNanOrInfiniteWarmUpIsRejectedByName() {
    for (double bad : new double[] {-1, -1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new BenchConfig(1.0, 0, 1, 1e-6, null, 1, Double.POSITIVE_INFINITY, bad),
              "warmup " + bad);
      assertTrue(e.getMessage().startsWith("warmup "), e.getMessage());
    }
  }

  @Test
  void theMedianOfAnEvenCountAveragesTheMiddleTwo() {
    assertEquals(2.5, Benchmark.median(new double[] {4, 1, 3, 2}), 0.0);
    assertEquals(3.0, Benchmark.median(new double[] {5, 3, 1}), 0.0);
  }
}
