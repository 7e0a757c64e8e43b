package org.l1path.solver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The solver is numerics only, and its engine packages are layered: data, then linalg, then the
 * Gaussian solver, then the GLM solver; cross-validation uses the API alone (see each
 * package-info.java).
 */
class ArchitectureTest {
  private static final JavaClasses SOLVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.l1path.solver");

  @Test
  void solverImportsNoWekaAwsCsvOrJson() {
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
        .because("the solver does no I/O and knows no front end (docs/architecture.md)")
        .check(SOLVER);
  }

  @Test
  void dataImportsNoOtherSolverPackage() {
    noClasses()
        .that()
        .resideInAPackage("org.l1path.solver.data..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.l1path.solver",
            "org.l1path.solver.linalg..",
            "org.l1path.solver.gaussian..",
            "org.l1path.solver.glm..",
            "org.l1path.solver.cv..")
        .check(SOLVER);
  }

  @Test
  void kernelsImportOnlyData() {
    noClasses()
        .that()
        .resideInAPackage("org.l1path.solver.linalg..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.l1path.solver",
            "org.l1path.solver.gaussian..",
            "org.l1path.solver.glm..",
            "org.l1path.solver.cv..")
        .check(SOLVER);
  }

  @Test
  void leastSquaresKnowsNothingOfGlmOrCrossValidation() {
    noClasses()
        .that()
        .resideInAPackage("org.l1path.solver.gaussian..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.l1path.solver.glm..", "org.l1path.solver.cv..")
        .check(SOLVER);
  }

  @Test
  void glmKnowsNothingOfCrossValidation() {
    noClasses()
        .that()
        .resideInAPackage("org.l1path.solver.glm..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.l1path.solver.cv..")
        .check(SOLVER);
  }

  @Test
  void crossValidationPartsUseTheApiAlone() {
    noClasses()
        .that()
        .resideInAPackage("org.l1path.solver.cv..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.l1path.solver.linalg..", "org.l1path.solver.gaussian..", "org.l1path.solver.glm..")
        .check(SOLVER);
  }
}
