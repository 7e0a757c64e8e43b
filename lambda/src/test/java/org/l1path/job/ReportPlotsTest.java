package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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

  @Test
  void aMultinomialPathHasOneLinePerFeatureAndClass(@TempDir Path out) throws Exception {
    try (InputStream in =
        Files.newInputStream(Path.of(System.getProperty("l1path.reference"), "multinomial.csv"))) {
      new FitJob(1)
          .run(
              in,
              "multinomial.csv",
              FitRequest.fromOptions(Map.of("folds", "3", "num-alphas", "15", "measure", "class")),
              new DirectorySink(out),
              JobProgress.NONE);
    }

    Document path = parse(out.resolve("path.svg"));
    NodeList titles = path.getElementsByTagName("title");
    Map<String, Integer> linesPerClass = new TreeMap<>();
    for (int i = 0; i < titles.getLength(); i++) {
      String title = titles.item(i).getTextContent();
      // Line titles are "feature [class]"; every class has lines on this data.
      String cls = title.substring(title.indexOf('[') + 1, title.length() - 1);
      linesPerClass.merge(cls, 1, Integer::sum);
    }
    assertEquals(List.of("c1", "c2", "c3"), List.copyOf(linesPerClass.keySet()));
    assertEquals(List.of("c1", "c2", "c3"), textsOfClass(path, "legend-entry"));
    assertEquals(
        List.of("mean class \u00b1 standard error"),
        textsOfClass(parse(out.resolve("cv.svg")), "y-title"));
  }

  @Test
  void aBinomialPathIsLabelledWithTheModelledClass(@TempDir Path out) throws Exception {
    try (InputStream in =
        Files.newInputStream(Path.of(System.getProperty("l1path.reference"), "binomial.csv"))) {
      new FitJob(1)
          .run(
              in,
              "binomial.csv",
              FitRequest.fromOptions(Map.of("folds", "3", "num-alphas", "15", "measure", "auc")),
              new DirectorySink(out),
              JobProgress.NONE);
    }

    Document path = parse(out.resolve("path.svg"));
    assertEquals(List.of("coefficient (log-odds of yes)"), textsOfClass(path, "y-title"));
    assertEquals(List.of(), textsOfClass(path, "legend-entry"), "one row: no class legend");
    assertEquals(
        List.of("mean auc \u00b1 standard error"),
        textsOfClass(parse(out.resolve("cv.svg")), "y-title"));
  }

  private static List<String> textsOfClass(Document document, String cssClass) {
    List<String> out = new ArrayList<>();
    NodeList texts = document.getElementsByTagName("text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element e = (Element) texts.item(i);
      if (e.getAttribute("class").equals(cssClass)) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }

  private static Document parse(Path svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
  }

  private static int count(Document document, String element) {
    return document.getElementsByTagName(element).getLength();
  }
}
