package org.l1path.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Reading the input or writing the results failed; the message says which file and why. */
final class CliIoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliIoException(String message) {
    super(message);
  }

  static CliIoException of(String what, IOException e) {
    String why;
    if (e instanceof NoSuchFileException) {
      why = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else {
      why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    return new CliIoException(what + ": " + why);
  }
}
