package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built package zip is a valid flat Weka package; Weka's package manager installs it into a
 * temporary Weka home; fresh JVMs then run the classifier and the evaluator from Weka's command
 * line with only Weka's own jars on the class path.
 */
class PackageInstallIT {
  private static WekaInstallation weka;
  private static Path cpuArff;
  private static Path irisArff;

  @BeforeAll
  static void install() throws Exception {
    Path root = Path.of(WekaInstallation.requiredProperty("l1path.it.output"), "install");
    weka = WekaInstallation.install(root);
    Path data = Files.createTempDirectory(root, "data");
    cpuArff = copyResource("cpu.with.vendor.arff", data);
    irisArff = copyResource("iris.arff", data);
  }

  private static Path copyResource(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = PackageInstallIT.class.getResourceAsStream("/weka/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void zipIsFlatWithPropsJarLibsAndSources() throws IOException {
    List<String> names = new ArrayList<>();
    Properties props = new Properties();
    try (ZipFile zip = new ZipFile(WekaInstallation.packageZip().toFile())) {
      zip.stream().map(ZipEntry::getName).forEach(names::add);
      try (InputStream in = zip.getInputStream(zip.getEntry("Description.props"))) {
        props.load(in);
      }
    }
    assertTrue(names.contains("Description.props"), names.toString());
    assertTrue(names.contains("l1path.jar"), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.matches("lib/shared-solver-[^/]+\\.jar")), "solver");
    assertTrue(names.stream().anyMatch(n -> n.matches("lib/ejml-[^/]+\\.jar")), "EJML");
    assertTrue(names.contains("src/main/java/weka/classifiers/functions/Lasso.java"));
    assertFalse(names.stream().anyMatch(n -> n.contains("weka-stable")), "no Weka jar inside");
    for (String n : names) {
      assertTrue(
          n.equals("Description.props")
              || n.equals("l1path.jar")
              || n.startsWith("lib/")
              || n.startsWith("src/"),
          "unexpected top-level entry " + n);
    }
    for (String field :
        List.of(
            "PackageName",
            "Version",
            "Date",
            "Title",
            "Category",
            "Author",
            "Maintainer",
            "License",
            "Description",
            "PackageURL",
            "Depends")) {
      assertFalse(props.getProperty(field, "").isBlank(), "Description.props lacks " + field);
    }
    assertEquals("l1path", props.getProperty("PackageName"));
    assertEquals(System.getProperty("l1path.version"), props.getProperty("Version"));
    assertEquals("weka (>=3.8.0)", props.getProperty("Depends"));
    assertTrue(
        WekaInstallation.packageZip()
            .getFileName()
            .toString()
            .equals("l1path-" + props.getProperty("Version") + ".zip"));
  }

  @Test
  void packageManagerListsThePackageAsInstalled() throws Exception {
    WekaInstallation.Result r =
        weka.java(
            List.of(), "weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(
        r.output().lines().anyMatch(l -> l.contains("l1path") && l.contains("0.1.0")), r.output());
    assertTrue(Files.isRegularFile(weka.home().resolve("packages/l1path/l1path.jar")));
    assertTrue(Files.isRegularFile(weka.home().resolve("packages/l1path/Description.props")));
  }

  @Test
  void classifierRunsFromWekaCommandLine() throws Exception {
    WekaInstallation.Result r =
        weka.java(
            List.of(),
            "weka.Run",
            "-no-scan",
            "weka.classifiers.functions.Lasso",
            "-t",
            cpuArff.toString());
    assertEquals(0, r.exitCode(), r.output());
    String out = r.output();
    assertTrue(out.contains("Lasso / elastic-net linear regression (l1path)"), out);
    assertTrue(out.contains("Alpha chosen by 10-fold cross-validation, rule min"), out);
    assertTrue(out.contains("of 7 attributes"), out);
    assertTrue(out.contains("=== Cross-validation ==="), out);
    assertTrue(out.contains("Correlation coefficient"), out);
    // The correlation of Weka's own 10-fold cross-validation: LinearRegression reaches 0.93 here.
    String line =
        out.lines()
            .dropWhile(l -> !l.contains("=== Cross-validation ==="))
            .filter(l -> l.startsWith("Correlation coefficient"))
            .findFirst()
            .orElseThrow();
    double correlation = Double.parseDouble(line.replace("Correlation coefficient", "").trim());
    assertTrue(correlation > 0.9, line);
  }

  @Test
  void classifierClassifiesIrisFromWekaCommandLine() throws Exception {
    // A 66 % split rather than 10-fold CV keeps the run short: Lasso cross-validates internally.
    WekaInstallation.Result r =
        weka.java(
            List.of(),
            "weka.Run",
            "-no-scan",
            "weka.classifiers.functions.Lasso",
            "-t",
            irisArff.toString(),
            "-split-percentage",
            "66");
    assertEquals(0, r.exitCode(), r.output());
    String out = r.output();
    assertTrue(out.contains("Lasso / elastic-net multinomial logistic regression (l1path)"), out);
    assertTrue(out.contains("CV deviance = "), out);
    for (String c : List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica")) {
      assertTrue(out.contains("Score of class = " + c + ", largest standardized effect"), out);
    }
    assertTrue(out.contains("=== Confusion Matrix ==="), out);
    String line =
        out.lines()
            .dropWhile(l -> !l.contains("=== Error on test split ==="))
            .filter(l -> l.startsWith("Correctly Classified Instances"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(out));
    String[] fields = line.trim().split("\\s+");
    double percent = Double.parseDouble(fields[fields.length - 2]);
    // Weka's Logistic classifies about 96 % of iris correctly; a test split of 51 allows noise.
    assertTrue(percent >= 90, line);
  }

  @Test
  void evaluatorRunsWithRankerFromWekaCommandLine() throws Exception {
    WekaInstallation.Result r =
        weka.java(
            List.of(),
            "weka.Run",
            "-no-scan",
            "weka.attributeSelection.LassoAttributeEval",
            "-i",
            cpuArff.toString(),
            "-s",
            "weka.attributeSelection.Ranker -T 0");
    assertEquals(0, r.exitCode(), r.output());
    String out = r.output();
    assertTrue(out.contains("Lasso attribute evaluator (l1path)"), out);
    assertTrue(out.contains("rule 1se"), out);
    assertTrue(out.contains("Ranked attributes:"), out);
    List<String> ranked =
        out.lines()
            .dropWhile(l -> !l.startsWith("Ranked attributes:"))
            .skip(1)
            .takeWhile(l -> !l.isBlank())
            .toList();
    assertFalse(ranked.isEmpty(), out);
    assertTrue(ranked.get(0).trim().endsWith("MMAX"), "MMAX ranks first: " + ranked);
  }
}
