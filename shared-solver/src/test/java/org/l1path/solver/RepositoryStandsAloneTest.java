package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository is all a user has: the reference data the tests read lives inside it,
 * and no file points at the team's shared folder beside the checkout.
 */
class RepositoryStandsAloneTest {
  /** Where the team's own copy sits; spelled in two parts so that this file does not name it. */
  private static final String OUTSIDE = ".." + "/shared";

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");

  private static final Set<String> BINARY = Set.of("png", "jar", "zip", "gz", "class");

  @Test
  void theReferenceDataIsInsideTheRepository() {
    Path reference = Reference.dir().toAbsolutePath().normalize();
    Path root = reference.getParent();
    assertEquals("reference", reference.getFileName().toString());
    assertTrue(Files.isRegularFile(root.resolve("pom.xml")), root + " is the repository root");
    assertTrue(Files.isRegularFile(reference.resolve("README.md")), "the README that defines it");
  }

  @Test
  void noFileReachesOutsideTheRepository() throws IOException {
    Path root = Reference.dir().toAbsolutePath().normalize().getParent();
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders =
          files
              .filter(p -> root.relativize(p).getNameCount() > 0)
              .filter(p -> !skipped(root.relativize(p)))
              .filter(Files::isRegularFile)
              .filter(p -> !BINARY.contains(extension(p)))
              .filter(RepositoryStandsAloneTest::mentionsOutside)
              .toList();
    }
    assertEquals(List.of(), offenders, "files that refer to " + OUTSIDE);
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  private static boolean mentionsOutside(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(OUTSIDE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + p, e);
    }
  }
}
