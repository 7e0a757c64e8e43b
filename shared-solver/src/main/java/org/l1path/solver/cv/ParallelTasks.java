package org.l1path.solver.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Cross-validation's fits, run side by side on daemon threads. */
public final class ParallelTasks {
  private ParallelTasks() {}

  /** Runs {@code count} tasks on up to {@code threads} threads; results in task order. */
  public static <T> List<T> run(int count, int threads, IntFunction<T> task) {
    List<T> out = new ArrayList<>(count);
    if (threads == 1 || count == 1) {
      for (int t = 0; t < count; t++) {
        out.add(task.apply(t));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), daemonThreads());
    try {
      List<Future<T>> futures = new ArrayList<>(count);
      for (int t = 0; t < count; t++) {
        int index = t;
        futures.add(pool.submit(() -> task.apply(index)));
      }
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cross-validation was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "l1path-cv-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
