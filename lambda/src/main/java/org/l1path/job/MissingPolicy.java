package org.l1path.job;

import java.util.Locale;

/** What to do with a missing feature value. Rows whose target is missing are always dropped. */
public enum MissingPolicy {
  /** Stop with an error naming the line and column. */
  ERROR,
  /** Drop the row. */
  DROP,
  /** Use the column's mean (numeric) or its most frequent level (categorical). */
  MEAN;

  /** The name used in options and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
