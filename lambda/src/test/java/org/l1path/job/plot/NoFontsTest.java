package org.l1path.job.plot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * AWS's Java runtimes have no fonts and no display, and AWT text measurement fails there. The plots
 * never measure or rasterize text: nothing in this package touches AWT, Swing, Java2D or ImageIO.
 */
class NoFontsTest {
  @Test
  void thePlotsUseNoAwtJava2dOrImageIo() {
    JavaClasses plots =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.l1path.job.plot");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..", "sun.font..")
        .check(plots);
  }
}
