package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every usage and input error of {@code l1path fit}: exit status 2 and one line on stderr that
 * names the file, line and column, or the option and its value.
 */
class BadInputTest {
  private static final String GOOD = "x,y,z\n1,2,3\n2,1,5\n3,4,7\n4,3,9\n5,6,11\n6,5,13\n";

  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  /** Runs {@code fit FILE args...} and checks the status and the single line of stderr. */
  private void assertFails(String text, String expected, String... args) throws IOException {
    Path f = file("d.csv", text);
    List<String> all = new ArrayList<>(List.of("fit", f.toString(), "--out", out().toString()));
    all.addAll(List.of(args));
    Cli run = Cli.run(all.toArray(new String[0]));
    assertEquals(2, run.status(), run.err());
    assertEquals("l1path: " + expected.replace("FILE", f.toString()) + "\n", run.err());
    assertEquals("", run.out());
    assertFalse(Files.exists(out()), "a failed run writes nothing");
  }

  private Path out() {
    return tmp.resolve("out");
  }

  @Test
  void raggedRowTooShort() throws IOException {
    assertFails(
        "x,y,z\n1,2,3\n4,5\n",
        "FILE: line 3: 2 fields, but the header has 3: column 'z' (column 3) is missing");
  }

  @Test
  void aSemicolonSeparatedFileIsNamedAsSuch() throws IOException {
    assertFails(
        "x;y;z\n1;2;3\n2;1;5\n",
        "FILE: line 1: the header is one column, 'x;y;z', separated by ';'; the file must be"
            + " comma-separated");
  }

  @Test
  void aTabSeparatedFileIsNamedAsSuch() throws IOException {
    assertFails(
        "x\ty\tz\n1\t2\t3\n2\t1\t5\n",
        "FILE: line 1: the header is one column, 'x\ty\tz', separated by tabs; the file must be"
            + " comma-separated");
  }

  @Test
  void aFileWithoutFeatureColumns() throws IOException {
    assertFails(
        "y,w\n1,1\n2,1\n3,2\n",
        "FILE: no feature columns: every column is the target, weights or fold ids ('y', 'w')",
        "--target",
        "y",
        "--weights",
        "w");
    assertFails(
        "y\n1\n2\n3\n",
        "FILE: no feature columns: every column is the target, weights or fold ids ('y')");
  }

  @Test
  void aValueBeyondTheLargestMagnitudeNamesItsLine() throws IOException {
    assertFails(
        "x,y\n1,2\n-3e200,3\n",
        "FILE: line 3, column 'x': '-3e200' is beyond +-1e100, the largest magnitude a fit"
            + " handles; rescale the column (for example to other units)");
  }

  @Test
  void aColumnThatVariesByLessThanTheSmallestSpreadIsRefused() throws IOException {
    assertFails(
        "x,z,y\n0,1,2\n1e-200,2,3\n0,3,1\n1e-200,4,5\n",
        "FILE: column 'x' varies only by 1.0E-200 (rows 1 and 2); values that differ"
            + " must differ by at least 1e-100 (rescale it)",
        "--folds",
        "2");
  }

  @Test
  void raggedRowTooLong() throws IOException {
    assertFails(
        "x,y\n1,2\n3,4,5\n",
        "FILE: line 3: 3 fields, but the header has 2: extra field after column 'y' (column 2)");
  }

  @Test
  void laterNonNumberInANumericColumn() throws IOException {
    assertFails(
        "x,y\n1,2\n2,3\nabc,4\n",
        "FILE: line 4, column 'x': 'abc' is not a number, but the column is numeric (its first"
            + " value, '1' on line 2, was a number)");
  }

  @Test
  void longValuesAreShortenedInMessages() throws IOException {
    String value = "v".repeat(100);
    assertFails(
        "x,y\n1,2\n" + value + ",3\n",
        "FILE: line 3, column 'x': '"
            + "v".repeat(40)
            + "...' is not a number, but the column is numeric (its first value, '1' on line 2,"
            + " was a number)");
  }

  @Test
  void characterAfterClosingQuote() throws IOException {
    assertFails(
        "x,y\n1,2\n\"3\"x,4\n",
        "FILE: Exception when reading record that started in line 3: Unexpected character after"
            + " closing quote: 'x' (0x78)");
  }

  @Test
  void emptyFile() throws IOException {
    assertFails("", "FILE: line 1: the file is empty; a header row naming the columns is required");
  }

  @Test
  void headerOnly() throws IOException {
    assertFails("x,y\n", "FILE: line 2: the file has a header but no data rows");
  }

  @Test
  void headerAndBlankLinesOnly() throws IOException {
    assertFails("\nx,y\r\n\r\n\n", "FILE: line 3: the file has a header but no data rows");
  }

  @Test
  void duplicateColumnName() throws IOException {
    assertFails(
        "x,y,x\n1,2,3\n", "FILE: line 1, column 3: duplicate column name 'x' (also column 1)");
  }

  @Test
  void emptyColumnName() throws IOException {
    assertFails("x,,y\n1,2,3\n", "FILE: line 1, column 2: the header gives this column no name");
  }

  @Test
  void unknownTarget() throws IOException {
    assertFails(
        GOOD,
        "FILE: line 1: no column named 'nope' (given as target); the columns are: x, y, z",
        "--target",
        "nope");
  }

  @Test
  void unknownWeightsColumn() throws IOException {
    assertFails(
        GOOD,
        "FILE: line 1: no column named 'w' (given as weights); the columns are: x, y, z",
        "--weights",
        "w");
  }

  private static final String THREE_CLASSES = "x,class\n1,a\n2,b\n3,c\n4,a\n5,b\n6,c\n";

  @Test
  void gaussianOnATextTarget() throws IOException {
    assertFails(
        "x,class\n1,no\n2,yes\n",
        "FILE: line 2, column 'class': the target value 'no' is not a number, so family gaussian"
            + " does not apply; use family auto, binomial or multinomial",
        "--family",
        "gaussian");
  }

  @Test
  void targetWithOneClass() throws IOException {
    // The row with a missing target is dropped first, so 'yes' never counts as a class.
    assertFails(
        "x,class\n1,no\n2,no\n3,NA\n",
        "FILE: column 'class': the target has one class ('no') in the 2 rows fitted;"
            + " classification needs at least 2");
  }

  @Test
  void numericTargetForcedToClassesWithOneValue() throws IOException {
    assertFails(
        "x,y\n1,3\n2,3\n",
        "FILE: column 'y': the target has one class ('3') in the 2 rows fitted; classification"
            + " needs at least 2",
        "--family",
        "binomial");
  }

  @Test
  void aucWithThreeClasses() throws IOException {
    assertFails(
        THREE_CLASSES,
        "FILE: column 'class': measure auc does not apply to 3 classes (a, b, c), fitted as"
            + " multinomial; use deviance or class",
        "--measure",
        "auc",
        "--folds",
        "2");
  }

  @Test
  void binomialWithThreeClasses() throws IOException {
    assertFails(
        THREE_CLASSES,
        "FILE: column 'class': family binomial needs 2 classes, but the target has 3 (a, b, c);"
            + " use family multinomial or auto",
        "--family",
        "binomial");
  }

  @Test
  void classificationMeasureOnANumericTarget() throws IOException {
    assertFails(
        GOOD,
        "FILE: column 'z': measure deviance does not apply to a numeric target, fitted as"
            + " gaussian; use mse",
        "--measure",
        "deviance");
  }

  @Test
  void missingValueUnderMissingError() throws IOException {
    assertFails(
        "x,y,z\n1,2,3\n2,NA,4\n",
        "FILE: line 3, column 'y': missing value (missing=error)",
        "--missing",
        "error");
  }

  @ParameterizedTest
  @CsvSource({"inf", "-Infinity", "+INF", "1e999"})
  void infiniteValue(String value) throws IOException {
    assertFails(
        "x,y\n1,2\n" + value + ",3\n",
        "FILE: line 3, column 'x': '"
            + value
            + "' is infinite; only finite numbers or a missing value (empty, NA, NaN, ?) are"
            + " allowed");
  }

  @Test
  void identifierLikeCategoricalColumn() throws IOException {
    StringBuilder sb = new StringBuilder("id,y\n");
    for (int i = 0; i <= 10_000; i++) {
      sb.append("row").append(i).append(',').append(i % 7).append('\n');
    }
    assertFails(
        sb.toString(),
        "FILE: column 'id': 10001 distinct non-numeric values (first 'row0' on line 2); a"
            + " categorical column may have at most 10000 levels. Is it an identifier? Remove it");
  }

  @Test
  void weightsColumnIsTheDefaultTarget() throws IOException {
    assertFails(
        GOOD,
        "FILE: column 'z' is the target (the last column unless target is given), so it cannot"
            + " also be the weights column",
        "--weights",
        "z");
  }

  @Test
  void negativeWeight() throws IOException {
    assertFails(
        "x,w,y\n1,1,2\n2,-1,3\n",
        "FILE: line 3, column 'w': weight is -1.0; weights must be numbers >= 0",
        "--weights",
        "w");
  }

  @Test
  void foldColumnWithOneFold() throws IOException {
    assertFails(
        "x,f,y\n1,1,2\n2,1,3\n",
        "FILE: column 'f': the fold column names 1 fold; cross-validation needs at least 2",
        "--fold-column",
        "f");
  }

  @Test
  void moreFoldsThanRows() throws IOException {
    assertFails(GOOD, "FILE: folds is 10, but only 6 rows are left to fit");
  }

  @Test
  void everyTargetMissing() throws IOException {
    assertFails(
        "x,y\n1,NA\n2,\n", "FILE: column 'y': the target has no values (every row is missing)");
  }

  @ParameterizedTest(name = "--{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "l1-ratio|2|invalid l1-ratio '2': each ratio must be in [0, 1]",
        "l1-ratio|0.5,x|invalid l1-ratio '0.5,x': 'x' is not a finite number",
        "folds|1|invalid folds '1': use 0 (no cross-validation) or at least 2 folds",
        "folds|-3|invalid folds '-3': use 0 (no cross-validation) or at least 2 folds",
        "folds|ten|invalid folds 'ten': not a whole number",
        "alphas|1,-2|invalid alphas '-2': each alpha must be finite and > 0",
        "alphas|1,0|invalid alphas '0': each alpha must be finite and > 0",
        "alphas|1,NaN|invalid alphas '1,NaN': 'NaN' is not a finite number",
        "num-alphas|0|invalid num-alphas '0': must be at least 1",
        "alpha-min-ratio|1|invalid alpha-min-ratio '1': must be between 0 and 1, exclusive",
        "tol|0|invalid tol '0': must be between 0 and 1, exclusive",
        "max-iter|0|invalid max-iter '0': must be at least 1",
        "seed|1.5|invalid seed '1.5': not a whole number",
        "rule|max|invalid rule 'max': must be min or 1se",
        "standardize|yes|invalid standardize 'yes': must be true or false",
        "intercept|1|invalid intercept '1': must be true or false",
        "fold-assignment|stratified|invalid fold-assignment 'stratified': must be random or"
            + " contiguous",
        "missing|impute|invalid missing 'impute': must be error, drop or mean",
        "family|poisson|invalid family 'poisson': must be auto, gaussian, binomial or"
            + " multinomial",
        "measure|mae|invalid measure 'mae': must be auto, deviance, class, auc or mse",
        "penalty-factor|x=-1|invalid penalty-factor 'x=-1': the value must be finite and >= 0",
        "penalty-factor|x|invalid penalty-factor 'x': 'x' is not column=value (for example"
            + " age=0.5)",
        "penalty-factor|x=1,x=2|invalid penalty-factor 'x=1,x=2': column 'x' is given twice",
        "lower|x=0.5|invalid lower 'x=0.5': the value must be finite and <= 0 (glmnet's"
            + " lower.limits)",
        "lower|x=-inf|invalid lower 'x=-inf': '-inf' (for column 'x') is not a finite number",
        "upper|x=-1|invalid upper 'x=-1': the value must be finite and >= 0 (glmnet's"
            + " upper.limits)",
        "upper|=1|invalid upper '=1': '=1' is not column=value (for example age=0.5)",
      })
  void badOptionValue(String option, String value, String expected) throws IOException {
    assertFails(GOOD, expected, "--" + option, value);
  }

  @ParameterizedTest(name = "--family {0} --measure {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gaussian|auc|invalid measure 'auc': family gaussian takes mse",
        "binomial|mse|invalid measure 'mse': family binomial takes deviance, class or auc",
        "multinomial|auc|invalid measure 'auc': family multinomial takes deviance or class",
      })
  void measureThatDoesNotFitTheFamily(String family, String measure, String expected)
      throws IOException {
    assertFails(THREE_CLASSES, expected, "--family", family, "--measure", measure);
  }

  @Test
  void alphasTogetherWithNumAlphas() throws IOException {
    assertFails(
        GOOD,
        "invalid alphas '1,2': give either alphas or num-alphas / alpha-min-ratio, not both",
        "--alphas",
        "1,2",
        "--num-alphas",
        "5");
  }

  @Test
  void severalRatiosWithoutCrossValidation() throws IOException {
    assertFails(
        GOOD,
        "invalid l1-ratio '0.5,1': choosing among several ratios needs cross-validation, but"
            + " folds is 0",
        "--l1-ratio",
        "0.5,1",
        "--folds",
        "0");
  }

  @Test
  void unknownOption() throws IOException {
    assertFails(GOOD, "unknown option --lambda (see l1path fit --help)", "--lambda", "1");
  }

  @Test
  void optionWithoutValue() throws IOException {
    assertFails(GOOD, "option --target needs a value", "--target");
  }

  @Test
  void optionGivenTwice() throws IOException {
    assertFails(GOOD, "option --folds given twice", "--folds", "3", "--folds", "4");
  }

  @Test
  void noInputFile() {
    Cli run = Cli.run("fit", "--folds", "3");
    assertEquals(2, run.status());
    assertEquals("l1path: no input file: l1path fit FILE.csv [options] (see --help)\n", run.err());
  }

  @Test
  void inputFileDoesNotExist() {
    Path missing = tmp.resolve("nothere.csv");
    Cli run = Cli.run("fit", missing.toString(), "--out", out().toString());
    assertEquals(2, run.status());
    assertEquals("l1path: cannot read " + missing + ": no such file or directory\n", run.err());
  }

  @Test
  void unknownCommand() {
    Cli run = Cli.run("fitt", "x.csv");
    assertEquals(2, run.status());
    assertEquals("l1path: unknown command 'fitt' (try l1path --help)\n", run.err());
  }

  @Test
  void noArgumentsPrintsUsageToStderr() {
    Cli run = Cli.run();
    assertEquals(2, run.status());
    assertEquals(Usage.MAIN, run.err());
  }

  @Test
  void aFailingRunLeavesAnEarlierRunsFilesIntact() throws IOException {
    Path good = file("good.csv", GOOD);
    Cli first = Cli.run("fit", good.toString(), "--out", out().toString(), "--folds", "3");
    assertEquals(0, first.status(), first.err());
    List<Path> files = list(out());
    List<byte[]> before = new ArrayList<>();
    for (Path f : files) {
      before.add(Files.readAllBytes(f));
    }
    Path bad = file("bad.csv", GOOD + "1,2\n");
    for (String[] args :
        List.of(
            new String[] {"fit", bad.toString(), "--out", out().toString()},
            new String[] {"fit", good.toString(), "--out", out().toString(), "--tol", "2"},
            new String[] {"fit", good.toString(), "--out", out().toString(), "--target", "q"})) {
      assertEquals(2, Cli.run(args).status());
    }
    assertEquals(files, list(out()), "no file added or removed, no temporary file left");
    for (int i = 0; i < files.size(); i++) {
      assertArrayEquals(before.get(i), Files.readAllBytes(files.get(i)), files.get(i).toString());
    }
  }

  @Test
  void outputPathThatIsAFile() throws IOException {
    Path good = file("good.csv", GOOD);
    Path taken = file("taken", "not a directory");
    Cli run = Cli.run("fit", good.toString(), "--out", taken.toString());
    assertEquals(2, run.status());
    assertEquals(
        "l1path: cannot write to " + taken + ": it exists and is not a directory\n", run.err());
    assertEquals("not a directory", Files.readString(taken));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
