package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The estimator fits in a Pipeline behind VectorAssembler, and the fitted pipeline (the model with
 * its whole path and CV curves) and the estimator save and load through Spark's ML persistence.
 */
class PersistenceAndPipelineTest {

  @Test
  void pipelineSavesAndLoadsWithTheWholeSummary() throws Exception {
    LocalSpark.Table t = LocalSpark.numericCsv("diabetes");
    Dataset<Row> assembled = LocalSpark.frame(t, null, null, 2);
    Dataset<Row> raw = assembled.drop("features");
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new VectorAssembler()
                      .setInputCols(t.names().toArray(new String[0]))
                      .setOutputCol("features"),
                  new L1PathEstimator().setL1Ratios(0.5, 1).setNumFolds(5).setNAlphas(30)
                });
    PipelineModel fitted = pipeline.fit(raw);
    Path dir = Files.createTempDirectory("l1path-pipeline");
    String where = dir.resolve("model").toUri().toString();
    fitted.write().overwrite().save(where);
    PipelineModel loaded = PipelineModel.load(where);

    L1PathModel before = (L1PathModel) fitted.stages()[1];
    L1PathModel after = (L1PathModel) loaded.stages()[1];
    assertEquals(before.uid(), after.uid());
    L1PathSummary a = before.summary();
    L1PathSummary b = after.summary();
    assertEquals(2, b.paths().size());
    assertEquals(30, b.bestPath().size());
    assertEquals(a.bestIndex(), b.bestIndex());
    assertEquals(a.chosenIndex(), b.chosenIndex());
    assertEquals(a.rule(), b.rule());
    for (int r = 0; r < 2; r++) {
      assertArrayEquals(a.curves().get(r).meanError(), b.curves().get(r).meanError(), 0.0);
      for (int k = 0; k < a.paths().get(r).size(); k++) {
        assertArrayEquals(a.paths().get(r).coefficients(k), b.paths().get(r).coefficients(k), 0.0);
      }
    }
    List<Row> p1 = fitted.transform(raw).select("prediction").collectAsList();
    List<Row> p2 = loaded.transform(raw).select("prediction").collectAsList();
    assertEquals(p1, p2);
    assertEquals(t.rows(), p2.size());
  }

  @Test
  void stringIndexedClassesFitInAPipelineAndReload() throws Exception {
    List<String> classes = new java.util.ArrayList<>();
    LocalSpark.Table t = LocalSpark.classCsv("multinomial", classes);
    Dataset<Row> indexed = LocalSpark.frame(t, null, null, 2).drop("features");
    // The class as text, as a CSV holds it; StringIndexer (alphabetical) makes the label.
    org.apache.spark.sql.Column text = org.apache.spark.sql.functions.lit(classes.get(0));
    for (int c = 1; c < classes.size(); c++) {
      text =
          org.apache
              .spark
              .sql
              .functions
              .when(indexed.col("label").equalTo(c), classes.get(c))
              .otherwise(text);
    }
    Dataset<Row> raw = indexed.withColumn("class", text).drop("label");
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new org.apache.spark.ml.feature.StringIndexer()
                      .setInputCol("class")
                      .setOutputCol("label")
                      .setStringOrderType("alphabetAsc"),
                  new VectorAssembler()
                      .setInputCols(t.names().toArray(new String[0]))
                      .setOutputCol("features"),
                  new L1PathEstimator().setNumFolds(3).setNAlphas(6).setAlphaMinRatio(0.1)
                });
    PipelineModel fitted = pipeline.fit(raw);
    L1PathModel model = (L1PathModel) fitted.stages()[2];
    assertEquals(org.l1path.solver.Family.MULTINOMIAL, model.family());
    assertEquals(classes, model.summary().bestPath().classes());
    assertEquals("deviance", model.summary().bestCurve().measure());
    assertTrue(model.summary().passes() > 1);

    String where = Files.createTempDirectory("l1path-classes").resolve("m").toUri().toString();
    fitted.write().overwrite().save(where);
    PipelineModel loaded = PipelineModel.load(where);
    List<Row> before = fitted.transform(raw).select("probability", "prediction").collectAsList();
    List<Row> after = loaded.transform(raw).select("probability", "prediction").collectAsList();
    assertEquals(before, after);
    assertEquals(model.summary().passes(), ((L1PathModel) loaded.stages()[2]).summary().passes());
    // Predictions are class indices, mostly right on the training rows of this separable set.
    long right = fitted.transform(raw).filter("prediction = label").count();
    assertTrue(right > t.rows() / 2, "right: " + right);
  }

  @Test
  void estimatorParamsRoundTrip() throws Exception {
    L1PathEstimator e =
        new L1PathEstimator()
            .setL1Ratios(0.25, 0.75)
            .setSelectionRule("1se")
            .setNumFolds(7)
            .setWeightCol("w")
            .setAlphaMinRatio(1e-3);
    String where = Files.createTempDirectory("l1path-estimator").resolve("e").toUri().toString();
    LocalSpark.session(); // ML persistence needs an active session
    e.write().overwrite().save(where);
    L1PathEstimator back = L1PathEstimator.load(where);
    assertEquals(e.uid(), back.uid());
    assertArrayEquals(new double[] {0.25, 0.75}, back.getOrDefault(back.l1Ratios()), 0.0);
    assertEquals("1se", back.getOrDefault(back.selectionRule()));
    assertEquals(7, (Integer) back.getOrDefault(back.numFolds()));
    assertEquals("w", back.getOrDefault(back.weightCol()));
    assertEquals(1e-3, (Double) back.getOrDefault(back.alphaMinRatio()));
  }
}
