/**
 * Cross-validation's parts: which rows each fold holds out and what a fold is fitted on ({@link
 * org.l1path.solver.cv.Folds}), held-out error by measure, and fits run side by side. {@link
 * org.l1path.solver.CrossValidation} puts them together. Imports the API's value types only.
 */
package org.l1path.solver.cv;
