package org.l1path.solver;

import java.util.Locale;

/** What cross-validation measures on held-out rows. */
public enum CvMeasure {
  /** The family's default: {@link #MSE} for gaussian, {@link #DEVIANCE} for classification. */
  AUTO,
  /** Weighted mean squared error (gaussian). */
  MSE,
  /** Weighted mean deviance, {@code -2 log p(observed class)} (classification). */
  DEVIANCE,
  /** Weighted misclassification rate (classification). */
  CLASS,
  /** Area under the ROC curve (binomial); larger is better. */
  AUC;

  /** The name used on command lines and in reports, for example {@code deviance}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CvMeasure parse(String text) {
    for (CvMeasure m : values()) {
      if (m.label().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "measure must be auto, mse, deviance, class or auc, got '" + text + "'");
  }

  /** Whether larger values are better (AUC), so the rules look for a maximum. */
  public boolean higherIsBetter() {
    return this == AUC;
  }

  /** This measure made concrete for {@code family}; throws if it does not apply. */
  public CvMeasure resolve(Family family) {
    CvMeasure m = this == AUTO ? (family == Family.GAUSSIAN ? MSE : DEVIANCE) : this;
    boolean ok =
        switch (m) {
          case MSE -> family == Family.GAUSSIAN;
          case DEVIANCE, CLASS -> family != Family.GAUSSIAN;
          case AUC -> family == Family.BINOMIAL;
          case AUTO -> false;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "measure " + m.label() + " does not apply to the " + family.label() + " family");
    }
    return m;
  }
}
