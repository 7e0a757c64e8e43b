package org.l1path.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Where a job's files go. The job writes each file once, complete, and writes {@code model.json}
 * last, so a reader that sees {@code model.json} can rely on the other files of the same run.
 */
public interface ResultSink {
  /** Stores {@code bytes} as the file {@code name}, replacing any earlier file of that name. */
  void write(String name, byte[] bytes) throws IOException;

  /**
   * Stores what {@code content} writes as the file {@code name}: a large file ({@code model.json}
   * of a hundred thousand features) streams where a sink can take a stream. This default collects
   * the bytes first.
   */
  default void write(String name, AtomicFile.Content content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    content.writeTo(bytes);
    write(name, bytes.toByteArray());
  }
}
