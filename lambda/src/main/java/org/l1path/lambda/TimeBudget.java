package org.l1path.lambda;

import java.util.function.LongSupplier;

/**
 * Keeps an invocation's work inside its deadline ({@code Context.getRemainingTimeInMillis()}). A
 * batch starts a record only while there is room for it, judged by the longest record so far; the
 * rest go back to the queue unprocessed, each alone, rather than all of them after a timeout. A fit
 * that ends too close to the deadline writes nothing: its results would otherwise be cut off half
 * written. Either way the record is retried.
 */
final class TimeBudget {
  /**
   * Less than this left, no record starts: reading, fitting and writing a small file fits in it.
   */
  static final long START_MARGIN_MILLIS = 10_000;

  /** Less than this left after a fit, its results are not written. */
  static final long WRITE_MARGIN_MILLIS = 5_000;

  private final LongSupplier remainingMillis;
  private long longestRecordMillis;

  TimeBudget(LongSupplier remainingMillis) {
    this.remainingMillis = remainingMillis;
  }

  long remainingMillis() {
    return remainingMillis.getAsLong();
  }

  /**
   * Whether the next record may start: the margin, and twice the longest record of this batch so
   * far, are left.
   */
  boolean roomForNextRecord() {
    return remainingMillis() >= START_MARGIN_MILLIS + 2 * longestRecordMillis;
  }

  /** Notes how long a record took. */
  void recordTook(long millis) {
    longestRecordMillis = Math.max(longestRecordMillis, millis);
  }

  /**
   * Throws unless there is time left to write a fit's results.
   *
   * @throws OutOfTimeException when less than {@link #WRITE_MARGIN_MILLIS} is left
   */
  void requireRoomToWrite(String source) {
    long left = remainingMillis();
    if (left < WRITE_MARGIN_MILLIS) {
      throw new OutOfTimeException(
          source
              + ": fitted with "
              + left
              + " ms of the invocation left, too little to write the results whole; nothing"
              + " was written, and the record will be retried");
    }
  }

  /** The invocation's deadline is too near to finish a record: retry it. */
  static final class OutOfTimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfTimeException(String message) {
      super(message);
    }
  }
}
