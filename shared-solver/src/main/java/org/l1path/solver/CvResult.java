package org.l1path.solver;

import java.util.List;

/**
 * The outcome of cross-validation: a full-data path per l1 ratio and an error curve per ratio (per
 * ratio and gamma, relaxed), the best curve (lowest minimum mean error, ties to the larger ratio,
 * then the larger gamma), and the model the rule picks from it, which is the full-data fit at the
 * chosen alpha (blended at the curve's gamma, relaxed).
 */
public final class CvResult {
  private final int[] foldOfRow;
  private final int folds;
  private final SelectionRule rule;
  private final List<CvCurve> curves;
  private final List<RegularizationPath> paths;
  private final List<RelaxedPath> relaxed;
  private final int[] ratioOfCurve;
  private final int best;
  private final int foldNotConverged;

  CvResult(
      int[] foldOfRow,
      int folds,
      SelectionRule rule,
      List<CvCurve> curves,
      List<RegularizationPath> paths,
      List<RelaxedPath> relaxed,
      int[] ratioOfCurve,
      int foldNotConverged) {
    this.foldOfRow = foldOfRow;
    this.foldNotConverged = foldNotConverged;
    this.folds = folds;
    this.rule = rule;
    this.curves = List.copyOf(curves);
    this.paths = List.copyOf(paths);
    this.relaxed = relaxed == null ? null : List.copyOf(relaxed);
    this.ratioOfCurve = ratioOfCurve.clone();
    int b = 0;
    for (int r = 1; r < curves.size(); r++) {
      CvCurve c = curves.get(r);
      CvCurve current = curves.get(b);
      boolean tie = c.minError() == current.minError();
      if (c.betterThan(current)
          || (tie && c.l1Ratio() > current.l1Ratio())
          || (tie && c.l1Ratio() == current.l1Ratio() && c.gamma() > current.gamma())) {
        b = r;
      }
    }
    best = b;
  }

  /** What was measured on held-out rows. */
  public CvMeasure measure() {
    return curves.get(0).measure();
  }

  /** The fold of each row, 0-based. */
  public int[] foldOfRow() {
    return foldOfRow.clone();
  }

  public int folds() {
    return folds;
  }

  /**
   * How many alpha fits of the folds (every ratio's) did not converge: each was also logged as a
   * warning, as the full-data paths' are; those are in {@link #paths()}.
   */
  public int foldNotConverged() {
    return foldNotConverged;
  }

  public SelectionRule rule() {
    return rule;
  }

  /**
   * One curve per l1 ratio, in the order the ratios were given; relaxed, one per ratio and gamma,
   * the gammas of the first ratio first.
   */
  public List<CvCurve> curves() {
    return curves;
  }

  /** The full-data path of each l1 ratio, in the order the ratios were given. */
  public List<RegularizationPath> paths() {
    return paths;
  }

  /** The relaxed path of each l1 ratio, or null for a plain fit. */
  public List<RelaxedPath> relaxedPaths() {
    return relaxed;
  }

  /** The index into {@link #paths()} of a curve's l1 ratio. */
  public int ratioOf(int curve) {
    return ratioOfCurve[curve];
  }

  /** The index (into {@link #curves()}) of the best curve. */
  public int bestIndex() {
    return best;
  }

  public CvCurve bestCurve() {
    return curves.get(best);
  }

  /** The full-data path of the best l1 ratio. */
  public RegularizationPath bestPath() {
    return paths.get(ratioOfCurve[best]);
  }

  /** The relaxed path of the best l1 ratio, or null for a plain fit. */
  public RelaxedPath bestRelaxed() {
    return relaxed == null ? null : relaxed.get(ratioOfCurve[best]);
  }

  /** The grid index the rule picks on the best ratio's curve. */
  public int chosenIndex() {
    return bestCurve().index(rule);
  }

  public double chosenAlpha() {
    return bestCurve().alphas()[chosenIndex()];
  }

  /** The full-data model at the chosen l1 ratio and alpha (and gamma, relaxed). */
  public Model model() {
    RelaxedPath r = bestRelaxed();
    return r == null
        ? bestPath().model(chosenIndex())
        : r.model(chosenIndex(), bestCurve().gamma());
  }
}
