package org.l1path.spark;

import org.apache.spark.sql.Dataset;
import org.l1path.solver.CvResult;
import org.l1path.solver.Progress;
import org.l1path.solver.StatisticsFit;
import org.l1path.solver.SufficientStatistics;

/**
 * A least-squares fit: one pass for every fold's statistics ({@link GaussianPass}), then every path
 * and fold solved on the driver from those statistics ({@link StatisticsFit}), as {@code
 * CrossValidation} solves them from rows.
 */
final class GaussianFit {
  private GaussianFit() {}

  static L1PathSummary fit(
      Dataset<?> data, RowReader reader, FeatureSchema schema, FitOptions options) {
    FoldMoments moments =
        GaussianPass.run(data, reader, options.numFolds(), options.seed(), options.depth());
    SufficientStatistics[] folds = moments.folds();
    if (folds.length < 2) {
      throw new IllegalArgumentException(
          "cross-validation needs at least 2 folds with rows, got "
              + folds.length
              + (reader.hasFoldColumn() ? " distinct fold ids" : ""));
    }
    CvResult cv =
        StatisticsFit.crossValidate(
            folds,
            schema.names(),
            options.settings(),
            options.l1Ratios(),
            options.grid(),
            options.rule(),
            Runtime.getRuntime().availableProcessors(),
            Progress.NONE);
    long rows = 0;
    for (SufficientStatistics f : folds) {
      rows += f.rows();
    }
    return L1PathSummary.of(cv, 1, rows);
  }
}
