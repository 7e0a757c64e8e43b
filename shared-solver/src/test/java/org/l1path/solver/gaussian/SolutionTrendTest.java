package org.l1path.solver.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SolutionTrendTest {
  @Test
  void extrapolatesTheLastTwoSolutionsLinearlyInAlpha() {
    SolutionTrend trend = new SolutionTrend(4);
    trend.record(1.0, new double[] {0, 2, 0, 0}, new int[] {1}, 1);
    trend.record(0.8, new double[] {0, 3, -1, 0}, new int[] {1, 2}, 2);
    // The next alpha is half a step further down: each coefficient moves half its last change.
    trend.aim(0.7, 0.8);
    assertEquals(3.5, trend.at(1, 3), 1e-15);
    assertEquals(-1.5, trend.at(2, -1), 1e-15);
    assertEquals(0.0, trend.at(0, 0), 1e-15);
    // A third record keeps only the last two.
    trend.record(0.7, new double[] {0, 4, -1, 0}, new int[] {1, 2}, 2);
    trend.aim(0.6, 0.7);
    assertEquals(5.0, trend.at(1, 4), 1e-12);
    assertEquals(-1.0, trend.at(2, -1), 1e-15);
  }

  @Test
  void staysAtTheCurrentValuesWhenTheNextAlphaDoesNotFollowTheLast() {
    SolutionTrend trend = new SolutionTrend(2);
    trend.record(1.0, new double[] {1, 0}, new int[] {0}, 1);
    trend.record(0.9, new double[] {2, 0}, new int[] {0}, 1);
    trend.aim(0.5, 0.6);
    assertEquals(7.0, trend.at(0, 7), 0);
    // Only one solution recorded: no step to follow yet.
    SolutionTrend fresh = new SolutionTrend(2);
    fresh.record(1.0, new double[] {1, 0}, new int[] {0}, 1);
    fresh.aim(0.9, 1.0);
    assertEquals(1.0, fresh.at(0, 1), 0);
  }
}
