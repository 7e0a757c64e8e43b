package org.l1path.job;

import java.io.IOException;
import java.io.InputStream;
import org.l1path.solver.Dataset;

/**
 * Reads a CSV into a solver {@link Dataset} exactly as {@code fit} does with default options: the
 * last column is the target, categorical columns become indicators, missing features get the column
 * mean. For tools (the benchmark) that need the data but not the whole job.
 */
public final class DatasetFiles {
  private DatasetFiles() {}

  /**
   * Reads the whole stream (plain or gzip).
   *
   * @param source the file's name, for messages
   * @throws InputException when the file is not a table the fit command would accept
   */
  public static Dataset read(InputStream csv, String source) throws IOException {
    CsvTable table = CsvTableReader.read(csv, source, JobProgress.NONE);
    return TrainingData.prepare(table, FitRequest.defaults()).dataset();
  }
}
