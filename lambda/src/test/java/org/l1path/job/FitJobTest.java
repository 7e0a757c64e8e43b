package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.l1path.solver.ElasticNet;

/** The job on its own, with an in-memory sink: what it writes and in which order. */
class FitJobTest {
  /** Remembers every file in the order written. */
  private static final class RecordingSink implements ResultSink {
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<String> order = new ArrayList<>();

    @Override
    public void write(String name, byte[] bytes) {
      order.add(name);
      files.put(name, bytes);
    }
  }

  private static InputStream diabetes() throws IOException {
    String dir = System.getProperty("l1path.reference", "../reference");
    return Files.newInputStream(Path.of(dir, "diabetes.csv"));
  }

  @Test
  void modelJsonIsWrittenLast() throws IOException {
    RecordingSink sink = new RecordingSink();
    try (InputStream in = diabetes()) {
      new FitJob(2)
          .run(
              in,
              "diabetes.csv",
              FitRequest.fromOptions(Map.of("folds", "5")),
              sink,
              JobProgress.NONE);
    }
    assertEquals(
        List.of("coefficients.csv", "cv.csv", "path.svg", "cv.svg", "model.json"), sink.order);
    assertEquals(FitJob.FILES, sink.order, "FitJob.FILES lists what a fit writes");
    String json = new String(sink.files.get("model.json"), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\n  \"schema\" : \"l1path-model/1\""), json.substring(0, 40));
    assertTrue(
        json.contains("\"coefficients\" : [\n      [ 0.0, 0.0,"),
        "one line per alpha: the path starts at alpha_max, all zero");
    assertTrue(json.contains("\"mean_error\" : [\n      [ "), "one line per l1 ratio");
  }

  @Test
  void withoutCrossValidationThereIsNoCvFile() throws IOException {
    RecordingSink sink = new RecordingSink();
    try (InputStream in = diabetes()) {
      new FitJob(1)
          .run(
              in,
              "diabetes.csv",
              FitRequest.fromOptions(Map.of("folds", "0")),
              sink,
              JobProgress.NONE);
    }
    assertEquals(List.of("coefficients.csv", "path.svg", "model.json"), sink.order);
  }

  /** Counts the warnings the solver logs, on any thread, while it is open. */
  static final class SolverLog extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger(ElasticNet.class.getName());
    final AtomicInteger warnings = new AtomicInteger();

    SolverLog() {
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel() == Level.WARNING) {
        warnings.incrementAndGet();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }

  @Test
  void nonConvergenceIsCountedInTheFoldsToo() throws IOException {
    Map<String, String> options = Map.of("folds", "5", "max-iter", "2", "tol", "1e-12");
    List<Integer> counts = new ArrayList<>();
    // One thread fits the folds in turn on the job's thread; two fit them on pool threads.
    for (int threads : new int[] {1, 2}) {
      FitResult result;
      int logged;
      try (SolverLog log = new SolverLog();
          InputStream in = diabetes()) {
        result =
            new FitJob(threads)
                .fit(in, "diabetes.csv", FitRequest.fromOptions(options), JobProgress.NONE);
        logged = log.warnings.get();
      }
      assertEquals(logged, result.notConverged(), threads + " threads: one per logged warning");
      assertEquals(result.warnings().size() + result.foldWarnings(), result.notConverged());
      assertTrue(result.foldWarnings() > 0, "fold fits did not converge either");
      assertEquals(5 * result.fullDataAlphas(), result.foldAlphas());
      counts.add(result.foldWarnings());
    }
    assertEquals(counts.get(0), counts.get(1), "the same whatever the thread count");
  }

  @Test
  void aFailedFitWritesNothing() {
    RecordingSink sink = new RecordingSink();
    InputStream in = new ByteArrayInputStream("x,y\n1,2\n3\n".getBytes(StandardCharsets.UTF_8));
    assertThrows(
        InputException.class,
        () -> new FitJob().run(in, "t.csv", FitRequest.defaults(), sink, JobProgress.NONE));
    assertEquals(List.of(), sink.order);
  }

  @Test
  void progressReportsRowsAndFits() throws IOException {
    AtomicInteger lastRows = new AtomicInteger();
    AtomicInteger fits = new AtomicInteger();
    JobProgress progress =
        new JobProgress() {
          @Override
          public void rowsRead(long rows) {
            lastRows.set((int) rows);
          }

          @Override
          public void foldFinished(int done, int total) {
            fits.incrementAndGet();
          }
        };
    try (InputStream in = diabetes()) {
      new FitJob(2).fit(in, "diabetes.csv", FitRequest.fromOptions(Map.of("folds", "4")), progress);
    }
    assertEquals(442, lastRows.get());
    assertEquals(5, fits.get(), "one full-data path and four folds");
  }
}
