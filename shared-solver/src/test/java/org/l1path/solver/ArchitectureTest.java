package org.l1path.solver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The solver is numerics only: it must not depend on any front end's libraries. */
class ArchitectureTest {
  @Test
  void solverImportsNoWekaAwsCsvOrJson() {
    JavaClasses solver =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.l1path.solver");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "weka..",
            "software.amazon..",
            "com.amazonaws..",
            "de.siegmar..",
            "com.fasterxml..",
            "tools.jackson..",
            "org.json..",
            "com.google.gson..",
            "java.nio.file..",
            "java.net..")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching("java\\.io\\.File.*")
        .because("the solver does no I/O and knows no front end (ARCHITECTURE.md)")
        .check(solver);
  }
}
