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
import org.junit.jupiter.api.Test;

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
