package org.l1path.weka;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import org.l1path.solver.ElasticNet;
import org.l1path.solver.Progress;

/**
 * Counts the alphas that did not converge while one Weka learner fits, instead of the solver's line
 * per alpha: with Weka's cross-validation around the learner's own, a starved setting such as
 * {@code -max-iter 1} used to print ten thousand lines. The count becomes one warning.
 */
public final class WarningCount implements Progress {
  private static final System.Logger LOG = System.getLogger(ElasticNet.class.getName());

  private final AtomicInteger count = new AtomicInteger();

  @Override
  public void notConverged(String warning) {
    count.incrementAndGet();
  }

  public int count() {
    return count.get();
  }

  /** Logs one warning for what {@code learner} counted, if anything. */
  public void report(String learner) {
    int n = count.get();
    if (n > 0) {
      LOG.log(
          Level.WARNING,
          learner
              + ": "
              + n
              + " alpha fit(s) did not converge within -max-iter passes at -tol (cross-validation"
              + " fits included); the model lists the full-data path's. Raise -max-iter or loosen"
              + " -tol.");
    }
  }
}
