package org.l1path.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * The files a fit writes beside {@code model.json}, which names each with its SHA-256 under {@code
 * files}. A run that failed part-way over an earlier one's directory (a full disk, a kill) can
 * leave a mix of both runs' files; the hashes tell such a set apart, so that it is refused rather
 * than read as one run.
 */
public final class CompanionFiles {
  private CompanionFiles() {}

  /** The SHA-256 of the bytes, in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Checks each companion that {@code files} names and that exists beside {@code modelJson}; one
   * that is absent is fine (model.json may be copied on its own).
   *
   * @param files the model's {@code files} object, or null for a model written before it existed
   * @throws InputException when a companion is not the one the model was written with
   */
  static void check(Path modelJson, JsonNode files) throws IOException {
    if (files == null || !files.isObject()) {
      return;
    }
    Path directory = modelJson.toAbsolutePath().getParent();
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      Path companion = directory.resolve(file.getKey());
      if (!Files.isRegularFile(companion)) {
        continue;
      }
      String expected = file.getValue().path("sha256").asText();
      if (!sha256(Files.readAllBytes(companion)).equals(expected)) {
        throw new InputException(
            String.format(
                "%s: %s beside it is not the file this model was written with (its SHA-256"
                    + " differs): the directory mixes the files of two runs, as a fit that failed"
                    + " part-way leaves them; fit again into it or into a new directory",
                modelJson, file.getKey()));
      }
    }
  }
}
