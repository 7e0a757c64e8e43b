/**
 * l1path on Apache Spark: {@link org.l1path.spark.L1PathEstimator} fits lasso and elastic-net paths
 * with K-fold cross-validation on a distributed data set, and {@link org.l1path.spark.FitApp} is
 * the {@code fit} command on Spark. The rows stay on the executors; passes sum per-fold statistics
 * ({@link org.l1path.solver.SufficientStatistics}) and the driver solves every path with the shared
 * solver ({@link org.l1path.solver.StatisticsFit}). Least squares takes one pass, classification
 * one per Newton round of all fits together. Costs and limits: docs/scale.md.
 */
package org.l1path.spark;
