package org.l1path.weka;

import java.io.File;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junit.framework.AssertionFailedError;
import weka.test.Regression;

/**
 * Makes a missing Weka regression reference fail the test. Weka's {@code Regression} only warns and
 * writes a new {@code .ref} file, so a lost reference would pass silently. New references are
 * written only when the build is run with {@code -Dl1path.wekarefs.create=true}.
 *
 * <p>Numbers in the references are rounded to {@link #DIGITS} significant digits: the solver stops
 * at a relative duality gap of 1e-6, so digits beyond that are rounding, not behaviour, and would
 * change with any harmless change to the solver's order of operations. Numbers below {@link #NOISE}
 * in magnitude are written as 0: they are rounding noise (for example the coefficient a solver
 * leaves on one of two perfectly collinear indicators), not behaviour.
 */
public final class RegressionReferences {
  /** Significant digits kept in reference output. */
  public static final int DIGITS = 4;

  /** Magnitudes below this are rounding noise in the schemes' output. */
  public static final double NOISE = 1e-9;

  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+(?:[eE][-+]?\\d+)?");

  private RegressionReferences() {}

  /** {@code value} rounded to {@link #DIGITS} significant digits. */
  public static double round(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return value;
    }
    if (Math.abs(value) < NOISE) {
      return 0.0;
    }
    return new BigDecimal(value).round(new MathContext(DIGITS)).doubleValue();
  }

  /** {@code text} with every decimal number rounded to {@link #DIGITS} significant digits. */
  public static String roundNumbers(String text) {
    Matcher m = DECIMAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      double v = round(Double.parseDouble(m.group()));
      m.appendReplacement(out, Matcher.quoteReplacement(Double.toString(v)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The reference file Weka's harness compares {@code testClass}'s output with. */
  public static File referenceFile(Class<?> testClass) {
    return new File(Regression.getRoot(), testClass.getName().replace('.', '/') + ".ref");
  }

  /** Fails unless {@code testClass}'s reference file exists (or creation was asked for). */
  public static void requirePresent(Class<?> testClass) {
    File ref = referenceFile(testClass);
    if (!ref.isFile() && !Boolean.getBoolean("l1path.wekarefs.create")) {
      throw new AssertionFailedError(
          "missing Weka regression reference "
              + ref
              + "; run once with -Dl1path.wekarefs.create=true, review and commit it");
    }
  }
}
