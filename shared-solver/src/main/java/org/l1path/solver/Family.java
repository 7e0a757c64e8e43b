package org.l1path.solver;

import java.util.Locale;
import org.l1path.solver.glm.Links;

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

  /**
   * The class probabilities of a classification family from the linear predictors (one per
   * coefficient row), overflow-free: binomial {@code [1 - p, p]} with p the logistic of the one
   * predictor, multinomial the softmax. For front ends that hold predictors and no {@link Model}.
   */
  public double[] probabilities(double[] eta) {
    return Links.probabilities(this, eta);
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
