package org.l1path.job;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.l1path.solver.ElasticNet;

/**
 * Counts the warnings the solver logs while one job fits: one line per alpha that did not converge,
 * in every path it fits, the full-data paths' and each cross-validation fold's. A {@code CvResult}
 * keeps only the full-data paths (the folds' are dropped once their held-out errors are scored), so
 * what the folds logged is the only record of how many of their alphas did not converge.
 *
 * <p>The solver logs through {@code System.Logger}, which the JDK routes to {@code
 * java.util.logging}; a handler on {@link ElasticNet}'s logger counts the records. A count belongs
 * to the thread that started it and to the threads that thread creates while counting, as
 * cross-validation creates its pool threads, so jobs that run side by side in one JVM count their
 * own. A warning that the logging configuration suppresses is neither printed nor counted.
 */
final class SolverWarnings {
  /** Held here: {@code java.util.logging} keeps loggers only weakly, and the handler with them. */
  private static final Logger LOGGER = Logger.getLogger(ElasticNet.class.getName());

  private static final InheritableThreadLocal<AtomicInteger> COUNT = new InheritableThreadLocal<>();

  private static final Handler HANDLER =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          AtomicInteger count = COUNT.get();
          if (count != null && record.getLevel().intValue() >= Level.WARNING.intValue()) {
            count.incrementAndGet();
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final AtomicInteger count = new AtomicInteger();

  private SolverWarnings() {}

  /** Starts counting the warnings logged on this thread and the threads it starts from now. */
  static SolverWarnings start() {
    synchronized (LOGGER) {
      // Added here rather than once: LogManager.reset() (readConfiguration) removes handlers.
      if (!Arrays.asList(LOGGER.getHandlers()).contains(HANDLER)) {
        LOGGER.addHandler(HANDLER);
      }
    }
    SolverWarnings counter = new SolverWarnings();
    COUNT.set(counter.count);
    return counter;
  }

  /**
   * Stops counting on this thread and returns how many warnings were logged since {@link #start}.
   */
  int stop() {
    if (COUNT.get() == count) {
      COUNT.remove();
    }
    return count.get();
  }
}
