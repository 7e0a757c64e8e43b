/**
 * Logistic and multinomial regression: {@link org.l1path.solver.glm.LogisticPath} drives the path;
 * each alpha takes Newton steps ({@code NewtonStep}, by weighted Gram, {@code GramStep}, when that
 * pays), intercept-only Newton steps ({@code InterceptNewton}), class probabilities and their
 * links, and extrapolation across rounds. A step's quadratic is a {@link
 * org.l1path.solver.gaussian.GaussianProblem}.
 *
 * <p>Imports the API's value types, {@code data}, {@code linalg} and {@code gaussian}; never {@code
 * cv}.
 */
package org.l1path.solver.glm;
