package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad data and bad params fail with an error that names the column or the param. */
class BadInputTest {
  private static Dataset<Row> diabetes() {
    return LocalSpark.frame(LocalSpark.numericCsv("diabetes"), null, null, 2);
  }

  private static void fails(Executable fit, String... mentions) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
    for (String m : mentions) {
      assertTrue(e.getMessage().contains(m), "'" + e.getMessage() + "' should mention " + m);
    }
  }

  @Test
  void nanFeatureNamesTheColumn() {
    LocalSpark.Table t = LocalSpark.numericCsv("quickstart");
    t.columns()[3][17] = Double.NaN;
    Dataset<Row> frame = LocalSpark.frame(t, null, null, 2, "keep");
    fails(() -> new L1PathEstimator().setNumFolds(3).fit(frame), "features", "NaN", "feature 3");
  }

  @Test
  void negativeWeightNamesTheColumn() {
    Dataset<Row> frame = diabetes().withColumn("weight", functions.lit(-1.0));
    fails(() -> new L1PathEstimator().setWeightCol("weight").fit(frame), "weight", "-1.0");
  }

  @Test
  void paramsOutOfRangeAreNamed() {
    Dataset<Row> frame = diabetes();
    fails(() -> new L1PathEstimator().setL1Ratios(1.5).fit(frame), "l1Ratios", "1.5");
    fails(() -> new L1PathEstimator().setAlphas(0.1, -2).fit(frame), "alphas", "-2");
    fails(() -> new L1PathEstimator().setAlphaMinRatio(2).fit(frame), "alphaMinRatio");
    fails(() -> new L1PathEstimator().setNumFolds(1).fit(frame), "numFolds");
    fails(() -> new L1PathEstimator().setSelectionRule("best").fit(frame), "selectionRule");
    fails(() -> new L1PathEstimator().setFamily("poisson").fit(frame), "family", "poisson");
    fails(() -> new L1PathEstimator().setLabelCol("y").fit(frame), "labelCol", "'y'");
  }

  @Test
  void labelOutsideTheClassesIsNamed() {
    Dataset<Row> frame = diabetes();
    Dataset<Row> indexed =
        frame.withColumn(
            "label",
            frame
                .col("label")
                .as(
                    "label",
                    NominalAttribute.defaultAttr()
                        .withValues(new String[] {"a", "b"})
                        .toMetadata()));
    // Two classes named, but the label holds the diabetes progression: not a class index.
    fails(() -> new L1PathEstimator().fit(indexed), "column 'label'", "not one of the class");
    fails(
        () -> new L1PathEstimator().setFamily("multinomial").fit(diabetes()),
        "family multinomial",
        "StringIndexer");
  }

  @Test
  void foldColumnWithOneFoldIsRefused() {
    fails(() -> new L1PathEstimator().setFoldCol("fold").fit(diabetes()), "2 folds");
  }

  @Test
  void tooManyFeaturesForTheDriverIsRefusedWithTheNumbers() {
    // 20,000 features: 11 sets of 200 million doubles, 17.6 GB, past a 1 GB budget
    fails(
        () -> DriverBudget.check(20_000, 11, "10 folds", 1L << 30),
        "20000 features",
        "10 folds",
        "MB");
    DriverBudget.check(100, 11, "10 folds", 1L << 30); // 100 features fit easily
    assertTrue(DriverBudget.bytes(1000, 11) > 11 * 8L * 1000 * 1000 / 2);
  }
}
