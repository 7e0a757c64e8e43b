package org.l1path.cli;

/** The command line itself is wrong: an unknown option, a missing value, no input file. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
