package org.l1path.spark;

import java.io.Serializable;

/**
 * One checked row with its fold id, as the passes of a classification fit read it again and again
 * from the cache: the fold is drawn once, so every pass sees the same folds.
 */
record FoldedRow(int fold, double[] x, double y, double w) implements Serializable {}
