package org.l1path.job;

import org.l1path.solver.SparseFeatures;

/**
 * An svmlight file as read: one label and one row of features per data line.
 *
 * @param source the file's name, for messages
 * @param labels each row's label
 * @param lineOfRow each row's 1-based file line, for messages
 * @param features the rows' non-zeros; column j is the file's index j + 1, and there are as many
 *     columns as the largest index in the file
 */
record SvmlightData(String source, double[] labels, long[] lineOfRow, SparseFeatures features) {

  int rows() {
    return labels.length;
  }
}
