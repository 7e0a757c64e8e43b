/**
 * The Weka side of l1path: turning {@code Instances} into the solver's column matrix (nominal
 * attributes as indicators, missing values filled from the training data, instance weights), the
 * options shared by the classifier and the attribute evaluator, and the readable model summary. All
 * numerics come from {@code org.l1path.solver}.
 */
package org.l1path.weka;
