package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportPlotsTest {
  private static final Path DIABETES =
      Path.of(System.getProperty("l1path.reference"), "diabetes.csv");

  @Test
  void theJobWritesBothPlotsBeforeTheModel(@TempDir Path out) throws Exception {
    try (InputStream in = Files.newInputStream(DIABETES)) {
      new FitJob(1)
          .run(in, "diabetes.csv", FitRequest.defaults(), new DirectorySink(out), JobProgress.NONE);
    }

    Document path = parse(out.resolve("path.svg"));
    Document cv = parse(out.resolve("cv.svg"));
    // The diabetes data has 10 features; every one enters the default path (glmnet's grid).
    assertEquals(10, count(path, "polyline"));
    assertTrue(count(cv, "circle") > 0);
    assertTrue(
        Files.getLastModifiedTime(out.resolve("model.json")).toMillis()
            >= Files.getLastModifiedTime(out.resolve("path.svg")).toMillis());
  }

  @Test
  void withoutCrossValidationThereIsNoCvPlot(@TempDir Path out) throws Exception {
    try (InputStream in = Files.newInputStream(DIABETES)) {
      new FitJob(1)
          .run(
              in,
              "diabetes.csv",
              FitRequest.fromOptions(Map.of("folds", "0")),
              new DirectorySink(out),
              JobProgress.NONE);
    }

    assertTrue(Files.exists(out.resolve("path.svg")));
    assertFalse(Files.exists(out.resolve("cv.svg")));
  }

  private static Document parse(Path svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
  }

  private static int count(Document document, String element) {
    return document.getElementsByTagName(element).getLength();
  }
}
