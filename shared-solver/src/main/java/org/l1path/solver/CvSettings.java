package org.l1path.solver;

import java.util.Arrays;

/**
 * How to cross-validate: the number of folds, how rows are assigned to them, the rule that picks
 * alpha, and how many threads fit folds at once (results do not depend on the thread count).
 *
 * @param folds the number of folds, at least 2 (ignored for {@link FoldAssignment#GIVEN})
 * @param assignment how rows are split
 * @param seed the seed of the random permutation
 * @param foldIds one fold id per row, for {@link FoldAssignment#GIVEN}; otherwise null
 * @param rule how alpha is chosen from the error curve
 * @param threads how many folds are fitted at once, at least 1
 * @param measure what is measured on held-out rows
 */
public record CvSettings(
    int folds,
    FoldAssignment assignment,
    long seed,
    int[] foldIds,
    SelectionRule rule,
    int threads,
    CvMeasure measure) {

  public static final int DEFAULT_FOLDS = 10;

  /** Validates and copies. */
  public CvSettings {
    if (assignment == null || rule == null || measure == null) {
      throw new IllegalArgumentException("assignment, rule and measure must not be null");
    }
    if (assignment == FoldAssignment.GIVEN) {
      if (foldIds == null) {
        throw new IllegalArgumentException("foldIds are required for assignment GIVEN");
      }
      foldIds = foldIds.clone();
      folds = (int) Arrays.stream(foldIds).distinct().count();
      if (!OptionRange.FOLDS.accepts(folds)) {
        throw new IllegalArgumentException("foldIds must name at least 2 folds, got " + folds);
      }
    } else {
      OptionRange.FOLDS.check("folds", folds);
      foldIds = null;
    }
    OptionRange.THREADS.check("threads", threads);
  }

  /** 10 random folds, seed 1, rule min, the family's measure, a thread per processor. */
  public static CvSettings defaults() {
    return new CvSettings(
        DEFAULT_FOLDS,
        FoldAssignment.RANDOM,
        1,
        null,
        SelectionRule.MIN,
        Runtime.getRuntime().availableProcessors(),
        CvMeasure.AUTO);
  }

  public CvSettings withFolds(int value) {
    return new CvSettings(value, assignment, seed, null, rule, threads, measure);
  }

  /** Random or contiguous assignment; use {@link #withFoldIds} for given folds. */
  public CvSettings withAssignment(FoldAssignment value) {
    return new CvSettings(folds, value, seed, foldIds, rule, threads, measure);
  }

  public CvSettings withSeed(long value) {
    return new CvSettings(folds, assignment, value, foldIds, rule, threads, measure);
  }

  /** One fold id per row (any integers; each distinct value is a fold). */
  public CvSettings withFoldIds(int... value) {
    return new CvSettings(folds, FoldAssignment.GIVEN, seed, value, rule, threads, measure);
  }

  public CvSettings withRule(SelectionRule value) {
    return new CvSettings(folds, assignment, seed, foldIds, value, threads, measure);
  }

  public CvSettings withThreads(int value) {
    return new CvSettings(folds, assignment, seed, foldIds, rule, value, measure);
  }

  public CvSettings withMeasure(CvMeasure value) {
    return new CvSettings(folds, assignment, seed, foldIds, rule, threads, value);
  }

  @Override
  public int[] foldIds() {
    return foldIds == null ? null : foldIds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CvSettings c
        && folds == c.folds
        && assignment == c.assignment
        && seed == c.seed
        && Arrays.equals(foldIds, c.foldIds)
        && rule == c.rule
        && threads == c.threads
        && measure == c.measure;
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(folds, assignment, seed, rule, threads, measure)
        + Arrays.hashCode(foldIds);
  }

  @Override
  public String toString() {
    return "CvSettings[folds="
        + folds
        + ", assignment="
        + assignment
        + ", seed="
        + seed
        + ", rule="
        + rule
        + ", threads="
        + threads
        + "]";
  }
}
