package org.l1path.job;

/**
 * The data is well formed but does not fit in the memory this process may use. Unlike other input
 * errors it is cured by more memory, so front ends say how to get it: the command line names {@code
 * -Xmx}, the Lambda function its memory size.
 */
public final class DataTooLargeException extends InputException {
  private static final long serialVersionUID = 1L;

  public DataTooLargeException(String message) {
    super(message);
  }
}
