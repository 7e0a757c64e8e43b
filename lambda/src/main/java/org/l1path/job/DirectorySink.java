package org.l1path.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes result files into a directory, creating it on the first write. Each file is replaced whole
 * ({@link AtomicFile}), so a file in the directory is always either the previous run's complete
 * file or this run's complete file, never a torn mix.
 */
public final class DirectorySink implements ResultSink {
  private final Path directory;

  public DirectorySink(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void write(String name, byte[] bytes) throws IOException {
    Files.createDirectories(directory);
    AtomicFile.write(directory.resolve(name), out -> out.write(bytes));
  }
}
