package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.Family;
import org.l1path.solver.SparseFeatures;
import org.l1path.solver.Storage;

/** Reading svmlight / libsvm text into sparse rows, and the rows into training data. */
class SvmlightReadingTest {

  private static SvmlightData read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), "t.svm");
  }

  private static SvmlightData read(byte[] bytes, String name) throws IOException {
    return SvmlightReader.read(
        new ByteArrayInputStream(bytes), name, StandardCharsets.UTF_8, JobProgress.NONE);
  }

  private static TrainingData prepare(String text, Map<String, String> options) throws IOException {
    return SvmlightTraining.prepare(read(text), FitRequest.fromOptions(options));
  }

  private static String error(String text) {
    return assertThrows(InputException.class, () -> read(text)).getMessage();
  }

  @Test
  void labelsQidCommentsAndBlankLines() throws IOException {
    SvmlightData d =
        read(
            "# a comment line\n"
                + "+1 qid:3 1:0.5 4:2 # trailing comment 9:9\n"
                + "\n"
                + "   \t\n"
                + "-1 2:-1.5e1\t3:1\r\n"
                + "2.5\n"
                + "0 1:0 4:1\n");
    assertArrayEquals(new double[] {1, -1, 2.5, 0}, d.labels());
    assertArrayEquals(new long[] {2, 5, 6, 7}, d.lineOfRow(), "file lines, 1-based");
    SparseFeatures x = d.features();
    assertEquals(4, x.rows());
    assertEquals(4, x.features(), "the largest index; the comment's 9:9 is not read");
    assertArrayEquals(new double[] {0.5, 0, 0, 0}, x.column(0), 1e-15);
    assertArrayEquals(new double[] {0, -15, 0, 0}, x.column(1), 1e-15);
    assertArrayEquals(new double[] {0, 1, 0, 0}, x.column(2), 1e-15);
    assertArrayEquals(new double[] {2, 0, 0, 1}, x.column(3), 1e-15);
    assertEquals(5, x.nonZeros(), "the explicit 1:0 is not stored");
  }

  @Test
  void gzipIsReadByItsFirstBytes() throws IOException {
    String text = "1 2:3\n-1 1:4 3:5\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    SvmlightData zipped = read(bytes.toByteArray(), "t.svm.gz");
    SvmlightData plain = read(text);
    assertArrayEquals(plain.labels(), zipped.labels());
    assertEquals(3, zipped.features().features());
    for (int j = 0; j < 3; j++) {
      assertArrayEquals(plain.features().column(j), zipped.features().column(j));
    }
    String notGzip =
        assertThrows(
                InputException.class,
                () -> read(text.getBytes(StandardCharsets.UTF_8), "plain.svm.gz"))
            .getMessage();
    assertTrue(notGzip.contains("not gzip"), notGzip);
  }

  @Test
  void eachMalformedLineIsNamedByItsFileLine() {
    String ok = "# header comment\n1 1:1 2:1\n\n";
    // Line 4 in every case: a comment, a good line and a blank line come first.
    String decreasing = error(ok + "1 3:1 2:1\n");
    assertTrue(decreasing.startsWith("t.svm: line 4: index 2 after index 3"), decreasing);
    String repeated = error(ok + "1 3:1 3:2\n");
    assertTrue(repeated.startsWith("t.svm: line 4: index 3 after index 3"), repeated);
    String value = error(ok + "1 1:1 2:abc\n");
    assertTrue(value.startsWith("t.svm: line 4, index 2: the value 'abc' is not a number"), value);
    String label = error(ok + "yes 1:1\n");
    assertTrue(label.startsWith("t.svm: line 4: the label 'yes' is not a number"), label);
    String zero = error(ok + "1 0:1 2:1\n");
    assertTrue(zero.startsWith("t.svm: line 4: index 0; svmlight indices start at 1"), zero);
    String colon = error(ok + "1 1:1 2\n");
    assertTrue(colon.startsWith("t.svm: line 4: '2' has no ':'"), colon);
    String index = error(ok + "1 x:1\n");
    assertTrue(index.startsWith("t.svm: line 4: the index 'x' is not a whole number"), index);
    String infinite = error(ok + "1 1:inf\n");
    assertTrue(
        infinite.startsWith("t.svm: line 4, index 1: the value 'inf' is infinite"), infinite);
    String qid = error(ok + "1 1:1 qid:2\n");
    assertTrue(qid.startsWith("t.svm: line 4: 'qid:2' after a feature"), qid);
  }

  @Test
  void aFileWithoutDataOrFeaturesIsRefused() {
    String empty = error("# only a comment\n\n");
    assertTrue(empty.startsWith("t.svm: no data lines in 2 lines"), empty);
    String labelsOnly = error("1\n2\n");
    assertTrue(labelsOnly.startsWith("t.svm: no features"), labelsOnly);
  }

  @Test
  void numericLabelsAreGaussianUnlessAClassFamilyIsAsked() throws IOException {
    String text = "1 1:1 3:2\n-1 2:1\n1 1:2\n-1 3:1\n";
    TrainingData gaussian = prepare(text, Map.of());
    assertEquals(Family.GAUSSIAN, gaussian.dataset().family());
    assertEquals(List.of("f1", "f2", "f3"), gaussian.dataset().featureNames());
    assertEquals("label", gaussian.target());
    assertEquals(4, gaussian.columns(), "three features and the label");

    Dataset binomial = prepare(text, Map.of("family", "binomial")).dataset();
    assertEquals(Family.BINOMIAL, binomial.family());
    assertEquals(List.of("-1", "1"), binomial.classes(), "by value, as a numeric CSV target");
    assertEquals(Storage.SPARSE, binomial.storage(), "svmlight data arrives sparse");

    Dataset three = prepare("1 1:1\n2 2:1\n3 1:1 2:1\n1 2:2\n", Map.of("family", "auto")).dataset();
    assertEquals(Family.GAUSSIAN, three.family(), "numbers are a numeric response under auto");
    Dataset multinomial =
        prepare("1 1:1\n2 2:1\n3 1:1 2:1\n1 2:2\n", Map.of("family", "multinomial")).dataset();
    assertEquals(List.of("1", "2", "3"), multinomial.classes());
  }

  @Test
  void featureControlsNameFeaturesByIndexAndColumnsAreRefused() throws IOException {
    String text = "1 1:1 3:2\n-1 2:1\n1 1:2\n-1 3:1\n";
    TrainingData controlled =
        prepare(text, Map.of("unpenalized", "f2", "penalty-factor", "f3=2", "upper", "f1=0.5"));
    assertArrayEquals(new double[] {1, 0, 2}, controlled.penaltyFactors());
    assertArrayEquals(
        new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
        controlled.lowerBounds());
    assertArrayEquals(
        new double[] {0.5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
        controlled.upperBounds());
    assertNull(prepare(text, Map.of()).penaltyFactors());

    String unknown =
        assertThrows(InputException.class, () -> prepare(text, Map.of("unpenalized", "f4")))
            .getMessage();
    assertTrue(unknown.contains("no feature named 'f4' (given as unpenalized)"), unknown);
    assertTrue(unknown.contains("f1 to f3"), unknown);
    String leadingZero =
        assertThrows(InputException.class, () -> prepare(text, Map.of("lower", "f01=-1")))
            .getMessage();
    assertTrue(leadingZero.contains("no feature named 'f01'"), leadingZero);
    for (String option : List.of("target", "weights", "fold-column")) {
      String message =
          assertThrows(InputException.class, () -> prepare(text, Map.of(option, "w"))).getMessage();
      assertTrue(message.startsWith("t.svm: " + option + " 'w' names a column"), message);
    }
  }

  @Test
  void theFormatIsToldByTheNameUnlessGiven() {
    for (String name :
        List.of("a.svm", "dir/a.SVMLIGHT", "a.libsvm", "a.svm.gz", "s3://b/k/a.libsvm.GZ")) {
      assertEquals(InputFormat.SVMLIGHT, InputFormat.of(name, null), name);
      assertEquals(InputFormat.CSV, InputFormat.of(name, InputFormat.CSV), name);
    }
    for (String name : List.of("a.csv", "a.csv.gz", "a.svm.csv", "svm", "a.txt")) {
      assertEquals(InputFormat.CSV, InputFormat.of(name, null), name);
      assertEquals(InputFormat.SVMLIGHT, InputFormat.of(name, InputFormat.SVMLIGHT), name);
    }
    FitRequest request = FitRequest.fromOptions(Map.of("format", "svmlight", "storage", "dense"));
    assertEquals(InputFormat.SVMLIGHT, request.format());
    assertEquals(Storage.DENSE, request.storage());
    assertNull(FitRequest.fromOptions(Map.of("format", "auto")).format());
    assertEquals(Storage.AUTO, FitRequest.defaults().storage());
    assertEquals(
        "invalid format 'arff': must be auto, csv or svmlight",
        assertThrows(OptionException.class, () -> FitRequest.fromOptions(Map.of("format", "arff")))
            .getMessage());
    assertEquals(
        "invalid storage 'compressed': must be auto, dense or sparse",
        assertThrows(
                OptionException.class,
                () -> FitRequest.fromOptions(Map.of("storage", "compressed")))
            .getMessage());
  }
}
