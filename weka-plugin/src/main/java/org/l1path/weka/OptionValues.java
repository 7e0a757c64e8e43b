package org.l1path.weka;

import java.util.Locale;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Storage;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * Option values to and from their command-line text: numbers that print back to the same value, and
 * parsers whose errors name the option that was given a bad value.
 */
public final class OptionValues {
  private OptionValues() {}

  /** Formats a double so that it parses back to the same value. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value).toLowerCase(Locale.ROOT);
  }

  static double parseDouble(String option, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got '" + text + "'", e);
    }
  }

  /**
   * {@code text} as a whole number, surrounding blanks ignored.
   *
   * @throws IllegalArgumentException naming {@code option} when it is not one
   */
  public static int parseInt(String option, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects an integer, got '" + text + "'", e);
    }
  }

  static CvMeasure parseMeasure(String text) {
    int id = tagId(PathOptionTexts.MEASURES, text);
    if (id < 0) {
      throw new IllegalArgumentException(
          "-measure must be deviance, class or auc, got '" + text + "'");
    }
    return CvMeasure.values()[id];
  }

  static Storage parseStorage(String text) {
    int id = tagId(PathOptionTexts.STORAGES, text);
    if (id < 0) {
      throw new IllegalArgumentException(
          "-" + PathOptions.STORAGE + " must be auto, dense or sparse, got '" + text + "'");
    }
    return Storage.values()[id];
  }

  /** The id of the tag named {@code text} (case and surrounding blanks ignored), or -1. */
  private static int tagId(Tag[] tags, String text) {
    for (Tag tag : tags) {
      if (tag.getIDStr().equalsIgnoreCase(text.trim())) {
        return tag.getID();
      }
    }
    return -1;
  }

  static String storageLabel(Storage value) {
    return new SelectedTag(value.ordinal(), PathOptionTexts.STORAGES).getSelectedTag().getIDStr();
  }

  static SelectionRule parseRule(String text) {
    try {
      return SelectionRule.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-rule: " + e.getMessage(), e);
    }
  }
}
