package org.l1path.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkException;

/**
 * Brings a bad-input error raised in a task back as itself: Spark reports it as the cause of a
 * failed job, under a message about stages and executors.
 */
final class SparkErrors {
  private SparkErrors() {}

  static <T> T unwrap(Supplier<T> job) {
    try {
      return job.get();
    } catch (Exception e) { // Scala throws SparkException, checked in Java, undeclared
      if (!(e instanceof SparkException) && e instanceof RuntimeException plain) {
        throw plain;
      }
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof IllegalArgumentException bad) {
          throw new IllegalArgumentException(bad.getMessage(), e);
        }
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
