package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Degenerate shapes get a sensible result or a clear exception naming what is wrong. */
class DegenerateInputTest {
  @Test
  void oneRowGivesTheInterceptOnly() {
    RegularizationPath path =
        ElasticNet.fitPath(
            Dataset.of(new double[][] {{3.0}, {4.0}}, new double[] {7.0}),
            Settings.defaults(),
            AlphaGrid.automatic());
    assertEquals(100, path.size());
    assertEquals(7.0, path.intercept(99), 0.0);
    assertArrayEquals(new double[] {0, 0}, path.coefficients(99), 0.0);
  }

  @Test
  void noFeaturesGivesTheWeightedMean() {
    Dataset data =
        Dataset.of(new double[0][], new double[] {1, 2, 6}, new double[] {1, 1, 2}, List.of());
    RegularizationPath path = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.of(0.1));
    assertEquals(15.0 / 4, path.intercept(0), 1e-15);
    assertTrue(path.converged());
  }

  @Test
  void constantFeatureGetsZeroAndOthersAreUnaffected() {
    Dataset data = RandomProblems.gaussian(40, 4, 2);
    double[] constant = new double[40];
    java.util.Arrays.fill(constant, 5.0);
    Dataset withConstant =
        Dataset.of(
            new double[][] {
              data.column(0), constant, data.column(1), data.column(2), data.column(3)
            },
            data.response());
    RegularizationPath a =
        ElasticNet.fitPath(
            data, Settings.defaults().withTolerance(1e-12), AlphaGrid.automatic(10, 1e-2));
    RegularizationPath b =
        ElasticNet.fitPath(
            withConstant, Settings.defaults().withTolerance(1e-12), AlphaGrid.automatic(10, 1e-2));
    for (int k = 0; k < a.size(); k++) {
      double[] cb = b.coefficients(k);
      assertEquals(0.0, cb[1], 0.0, "constant column");
      assertArrayEquals(a.coefficients(k), new double[] {cb[0], cb[2], cb[3], cb[4]}, 1e-9);
    }
    assertEquals(1.0, b.featureScales()[1], 0.0, "a constant column has scale 1");
  }

  @Test
  void constantResponseGivesAllZeroCoefficients() {
    Dataset data = RandomProblems.gaussian(30, 5, 4);
    double[] y = new double[30];
    java.util.Arrays.fill(y, 2.5);
    RegularizationPath path =
        ElasticNet.fitPath(
            Dataset.of(columns(data), y), Settings.defaults(), AlphaGrid.automatic());
    for (int k = 0; k < path.size(); k++) {
      assertEquals(0, path.nonZero(k));
      assertEquals(2.5, path.intercept(k), 1e-12);
      assertEquals(0.0, path.devRatio(k), 0.0);
    }
  }

  @Test
  void moreFeaturesThanRowsUsesTheWiderGrid() {
    Dataset data = RandomProblems.gaussian(20, 50, 6);
    RegularizationPath path = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic());
    // Reference README: eps = 1e-2 when n <= p.
    assertEquals(1e-2, path.alpha(99) / path.alpha(0), 1e-12);
    assertTrue(path.converged());
    assertTrue(path.nonZero(99) <= 20, "a lasso solution has at most n non-zeros here");
  }

  @Test
  void duplicateColumnsShareTheEffect() {
    Dataset data = RandomProblems.gaussian(50, 3, 8);
    Dataset dup =
        Dataset.of(
            new double[][] {data.column(0), data.column(0), data.column(1), data.column(2)},
            data.response());
    RegularizationPath single =
        ElasticNet.fitPath(data, Settings.defaults().withTolerance(1e-12), AlphaGrid.of(0.05));
    RegularizationPath twice =
        ElasticNet.fitPath(dup, Settings.defaults().withTolerance(1e-12), AlphaGrid.of(0.05));
    double[] s = single.coefficients(0);
    double[] t = twice.coefficients(0);
    // The lasso is indifferent to how duplicates split their effect; the sum is determined.
    assertEquals(s[0], t[0] + t[1], 1e-7);
    assertArrayEquals(single.model(0).predict(data), twice.model(0).predict(dup), 1e-6);
  }

  @Test
  void valuesBeyondWhatDoublePrecisionSumsHoldAreRejected() {
    // Before: a column of 1e200s standardized to 0 (its sum of squares overflowed) yet was
    // reported selected; one varying by 1e-200 standardized to NaN and every alpha ran to
    // maxIterations.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Dataset.of(
                    new double[][] {{1e200, -2e200, 3e200}},
                    new double[] {1, 2, 3},
                    null,
                    List.of("distance")));
    assertEquals(
        "column 'distance' has 1.0E200 at row 1; values must be within +-1e100 (rescale it, for"
            + " example to other units)",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Dataset.of(
                    new double[][] {{0, 3e-200, 1e-200}},
                    new double[] {1, 2, 3},
                    null,
                    List.of("dose")));
    assertEquals(
        "column 'dose' varies only by 3.0E-200 (rows 1 and 2); values that differ must differ by"
            + " at least 1e-100 (rescale it)",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(new double[][] {{1, 2, 3}}, new double[] {1, -1e300, 3}));
    assertEquals(
        "the response has -1.0E300 at row 2; values must be within +-1e100 (rescale it, for"
            + " example to other units)",
        e.getMessage());
    // At the limits the fit is exact: a column in units 1e99 times too large gets a coefficient
    // 1e99 times smaller, and so does a column in units 1e-99 times too small.
    double[] a = {1, -2, 3, 0.5, -1};
    double[] b = {2, 1, -1, 0, 3};
    double[] y = new double[5];
    for (int i = 0; i < 5; i++) {
      y[i] = 3 * a[i] - b[i] + (i % 2 == 0 ? 0.1 : -0.1);
    }
    double[][] scaled = new double[2][5];
    for (int i = 0; i < 5; i++) {
      scaled[0][i] = a[i] * 1e99;
      scaled[1][i] = b[i] * 1e-99;
    }
    Settings tight = Settings.defaults().withTolerance(1e-12);
    double[] plain =
        ElasticNet.fitPath(Dataset.of(new double[][] {a, b}, y), tight, AlphaGrid.of(0.05))
            .coefficients(0);
    double[] extreme =
        ElasticNet.fitPath(Dataset.of(scaled, y), tight, AlphaGrid.of(0.05)).coefficients(0);
    assertNotEquals(0, plain[0]);
    assertNotEquals(0, plain[1]);
    assertEquals(plain[0], extreme[0] * 1e99, 1e-9 * Math.abs(plain[0]));
    assertEquals(plain[1], extreme[1] * 1e-99, 1e-9 * Math.abs(plain[1]));
  }

  @Test
  void badValuesAreRejectedNamingRowAndColumn() {
    double[][] x = {{1, 2, Double.NaN}, {1, 2, 3}};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(x, new double[] {1, 2, 3}, null, List.of("height", "weight")));
    assertEquals("column 'height' has NaN at row 3; values must be finite", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(new double[][] {{1, 2}}, new double[] {1, Double.POSITIVE_INFINITY}));
    assertEquals("the response has Infinity at row 2; values must be finite", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Dataset.of(new double[][] {{1, 2}}, new double[] {1, 2})
                    .withWeights(new double[] {0, 0}));
    assertEquals("weights sum to zero; at least one row needs weight > 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Dataset.of(new double[][] {{1, 2}}, new double[] {1, 2})
                    .withWeights(new double[] {1, -1}));
    assertEquals("weights has -1.0 at row 2; weights must be finite and >= 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(new double[][] {{1}}, new double[] {1, 2}));
    assertEquals("column 'x1' does not have 2 rows", e.getMessage());
  }

  @Test
  void settingsRejectBadValuesNamingTheParameter() {
    assertMessage("l1Ratio must be in [0, 1], got 1.5", () -> Settings.defaults().withL1Ratio(1.5));
    assertMessage(
        "l1Ratio must be in [0, 1], got NaN", () -> Settings.defaults().withL1Ratio(Double.NaN));
    assertMessage(
        "tolerance must be between 0 and 1, exclusive, got 0.0",
        () -> Settings.defaults().withTolerance(0));
    assertMessage(
        "maxIterations must be at least 1, got 0", () -> Settings.defaults().withMaxIterations(0));
    assertMessage(
        "penaltyFactors[1] must be finite and >= 0, got -1.0",
        () -> Settings.defaults().withPenaltyFactors(1, -1));
    assertMessage(
        "lowerBounds[0] must be <= 0, got 1.0",
        () -> Settings.defaults().withBounds(new double[] {1}, null));
    assertMessage("alphas[1] must be finite and > 0, got -0.5", () -> AlphaGrid.of(1, -0.5));
    assertMessage("alphas[1] must be finite and > 0, got 0.0", () -> AlphaGrid.of(1, 0));
    assertMessage(
        "alphaMinRatio must be between 0 and 1, exclusive, got 2.0",
        () -> AlphaGrid.automatic(10, 2));
    assertMessage("folds must be at least 2, got 1", () -> CvSettings.defaults().withFolds(1));
    assertMessage(
        "penaltyFactors has 2 entries but the data has 3 features",
        () ->
            ElasticNet.fitPath(
                RandomProblems.gaussian(10, 3, 1),
                Settings.defaults().withPenaltyFactors(1, 2),
                AlphaGrid.automatic()));
    assertMessage(
        "folds (10) must not exceed the rows (5)",
        () ->
            CrossValidation.run(
                RandomProblems.gaussian(5, 2, 1),
                Settings.defaults(),
                new double[] {1},
                AlphaGrid.automatic(),
                CvSettings.defaults(),
                Progress.NONE));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertEquals(expected, e.getMessage());
  }

  @Test
  void modelSerializesAndPredicts() throws Exception {
    Dataset data = RandomProblems.gaussian(40, 4, 12);
    Model model = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.of(0.01)).model(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(model);
    }
    Model back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (Model) in.readObject();
    }
    assertArrayEquals(model.coefficients(), back.coefficients(), 0.0);
    double[] row = {data.column(0)[3], data.column(1)[3], data.column(2)[3], data.column(3)[3]};
    assertEquals(model.predict(data)[3], back.predict(row), 1e-12);
    assertEquals(model.toString(), back.toString());
    String text = model.toString();
    assertTrue(text.startsWith("Elastic-net model: alpha = 0.0100000, l1Ratio = 1"), text);
    assertTrue(text.contains("4 of 4 coefficients non-zero"), text);
    int[] order = model.selected();
    assertTrue(text.indexOf("x" + (order[0] + 1)) < text.indexOf("x" + (order[3] + 1)), text);
    assertNotEquals(0, model.nonZeroCount());
  }

  private static double[][] columns(Dataset data) {
    double[][] columns = new double[data.features()][];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = data.column(j);
    }
    return columns;
  }
}
