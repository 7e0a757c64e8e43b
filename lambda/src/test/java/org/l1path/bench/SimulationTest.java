package org.l1path.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l1path.solver.Dataset;

/** glmnet's simulated design, as Friedman, Hastie & Tibshirani (2010), section 5.1 defines it. */
class SimulationTest {
  private static final int N = 20_000;

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
    Dataset a = Simulation.generate(50, 7, 0.5, 42);
    Dataset b = Simulation.generate(50, 7, 0.5, 42);
    Dataset c = Simulation.generate(50, 7, 0.5, 43);
    for (int j = 0; j < 7; j++) {
      assertArrayEquals(a.column(j), b.column(j), "column " + j);
    }
    assertArrayEquals(a.response(), b.response());
    assertFalse(Arrays.equals(a.column(0), c.column(0)), "seed 43 must differ from seed 42");
  }

  @Test
  void coefficientsAlternateAndDecay() {
    // beta_j = (-1)^j exp(-2(j-1)/20), the paper's formula evaluated by hand; exact up to rounding.
    assertEquals(-1.0, Simulation.beta(1), 0.0);
    assertEquals(Math.exp(-0.1), Simulation.beta(2), 1e-15);
    assertEquals(-Math.exp(-0.2), Simulation.beta(3), 1e-15);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.95})
  void featuresHaveUnitVarianceAndPairwiseCorrelationRho(double rho) {
    int p = 4;
    Dataset d = Simulation.generate(N, p, rho, 7);
    // The sample correlation of n bivariate normals has standard error about (1 - rho^2)/sqrt(n);
    // the sample variance of a unit-variance normal about sqrt(2/n). Allow 5 standard errors.
    double corrTolerance = 5 * (1 - rho * rho) / Math.sqrt(N);
    double varTolerance = 5 * Math.sqrt(2.0 / N);
    for (int j = 0; j < p; j++) {
      double sd = Simulation.standardDeviation(d.column(j));
      assertEquals(1.0, sd * sd, varTolerance, "variance of x" + (j + 1));
      for (int k = j + 1; k < p; k++) {
        assertEquals(
            rho,
            correlation(d.column(j), d.column(k)),
            corrTolerance,
            "correlation of x" + (j + 1) + " and x" + (k + 1));
      }
    }
  }

  @Test
  void signalToNoiseIsThree() {
    int p = 30;
    Dataset d = Simulation.generate(500, p, 0.5, 3);
    double[] signal = new double[d.rows()];
    double[] noise = new double[d.rows()];
    for (int i = 0; i < d.rows(); i++) {
      for (int j = 0; j < p; j++) {
        signal[i] += d.column(j)[i] * Simulation.beta(j + 1);
      }
      noise[i] = d.response()[i] - signal[i];
    }
    // k is set from the sample standard deviations, so the ratio is 3 up to rounding (1e-9).
    double ratio = Simulation.standardDeviation(signal) / Simulation.standardDeviation(noise);
    assertEquals(Simulation.SIGNAL_TO_NOISE, ratio, 1e-9);
    assertTrue(Simulation.standardDeviation(noise) > 0, "the response has noise");
  }

  @Test
  void rejectsImpossibleShapes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Simulation.generate(10, 5, 1.0, 1));
    assertTrue(e.getMessage().contains("rho"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Simulation.generate(1, 5, 0.0, 1));
  }

  private static double correlation(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElseThrow();
    double mb = Arrays.stream(b).average().orElseThrow();
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
