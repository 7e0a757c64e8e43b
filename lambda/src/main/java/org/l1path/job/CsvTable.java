package org.l1path.job;

import java.util.List;

/**
 * A CSV file read into columns.
 *
 * @param source the file's name, for messages
 * @param columns the columns in file order
 * @param lineOfRow the 1-based file line on which each data row starts (the header is line 1)
 */
record CsvTable(String source, List<Column> columns, long[] lineOfRow) {

  int rows() {
    return lineOfRow.length;
  }

  /** The index of the column named {@code name}, or -1. */
  int indexOf(String name) {
    // Names are distinct (the reader checks), so either direction finds the same column; from
    // the end finds the default target, the last column, at once in a file 50000 columns wide.
    for (int j = columns.size() - 1; j >= 0; j--) {
      if (columns.get(j).name().equals(name)) {
        return j;
      }
    }
    return -1;
  }
}
