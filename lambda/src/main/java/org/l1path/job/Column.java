package org.l1path.job;

import java.util.List;

/** One column of a CSV file as read: numbers, category codes, or nothing but missing values. */
sealed interface Column permits Column.Numeric, Column.Categorical, Column.Empty {

  /** The column's name from the header. */
  String name();

  /**
   * A column whose first non-missing value was a number.
   *
   * @param values one value per data row; NaN where the value is missing
   * @param hasMissing whether any value is missing, so that users can skip looking for one
   */
  record Numeric(String name, double[] values, boolean hasMissing) implements Column {}

  /**
   * A column whose first non-missing value was not a number.
   *
   * @param codes one code per data row, an index into {@code levels}; -1 where missing
   * @param levels the distinct values, sorted by code point ({@link String#compareTo})
   * @param firstLine the file line of the first non-missing value, for messages
   * @param firstValue that value
   */
  record Categorical(
      String name, int[] codes, List<String> levels, long firstLine, String firstValue)
      implements Column {}

  /** A column in which every value is missing. */
  record Empty(String name) implements Column {}
}
