package org.l1path.job;

/**
 * The data is well formed but does not fit in the memory this process may use. Unlike other input
 * errors it is cured by more memory, so front ends say how to get it: the command line names {@code
 * -Xmx}, the Lambda function its memory size.
 */
public final class DataTooLargeException extends InputException {
  private static final long serialVersionUID = 1L;

  /**
   * What a fit needs, for messages about running out of memory: the design's 8 bytes per cell once
   * read, and as much again for reading it and for the fit's working arrays (measured in
   * docs/fit.md).
   */
  public static final String MEMORY_NEEDED =
      "reading and fitting need about twice the data's 8 bytes per numeric cell (svmlight: about"
          + " four times its 12 bytes per non-zero, while it is read)";

  /**
   * The most bytes a design may take before a fit is refused: half the heap, since reading and
   * fitting need about twice the design ({@link #MEMORY_NEEDED}).
   */
  public static long designBudget() {
    return Runtime.getRuntime().maxMemory() / 2;
  }

  public DataTooLargeException(String message) {
    super(message);
  }
}
