package org.l1path.job;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes result files into a directory, creating it on the first write. Each file is written to a
 * temporary name beside its target and then moved into place, so a file in the directory is always
 * either the previous run's complete file or this run's complete file, never a torn mix.
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
    Path target = directory.resolve(name);
    Path temporary = Files.createTempFile(directory, "." + name + ".", ".tmp");
    try {
      Files.write(temporary, bytes);
      move(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
