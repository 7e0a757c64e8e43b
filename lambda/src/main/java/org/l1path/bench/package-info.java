/**
 * Benchmarks of the solver: glmnet's simulated designs (Friedman, Hastie &amp; Tibshirani 2010,
 * section 5.1), timed path and cross-validation fits inside one JVM, and the files the comparison
 * script needs (the data as CSV, each alpha's coefficients). Nothing here prints; the command line
 * prints the {@link org.l1path.bench.BenchResult} line.
 */
package org.l1path.bench;
