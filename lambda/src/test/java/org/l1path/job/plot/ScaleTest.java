package org.l1path.job.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {
  @Test
  void mapsEndsToPixelsEitherWay() {
    Scale reversed = Scale.of(1, -3, 100, 500);
    // Exact: the ends and the middle of a linear map.
    assertEquals(100, reversed.map(1), 0);
    assertEquals(500, reversed.map(-3), 0);
    assertEquals(300, reversed.map(-1), 0);
  }

  @Test
  void ticksAreRoundNumbersInsideTheDomain() {
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Scale.of(0, 1, 0, 1).ticks(5));
    assertEquals(List.of(-3.0, -2.0, -1.0, 0.0, 1.0), Scale.of(1, -3.2, 0, 1).ticks(4));
  }

  @Test
  void aOnePointDomainStillHasAMiddle() {
    Scale scale = Scale.of(2, 2, 0, 100);
    assertEquals(50, scale.map(2), 1e-12);
  }

  @Test
  void labelsUseAsFewDigitsAsTheStep() {
    List<Double> ticks = List.of(0.0, 0.2, 0.4);
    assertEquals("0.2", Scale.label(0.2, ticks));
    assertEquals("-2", Scale.label(-2, List.of(-2.0, -1.0)));
  }

  @Test
  void numbersAreShortAndLocaleFree() {
    assertEquals("0", Svg.num(-0.001));
    assertEquals("1.5", Svg.num(1.5));
    assertEquals("2.25", Svg.num(2.254));
    assertEquals("-3.1", Svg.num(-3.1));
    assertEquals("1200", Svg.num(1200));
  }
}
