package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;
import weka.attributeSelection.LassoAttributeEvalTest;
import weka.classifiers.functions.LassoTest;

/**
 * The committed Weka regression references exist where the build points Weka's harness, so that the
 * harness compares output instead of silently writing a new reference.
 */
class RegressionReferencesTest {

  @Test
  void everyWekaHarnessTestHasItsReference() {
    assertTrue(
        System.getProperty("weka.test.Regression.root", "").endsWith("wekarefs"),
        "the build sets weka.test.Regression.root");
    for (Class<?> test : new Class<?>[] {LassoTest.class, LassoAttributeEvalTest.class}) {
      File ref = RegressionReferences.referenceFile(test);
      assertTrue(ref.isFile() && ref.length() > 0, "missing or empty " + ref);
    }
  }

  @Test
  void numbersKeepFourDigitsAndNoiseBecomesZero() {
    assertEquals(
        "a 0.1235 b 0.0 c 4.876E-5 d 12",
        RegressionReferences.roundNumbers("a 0.123456 b 1.17E-12 c 4.87612E-5 d 12"));
  }
}
