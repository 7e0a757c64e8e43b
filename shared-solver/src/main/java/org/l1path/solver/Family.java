package org.l1path.solver;

import java.util.Locale;

/** The response's distribution, which fixes the loss. */
public enum Family {
  /** A numeric response: least squares. */
  GAUSSIAN,
  /** Two classes: logistic regression for the probability of the second class. */
  BINOMIAL,
  /** Two or more classes: one coefficient row and intercept per class, every row penalized. */
  MULTINOMIAL;

  /** The name used in reports: {@code gaussian}, {@code binomial}, {@code multinomial}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label, case-insensitively. */
  public static Family parse(String text) {
    for (Family f : values()) {
      if (f.label().equalsIgnoreCase(text.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "family must be gaussian, binomial or multinomial, got '" + text + "'");
  }
}
