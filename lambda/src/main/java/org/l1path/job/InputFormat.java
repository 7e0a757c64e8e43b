package org.l1path.job;

import java.util.Locale;

/**
 * How an input file is laid out: a CSV table with a header, or svmlight / libsvm rows of {@code
 * label index:value ...}. A file's name tells them apart unless the {@code format} option names
 * one: svmlight files have no header to tell by, and their first line reads as a one-column CSV.
 */
public enum InputFormat {
  CSV("csv"),
  SVMLIGHT("svmlight");

  /** The extensions of svmlight files, with or without {@code .gz} after them. */
  private static final String[] SVMLIGHT_EXTENSIONS = {".svm", ".svmlight", ".libsvm"};

  private final String label;

  InputFormat(String label) {
    this.label = label;
  }

  /** The option's and model.json's spelling: {@code csv} or {@code svmlight}. */
  public String label() {
    return label;
  }

  /**
   * The format of the file {@code source}: {@code asked} when given, else svmlight for a name
   * ending in {@code .svm}, {@code .svmlight} or {@code .libsvm} (each also followed by {@code
   * .gz}), else CSV.
   *
   * @param asked the {@code format} option, or null for {@code auto}
   */
  public static InputFormat of(String source, InputFormat asked) {
    if (asked != null) {
      return asked;
    }
    String name = source.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    for (String extension : SVMLIGHT_EXTENSIONS) {
      if (name.endsWith(extension)) {
        return SVMLIGHT;
      }
    }
    return CSV;
  }

  /**
   * The {@code format} option's value: {@code csv}, {@code svmlight}, or null for {@code auto}.
   *
   * @throws OptionException naming the option and the value
   */
  static InputFormat parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> null;
      case "csv" -> CSV;
      case "svmlight" -> SVMLIGHT;
      default -> throw OptionException.invalid("format", value, "must be auto, csv or svmlight");
    };
  }
}
