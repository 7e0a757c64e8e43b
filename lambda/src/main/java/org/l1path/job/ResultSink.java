package org.l1path.job;

import java.io.IOException;

/**
 * Where a job's files go. The job writes each file once, complete, and writes {@code model.json}
 * last, so a reader that sees {@code model.json} can rely on the other files of the same run.
 */
public interface ResultSink {
  /** Stores {@code bytes} as the file {@code name}, replacing any earlier file of that name. */
  void write(String name, byte[] bytes) throws IOException;
}
