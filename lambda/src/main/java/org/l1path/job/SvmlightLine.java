package org.l1path.job;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.l1path.solver.Dataset;

/**
 * Parses the lines of an svmlight / libsvm file, one at a time, into reused arrays: {@code label
 * [qid:N] index:value index:value ... [# comment]}. Tokens are separated by spaces or tabs; the
 * {@code qid} (for ranking) is skipped; indices are 1-based and strictly increasing within a line.
 * Shared by {@code fit}'s reader and {@code predict}, so both accept and refuse the same lines.
 */
final class SvmlightLine {
  private final String source;
  private final Charset charset;

  private String labelText;
  private double label;
  private int count;
  private int[] indices = new int[64];
  private double[] values = new double[64];

  /**
   * @param source the file's name, for messages
   * @param charset the file's character encoding, for the message about undecodable bytes
   */
  SvmlightLine(String source, Charset charset) {
    this.source = source;
    this.charset = charset;
  }

  /**
   * Reads one line; the accessors then describe it until the next call.
   *
   * @param line the 1-based file line, for messages
   * @return false when the line holds nothing but blanks and a comment, which files may have
   * @throws InputException naming the line (and the index) when the line is malformed
   */
  boolean parse(String text, long line) {
    char[] c = text.toCharArray();
    int end = c.length;
    for (int i = 0; i < end; i++) {
      if (c[i] == '#') {
        end = i;
        break;
      }
    }
    // Undecodable bytes in the comment are left alone: the comment is not read.
    for (int i = 0; i < end; i++) {
      if (c[i] == TextInput.UNDECODABLE) {
        throw TextInput.undecodable(source, line, "character " + (i + 1), charset);
      }
    }
    count = 0;
    int at = skipBlanks(c, 0, end);
    if (at == end) {
      return false;
    }
    int tokenEnd = tokenEnd(c, at, end);
    labelText = new String(c, at, tokenEnd - at);
    label = Numbers.parse(c, at, tokenEnd - at);
    if (!Double.isFinite(label)) {
      throw new InputException(
          String.format(
              "%s: line %d: the label '%s' is not a %snumber; a line is 'label index:value"
                  + " ...'",
              source,
              line,
              ColumnBuilder.shown(c, at, tokenEnd - at),
              Double.isNaN(label) ? "" : "finite "));
    }
    at = skipBlanks(c, tokenEnd, end);
    boolean first = true;
    int previous = 0;
    while (at < end) {
      tokenEnd = tokenEnd(c, at, end);
      int colon = colon(c, at, tokenEnd);
      if (colon < 0) {
        throw new InputException(
            String.format(
                "%s: line %d: '%s' has no ':'; each feature is index:value",
                source, line, ColumnBuilder.shown(c, at, tokenEnd - at)));
      }
      if (isQid(c, at, colon)) {
        if (!first) {
          throw new InputException(
              String.format(
                  "%s: line %d: '%s' after a feature; qid may only follow the label",
                  source, line, ColumnBuilder.shown(c, at, tokenEnd - at)));
        }
      } else {
        int index = index(c, at, colon, line);
        if (index <= previous) {
          throw new InputException(
              String.format(
                  "%s: line %d: index %d after index %d; indices must be strictly increasing"
                      + " within a line",
                  source, line, index, previous));
        }
        add(index, value(c, colon + 1, tokenEnd, index, line));
        previous = index;
      }
      first = false;
      at = skipBlanks(c, tokenEnd, end);
    }
    return true;
  }

  /** The label as written, for matching a class by its text. */
  String labelText() {
    return labelText;
  }

  double label() {
    return label;
  }

  /** How many index:value pairs the line has. */
  int count() {
    return count;
  }

  /** The pairs' indices, 1-based as in the file; the first {@link #count()} are the line's. */
  int[] indices() {
    return indices;
  }

  /** The pairs' values, zeros included; the first {@link #count()} are the line's. */
  double[] values() {
    return values;
  }

  private void add(int index, double value) {
    if (count == indices.length) {
      indices = Arrays.copyOf(indices, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    indices[count] = index;
    values[count++] = value;
  }

  /** A 1-based feature index: digits only, at least 1. */
  private int index(char[] c, int from, int to, long line) {
    long index = 0;
    boolean digits = from < to;
    for (int i = from; i < to && digits; i++) {
      digits = c[i] >= '0' && c[i] <= '9';
      index = Math.min(index * 10 + (c[i] - '0'), Integer.MAX_VALUE);
    }
    if (!digits) {
      throw new InputException(
          String.format(
              "%s: line %d: the index '%s' is not a whole number; each feature is index:value",
              source, line, ColumnBuilder.shown(c, from, to - from)));
    }
    if (index == 0) {
      throw new InputException(
          String.format(
              "%s: line %d: index 0; svmlight indices start at 1 (index 1 is feature f1)",
              source, line));
    }
    if (index >= Integer.MAX_VALUE) {
      throw new InputException(
          String.format(
              "%s: line %d: index %s is too large; indices go up to %d",
              source, line, new String(c, from, to - from), Integer.MAX_VALUE - 1));
    }
    return (int) index;
  }

  private double value(char[] c, int from, int to, int index, long line) {
    double value = Numbers.parse(c, from, to - from);
    if (Double.isNaN(value)) {
      throw new InputException(
          String.format(
              "%s: line %d, index %d: the value '%s' is not a number",
              source, line, index, ColumnBuilder.shown(c, from, to - from)));
    }
    if (Double.isInfinite(value)) {
      throw new InputException(
          String.format(
              "%s: line %d, index %d: the value '%s' is infinite; values must be finite",
              source, line, index, ColumnBuilder.shown(c, from, to - from)));
    }
    if (Math.abs(value) > Dataset.MAX_MAGNITUDE) {
      throw new InputException(
          String.format(
              "%s: line %d, index %d: the value '%s' is beyond +-1e100, the largest magnitude a"
                  + " fit handles; rescale the feature",
              source, line, index, ColumnBuilder.shown(c, from, to - from)));
    }
    return value;
  }

  private static boolean isQid(char[] c, int from, int colon) {
    return colon - from == 3 && c[from] == 'q' && c[from + 1] == 'i' && c[from + 2] == 'd';
  }

  private static int colon(char[] c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (c[i] == ':') {
        return i;
      }
    }
    return -1;
  }

  private static int skipBlanks(char[] c, int from, int to) {
    int i = from;
    while (i < to && (c[i] == ' ' || c[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int tokenEnd(char[] c, int from, int to) {
    int i = from;
    while (i < to && c[i] != ' ' && c[i] != '\t') {
      i++;
    }
    return i;
  }
}
