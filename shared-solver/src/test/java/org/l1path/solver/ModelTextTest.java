package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Model#toString()}: "largest standardized effect first" holds for every row. */
class ModelTextTest {

  /** The features listed under each coefficient row of {@code text}, in the order printed. */
  private static List<List<String>> listedFeatures(Model model) {
    String text = model.toString();
    List<List<String>> rows = new ArrayList<>();
    List<String> current = null;
    for (String line : text.lines().toList()) {
      if (line.startsWith("intercept = ")) {
        current = new ArrayList<>();
        rows.add(current);
      } else if (line.startsWith("  ") && !line.trim().startsWith("feature ")) {
        current.add(line.trim().split("\\s+")[0]);
      }
    }
    assertEquals(model.responses(), rows.size(), text);
    return rows;
  }

  /** Row {@code r}'s non-zero features by |coefficient| times the feature's scale, decreasing. */
  private static List<String> byStandardizedEffect(Model model, int r) {
    double[] std = model.standardizedCoefficients(r);
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < std.length; j++) {
      if (model.coefficients(r)[j] != 0) {
        order.add(j);
      }
    }
    order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(std[j])));
    return order.stream().map(j -> model.featureNames().get(j)).toList();
  }

  /**
   * Row {@code r}'s non-zero features in {@link Model#selected()} order (the largest over rows).
   */
  private static List<String> bySelectedOrder(Model model, int r) {
    List<String> out = new ArrayList<>();
    for (int j : model.selected()) {
      if (model.coefficients(r)[j] != 0) {
        out.add(model.featureNames().get(j));
      }
    }
    return out;
  }

  @Test
  void aLinearModelListsTheLargestStandardizedEffectNotTheLargestCoefficientFirst() {
    Random random = new Random(1);
    int n = 200;
    double[] wide = new double[n];
    double[] narrow = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      wide[i] = 100 * random.nextGaussian();
      narrow[i] = 0.1 * random.nextGaussian();
      y[i] = 0.03 * wide[i] + 5 * narrow[i] + 0.1 * random.nextGaussian();
    }
    Dataset data = Dataset.of(new double[][] {wide, narrow}, y, null, List.of("wide", "narrow"));
    Model model = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.of(0.01)).model(0);
    double[] b = model.coefficients();
    double[] std = model.standardizedCoefficients();
    assertTrue(Math.abs(b[1]) > Math.abs(b[0]), "narrow has the larger coefficient");
    assertTrue(Math.abs(std[0]) > Math.abs(std[1]), "wide has the larger standardized effect");
    assertEquals(List.of(List.of("wide", "narrow")), listedFeatures(model), model.toString());
    String text = model.toString();
    for (int j = 0; j < 2; j++) {
      String line = String.format(Locale.ROOT, "%.6g %.6g", b[j], std[j]);
      assertTrue(
          text.lines().anyMatch(l -> l.trim().replaceAll("\\s+", " ").endsWith(line)),
          "coefficient and standardized coefficient of feature " + j + ":\n" + text);
    }
  }

  /**
   * x1 has the largest effect on class a and x2 on class c, and x2's is the larger of the two: so
   * {@link Model#selected()} puts x2 first, but class a's own largest standardized effect is x1's.
   */
  @Test
  void eachClassOfAMultinomialModelIsOrderedByItsOwnStandardizedEffects() {
    Random random = new Random(3);
    int n = 300;
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    int[] classOfRow = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      classOfRow[i] = c;
      x1[i] = random.nextGaussian() + (c == 0 ? 3 : c == 2 ? 1 : 0);
      x2[i] = 10 * (random.nextGaussian() + (c == 2 ? 2 : 0));
    }
    Dataset data =
        Dataset.ofClasses(
            new double[][] {x1, x2}, classOfRow, List.of("a", "b", "c"), null, List.of("x1", "x2"));
    Model model = ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.of(0.002)).model(0);
    List<List<String>> listed = listedFeatures(model);
    boolean ordersDiffer = false;
    for (int r = 0; r < model.responses(); r++) {
      assertEquals(byStandardizedEffect(model, r), listed.get(r), "class " + r + ":\n" + model);
      ordersDiffer |= !bySelectedOrder(model, r).equals(byStandardizedEffect(model, r));
    }
    assertTrue(ordersDiffer, "some class's own order differs from the order over all classes");
    assertNotEquals(0, model.nonZeroCount());
  }
}
