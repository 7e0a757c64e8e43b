package org.l1path.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: into a new hidden file beside it, which is then moved over it.
 * A reader sees the previous complete file or the new one, never a torn mix. The temporary file is
 * created as any new file is, so the result has the permissions the user's umask gives; one from
 * {@code Files.createTempFile} would keep that method's owner-only 0600.
 */
public final class AtomicFile {
  /** Writes the file's content. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Tells apart the temporary files of one process. */
  private static final AtomicLong WRITES = new AtomicLong();

  private AtomicFile() {}

  /**
   * Replaces {@code target} with what {@code content} writes; its directory must exist. A target
   * that is not a regular file ({@code /dev/stdout}, a named pipe) is written to directly: moving a
   * file over it would replace the device itself (as root, even {@code /dev/null}). A symbolic link
   * is followed, so the link stays and the file it names is replaced.
   */
  public static void write(Path target, Content content) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try (OutputStream out = Files.newOutputStream(target)) {
        content.writeTo(out);
      }
      return;
    }
    Path absolute = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
    Path temporary =
        absolute.resolveSibling(
            "."
                + absolute.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "-"
                + WRITES.incrementAndGet()
                + ".tmp");
    try {
      try (OutputStream out =
          Files.newOutputStream(
              temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      move(temporary, absolute);
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
