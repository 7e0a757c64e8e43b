package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;
import org.l1path.solver.FoldAssignment;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;

/** Options by name into a request: defaults, every option, and the messages for bad values. */
class FitRequestTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    FitRequest r = FitRequest.defaults();
    assertNull(r.target());
    assertNull(r.weights());
    assertArrayEquals(new double[] {1.0}, r.l1Ratios());
    assertNull(r.alphas());
    assertEquals(100, r.numAlphas());
    assertTrue(Double.isNaN(r.alphaMinRatio()), "glmnet's default, chosen by shape");
    assertEquals(10, r.folds());
    assertEquals(FoldAssignment.RANDOM, r.foldAssignment());
    assertNull(r.foldColumn());
    assertEquals(1L, r.seed());
    assertEquals(SelectionRule.MIN, r.rule());
    assertTrue(r.standardize());
    assertTrue(r.intercept());
    assertEquals(Settings.DEFAULT_TOLERANCE, r.tolerance());
    assertEquals(Settings.DEFAULT_MAX_ITERATIONS, r.maxIterations());
    assertEquals(MissingPolicy.MEAN, r.missing());
    assertNull(r.family(), "auto: chosen by the target");
    assertEquals(CvMeasure.AUTO, r.measure());
    assertEquals(List.of(), r.unpenalized());
    assertFalse(r.positive());
  }

  @Test
  void familyAndMeasureAreRead() {
    FitRequest r = FitRequest.fromOptions(Map.of("family", " Multinomial ", "measure", "CLASS"));
    assertEquals(Family.MULTINOMIAL, r.family());
    assertEquals(CvMeasure.CLASS, r.measure());
    assertNull(FitRequest.fromOptions(Map.of("family", "auto")).family());
    assertNotEquals(r, FitRequest.fromOptions(Map.of("family", "multinomial")));
    assertTrue(r.toString().contains("family=multinomial, measure=class"), r.toString());
  }

  @Test
  void everyOptionIsRead() {
    Map<String, String> o = new HashMap<>();
    o.put("target", "y");
    o.put("weights", "w");
    o.put("l1-ratio", "0.1, 0.9");
    o.put("folds", "5");
    o.put("fold-assignment", "contiguous");
    o.put("seed", "-7");
    o.put("rule", "1SE");
    o.put("standardize", "false");
    o.put("intercept", "FALSE");
    o.put("tol", "1e-9");
    o.put("max-iter", "50");
    o.put("missing", "drop");
    o.put("num-alphas", "20");
    o.put("alpha-min-ratio", "0.001");
    o.put("unpenalized", " age, sex ");
    o.put("positive", "TRUE");
    FitRequest r = FitRequest.fromOptions(o);
    assertEquals("y", r.target());
    assertEquals("w", r.weights());
    assertArrayEquals(new double[] {0.1, 0.9}, r.l1Ratios());
    assertEquals(5, r.folds());
    assertEquals(FoldAssignment.CONTIGUOUS, r.foldAssignment());
    assertEquals(-7L, r.seed());
    assertEquals(SelectionRule.ONE_SE, r.rule());
    assertEquals(false, r.standardize());
    assertEquals(false, r.intercept());
    assertEquals(1e-9, r.tolerance());
    assertEquals(50, r.maxIterations());
    assertEquals(MissingPolicy.DROP, r.missing());
    assertEquals(20, r.numAlphas());
    assertEquals(0.001, r.alphaMinRatio());
    assertEquals(List.of("age", "sex"), r.unpenalized());
    assertTrue(r.positive());
    assertArrayEquals(new double[] {0}, r.solverSettings().lowerBounds());
    assertEquals(r, FitRequest.fromOptions(o), "equal options, equal requests");
    o.put("positive", "false");
    assertNotEquals(r, FitRequest.fromOptions(o));
  }

  @Test
  void alphasAndFoldColumn() {
    FitRequest r = FitRequest.fromOptions(Map.of("alphas", "0.1,1,0.01", "fold-column", "fold"));
    assertArrayEquals(new double[] {0.1, 1, 0.01}, r.alphas());
    assertEquals("fold", r.foldColumn());
    assertTrue(r.alphaGrid().toString().contains("1.0, 0.1, 0.01"), r.alphaGrid().toString());
  }

  @Test
  void arraysAreCopied() {
    FitRequest r = FitRequest.fromOptions(Map.of("l1-ratio", "0.5"));
    r.l1Ratios()[0] = 0.9;
    assertEquals(0.5, r.l1Ratios()[0]);
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertEquals(
        "unknown option 'lambda'",
        assertThrows(OptionException.class, () -> FitRequest.fromOptions(Map.of("lambda", "1")))
            .getMessage());
    assertEquals(
        "invalid tol '1e-20x': '1e-20x' is not a finite number",
        assertThrows(OptionException.class, () -> FitRequest.fromOptions(Map.of("tol", "1e-20x")))
            .getMessage());
    assertEquals(
        "invalid target ' ': a column name must not be empty",
        assertThrows(OptionException.class, () -> FitRequest.fromOptions(Map.of("target", " ")))
            .getMessage());
    assertEquals(
        "invalid weights 'y': the weights column is also the target",
        assertThrows(
                OptionException.class,
                () -> FitRequest.fromOptions(Map.of("target", "y", "weights", "y")))
            .getMessage());
    assertEquals(
        "invalid fold-column 'f': folds is 0, so there is no cross-validation to use it",
        assertThrows(
                OptionException.class,
                () -> FitRequest.fromOptions(Map.of("folds", "0", "fold-column", "f")))
            .getMessage());
    assertEquals(
        "invalid l1-ratio 'Infinity': 'Infinity' is not a finite number",
        assertThrows(
                OptionException.class, () -> FitRequest.fromOptions(Map.of("l1-ratio", "Infinity")))
            .getMessage());
  }
}
