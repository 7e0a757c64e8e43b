package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.Lasso;
import weka.classifiers.functions.LinearRegression;
import weka.core.Attribute;
import weka.core.Instances;

/** Nominal attributes become one indicator per value (cpu.with.vendor: vendor has 30 values). */
class NominalAttributesTest {

  @Test
  void eachNominalValueGetsOneIndicator() throws Exception {
    Instances cpu = TestData.cpu();
    InstancesEncoder encoder = InstancesEncoder.learn(cpu);
    Attribute vendor = cpu.attribute("vendor");
    // 30 vendor indicators and the 6 numeric attributes.
    assertEquals(36, encoder.features());
    assertEquals(7, encoder.predictors());
    assertEquals(30, encoder.featureCount(0));
    assertEquals("vendor=" + vendor.value(0), encoder.featureNames().get(0));
    double[][] columns = encoder.columns(cpu);
    for (int i = 0; i < cpu.numInstances(); i++) {
      int value = (int) cpu.instance(i).value(vendor);
      for (int v = 0; v < 30; v++) {
        assertEquals(v == value ? 1.0 : 0.0, columns[v][i], "row " + i + ", vendor value " + v);
      }
      // The numeric attributes pass through unchanged.
      assertEquals(cpu.instance(i).value(1), columns[30][i], "row " + i + ", MYCT");
    }
  }

  @Test
  void atATinyAlphaTheFitMatchesLeastSquares() throws Exception {
    Instances cpu = TestData.cpu();
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "1e-4", "-tol", "1e-12"});
    lasso.buildClassifier(cpu);
    assertEquals(List.of(), lasso.getSummary().warnings(), "the fit converged");
    // Weka's own least squares with every attribute kept and a 1e-10 ridge: the indicator
    // coding differs, but the fitted values of least squares do not depend on the coding.
    LinearRegression ols = new LinearRegression();
    ols.setOptions(new String[] {"-S", "1", "-C", "-R", "1e-10"});
    ols.buildClassifier(cpu);
    double[] fitted = new double[cpu.numInstances()];
    double largest = 0;
    for (int i = 0; i < fitted.length; i++) {
      fitted[i] = ols.classifyInstance(cpu.instance(i));
      largest = Math.max(largest, Math.abs(fitted[i]));
    }
    // Tolerance 1e-5 x the largest fitted value (~1150). The lasso's fitted values move from least
    // squares in proportion to alpha: measured 0.0035 at alpha 1e-4, 0.035 at 1e-3.
    for (int i = 0; i < fitted.length; i++) {
      assertEquals(
          fitted[i], lasso.classifyInstance(cpu.instance(i)), 1e-5 * largest, "instance " + i);
    }
  }
}
