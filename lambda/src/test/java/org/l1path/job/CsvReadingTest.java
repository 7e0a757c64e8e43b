package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

/** Reading CSV text into columns and turning the columns into training data. */
class CsvReadingTest {

  private static CsvTable read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), "t.csv");
  }

  private static CsvTable read(byte[] bytes, String name) throws IOException {
    return CsvTableReader.read(new ByteArrayInputStream(bytes), name, JobProgress.NONE);
  }

  private static TrainingData prepare(String text, Map<String, String> options) throws IOException {
    return TrainingData.prepare(read(text), FitRequest.fromOptions(options));
  }

  private static double[] numbers(CsvTable t, int column) {
    return ((Column.Numeric) t.columns().get(column)).values();
  }

  @Test
  void quotedFieldsCrlfAndBom() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        "\"a\",\"b, with comma\"\r\n\"1.5\",x\r\n2,\"say \"\"hi\"\"\"\r\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    CsvTable t = read(all, "t.csv");
    assertEquals("a", t.columns().get(0).name(), "the BOM is not part of the first name");
    assertEquals("b, with comma", t.columns().get(1).name());
    assertArrayEquals(new double[] {1.5, 2}, numbers(t, 0));
    Column.Categorical b = (Column.Categorical) t.columns().get(1);
    assertEquals(List.of("say \"hi\"", "x"), b.levels());
    assertArrayEquals(new long[] {2, 3}, t.lineOfRow());
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorNamingLineAndColumnUnlessTheEncodingIsGiven()
      throws IOException {
    // Two Latin-1 levels that a lenient UTF-8 decoder would merge into one.
    byte[] latin1 =
        "place,y\ncaf\u00e9,1\ncaf\u00e8,2\nbar,3\n".getBytes(StandardCharsets.ISO_8859_1);
    InputException error = assertThrows(InputException.class, () -> read(latin1, "t.csv"));
    assertEquals(
        "t.csv: line 2, column 'place' (column 1): bytes that are not valid UTF-8; if the file"
            + " is in another encoding, name it with encoding (--encoding, for example"
            + " windows-1252 or ISO-8859-1)",
        error.getMessage());

    CsvTable t =
        CsvTableReader.read(
            new ByteArrayInputStream(latin1),
            "t.csv",
            StandardCharsets.ISO_8859_1,
            JobProgress.NONE);
    assertEquals(
        List.of("bar", "caf\u00e8", "caf\u00e9"),
        ((Column.Categorical) t.columns().get(0)).levels());

    byte[] badHeader = "a,b\u00e9\n1,2\n".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(
        assertThrows(InputException.class, () -> read(badHeader, "h.csv"))
            .getMessage()
            .startsWith("h.csv: line 1, column 2 of the header: bytes that are not valid UTF-8"));
  }

  @Test
  void anEncodingJavaDoesNotKnowIsAnOptionError() {
    OptionException error =
        assertThrows(
            OptionException.class, () -> FitRequest.fromOptions(Map.of("encoding", "latin-9x")));
    assertEquals(
        "invalid encoding 'latin-9x': not a character encoding Java knows (for example UTF-8,"
            + " windows-1252, ISO-8859-1)",
        error.getMessage());
    assertEquals(
        StandardCharsets.ISO_8859_1,
        FitRequest.fromOptions(Map.of("encoding", "latin1")).encoding());
  }

  @Test
  void gzipIsRecognisedByItsBytesWhateverTheName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("x,y\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
    }
    assertArrayEquals(new double[] {2, 4}, numbers(read(bytes.toByteArray(), "d.csv.gz"), 1));
    assertArrayEquals(new double[] {2, 4}, numbers(read(bytes.toByteArray(), "d.csv"), 1));
  }

  @Test
  void aGzNameWithPlainContentIsAnError() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> read("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8), "d.csv.gz"));
    assertEquals("d.csv.gz: the name ends in .gz but the content is not gzip", e.getMessage());
  }

  @Test
  void fieldsAreTrimmedAndBlankLinesSkipped() throws IOException {
    CsvTable t = read(" x , y \n 1 ,\t2\n\n3,4\n");
    assertEquals("x", t.columns().get(0).name());
    assertArrayEquals(new double[] {1, 3}, numbers(t, 0));
    assertArrayEquals(new long[] {2, 4}, t.lineOfRow(), "line numbers count the blank line");
  }

  @Test
  void aMultiLineQuotedFieldKeepsLaterLineNumbersTrue() throws IOException {
    InputException e = assertThrows(InputException.class, () -> read("x,y\n\"a\nb\",1\nc,oops\n"));
    assertEquals(
        "t.csv: line 4, column 'y': 'oops' is not a number, but the column is numeric (its first"
            + " value, '1' on line 2, was a number)",
        e.getMessage());
  }

  @Test
  void missingMarkersAreMissing() throws IOException {
    CsvTable t = read("x,y\n,1\nNA,2\nNaN,3\n?,4\nnan,5\n7,6\n");
    double[] x = numbers(t, 0);
    for (int i = 0; i < 5; i++) {
      assertTrue(Double.isNaN(x[i]), "row " + i);
    }
    assertEquals(7.0, x[5], 0.0);
  }

  @Test
  void columnKindIsSettledByTheFirstNonMissingValue() throws IOException {
    CsvTable t = read("a,b,c\nNA,,?\n1,red,NA\n2,2,NA\n");
    assertInstanceOf(Column.Numeric.class, t.columns().get(0), "leading missing values wait");
    assertInstanceOf(Column.Categorical.class, t.columns().get(1), "'2' later is a level");
    assertInstanceOf(Column.Empty.class, t.columns().get(2));
  }

  @Test
  void javaOnlyNumberSyntaxIsNotANumber() throws IOException {
    CsvTable t = read("a,b,y\n1d,0x10,1\n2f,0x11,2\n");
    assertInstanceOf(Column.Categorical.class, t.columns().get(0));
    assertInstanceOf(Column.Categorical.class, t.columns().get(1));
  }

  @Test
  void categoricalColumnsBecomeOneIndicatorPerLevelInSortedOrder() throws IOException {
    TrainingData d = prepare("colour,x,y\nred,1,10\nblue,2,20\nred,3,30\ngreen,4,40\n", Map.of());
    Dataset ds = d.dataset();
    assertEquals(List.of("colour=blue", "colour=green", "colour=red", "x"), ds.featureNames());
    assertArrayEquals(new double[] {0, 1, 0, 0}, ds.column(0));
    assertArrayEquals(new double[] {0, 0, 0, 1}, ds.column(1));
    assertArrayEquals(new double[] {1, 0, 1, 0}, ds.column(2));
    assertArrayEquals(new double[] {10, 20, 30, 40}, ds.response());
  }

  @Test
  void rowsWithAMissingTargetAreDroppedAndCounted() throws IOException {
    TrainingData d = prepare("x,y\n1,10\n2,NA\n3,\n4,40\n", Map.of());
    assertEquals(2, d.droppedMissingTarget());
    assertEquals(2, d.dataset().rows());
    assertArrayEquals(new double[] {1, 4}, d.dataset().column(0));
  }

  @Test
  void missingMeanFillsTheMeanAndTheMostFrequentLevel() throws IOException {
    TrainingData d = prepare("x,c,y\n1,a,1\nNA,b,2\n5,b,3\n3,?,4\n", Map.of("missing", "mean"));
    Dataset ds = d.dataset();
    // mean of 1, 5, 3 is 3; the most frequent level is b
    assertArrayEquals(new double[] {1, 3, 5, 3}, ds.column(0));
    assertEquals(List.of("x", "c=a", "c=b"), ds.featureNames());
    assertArrayEquals(new double[] {0, 1, 1, 1}, ds.column(2));
    assertEquals(0, d.rowsDropped());
  }

  @Test
  void missingDropDropsRowsAndCountsThem() throws IOException {
    TrainingData d =
        prepare("x,c,y\n1,a,1\nNA,b,2\n5,b,3\n3,?,4\n6,a,NA\n", Map.of("missing", "drop"));
    assertEquals(2, d.dataset().rows());
    assertEquals(1, d.droppedMissingTarget());
    assertEquals(2, d.droppedMissingFeature());
    assertEquals(3, d.rowsDropped());
    assertArrayEquals(new double[] {1, 5}, d.dataset().column(0));
  }

  @Test
  void missingErrorNamesTheFirstMissingValueInFileOrder() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> prepare("x,c,y\n1,a,1\n2,?,2\nNA,b,3\n", Map.of("missing", "error")));
    assertEquals("t.csv: line 3, column 'c': missing value (missing=error)", e.getMessage());
  }

  @Test
  void weightsAndFoldColumnsAreNotFeatures() throws IOException {
    TrainingData d =
        prepare(
            "x,w,f,y\n1,1,1,1\n2,2,2,2\n3,1,1,3\n4,2,2,4\n",
            Map.of("weights", "w", "fold-column", "f"));
    assertEquals(List.of("x"), d.dataset().featureNames());
    assertArrayEquals(new double[] {1, 2, 1, 2}, d.dataset().weights());
    assertArrayEquals(new int[] {1, 2, 1, 2}, d.foldIds());
  }

  @Test
  void theTargetDefaultsToTheLastColumn() throws IOException {
    TrainingData d = prepare("a,b\n1,2\n3,4\n", Map.of());
    assertEquals("b", d.target());
    assertEquals(2, d.columns());
  }

  @Test
  void aFileWiderThanTheColumnsCopiedTogetherKeepsEveryKindOfColumn() throws IOException {
    // 150 columns and 500 rows: the rows span several blocks and the columns several groups.
    int width = 150;
    int rows = 500;
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < width; j++) {
      text.append(j == 0 ? "" : ",").append("c").append(j);
    }
    text.append('\n');
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < width; j++) {
        text.append(j == 0 ? "" : ",").append(field(i, j));
      }
      text.append('\n');
    }
    CsvTable t = read(text.toString());
    assertEquals(rows, t.rows());
    for (int j = 0; j < width; j++) {
      Column c = t.columns().get(j);
      switch (j % 5) {
        case 0, 1 -> {
          double[] expected = new double[rows];
          for (int i = 0; i < rows; i++) {
            String f = field(i, j);
            expected[i] = f.isEmpty() ? Double.NaN : Double.parseDouble(f);
          }
          // Decimal text written and read back: exact.
          assertArrayEquals(expected, ((Column.Numeric) c).values(), c.name());
        }
        case 2, 3 -> {
          Column.Categorical cat = (Column.Categorical) c;
          for (int i = 0; i < rows; i++) {
            String f = field(i, j);
            int code = cat.codes()[i];
            assertEquals(f.equals("NA") ? null : f, code < 0 ? null : cat.levels().get(code));
          }
        }
        default -> assertInstanceOf(Column.Empty.class, c, c.name());
      }
    }
  }

  /** Numeric (some leading missing), categorical (some leading missing) and empty columns. */
  private static String field(int row, int column) {
    boolean leadingMissing = column % 2 == 1 && row < 300;
    return switch (column % 5) {
      case 0, 1 -> leadingMissing || (row + column) % 17 == 0 ? "" : row * 0.25 - column + "";
      case 2, 3 -> leadingMissing || (row + column) % 13 == 0 ? "NA" : "level" + (row + column) % 7;
      default -> "?";
    };
  }

  @Test
  void aShownValueHasItsLineBreaksAsSpacesAndIsCutAt40() {
    char[] text = "a\r\nb\n\nc\rd".toCharArray();
    assertEquals("a b c d", ColumnBuilder.shown(text, 0, text.length));
    char[] breakFirst = "\nx".toCharArray();
    assertEquals(" x", ColumnBuilder.shown(breakFirst, 0, breakFirst.length));
    char[] longText = "0123456789".repeat(5).toCharArray();
    assertEquals("0123456789".repeat(4) + "...", ColumnBuilder.shown(longText, 0, longText.length));
  }

  @Test
  void fillingMissingValuesLeavesTheTableAsRead() throws IOException {
    CsvTable t = read("x,y\n1,1\nNA,2\n5,3\n");
    TrainingData d = TrainingData.prepare(t, FitRequest.fromOptions(Map.of("missing", "mean")));
    // mean of 1 and 5 is 3
    assertArrayEquals(new double[] {1, 3, 5}, d.dataset().column(0));
    assertTrue(Double.isNaN(numbers(t, 0)[1]), "the table keeps its missing value");
    assertArrayEquals(new double[] {1, 2, 3}, d.dataset().response());
  }

  @Test
  void anIndicatorNameThatClashesWithAColumnNameIsAnError() {
    InputException e =
        assertThrows(InputException.class, () -> prepare("c,c=x,y\nx,1,1\nz,2,2\n", Map.of()));
    assertEquals(
        "t.csv: line 1: feature name 'c=x' occurs twice after one-hot encoding; rename the column",
        e.getMessage());
  }

  @Test
  void aNumericColumnTellsWhetherAnyValueIsMissing() throws IOException {
    CsvTable t = read("a,b,c,y\n1,NA,1,1\n2,2,?,2\n");
    assertFalse(((Column.Numeric) t.columns().get(0)).hasMissing());
    assertTrue(((Column.Numeric) t.columns().get(1)).hasMissing(), "a leading missing value");
    assertTrue(((Column.Numeric) t.columns().get(2)).hasMissing(), "a later missing value");
    TrainingData d = TrainingData.prepare(t, FitRequest.fromOptions(Map.of("missing", "mean")));
    // b's only value is 2 and c's is 1: the means filled in
    assertArrayEquals(new double[] {1, 2}, d.dataset().column(0));
    assertArrayEquals(new double[] {2, 2}, d.dataset().column(1));
    assertArrayEquals(new double[] {1, 1}, d.dataset().column(2));
  }
}
