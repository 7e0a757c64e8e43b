package org.l1path.spark;

import java.io.Serializable;
import java.util.List;
import org.l1path.solver.CvResult;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.SelectionRule;

/**
 * What a fit found: the full-data path of every l1 ratio, every ratio's cross-validation curve, the
 * best ratio (lowest minimum error) and the alpha the rule picks on its curve.
 */
public final class L1PathSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<RegularizationPath> paths;
  private final List<CvPoints> curves;
  private final int best;
  private final int chosen;
  private final SelectionRule rule;
  private final int folds;
  private final int passes;
  private final long rows;

  /** The solver's own result, for fit's writers; not saved (null once loaded). */
  private final transient CvResult cv;

  L1PathSummary(
      List<RegularizationPath> paths,
      List<CvPoints> curves,
      int best,
      int chosen,
      SelectionRule rule,
      int folds,
      int passes,
      long rows,
      CvResult cv) {
    if (paths.size() != curves.size() || best < 0 || best >= paths.size()) {
      throw new IllegalArgumentException("inconsistent summary: one curve per path expected");
    }
    if (chosen < 0 || chosen >= paths.get(best).size()) {
      throw new IllegalArgumentException("inconsistent summary: chosen index " + chosen);
    }
    this.paths = List.copyOf(paths);
    this.curves = List.copyOf(curves);
    this.best = best;
    this.chosen = chosen;
    this.rule = rule;
    this.folds = folds;
    this.passes = passes;
    this.rows = rows;
    this.cv = cv;
  }

  /** The summary of a cross-validation that took {@code passes} passes over the data. */
  static L1PathSummary of(CvResult cv, int passes, long rows) {
    return new L1PathSummary(
        cv.paths(),
        cv.curves().stream().map(CvPoints::of).toList(),
        cv.ratioOf(cv.bestIndex()),
        cv.chosenIndex(),
        cv.rule(),
        cv.folds(),
        passes,
        rows,
        cv);
  }

  /** The full-data path of each l1 ratio, in the order the ratios were given. */
  public List<RegularizationPath> paths() {
    return paths;
  }

  /** The cross-validation curve of each l1 ratio. */
  public List<CvPoints> curves() {
    return curves;
  }

  /** The index of the best l1 ratio into {@link #paths()} and {@link #curves()}. */
  public int bestIndex() {
    return best;
  }

  public RegularizationPath bestPath() {
    return paths.get(best);
  }

  public CvPoints bestCurve() {
    return curves.get(best);
  }

  /** The index of the chosen alpha on {@link #bestPath()}. */
  public int chosenIndex() {
    return chosen;
  }

  public double chosenAlpha() {
    return bestPath().alpha(chosen);
  }

  public SelectionRule rule() {
    return rule;
  }

  public int folds() {
    return folds;
  }

  /**
   * How many distributed passes over the data the fit took: 1 for least squares; for classes, the
   * caching pass and one per Newton round of all fits together.
   */
  public int passes() {
    return passes;
  }

  /** How many rows were fitted (weight-0 rows included). */
  public long rows() {
    return rows;
  }

  /** The solver's cross-validation result, or null for a model read back from storage. */
  public CvResult cvResult() {
    return cv;
  }

  /** The full-data model at the chosen l1 ratio and alpha. */
  public Model model() {
    return bestPath().model(chosen);
  }
}
