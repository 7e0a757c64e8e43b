package org.l1path.weka;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.l1path.solver.ElasticNet;
import org.l1path.solver.Progress;

/**
 * Counts the alphas that did not converge while one Weka learner fits, instead of the solver's line
 * per alpha: with Weka's cross-validation around the learner's own, a starved setting such as
 * {@code -max-iter 1} used to print ten thousand lines. The count becomes one warning. The relaxed
 * lasso's refits that did not converge (the solver's warnings that start with {@value
 * #REFIT_WARNING}) are counted apart, since raising {@code -max-iter} does not help them.
 */
public final class WarningCount implements Progress {
  private static final System.Logger LOG = System.getLogger(ElasticNet.class.getName());

  /** How the solver's warning for a relaxed refit that did not converge begins. */
  static final String REFIT_WARNING = "relaxed refit";

  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger refits = new AtomicInteger();

  @Override
  public void notConverged(String warning) {
    (warning.startsWith(REFIT_WARNING) ? refits : count).incrementAndGet();
  }

  /** How many alpha fits did not converge. */
  public int count() {
    return count.get();
  }

  /** How many relaxed refits did not converge. */
  public int refits() {
    return refits.get();
  }

  /** Logs one warning for what {@code learner} counted, if anything. */
  public void report(String learner) {
    List<String> parts = new ArrayList<>();
    int n = count.get();
    if (n > 0) {
      parts.add(
          n
              + " alpha fit(s) did not converge within -max-iter passes at -tol (cross-validation"
              + " fits included); the model lists the full-data path's. Raise -max-iter or loosen"
              + " -tol.");
    }
    int r = refits.get();
    if (r > 0) {
      parts.add(
          r
              + " relaxed refit(s) did not converge (cross-validation fits included): the"
              + " unpenalized fit on an alpha's selected attributes may not exist, as when a class"
              + " is separable on them, and such a refit is blended as it ended. Gammas nearer 1"
              + " (-gamma) keep more of the lasso.");
    }
    if (!parts.isEmpty()) {
      LOG.log(Level.WARNING, learner + ": " + String.join(" ", parts));
    }
  }
}
