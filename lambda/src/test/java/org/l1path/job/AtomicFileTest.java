package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path tmp;

  @Test
  void aNamedPipeIsWrittenToNotReplaced() throws Exception {
    // The same holds for /dev/stdout or /dev/null: before, the finished temporary file was moved
    // over the target, and as root that replaced even /dev/null with a regular file.
    Path pipe = tmp.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
    CompletableFuture<String> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(pipe);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    AtomicFile.write(pipe, out -> out.write("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8)));

    assertEquals("x,y\n1,2\n", read.get(10, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(pipe, LinkOption.NOFOLLOW_LINKS), "still a pipe");
  }

  @Test
  void aSymbolicLinkStaysAndTheFileItNamesIsReplaced() throws IOException {
    Path real = Files.writeString(tmp.resolve("real.csv"), "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), real);

    AtomicFile.write(link, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8)));

    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new\n", Files.readString(real));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("model.json"), "{}");

    IOException failure =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write('[');
                      throw new IOException("disk full");
                    }));

    assertEquals("disk full", failure.getMessage());
    assertEquals("{}", Files.readString(file));
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count());
    }
  }
}
