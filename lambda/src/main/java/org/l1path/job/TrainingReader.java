package org.l1path.job;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a training file in its format ({@link InputFormat}) into {@link TrainingData}, stored as
 * the request asks: a CSV through {@link CsvTableReader} and {@link TrainingData}, an svmlight file
 * through {@link SvmlightReader} and {@link SvmlightTraining}. Either design may end up dense or
 * sparse: a CSV that is mostly zeros is stored sparse under {@code storage auto}, as an svmlight
 * file that is mostly non-zeros is stored dense.
 */
final class TrainingReader {
  private TrainingReader() {}

  /**
   * @param source the input's name: its extension tells the format unless the request names one
   * @throws InputException when the file cannot be fitted as given
   */
  static TrainingData read(InputStream in, String source, FitRequest request, JobProgress progress)
      throws IOException {
    TrainingData data =
        switch (InputFormat.of(source, request.format())) {
          case CSV ->
              TrainingData.prepare(
                  CsvTableReader.read(in, source, request.encoding(), progress), request);
          case SVMLIGHT ->
              SvmlightTraining.prepare(
                  SvmlightReader.read(in, source, request.encoding(), progress), request);
        };
    return data.withDataset(data.dataset().withStorage(request.storage()));
  }
}
