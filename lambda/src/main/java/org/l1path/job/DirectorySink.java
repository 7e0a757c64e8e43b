package org.l1path.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes result files into a directory, creating it on the first write. Each file is replaced whole
 * ({@link AtomicFile}), so a file in the directory is always either the previous run's complete
 * file or this run's complete file, never a torn mix.
 */
public final class DirectorySink implements ResultSink {
  private final Path directory;
  private final Set<String> written = new HashSet<>();

  public DirectorySink(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void write(String name, byte[] bytes) throws IOException {
    write(name, out -> out.write(bytes));
  }

  /** Streams into the file's temporary sibling, which then replaces it. */
  @Override
  public void write(String name, AtomicFile.Content content) throws IOException {
    Files.createDirectories(directory);
    AtomicFile.write(directory.resolve(name), content);
    written.add(name);
  }

  /**
   * Deletes those of {@code names} that an earlier run left and this one did not write, so that the
   * directory holds one run's set: a fit without cross-validation into a directory that has an
   * earlier run's {@code cv.csv} would otherwise leave it looking like this run's. Call it after
   * the set is written.
   */
  public void removeOthers(Collection<String> names) throws IOException {
    for (String name : names) {
      if (!written.contains(name)) {
        Files.deleteIfExists(directory.resolve(name));
      }
    }
  }
}
