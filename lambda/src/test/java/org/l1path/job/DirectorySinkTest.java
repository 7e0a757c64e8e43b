package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySinkTest {
  @TempDir Path tmp;

  @Test
  void createsTheDirectoryAndReplacesFilesWholeLeavingNoTemporaryFile() throws IOException {
    Path dir = tmp.resolve("a/b");
    DirectorySink sink = new DirectorySink(dir);
    sink.write("model.json", "{}".getBytes(StandardCharsets.UTF_8));
    sink.write("model.json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
    sink.write("coefficients.csv", "feature\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"x\":1}", Files.readString(dir.resolve("model.json")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("coefficients.csv", "model.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void streamedContentReplacesTheFileOnlyOnceItIsWhole() throws IOException {
    Path dir = tmp.resolve("streamed");
    DirectorySink sink = new DirectorySink(dir);
    sink.write("model.json", out -> out.write("{\"old\": 1}".getBytes(StandardCharsets.UTF_8)));
    IOException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () ->
                sink.write(
                    "model.json",
                    out -> {
                      out.write("{\"new\": ".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", failure.getMessage());
    assertEquals("{\"old\": 1}", Files.readString(dir.resolve("model.json")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("model.json"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void filesGetThePermissionsOfAnyNewFileThere() throws IOException {
    // A temporary file from Files.createTempFile is owner-only (0600); moved into place, results
    // were unreadable by the user's group and others whatever their umask.
    Path dir = tmp.resolve("out");
    new DirectorySink(dir).write("model.json", "{}".getBytes(StandardCharsets.UTF_8));
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(
        Files.getPosixFilePermissions(plain),
        Files.getPosixFilePermissions(dir.resolve("model.json")));
  }
}
