package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Lasso;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/** The Lasso classifier's options, output, measures, batch prediction and persistence. */
class LassoClassifierTest {

  @Test
  void optionsRoundTrip() throws Exception {
    String[] given = {
      "-l1-ratio",
      "0.5,1",
      "-alpha",
      "0.25",
      "-num-alphas",
      "30",
      "-alpha-min-ratio",
      "0.01",
      "-folds",
      "5",
      "-rule",
      "1se",
      "-S",
      "7",
      "-no-standardize",
      "-unpenalized",
      "first-2",
      "-positive",
      "-tol",
      "1.0e-8",
      "-max-iter",
      "5000",
      "-storage",
      "sparse"
    };
    Lasso lasso = new Lasso();
    lasso.setOptions(given.clone());
    assertEquals("0.5,1", lasso.getL1Ratios());
    assertEquals(0.25, lasso.getAlpha());
    assertEquals(30, lasso.getNumAlphas());
    assertEquals(0.01, lasso.getAlphaMinRatio());
    assertEquals(5, lasso.getFolds());
    assertEquals("1se", lasso.getRule().getSelectedTag().getIDStr());
    assertEquals(7, lasso.getSeed());
    assertFalse(lasso.getStandardize());
    assertEquals("first-2", lasso.getUnpenalized());
    assertTrue(lasso.getPositive());
    assertEquals(1e-8, lasso.getTolerance());
    assertEquals(5000, lasso.getMaxIterations());
    assertEquals("sparse", lasso.getStorage().getSelectedTag().getIDStr());

    Lasso copy = new Lasso();
    copy.setOptions(lasso.getOptions());
    assertArrayEquals(lasso.getOptions(), copy.getOptions());
  }

  /** docs/weka.md shows the Explorer's run information for a default Lasso: its options line. */
  @Test
  void theDocumentedSchemeLineIsWhatGetOptionsEmits() throws Exception {
    List<String> schemes =
        Files.readAllLines(Path.of("..", "docs", "weka.md")).stream()
            .filter(line -> line.startsWith("Scheme:"))
            .toList();
    assertEquals(1, schemes.size(), "one Scheme: line in docs/weka.md");
    String emitted = Lasso.class.getName() + " " + Utils.joinOptions(new Lasso().getOptions());
    assertEquals(emitted, schemes.get(0).substring("Scheme:".length()).trim());
  }

  @Test
  void badOptionValuesNameTheOption() throws Exception {
    Instances cpu = TestData.cpu();
    assertMessage(cpu, new String[] {"-l1-ratio", "1.5"}, "-l1-ratio");
    assertMessage(cpu, new String[] {"-l1-ratio", "lasso"}, "-l1-ratio");
    assertMessage(cpu, new String[] {"-folds", "1"}, "-folds");
    assertMessage(cpu, new String[] {"-num-alphas", "0"}, "-num-alphas");
    assertMessage(cpu, new String[] {"-alpha-min-ratio", "2"}, "-alpha-min-ratio");
    assertMessage(cpu, new String[] {"-tol", "2"}, "-tol");
    // NaN used to mean "choose by cross-validation", as 0 does.
    assertMessage(cpu, new String[] {"-alpha", "NaN"}, "-alpha must be a finite number");
    Exception e =
        assertThrows(Exception.class, () -> new Lasso().setOptions(new String[] {"-rule", "max"}));
    assertTrue(e.getMessage().contains("-rule"), e.getMessage());
    e = assertThrows(Exception.class, () -> new Lasso().setOptions(new String[] {"-folds", "ten"}));
    assertTrue(e.getMessage().contains("-folds"), e.getMessage());
  }

  private static void assertMessage(Instances data, String[] options, String option)
      throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(options);
    Exception e = assertThrows(Exception.class, () -> lasso.buildClassifier(data));
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }

  @Test
  void toStringReportsChoiceSelectionCoefficientsAndPath() throws Exception {
    Lasso lasso = new Lasso();
    lasso.buildClassifier(TestData.cpu());
    LassoSummary s = lasso.getSummary();
    String text = lasso.toString();
    assertTrue(text.contains("Alpha chosen by 10-fold cross-validation, rule min (seed 1)"), text);
    assertTrue(text.contains(String.format(java.util.Locale.ROOT, "alpha    = %.6g", s.alpha())));
    assertTrue(text.contains("CV MSE   = "), text);
    assertTrue(
        text.contains("Selected " + s.selectedAttributes() + " of 7 attributes"), "selection line");
    assertTrue(text.contains("(intercept)"), text);
    assertTrue(text.contains("<- chosen"), text);
    // Coefficients are listed by absolute standardized size: MMAX has the largest effect here.
    List<String> lines = text.lines().toList();
    int header = lines.indexOf("Model for class, largest standardized effect first:");
    assertTrue(header >= 0, text);
    assertTrue(lines.get(header + 2).trim().startsWith("MMAX"), lines.get(header + 2));
    // The path table shows about ten alphas plus the chosen one.
    assertTrue(s.path().size() >= 10 && s.path().size() <= 11, "rows: " + s.path().size());
    assertFalse(text.contains("WARNING"), text);
  }

  /** The most digits after the decimal point of any number in {@code text}. */
  private static int mostDecimals(String text) {
    Matcher m = Pattern.compile("\\d\\.(\\d+)").matcher(text);
    int most = 0;
    while (m.find()) {
      most = Math.max(most, m.group(1).length());
    }
    return most;
  }

  @Test
  void numDecimalPlacesRoundsEveryNumberInTheModel() throws Exception {
    Lasso automatic = new Lasso();
    automatic.buildClassifier(TestData.cpu());
    assertTrue(mostDecimals(automatic.toString()) > 4, automatic.toString());
    for (int places : new int[] {0, 2, 4}) {
      Lasso lasso = new Lasso();
      lasso.setOptions(new String[] {"-num-decimal-places", Integer.toString(places)});
      assertEquals(places, lasso.getNumDecimalPlaces());
      lasso.buildClassifier(TestData.cpu());
      String text = lasso.toString();
      assertTrue(mostDecimals(text) <= places, places + " decimals:\n" + text);
      assertFalse(text.matches("(?s).*\\d[eE][-+]?\\d.*"), "no exponents:\n" + text);
      LassoSummary s = lasso.getSummary();
      assertTrue(
          text.contains("alpha    = " + Utils.doubleToString(s.alpha(), places) + "\n"), text);
      assertTrue(
          text.contains("CV MSE   = " + Utils.doubleToString(s.cvError(), places) + " +/- "), text);
      String intercept = "(intercept) " + Utils.doubleToString(s.intercepts()[0], places);
      assertTrue(
          text.lines().anyMatch(line -> line.trim().replaceAll("\\s+", " ").equals(intercept)),
          text);
    }
  }

  @Test
  void numDecimalPlacesIsAnOptionWithSignificantDigitsByDefault() throws Exception {
    Lasso lasso = new Lasso();
    assertEquals(Lasso.SIGNIFICANT_DIGITS, lasso.getNumDecimalPlaces());
    assertFalse(List.of(lasso.getOptions()).contains("-num-decimal-places"));
    // 2 is Weka's default for classifiers, which its getOptions leaves out; Lasso's is not 2.
    lasso.setOptions(new String[] {"-num-decimal-places", "2"});
    String options = Utils.joinOptions(lasso.getOptions());
    assertTrue(options.endsWith("-num-decimal-places 2"), options);
    Lasso copy = new Lasso();
    copy.setOptions(lasso.getOptions());
    assertEquals(2, copy.getNumDecimalPlaces());
    copy.setOptions(new String[0]);
    assertEquals(Lasso.SIGNIFICANT_DIGITS, copy.getNumDecimalPlaces());
  }

  @Test
  void toStringWarnsWhenAnAlphaDidNotConverge() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-max-iter", "1", "-tol", "1e-12"});
    lasso.buildClassifier(TestData.cpu());
    assertTrue(lasso.toString().contains("WARNING: alpha"), lasso.toString());
    assertFalse(lasso.getSummary().warnings().isEmpty());
  }

  @Test
  void measures() throws Exception {
    Lasso lasso = new Lasso();
    assertEquals(
        List.of("measureNumSelected", "measureAlpha", "measureCVError", "measureGamma"),
        Collections.list(lasso.enumerateMeasures()));
    lasso.buildClassifier(TestData.cpu());
    LassoSummary s = lasso.getSummary();
    assertEquals(s.selectedAttributes(), lasso.getMeasure("measureNumSelected"));
    assertEquals(s.alpha(), lasso.getMeasure("measureAlpha"));
    assertEquals(s.cvError(), lasso.getMeasure("measureCVError"));
    assertTrue(s.cvError() > 0);
    // Not relaxed: no gamma.
    assertTrue(Double.isNaN(lasso.getMeasure("measureGamma")));
    assertThrows(IllegalArgumentException.class, () -> lasso.getMeasure("measureNope"));
  }

  @Test
  void batchPredictionEqualsOneByOne() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = new Lasso();
    lasso.buildClassifier(cpu);
    assertTrue(lasso.implementsMoreEfficientBatchPrediction());
    double[][] batch = lasso.distributionsForInstances(cpu);
    for (int i = 0; i < cpu.numInstances(); i++) {
      // Same products summed in the same order, column-wise instead of row-wise: 1e-9 relative.
      double single = lasso.classifyInstance(cpu.instance(i));
      assertEquals(single, batch[i][0], 1e-9 * Math.abs(single), "instance " + i);
    }
  }

  @Test
  void constantAttributeGetsCoefficientZero() throws Exception {
    Instances cpu = TestData.cpu();
    cpu.insertAttributeAt(new Attribute("constant"), 1);
    for (int i = 0; i < cpu.numInstances(); i++) {
      cpu.instance(i).setValue(1, 3.5);
    }
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "0.01"});
    lasso.buildClassifier(cpu);
    int feature = lasso.getSummary().featureNames().indexOf("constant");
    assertEquals(0.0, lasso.getModel().coefficient(feature));
  }

  @Test
  void unpenalizedAndPositiveOptionsReachTheSolver() throws Exception {
    Instances cpu = TestData.cpu();
    // At a huge alpha every penalized coefficient is 0; the unpenalized MYCT (attribute 2) stays.
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "1e6", "-unpenalized", "2"});
    lasso.buildClassifier(cpu);
    List<String> names = lasso.getSummary().featureNames();
    assertTrue(lasso.getModel().coefficient(names.indexOf("MYCT")) != 0);
    assertEquals(1, lasso.getModel().nonZeroCount());

    Lasso positive = new Lasso();
    positive.setOptions(new String[] {"-alpha", "0.01", "-positive"});
    positive.buildClassifier(cpu);
    for (double b : positive.getModel().coefficients()) {
      assertTrue(b >= 0, "coefficient " + b);
    }
  }

  @Test
  void severalRatiosAtAFixedAlphaAreChosenByCrossValidation() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "2", "-l1-ratio", "0.2,1"});
    lasso.buildClassifier(TestData.cpu());
    assertEquals(PathFit.Choice.CROSS_VALIDATION, lasso.getSummary().how());
    assertEquals(2.0, lasso.getSummary().alpha());
    assertTrue(lasso.toString().contains("l1 ratio by the lowest CV error among [0.2, 1]"));
  }

  @Test
  void modelSurvivesSerialization() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = new Lasso();
    lasso.buildClassifier(cpu);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(lasso);
    }
    Lasso back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (Lasso) in.readObject();
    }
    assertEquals(lasso.toString(), back.toString());
    for (int i = 0; i < cpu.numInstances(); i++) {
      assertEquals(lasso.classifyInstance(cpu.instance(i)), back.classifyInstance(cpu.instance(i)));
    }
  }

  @Test
  void commandLineSavesAndLoadsTheModel(@TempDir Path dir) throws Exception {
    Path arff = dir.resolve("cpu.arff");
    Files.writeString(arff, TestData.cpu().toString());
    Path model = dir.resolve("lasso.model");
    String trained =
        Evaluation.evaluateModel(
            new Lasso(), new String[] {"-t", arff.toString(), "-d", model.toString(), "-no-cv"});
    assertTrue(Files.size(model) > 0);
    assertTrue(trained.contains("Lasso / elastic-net linear regression"), trained);
    Lasso loaded = (Lasso) SerializationHelper.read(model.toString());
    assertTrue(trained.contains(loaded.toString()), "the saved model prints the same");
    String tested =
        Evaluation.evaluateModel(
            new Lasso(), new String[] {"-l", model.toString(), "-T", arff.toString()});
    assertTrue(tested.contains("Correlation coefficient"), tested);
    assertTrue(Utils.joinOptions(loaded.getOptions()).contains("-l1-ratio 1"));
  }
}
