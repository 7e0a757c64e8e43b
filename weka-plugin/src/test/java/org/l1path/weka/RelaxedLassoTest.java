package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Fit;
import org.l1path.solver.FitSpec;
import org.l1path.solver.Model;
import org.l1path.solver.Progress;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;
import weka.attributeSelection.LassoAttributeEval;
import weka.classifiers.functions.Lasso;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;

/**
 * The relaxed lasso on Lasso ({@code -relax}, {@code -gamma}): the options round trip and are
 * refused with messages naming the option; a relaxed Lasso predicts as the solver's own relaxed fit
 * of the data the plugin encodes; gamma 1 is the plain lasso; the output and the measures name the
 * chosen gamma. LassoAttributeEval does not take the options.
 */
class RelaxedLassoTest {
  private static final String DEFAULT_GAMMAS = "[0, 0.25, 0.5, 0.75, 1]";

  @Test
  void theOptionsRoundTrip() throws Exception {
    Lasso lasso = new Lasso();
    assertFalse(lasso.getRelax());
    assertEquals("", lasso.getGammas());
    List<String> defaults = Arrays.asList(lasso.getOptions());
    assertFalse(defaults.contains("-relax") || defaults.contains("-gamma"), defaults::toString);

    lasso.setOptions(new String[] {"-relax", "-gamma", " 0, 0.5,1 "});
    assertTrue(lasso.getRelax());
    assertEquals("0, 0.5,1", lasso.getGammas());
    List<String> options = Arrays.asList(lasso.getOptions());
    assertTrue(options.contains("-relax"), options::toString);
    assertEquals("0, 0.5,1", options.get(options.indexOf("-gamma") + 1));
    Lasso copy = new Lasso();
    copy.setOptions(lasso.getOptions());
    assertArrayEquals(lasso.getOptions(), copy.getOptions());

    // -relax alone: the default gammas, and no -gamma written.
    lasso.setOptions(new String[] {"-relax"});
    assertTrue(lasso.getRelax());
    assertEquals("", lasso.getGammas());
    assertFalse(Arrays.asList(lasso.getOptions()).contains("-gamma"));

    // Absent options are off again.
    lasso.setOptions(new String[0]);
    assertFalse(lasso.getRelax());

    List<String> names = Collections.list(lasso.listOptions()).stream().map(Option::name).toList();
    assertTrue(names.containsAll(List.of("relax", "gamma")), names::toString);
  }

  /** The refit keeps the lasso's support, so the evaluator offers no -relax. */
  @Test
  void theEvaluatorDoesNotTakeTheOptions() throws Exception {
    LassoAttributeEval eval = new LassoAttributeEval();
    List<String> names = Collections.list(eval.listOptions()).stream().map(Option::name).toList();
    assertFalse(names.contains("relax") || names.contains("gamma"), names::toString);
    assertFalse(Arrays.asList(eval.getOptions()).contains("-relax"));
    Exception e =
        assertThrows(
            Exception.class, () -> eval.setOptions(new String[] {"-relax", "-gamma", "0.5"}));
    assertEquals("Illegal options: -relax -gamma 0.5", e.getMessage().trim());
    assertThrows(NoSuchMethodException.class, () -> LassoAttributeEval.class.getMethod("getRelax"));
  }

  @Test
  void badGammasAreRefusedNamingTheOption() {
    assertSetOptionsFails(
        "-gamma 0.5 is given without -relax: gammas blend the relaxed lasso; add -relax or leave"
            + " -gamma out",
        "-gamma",
        "0.5");
    assertSetOptionsFails(
        "-gamma: each gamma must be a number in [0, 1] (0 is the unpenalized refit, 1 the lasso),"
            + " got '1.5'",
        "-relax",
        "-gamma",
        "0,1.5");
    assertSetOptionsFails(
        "-gamma: each gamma must be a number in [0, 1] (0 is the unpenalized refit, 1 the lasso),"
            + " got 'half'",
        "-relax",
        "-gamma",
        "half");
    assertSetOptionsFails(
        "-gamma: each gamma must be a number in [0, 1] (0 is the unpenalized refit, 1 the lasso),"
            + " got ''",
        "-relax",
        "-gamma",
        "0,,1");
    assertSetOptionsFails(
        "-gamma 0,0.5: choosing among several gammas needs cross-validation, and a fixed -alpha"
            + " with one l1 ratio fits without it; give one gamma (0 is the unpenalized refit, 1"
            + " the lasso)",
        "-relax",
        "-alpha",
        "2",
        "-gamma",
        "0,0.5");
  }

  /** The refit keeps coefficient limits, as glmnet's does: the blend stays within them. */
  @Test
  void relaxedRefitsKeepCoefficientLimits() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-relax", "-upper", "vendor=3", "-alpha", "0.5", "-gamma", "0"});
    lasso.buildClassifier(TestData.cpu());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("vendor=\\S+\\s+(-?[0-9.]+)").matcher(lasso.toString());
    int seen = 0;
    while (m.find()) {
      seen++;
      assertTrue(Double.parseDouble(m.group(1)) <= 3, lasso.toString());
    }
    assertTrue(seen > 0, "some vendor level is selected:\n" + lasso);
  }

  private static void assertSetOptionsFails(String message, String... options) {
    Exception e = assertThrows(Exception.class, () -> new Lasso().setOptions(options.clone()));
    assertEquals(message, e.getMessage());
  }

  /** The Explorer sets properties, not options: the same states are refused when building. */
  @Test
  void badGammaPropertiesAreRefusedWhenBuilding() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso withoutRelax = new Lasso();
    withoutRelax.setGammas("0.5");
    Exception e = assertThrows(Exception.class, () -> withoutRelax.buildClassifier(cpu));
    assertEquals(
        "-gamma 0.5 is given without -relax: gammas blend the relaxed lasso; add -relax or leave"
            + " -gamma out",
        e.getMessage());

    Lasso fixed = new Lasso();
    fixed.setRelax(true);
    fixed.setAlpha(2);
    fixed.setGammas("0,1");
    e = assertThrows(Exception.class, () -> fixed.buildClassifier(cpu));
    assertTrue(
        e.getMessage().startsWith("-gamma 0,1: choosing among several gammas"), e::getMessage);

    Lasso outside = new Lasso();
    outside.setRelax(true);
    outside.setGammas("-0.25");
    e = assertThrows(Exception.class, () -> outside.buildClassifier(cpu));
    assertTrue(e.getMessage().startsWith("-gamma: each gamma must be"), e::getMessage);
  }

  @Test
  void aNumericClassPredictsAsTheSolversRelaxedFit() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = relaxed(new String[] {"-relax"}, cpu);
    Fit expected = solverFit(cpu, CvMeasure.MSE, AlphaGrid.automatic(), 10);
    assertSameFit(expected, lasso, cpu);
    assertChosenGammaReported(lasso, DEFAULT_GAMMAS);

    // On this data cross-validation prefers a refit (gamma below 1): the model is not the lasso's.
    Lasso plain = new Lasso();
    plain.buildClassifier(cpu);
    assertTrue(lasso.getSummary().gamma() < 1, "gamma " + lasso.getSummary().gamma());
    int differ = 0;
    for (Instance instance : cpu) {
      differ += lasso.classifyInstance(instance) != plain.classifyInstance(instance) ? 1 : 0;
    }
    assertEquals(cpu.numInstances(), differ, "every prediction differs from the plain lasso's");
  }

  @Test
  void aNominalClassPredictsAsTheSolversRelaxedFit() throws Exception {
    Instances iris = TestData.withLastClass("iris.arff");
    String[] options = {"-relax", "-num-alphas", "30", "-folds", "5"};
    Lasso lasso = relaxed(options, iris);
    Fit expected = solverFit(iris, CvMeasure.DEVIANCE, AlphaGrid.automatic(30, Double.NaN), 5);
    assertSameFit(expected, lasso, iris);
    assertChosenGammaReported(lasso, DEFAULT_GAMMAS);
  }

  @Test
  void aTwoClassPredictsAsTheSolversRelaxedFitAtTheGammasGiven() throws Exception {
    Instances cancer = TestData.withLastClass("breast-cancer.arff");
    String[] options = {"-relax", "-gamma", "0.1,0.6", "-num-alphas", "30"};
    Lasso lasso = relaxed(options, cancer);
    Fit expected =
        FitSpec.crossValidated(
                Settings.defaults(),
                new double[] {1},
                AlphaGrid.automatic(30, Double.NaN),
                CvSettings.defaults().withFolds(10).withSeed(1).withMeasure(CvMeasure.DEVIANCE))
            .withRelax(new double[] {0.1, 0.6})
            .fit(TrainingSet.of(cancer).dataset(), Progress.NONE);
    assertSameFit(expected, lasso, cancer);
    assertChosenGammaReported(lasso, "[0.1, 0.6]");
  }

  /** A fixed alpha and one l1 ratio: no cross-validation, one gamma, 0 (the refit) by default. */
  @Test
  void aFixedAlphaTakesOneGammaZeroByDefault() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = relaxed(new String[] {"-relax", "-alpha", "2"}, cpu);
    Fit expected =
        FitSpec.path(Settings.defaults(), AlphaGrid.of(2.0))
            .withRelax(new double[] {0})
            .fit(TrainingSet.of(cpu).dataset(), Progress.NONE);
    assertSameFit(expected, lasso, cpu);
    assertEquals(0.0, lasso.getSummary().gamma());
    String text = lasso.toString();
    assertTrue(text.contains("Alpha fixed by the user (-alpha); no cross-validation."), text);
    assertTrue(hasLine(text, "gamma = 0 (relaxed lasso)"), text);
    assertTrue(
        text.contains(
            "Relaxed lasso: 0 x the lasso + 1 x its unpenalized refit on the selected"
                + " attributes."),
        text);

    Lasso mostly = relaxed(new String[] {"-relax", "-alpha", "2", "-gamma", "0.7"}, cpu);
    assertEquals(0.7, mostly.getSummary().gamma());
    text = mostly.toString();
    assertTrue(hasLine(text, "gamma = 0.7 (relaxed lasso)"), text);
    // 1 - 0.7 is 0.30000000000000004 in doubles.
    assertTrue(text.contains("Relaxed lasso: 0.7 x the lasso + 0.3 x its unpenalized refit"), text);
  }

  /** gamma 1 is the lasso: the same chosen alpha and exactly the same predictions. */
  @Test
  void gammaOneIsThePlainLasso() throws Exception {
    for (Instances data : List.of(TestData.cpu(), TestData.withLastClass("labor.arff"))) {
      assertSamePredictions(data, new String[0], new String[] {"-relax", "-gamma", "1"});
      assertSamePredictions(
          data, new String[] {"-alpha", "0.05"}, new String[] {"-alpha", "0.05", "-relax"});
    }
  }

  /**
   * {@code plain} and {@code relaxed} (the same options with {@code -relax}, at gamma 1 or fixing
   * alpha) predict the same on {@code data}; with a fixed alpha the default gamma is 0, so there
   * {@code -gamma 1} is added.
   */
  private static void assertSamePredictions(Instances data, String[] plain, String[] relaxed)
      throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(plain.clone());
    lasso.buildClassifier(data);
    String[] withGammaOne = relaxed;
    if (!Arrays.asList(relaxed).contains("-gamma")) {
      withGammaOne = Arrays.copyOf(relaxed, relaxed.length + 2);
      withGammaOne[relaxed.length] = "-gamma";
      withGammaOne[relaxed.length + 1] = "1";
    }
    Lasso one = relaxed(withGammaOne, data);
    assertEquals(1.0, one.getSummary().gamma());
    assertEquals(lasso.getSummary().alpha(), one.getSummary().alpha());
    assertEquals(lasso.getSummary().cvError(), one.getSummary().cvError());
    for (Instance instance : data) {
      assertArrayEquals(
          lasso.distributionForInstance(instance), one.distributionForInstance(instance));
      assertEquals(lasso.classifyInstance(instance), one.classifyInstance(instance));
    }
    assertTrue(hasLine(one.toString(), "gamma = 1 (relaxed lasso)"), one.toString());
  }

  /**
   * labor is nearly separable: at alpha 0.05 the unpenalized refit on the lasso's selection does
   * not converge. The output says so when the model blends it in, and not at gamma 1.
   */
  @Test
  void aRefitThatDidNotConvergeIsReportedWhenTheModelUsesIt() throws Exception {
    Instances labor = TestData.withLastClass("labor.arff");
    String warning =
        "WARNING: the relaxed refit at the chosen alpha 0.0500000 did not converge: the"
            + " unpenalized fit on the selected attributes may not exist (a class separable on"
            + " them), and the model blends the refit as it ended";
    Lasso refit = relaxed(new String[] {"-relax", "-alpha", "0.05"}, labor);
    assertTrue(refit.toString().contains(warning), refit.toString());
    Lasso lasso = relaxed(new String[] {"-relax", "-alpha", "0.05", "-gamma", "1"}, labor);
    assertFalse(lasso.toString().contains("WARNING"), lasso.toString());
  }

  /** Several l1 ratios at a fixed alpha cross-validate, so they can choose among gammas. */
  @Test
  void severalRatiosAtAFixedAlphaChooseAmongGammas() throws Exception {
    Lasso lasso = relaxed(new String[] {"-relax", "-alpha", "2", "-l1-ratio", "0.5,1"}, cpu());
    assertEquals(PathFit.Choice.CROSS_VALIDATION, lasso.getSummary().how());
    assertEquals(2.0, lasso.getSummary().alpha());
    assertChosenGammaReported(lasso, DEFAULT_GAMMAS);
  }

  @Test
  void measureGammaIsTheChosenGamma() throws Exception {
    Lasso plain = new Lasso();
    assertTrue(Collections.list(plain.enumerateMeasures()).contains("measureGamma"));
    plain.buildClassifier(cpu());
    assertTrue(Double.isNaN(plain.getMeasure("measureGamma")));
    assertFalse(plain.toString().contains("gamma"), plain.toString());

    Lasso lasso = relaxed(new String[] {"-relax", "-gamma", "0.25,0.75"}, cpu());
    assertEquals(lasso.getSummary().gamma(), lasso.getMeasure("measureGamma"));
    assertTrue(List.of(0.25, 0.75).contains(lasso.getMeasure("measureGamma")));
  }

  /** Batch prediction uses the blended model too. */
  @Test
  void batchPredictionEqualsOneByOne() throws Exception {
    Instances iris = TestData.withLastClass("iris.arff");
    Lasso lasso = relaxed(new String[] {"-relax", "-num-alphas", "20", "-folds", "3"}, iris);
    double[][] batch = lasso.distributionsForInstances(iris);
    for (int i = 0; i < iris.numInstances(); i++) {
      double[] single = lasso.distributionForInstance(iris.instance(i));
      for (int c = 0; c < single.length; c++) {
        assertEquals(single[c], batch[i][c], 1e-12, "instance " + i + ", class " + c);
      }
    }
  }

  /**
   * Data with no predictor attribute has nothing to refit: the model is the lasso's, and the output
   * says so.
   */
  @Test
  void nothingToRefitLeavesTheLassosModel() throws Exception {
    Instances cpu = cpu();
    Instances onlyClass = new Instances(cpu);
    while (onlyClass.numAttributes() > 1) {
      onlyClass.deleteAttributeAt(0);
    }
    onlyClass.setClassIndex(0);
    Lasso lasso = relaxed(new String[] {"-relax"}, onlyClass);
    Lasso plain = new Lasso();
    plain.buildClassifier(onlyClass);
    assertTrue(Double.isNaN(lasso.getSummary().gamma()));
    Instance first = onlyClass.instance(0);
    assertEquals(plain.classifyInstance(first), lasso.classifyInstance(first));
    assertTrue(
        lasso
            .toString()
            .contains("Relaxed lasso: nothing to refit here, so the model is the lasso's."),
        lasso.toString());
  }

  /** Whether {@code text} has {@code line}, blanks between words collapsed and trimmed. */
  private static boolean hasLine(String text, String line) {
    return text.lines().anyMatch(l -> l.trim().replaceAll("\\s+", " ").equals(line));
  }

  private static Instances cpu() throws Exception {
    return TestData.cpu();
  }

  private static Lasso relaxed(String[] options, Instances data) throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(options.clone());
    lasso.buildClassifier(data);
    return lasso;
  }

  /**
   * The solver's relaxed fit of {@code data} as the plugin encodes it, with Lasso's defaults: l1
   * ratio 1, rule min, seed 1, glmnet's gammas.
   */
  private static Fit solverFit(Instances data, CvMeasure measure, AlphaGrid grid, int folds) {
    return FitSpec.crossValidated(
            Settings.defaults(),
            new double[] {1},
            grid,
            CvSettings.defaults()
                .withFolds(folds)
                .withSeed(1)
                .withRule(SelectionRule.MIN)
                .withMeasure(measure))
        .withRelax(FitSpec.defaultGammas())
        .fit(TrainingSet.of(data).dataset(), Progress.NONE);
  }

  /**
   * Lasso chose {@code expected}'s alpha and gamma, and its predictions (one by one) are those of
   * {@code expected}'s model on the rows the plugin encodes, to 1e-12.
   */
  private static void assertSameFit(Fit expected, Lasso lasso, Instances data) throws Exception {
    assertNotNull(expected.relaxed());
    LassoSummary s = lasso.getSummary();
    assertTrue(s.relaxed());
    assertEquals(expected.alpha(), s.alpha());
    assertEquals(expected.gamma(), s.gamma());
    Model model = expected.model();
    InstancesEncoder encoder = TrainingSet.of(data).encoder();
    for (int i = 0; i < data.numInstances(); i++) {
      Instance instance = data.instance(i);
      double[] row = encoder.row(instance);
      if (data.classAttribute().isNumeric()) {
        double want = model.predict(row);
        assertEquals(
            want,
            lasso.classifyInstance(instance),
            1e-12 * Math.max(1, Math.abs(want)),
            "instance " + i);
      } else {
        double[] want = model.probabilities(row);
        double[] got = lasso.distributionForInstance(instance);
        assertEquals(want.length, got.length);
        for (int c = 0; c < want.length; c++) {
          assertEquals(want[c], got[c], 1e-12, "instance " + i + ", class " + c);
        }
      }
    }
  }

  /** The chosen gamma is one of {@code grid} and the output names it, and how it was chosen. */
  private static void assertChosenGammaReported(Lasso lasso, String grid) {
    double gamma = lasso.getSummary().gamma();
    List<String> gammas =
        Arrays.stream(lasso.getSummary().gammas()).mapToObj(OptionValues::format).toList();
    assertEquals(grid, gammas.toString());
    assertTrue(gammas.contains(OptionValues.format(gamma)), gamma + " in " + gammas);
    String text = lasso.toString();
    String line =
        "gamma = "
            + OptionValues.format(gamma)
            + " (relaxed lasso, chosen with alpha among "
            + grid
            + ")";
    assertTrue(hasLine(text, line), text);
    assertTrue(
        text.contains(
            "Relaxed lasso: "
                + OptionValues.format(gamma)
                + " x the lasso + "
                + OptionValues.format(Math.round((1 - gamma) * 1e12) / 1e12)
                + " x its unpenalized refit on the selected attributes."),
        text);
    assertTrue(
        text.contains("dev.ratio is the lasso's, CV at gamma " + OptionValues.format(gamma)));
    assertNotEquals(-1, text.indexOf("<- chosen"));
  }
}
