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
    for (int j = 0; j < columns.size(); j++) {
      if (columns.get(j).name().equals(name)) {
        return j;
      }
    }
    return -1;
  }
}
