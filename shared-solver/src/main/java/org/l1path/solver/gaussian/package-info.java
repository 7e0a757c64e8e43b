/**
 * Least squares: {@link org.l1path.solver.gaussian.GaussianPath} runs one {@link
 * org.l1path.solver.gaussian.CoordinateDescent} along the grid. Its parts each have one job: {@code
 * DescentState} (coefficients, gradients, strong and active sets), {@code GradientUpdates} in two
 * modes ({@code CovarianceUpdates} over the {@code GramCache}, {@code NaiveUpdates} with the {@code
 * KktScreen}), the {@code ActiveSetRefit} and the {@code DualityGap} certificate. {@link
 * org.l1path.solver.gaussian.GaussianProblem} is the standardized, weighted problem, which the GLM
 * solver also builds for each Newton step; {@code CrossProducts} and {@code FoldGram} share one
 * Gram matrix across cross-validation folds.
 *
 * <p>Imports the API's value types, {@code data} and {@code linalg}; never {@code glm} or {@code
 * cv}.
 */
package org.l1path.solver.gaussian;
