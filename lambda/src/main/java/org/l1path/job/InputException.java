package org.l1path.job;

/**
 * The input data cannot be fitted as given: a malformed CSV, a value of the wrong kind, a missing
 * column. The message is one line that names the file, the line and the column where they apply.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
