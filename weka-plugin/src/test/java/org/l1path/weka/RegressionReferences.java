package org.l1path.weka;

import java.io.File;
import junit.framework.AssertionFailedError;
import weka.test.Regression;

/**
 * Makes a missing Weka regression reference fail the test. Weka's {@code Regression} only warns and
 * writes a new {@code .ref} file, so a lost reference would pass silently. New references are
 * written only when the build is run with {@code -Dl1path.wekarefs.create=true}.
 */
public final class RegressionReferences {
  private RegressionReferences() {}

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
