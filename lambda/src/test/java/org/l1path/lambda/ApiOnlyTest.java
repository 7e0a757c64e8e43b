package org.l1path.lambda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.Settings;

/**
 * This front end uses the solver's public API (package org.l1path.solver) only, never its engine
 * packages nor the few public members that exist for them, so the engines can be reshaped without
 * touching it.
 */
class ApiOnlyTest {
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
        .orShould()
        .callMethod(Dataset.class, "design")
        .orShould()
        .callMethod(Dataset.class, "subset", int[].class)
        .orShould()
        .callMethod(Settings.class, "perFeature", double[].class, int.class, String.class)
        .because("front ends import the solver's API alone (docs/architecture.md)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(
                    "org.l1path.lambda", "org.l1path.job", "org.l1path.cli", "org.l1path.bench"));
  }
}
