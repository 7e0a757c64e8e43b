package org.l1path.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;

/**
 * The Spark front end uses the solver's public API (package org.l1path.solver) only, as the other
 * front ends do, and of the lambda module only the fit job's files and options (org.l1path.job),
 * never its AWS handlers, whose dependencies this module leaves out.
 */
class ApiOnlyTest {
  private static final JavaClasses SPARK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.l1path.spark");

  @Test
  void frontEndUsesTheSolverApiOnly() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.l1path.solver.data..",
            "org.l1path.solver.linalg..",
            "org.l1path.solver.gaussian..",
            "org.l1path.solver.glm..",
            "org.l1path.solver.cv..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.l1path.solver.PathRecorder")
        .orShould()
        .callMethod(Dataset.class, "forSolving")
        .because("front ends import the solver's API alone (docs/architecture.md)")
        .check(SPARK);
  }

  @Test
  void onlyTheFitJobOfTheLambdaModuleIsUsed() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.l1path.lambda..",
            "org.l1path.cli..",
            "org.l1path.bench..",
            "software.amazon..",
            "com.amazonaws..",
            "org.crac..")
        .because("the spark module depends on the lambda jar for fit's writers only")
        .check(SPARK);
  }
}
