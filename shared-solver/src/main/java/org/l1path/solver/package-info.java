/**
 * The solver's public API: lasso and elastic-net regularization paths, fitted by coordinate
 * descent, with cross-validation to choose the penalty. Numerics only: no file, network, CSV or
 * JSON code lives here, so every front end (Weka, the batch job, Lambda) shares one solver.
 *
 * <p>Start with {@link org.l1path.solver.ElasticNet#fitPath} or {@link
 * org.l1path.solver.CrossValidation#run}. The inputs are {@link org.l1path.solver.Dataset}, {@link
 * org.l1path.solver.Settings}, {@link org.l1path.solver.AlphaGrid} and {@link
 * org.l1path.solver.CvSettings}; the results {@link org.l1path.solver.RegularizationPath}, {@link
 * org.l1path.solver.Model} and {@link org.l1path.solver.CvResult}.
 *
 * <p>Front ends import this package only. The engines live in the sub-packages: {@code data} (the
 * design and sparse rows), {@code linalg} (kernels), {@code gaussian} (least squares), {@code glm}
 * (logistic and multinomial) and {@code cv} (folds). They use this package's value types, and build
 * paths through {@link org.l1path.solver.PathRecorder}, which is for them alone. {@code
 * ArchitectureTest} and the front ends' {@code ApiOnlyTest} keep it so.
 */
package org.l1path.solver;
