package org.l1path.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one column's values while the file streams by, into a growable primitive array. The
 * column's kind is settled by its first non-missing value: a number makes it numeric, anything else
 * categorical. Until then only the count of leading missing values is kept.
 */
final class ColumnBuilder {
  private static final int INITIAL_CAPACITY = 1024;
  private static final int MAX_SHOWN = 40;

  private enum Kind {
    UNKNOWN,
    NUMERIC,
    CATEGORICAL
  }

  private final String source;
  private final String name;
  private Kind kind = Kind.UNKNOWN;
  private int size;
  private double[] numbers;
  private int[] codes;
  private Map<String, Integer> codeOfLevel;
  private List<String> levels;
  private long firstLine;
  private String firstValue;

  ColumnBuilder(String source, String name) {
    this.source = source;
    this.name = name;
  }

  String name() {
    return name;
  }

  /**
   * Adds one field, already trimmed.
   *
   * @throws InputException for an infinite value, or a non-number in a numeric column
   */
  void add(char[] buf, int offset, int length, long line) {
    if (MissingValues.isMissing(buf, offset, length)) {
      addMissing();
      return;
    }
    switch (kind) {
      case NUMERIC -> addNumber(parse(buf, offset, length, line));
      case CATEGORICAL -> addLevel(new String(buf, offset, length));
      case UNKNOWN -> settle(buf, offset, length, line);
    }
  }

  private void settle(char[] buf, int offset, int length, long line) {
    double value = Numbers.parse(buf, offset, length);
    rejectInfinite(value, buf, offset, length, line);
    firstLine = line;
    firstValue = shown(buf, offset, length);
    int leading = size;
    if (Double.isNaN(value)) {
      kind = Kind.CATEGORICAL;
      codes = new int[Math.max(INITIAL_CAPACITY, leading + 1)];
      Arrays.fill(codes, 0, leading, -1);
      codeOfLevel = new HashMap<>();
      levels = new ArrayList<>();
      addLevel(new String(buf, offset, length));
    } else {
      kind = Kind.NUMERIC;
      numbers = new double[Math.max(INITIAL_CAPACITY, leading + 1)];
      Arrays.fill(numbers, 0, leading, Double.NaN);
      addNumber(value);
    }
  }

  private double parse(char[] buf, int offset, int length, long line) {
    double value = Numbers.parse(buf, offset, length);
    rejectInfinite(value, buf, offset, length, line);
    if (Double.isNaN(value)) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is not a number, but the column is numeric (its"
                  + " first value, '%s' on line %d, was a number)",
              source, line, name, shown(buf, offset, length), firstValue, firstLine));
    }
    return value;
  }

  private void rejectInfinite(double value, char[] buf, int offset, int length, long line) {
    if (Double.isInfinite(value)) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is infinite; only finite numbers or a missing"
                  + " value (empty, NA, NaN, ?) are allowed",
              source, line, name, shown(buf, offset, length)));
    }
  }

  /** A field as quoted in a message: line breaks as spaces, at most 40 characters. */
  static String shown(char[] buf, int offset, int length) {
    String text = new String(buf, offset, Math.min(length, MAX_SHOWN)).replaceAll("[\\r\\n]+", " ");
    return length > MAX_SHOWN ? text + "..." : text;
  }

  void addMissing() {
    switch (kind) {
      case NUMERIC -> addNumber(Double.NaN);
      case CATEGORICAL -> addCode(-1);
      case UNKNOWN -> size++;
    }
  }

  private void addNumber(double value) {
    if (size == numbers.length) {
      numbers = Arrays.copyOf(numbers, grow(size));
    }
    numbers[size++] = value;
  }

  private void addLevel(String level) {
    Integer code = codeOfLevel.get(level);
    if (code == null) {
      code = levels.size();
      levels.add(level);
      codeOfLevel.put(level, code);
    }
    addCode(code);
  }

  private void addCode(int code) {
    if (size == codes.length) {
      codes = Arrays.copyOf(codes, grow(size));
    }
    codes[size++] = code;
  }

  private static int grow(int size) {
    if (size >= Integer.MAX_VALUE - 16) {
      throw new InputException("too many rows: a column holds at most 2^31 - 16 values");
    }
    return (int) Math.min(Integer.MAX_VALUE - 16L, size * 2L);
  }

  /** The finished column; levels are re-coded in sorted order. */
  Column build() {
    return switch (kind) {
      case UNKNOWN -> new Column.Empty(name);
      case NUMERIC -> new Column.Numeric(name, Arrays.copyOf(numbers, size));
      case CATEGORICAL -> sortedCategorical();
    };
  }

  // Sorted levels make the indicator order independent of row order.
  private Column sortedCategorical() {
    List<String> sorted = new ArrayList<>(levels);
    sorted.sort(String::compareTo);
    int[] recode = new int[levels.size()];
    for (int code = 0; code < recode.length; code++) {
      recode[code] = Collections.binarySearch(sorted, levels.get(code));
    }
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = codes[i] < 0 ? -1 : recode[codes[i]];
    }
    return new Column.Categorical(name, out, List.copyOf(sorted), firstLine, firstValue);
  }
}
