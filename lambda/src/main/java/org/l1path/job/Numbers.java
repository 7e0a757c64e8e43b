package org.l1path.job;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Decimal numbers in CSV fields. Only plain decimal notation counts as a number ({@code 12}, {@code
 * -0.5}, {@code .5}, {@code 1e-3}); Java's extras (hex floats, {@code d}/{@code f} suffixes) do
 * not, so codes such as {@code 1d} are read as categories. Infinity spelled out is recognised so
 * that it can be rejected rather than taken for a category.
 */
final class Numbers {
  private Numbers() {}

  /**
   * The value of a trimmed field: a finite or infinite double, or NaN when the text is not a
   * number.
   */
  static double parse(char[] buf, int offset, int length) {
    if (!looksDecimal(buf, offset, length)) {
      return length == 0 ? Double.NaN : infinity(buf, offset, length);
    }
    try {
      return JavaDoubleParser.parseDouble(buf, offset, length);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * Whether the field can only be decimal notation, if the parser accepts it: a digit or point
   * after the optional sign and at the end, and no {@code 0x} prefix. Java's grammar then leaves no
   * room for its extras (hex, suffixes, NaN, Infinity, surrounding white space). Two ends are
   * checked instead of every character because this runs once per field.
   */
  private static boolean looksDecimal(char[] buf, int offset, int length) {
    int end = offset + length;
    int start = offset;
    if (start < end && (buf[start] == '+' || buf[start] == '-')) {
      start++;
    }
    if (start == end || !isDigitOrPoint(buf[start]) || !isDigitOrPoint(buf[end - 1])) {
      return false;
    }
    return !(buf[start] == '0' && start + 1 < end && (buf[start + 1] | 0x20) == 'x');
  }

  private static boolean isDigitOrPoint(char c) {
    return (c >= '0' && c <= '9') || c == '.';
  }

  /** ±Infinity for {@code inf} or {@code infinity} (any case, optional sign), else NaN. */
  private static double infinity(char[] buf, int offset, int length) {
    int start = offset;
    double sign = 1;
    if (buf[start] == '+' || buf[start] == '-') {
      sign = buf[start] == '-' ? -1 : 1;
      start++;
    }
    String word = new String(buf, start, offset + length - start);
    return word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")
        ? sign * Double.POSITIVE_INFINITY
        : Double.NaN;
  }
}
