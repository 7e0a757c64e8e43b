package org.l1path.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes the rows of a new file as a fit encoded its own ({@link Encoding}): columns found by name
 * (extra ones ignored), categories expanded to the fit's indicators, and missing values handled by
 * the fit's policy. Fields are trimmed of spaces and tabs and missing values spelled as the fit's
 * reader spells them ({@link MissingValues}).
 */
final class RowEncoder {
  private final String source;
  private final Encoding encoding;
  private final boolean unseenAsZero;

  /** The file column of each encoded input column. */
  private final int[] fileColumn;

  /** Each categorical input's level to indicator offset; null for numeric inputs. */
  private final List<Map<String, Integer>> levelIndex = new ArrayList<>();

  private final int width;

  /**
   * @param header the new file's column names
   * @param unseenAsZero encode a level the fit never saw as all-zero indicators instead of failing
   * @throws InputException when a feature column is missing from the header
   */
  RowEncoder(String source, List<String> header, Encoding encoding, boolean unseenAsZero) {
    this.source = source;
    this.encoding = encoding;
    this.unseenAsZero = unseenAsZero;
    Map<String, Integer> byName = columnsByName(source, header);
    List<Encoding.Input> inputs = encoding.columns();
    fileColumn = new int[inputs.size()];
    int w = 0;
    List<String> absent = new ArrayList<>();
    for (int t = 0; t < inputs.size(); t++) {
      Encoding.Input input = inputs.get(t);
      Integer index = byName.get(input.name());
      if (index == null) {
        absent.add("'" + input.name() + "'");
      } else {
        fileColumn[t] = index;
      }
      w += input.width();
      Map<String, Integer> levels = null;
      if (input instanceof Encoding.Categorical c) {
        levels = new HashMap<>();
        for (int level = 0; level < c.levels().size(); level++) {
          levels.put(c.levels().get(level), level);
        }
      }
      levelIndex.add(levels);
    }
    if (!absent.isEmpty()) {
      throw new InputException(
          String.format(
              "%s: line 1: no column %s, which the model needs as a feature",
              source, String.join(", ", absent)));
    }
    width = w;
  }

  /** The index of every named column; a name the model needs may appear once only. */
  static Map<String, Integer> columnsByName(String source, List<String> header) {
    Map<String, Integer> byName = new HashMap<>();
    for (int j = 0; j < header.size(); j++) {
      String name = trim(header.get(j));
      if (byName.putIfAbsent(name, j) != null) {
        throw new InputException(
            String.format("%s: line 1: column name '%s' occurs twice", source, name));
      }
    }
    return byName;
  }

  /** The number of features a row encodes to. */
  int width() {
    return width;
  }

  /**
   * The row's features, or null when a missing value drops it ({@code missing=drop}).
   *
   * @param line the file line, for messages
   * @throws InputException when a value cannot be encoded; the message names the line and column
   */
  double[] encode(List<String> fields, long line) {
    double[] row = new double[width];
    int offset = 0;
    List<Encoding.Input> inputs = encoding.columns();
    for (int t = 0; t < inputs.size(); t++) {
      Encoding.Input input = inputs.get(t);
      int j = fileColumn[t];
      String field = j < fields.size() ? trim(fields.get(j)) : "";
      boolean missing = isMissing(field);
      if (missing && encoding.missing() != MissingPolicy.MEAN) {
        if (encoding.missing() == MissingPolicy.DROP) {
          return null;
        }
        throw new InputException(
            String.format(
                "%s: line %d, column '%s': missing value (the model was fitted with"
                    + " missing=error)",
                source, line, input.name()));
      }
      if (input instanceof Encoding.Numeric numeric) {
        row[offset] = missing ? numeric.fill() : number(field, line, input.name());
      } else {
        Encoding.Categorical c = (Encoding.Categorical) input;
        Integer level = levelIndex.get(t).get(missing ? c.fill() : field);
        if (level != null) {
          row[offset + level] = 1.0;
        } else if (!unseenAsZero) {
          throw new InputException(
              String.format(
                  "%s: line %d, column '%s': level '%s' was not seen when the model was fitted"
                      + " (its levels: %s); --unseen zero encodes it as all zeros",
                  source, line, c.name(), field, shortList(c.levels())));
        }
      }
      offset += input.width();
    }
    return row;
  }

  private double number(String field, long line, String column) {
    char[] chars = field.toCharArray();
    double v = Numbers.parse(chars, 0, chars.length);
    if (Double.isNaN(v)) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is not a number, and the column was numeric when"
                  + " the model was fitted",
              source, line, column, ColumnBuilder.shown(chars, 0, chars.length)));
    }
    if (Double.isInfinite(v)) {
      throw new InputException(
          String.format(
              "%s: line %d, column '%s': '%s' is not a finite number",
              source, line, column, field));
    }
    return v;
  }

  static boolean isMissing(String field) {
    char[] chars = field.toCharArray();
    return MissingValues.isMissing(chars, 0, chars.length);
  }

  /** The field without surrounding spaces and tabs, as the fit's reader trims it. */
  static String trim(String field) {
    int start = 0;
    int end = field.length();
    while (start < end && (field.charAt(start) == ' ' || field.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')) {
      end--;
    }
    return field.substring(start, end);
  }

  private static String shortList(List<String> levels) {
    return levels.size() <= 10
        ? String.join(", ", levels)
        : String.join(", ", levels.subList(0, 10)) + ", ... (" + levels.size() + " in all)";
  }
}
