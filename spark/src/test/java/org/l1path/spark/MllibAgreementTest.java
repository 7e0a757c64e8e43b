package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Model;

/**
 * At matched penalties the coefficients agree with MLlib's LinearRegression (standardization on).
 * The mapping, from MLlib's (regParam, elasticNetParam) = (lambda, a) on n rows (docs/scale.md):
 * MLlib standardizes with the sample standard deviation (n - 1), l1path with the population one
 * (n), so with c = sqrt(n / (n - 1)) MLlib's penalty on l1path's scale is lambda a c for the L1
 * term and lambda (1 - a) c^2 / sd(y) for the L2 term (MLlib solves on y / sd(y), glmnet's
 * convention, sd(y) also the sample one). l1path's alpha and l1Ratio solve alpha l1Ratio = lambda a
 * c and alpha (1 - l1Ratio) = lambda (1 - a) c^2 / sd(y).
 */
class MllibAgreementTest {

  private static double sampleSd(double[] y) {
    double m = 0;
    for (double v : y) {
      m += v;
    }
    m /= y.length;
    double ss = 0;
    for (double v : y) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (y.length - 1));
  }

  private static void agree(double regParam, double elasticNetParam) {
    LocalSpark.Table t = LocalSpark.numericCsv("diabetes");
    int n = t.rows();
    Dataset<Row> frame = LocalSpark.frame(t, null, null, 2);
    LinearRegressionModel mllib =
        new LinearRegression()
            .setRegParam(regParam)
            .setElasticNetParam(elasticNetParam)
            .setStandardization(true)
            .setSolver("l-bfgs")
            .setMaxIter(5000)
            .setTol(1e-12)
            .fit(frame);
    double c = Math.sqrt(n / (n - 1.0));
    double l1 = regParam * elasticNetParam * c;
    double l2 = regParam * (1 - elasticNetParam) * c * c / sampleSd(t.y());
    double alpha = l1 + l2;
    double ratio = l1 / alpha;
    L1PathModel ours =
        new L1PathEstimator()
            .setL1Ratios(ratio)
            .setAlphas(alpha)
            .setNumFolds(2)
            .setTolerance(1e-12)
            .fit(frame);
    Model chosen = ours.model();
    double[] expected = mllib.coefficients().toArray();
    double scale = 0;
    for (double b : expected) {
      scale = Math.max(scale, Math.abs(b));
    }
    assertArrayEquals(expected, chosen.coefficients(), 1e-4 * scale);
    assertEquals(mllib.intercept(), chosen.intercept(), 1e-4 * scale);
  }

  /**
   * LogisticRegression's loss is the mean log-loss and y is not rescaled, so with c as above: alpha
   * l1Ratio = lambda a c and alpha (1 - l1Ratio) = lambda (1 - a) c^2.
   */
  private static void agreeLogistic(double regParam, double elasticNetParam) {
    java.util.List<String> classes = new java.util.ArrayList<>();
    LocalSpark.Table t = LocalSpark.classCsv("binomial", classes);
    int n = t.rows();
    Dataset<Row> frame = LocalSpark.indexed(LocalSpark.frame(t, null, null, 2), classes);
    org.apache.spark.ml.classification.LogisticRegressionModel mllib =
        new org.apache.spark.ml.classification.LogisticRegression()
            .setRegParam(regParam)
            .setElasticNetParam(elasticNetParam)
            .setStandardization(true)
            .setFamily("binomial")
            .setMaxIter(5000)
            .setTol(1e-12)
            .fit(frame);
    double c = Math.sqrt(n / (n - 1.0));
    double l1 = regParam * elasticNetParam * c;
    double l2 = regParam * (1 - elasticNetParam) * c * c;
    double alpha = l1 + l2;
    L1PathModel ours =
        new L1PathEstimator()
            .setL1Ratios(l1 / alpha)
            .setAlphas(alpha)
            .setNumFolds(2)
            .setTolerance(1e-12)
            .fit(frame);
    Model chosen = ours.model();
    double[] expected = mllib.coefficients().toArray();
    double scale = 0;
    for (double b : expected) {
      scale = Math.max(scale, Math.abs(b));
    }
    assertArrayEquals(expected, chosen.coefficients(), 1e-4 * scale);
    assertEquals(mllib.intercept(), chosen.intercept(), 1e-4 * (1 + scale));
  }

  @Test
  void logisticLasso() {
    agreeLogistic(0.02, 1.0);
  }

  @Test
  void logisticElasticNet() {
    agreeLogistic(0.05, 0.5);
  }

  @Test
  void lasso() {
    agree(0.5, 1.0);
  }

  @Test
  void elasticNet() {
    agree(1.0, 0.5);
  }
}
