package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Model;
import org.l1path.solver.SelectionRule;
import weka.attributeSelection.LassoAttributeEval;
import weka.classifiers.functions.Lasso;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;

/**
 * {@code -penalty-factor}, {@code -lower} and {@code -upper} on Lasso and LassoAttributeEval: the
 * options round trip, malformed lists and unknown attributes are refused with messages naming the
 * option and the item, a nominal attribute's value applies to each of its indicators, and {@code
 * -lower} overrides {@code -positive}. The CPU data's attributes: vendor (nominal, 30 values),
 * MYCT, MMIN, MMAX, CACH, CHMIN, CHMAX, and the class, class.
 */
class FeatureControlsTest {
  private static final int VENDORS = 30;

  private static final String[] CONTROLS = {
    "-penalty-factor", "vendor=0.5,MYCT=2", "-lower", "vendor=-2,MMIN=-0.001", "-upper", "CACH=1"
  };

  @Test
  void theClassifierRoundTripsTheOptions() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(CONTROLS.clone());
    assertEquals("vendor=0.5,MYCT=2", lasso.getPenaltyFactors());
    assertEquals("vendor=-2,MMIN=-0.001", lasso.getLowerLimits());
    assertEquals("CACH=1", lasso.getUpperLimits());
    assertRoundTrip(lasso, new Lasso());
    assertListed(lasso);

    // Absent options are empty again, and not written.
    lasso.setOptions(new String[0]);
    assertEquals("", lasso.getPenaltyFactors());
    assertEquals("", lasso.getLowerLimits());
    assertEquals("", lasso.getUpperLimits());
    List<String> options = Arrays.asList(lasso.getOptions());
    assertTrue(
        !options.contains("-penalty-factor") && !options.contains("-lower"), options::toString);
  }

  @Test
  void theEvaluatorRoundTripsTheOptions() throws Exception {
    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(CONTROLS.clone());
    assertEquals("vendor=0.5,MYCT=2", eval.getPenaltyFactors());
    assertEquals("vendor=-2,MMIN=-0.001", eval.getLowerLimits());
    assertEquals("CACH=1", eval.getUpperLimits());
    assertRoundTrip(eval, new LassoAttributeEval());
    assertListed(eval);
  }

  private static void assertRoundTrip(OptionHandler handler, OptionHandler fresh) throws Exception {
    List<String> options = Arrays.asList(handler.getOptions());
    for (int i = 0; i < CONTROLS.length; i += 2) {
      int at = options.indexOf(CONTROLS[i]);
      assertTrue(at >= 0, CONTROLS[i] + " in " + options);
      assertEquals(CONTROLS[i + 1], options.get(at + 1));
    }
    fresh.setOptions(handler.getOptions());
    assertArrayEquals(handler.getOptions(), fresh.getOptions());
  }

  private static void assertListed(OptionHandler handler) {
    List<String> names =
        Collections.list(handler.listOptions()).stream().map(Option::name).toList();
    assertTrue(
        names.containsAll(List.of("penalty-factor", "lower", "upper", "positive")),
        names::toString);
  }

  @Test
  void malformedListsAreRefusedNamingTheOptionAndTheItem() {
    assertSetOptionsFails(
        "-penalty-factor: 'x' is not attribute=value (for example age=0.5)",
        "-penalty-factor",
        "MYCT=1,x");
    assertSetOptionsFails(
        "-penalty-factor: 'x=abc': 'abc' is not a finite number", "-penalty-factor", "x=abc");
    assertSetOptionsFails(
        "-penalty-factor: 'x=-1': the penalty factor must be >= 0", "-penalty-factor", "x=-1");
    assertSetOptionsFails(
        "-penalty-factor: 'x=Infinity': 'Infinity' is not a finite number",
        "-penalty-factor",
        "x=Infinity");
    assertSetOptionsFails("-lower: 'x=0.5': the lower limit must be <= 0", "-lower", "x=0.5");
    assertSetOptionsFails(
        "-lower: '=-1' is not attribute=value (for example age=-0.5)", "-lower", "=-1");
    assertSetOptionsFails("-upper: 'x=-1': the upper limit must be >= 0", "-upper", "x=-1");
    assertSetOptionsFails("-upper: 'x=NaN': 'NaN' is not a finite number", "-upper", "x=NaN");
    assertSetOptionsFails(
        "-lower: 'MYCT=-2': attribute 'MYCT' is given twice", "-lower", "MYCT=-1, MYCT=-2");
    assertSetOptionsFails(
        "-upper: '' is not attribute=value (for example age=2)", "-upper", "MYCT=1,");
  }

  private static void assertSetOptionsFails(String message, String option, String value) {
    Exception e =
        assertThrows(Exception.class, () -> new Lasso().setOptions(new String[] {option, value}));
    assertEquals(message, e.getMessage());
    e =
        assertThrows(
            Exception.class,
            () -> new LassoAttributeEval().setOptions(new String[] {option, value}));
    assertEquals(message, e.getMessage());
  }

  /**
   * The Explorer sets properties, not options: the same list is refused when the model is built.
   */
  @Test
  void aMalformedPropertyIsRefusedWhenBuilding() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setLowerLimits("MYCT=0.5");
    Exception e = assertThrows(Exception.class, () -> lasso.buildClassifier(TestData.cpu()));
    assertEquals("-lower: 'MYCT=0.5': the lower limit must be <= 0", e.getMessage());
  }

  @Test
  void unknownAttributesTheClassAndUnpenalizedOnesAreRefusedByBothSchemes() throws Exception {
    assertBuildFails(
        "-lower: no attribute named 'nope'; the attributes are: vendor, MYCT, MMIN, MMAX, CACH,"
            + " CHMIN, CHMAX, class",
        "-lower",
        "MYCT=-1,nope=-1");
    assertBuildFails(
        "-upper: attribute 'class' is the class, not a predictor attribute", "-upper", "class=1");
    assertBuildFails(
        "-penalty-factor: attribute 'class' is the class, not a predictor attribute",
        "-penalty-factor",
        "class=2");
    // Attribute 2 is MYCT.
    assertBuildFails(
        "-penalty-factor: attribute 'MYCT' is also in -unpenalized (penalty factor 0); give it"
            + " once",
        "-unpenalized",
        "2",
        "-penalty-factor",
        "MMIN=2,MYCT=0");
  }

  private static void assertBuildFails(String message, String... options) throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = new Lasso();
    lasso.setOptions(options.clone());
    Exception e = assertThrows(Exception.class, () -> lasso.buildClassifier(cpu));
    assertEquals(message, e.getMessage());
    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(options.clone());
    e = assertThrows(Exception.class, () -> eval.buildEvaluator(cpu));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aNominalAttributesValuesApplyToEachOfItsIndicators() throws Exception {
    Instances cpu = TestData.cpu();
    PathOptions options = new PathOptions(SelectionRule.MIN);
    options.setOptions(
        new String[] {
          "-penalty-factor", "vendor=2,MYCT=0.5", "-lower", "vendor=-2", "-upper", "vendor=3,CACH=1"
        });
    InstancesEncoder encoder = TrainingSet.of(cpu).encoder();
    // vendor's 30 indicators, then MYCT, MMIN, MMAX, CACH, CHMIN, CHMAX.
    double[] factors = new double[VENDORS + 6];
    double[] lower = new double[VENDORS + 6];
    double[] upper = new double[VENDORS + 6];
    Arrays.fill(factors, 1);
    Arrays.fill(factors, 0, VENDORS, 2);
    factors[VENDORS] = 0.5;
    Arrays.fill(lower, Double.NEGATIVE_INFINITY);
    Arrays.fill(lower, 0, VENDORS, -2);
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
    Arrays.fill(upper, 0, VENDORS, 3);
    upper[VENDORS + 3] = 1;
    assertArrayEquals(factors, FeatureControls.penaltyFactors(options, encoder));
    assertArrayEquals(lower, FeatureControls.lowerBounds(options, encoder));
    assertArrayEquals(upper, FeatureControls.upperBounds(options, encoder));

    // Unbounded, at this alpha vendor=microdata is about -80 and vendor=sperry about 39: both
    // bounds are active, on indicators the option did not name one by one.
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "0.01", "-lower", "vendor=-2", "-upper", "vendor=3"});
    lasso.buildClassifier(cpu);
    Model model = lasso.getModel();
    List<String> names = lasso.getSummary().featureNames();
    for (int j = 0; j < VENDORS; j++) {
      double b = model.coefficient(j);
      assertTrue(b >= -2 && b <= 3, names.get(j) + " = " + b);
    }
    assertEquals(-2, model.coefficient(names.indexOf("vendor=microdata")), 1e-9);
    assertEquals(3, model.coefficient(names.indexOf("vendor=sperry")), 1e-9);
  }

  @Test
  void lowerOverridesPositiveForTheAttributesItNames() throws Exception {
    Instances cpu = TestData.cpu();
    InstancesEncoder encoder = TrainingSet.of(cpu).encoder();
    PathOptions options = new PathOptions(SelectionRule.MIN);
    options.setOptions(new String[] {"-positive", "-lower", "vendor=-5"});
    double[] lower = new double[VENDORS + 6];
    Arrays.fill(lower, 0, VENDORS, -5);
    assertArrayEquals(lower, FeatureControls.lowerBounds(options, encoder));
    double[] upper = new double[VENDORS + 6];
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
    assertArrayEquals(upper, FeatureControls.upperBounds(options, encoder));
    // -positive alone leaves the bounds to the settings (every lower bound 0).
    options.setOptions(new String[] {"-positive"});
    assertNull(FeatureControls.lowerBounds(options, encoder));
    assertNull(FeatureControls.upperBounds(options, encoder));
    assertArrayEquals(new double[] {0.0}, options.settings().lowerBounds());

    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "0.01", "-positive", "-lower", "vendor=-5"});
    lasso.buildClassifier(cpu);
    Model model = lasso.getModel();
    List<String> names = lasso.getSummary().featureNames();
    boolean anyNegative = false;
    for (int j = 0; j < names.size(); j++) {
      double b = model.coefficient(j);
      assertTrue(b >= (j < VENDORS ? -5 - 1e-12 : 0), names.get(j) + " = " + b);
      anyNegative |= b < 0;
    }
    assertTrue(anyNegative, "some vendor indicator is negative, as -positive alone forbids");
    assertEquals(-5, model.coefficient(names.indexOf("vendor=microdata")), 1e-9);
  }

  @Test
  void penaltyFactorZeroLeavesAnAttributeUnpenalizedAsUnpenalizedDoes() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "1e6", "-penalty-factor", "MYCT=0,MMIN=3"});
    lasso.buildClassifier(cpu);
    Lasso unpenalized = new Lasso();
    unpenalized.setOptions(new String[] {"-alpha", "1e6", "-unpenalized", "2"});
    unpenalized.buildClassifier(cpu);
    int myct = lasso.getSummary().featureNames().indexOf("MYCT");
    assertEquals(1, lasso.getModel().nonZeroCount());
    assertTrue(lasso.getModel().coefficient(myct) != 0);
    assertEquals(
        unpenalized.getModel().coefficient(myct), lasso.getModel().coefficient(myct), 1e-9);
  }

  @Test
  void theEvaluatorFitsWithTheBounds() throws Exception {
    Instances cpu = TestData.cpu();
    int mmax = cpu.attribute("MMAX").index();
    LassoAttributeEval free = new LassoAttributeEval();
    free.buildEvaluator(cpu);
    assertTrue(free.evaluateAttribute(mmax) > 0, "MMAX is selected without bounds");

    // Both limits 0: MMAX is held at 0, so its merit is 0; the others are still ranked.
    LassoAttributeEval held = new LassoAttributeEval();
    held.setOptions(new String[] {"-lower", "MMAX=0", "-upper", "MMAX=0"});
    held.buildEvaluator(cpu);
    assertEquals(0.0, held.evaluateAttribute(mmax));
    assertTrue(held.evaluateAttribute(cpu.attribute("MMIN").index()) > 0);
  }
}
