package org.l1path.job;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The job knows nothing of its front doors, so the command line and Lambda share it unchanged. */
class DependencyRulesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.l1path.job");

  @Test
  void theJobDoesNotUseTheCommandLineOrAws() {
    noClasses()
        .that()
        .resideInAPackage("org.l1path.job..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.l1path.cli..", "software.amazon..", "com.amazonaws..")
        .check(MAIN);
  }

  @Test
  void theJobPrintsNothing() {
    noClasses()
        .that()
        .resideInAPackage("org.l1path.job..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(MAIN);
  }
}
