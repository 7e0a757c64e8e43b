package org.l1path.job;

import java.io.IOException;
import java.io.InputStream;
import org.l1path.solver.Dataset;

/**
 * Reads a CSV or svmlight file into a solver {@link Dataset} exactly as {@code fit} does with
 * default options: for a CSV the last column is the target, categorical columns become indicators,
 * missing features get the column mean; an svmlight file's labels are the target. For tools (the
 * benchmark) that need the data but not the whole job.
 */
public final class DatasetFiles {
  private DatasetFiles() {}

  /**
   * Reads the whole stream (plain or gzip), its format told by {@code source}'s extension.
   *
   * @param source the file's name, for messages
   * @throws InputException when the file is not a table the fit command would accept
   */
  public static Dataset read(InputStream csv, String source) throws IOException {
    return read(csv, source, FitRequest.defaults());
  }

  /**
   * Reads the whole stream (plain or gzip) as {@code fit} would with this request: its target,
   * {@code format} and {@code storage} among others.
   *
   * @param source the file's name, for messages and for telling its format
   * @throws InputException when the file is not one the fit command would accept
   */
  public static Dataset read(InputStream csv, String source, FitRequest request)
      throws IOException {
    return TrainingReader.read(csv, source, request, JobProgress.NONE).dataset();
  }
}
