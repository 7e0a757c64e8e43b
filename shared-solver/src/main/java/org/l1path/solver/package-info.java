/**
 * Lasso and elastic-net regression fitted along a whole regularization path by coordinate descent,
 * with cross-validation to choose the penalty. Numerics only: no file, network, CSV or JSON code
 * lives here, so every front end (Weka, the batch job, Lambda) shares one solver.
 *
 * <p>Start with {@link org.l1path.solver.ElasticNet#fitPath} or {@link
 * org.l1path.solver.CrossValidation#run}.
 */
package org.l1path.solver;
