package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which field texts count as numbers, and their values. */
class NumbersTest {

  private static double parse(String text) {
    return Numbers.parse(text.toCharArray(), 0, text.length());
  }

  /**
   * The definition the two-ends check must agree with (the character-by-character scan it
   * replaced): only the characters of decimal notation and a text Java's own parser accepts, or
   * infinity spelled out.
   */
  private static double byDefinition(String text) {
    if (text.matches("(?i)[+-]?inf(inity)?")) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!text.matches("[0-9.+\\-eE]+")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  @Test
  void decimalNotationIsANumberAndNothingElseIs() {
    List<String> texts =
        List.of(
            "0",
            "12",
            "-0.5",
            "+.5",
            ".5",
            "5.",
            "1e-3",
            "1E+3",
            "-1.25e10",
            "007",
            "0.1000000000000000055511151231257827",
            "-0.10251988074775731",
            "4.9e-324",
            "1e400",
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "+-1",
            "1..2",
            "1-2",
            "--1",
            "1d",
            "2f",
            "1.5D",
            "0x10",
            "0X1p3",
            "-0x1.8p1",
            "NaN",
            "nan",
            "Infinity",
            "-inf",
            "infinite",
            "+INF",
            "1 2",
            "1\t",
            "\t1",
            "12a",
            "a12",
            "1,5",
            "１２",
            "1_000",
            "0.5.");
    for (String text : texts) {
      // Both are Java's correctly rounded conversion, or the same NaN or infinity: exact.
      assertEquals(byDefinition(text), parse(text), 0.0, "'" + text + "'");
    }
  }

  @Test
  void spelledOutInfinityIsInfiniteSoThatItCanBeRejected() {
    assertEquals(Double.POSITIVE_INFINITY, parse("inf"));
    assertEquals(Double.POSITIVE_INFINITY, parse("+Infinity"));
    assertEquals(Double.NEGATIVE_INFINITY, parse("-INF"));
    assertEquals(Double.NaN, parse("infinite"));
  }
}
