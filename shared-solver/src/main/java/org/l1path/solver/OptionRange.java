package org.l1path.solver;

import java.util.function.DoublePredicate;

/**
 * The range of each numeric option, defined once: the solver's own types check their values here,
 * and every front end (command line, Lambda, Weka, bench) asks here too, naming the option its own
 * way in the message.
 */
public enum OptionRange {
  /** 1 is the lasso, 0 is ridge. */
  L1_RATIO("must be in [0, 1]", value -> value >= 0 && value <= 1),
  /** The relative duality gap that ends descent. */
  TOLERANCE("must be between 0 and 1, exclusive", value -> value > 0 && value < 1),
  /** Passes (or Newton rounds) per alpha. */
  MAX_ITERATIONS("must be at least 1", value -> value >= 1),
  /**
   * A penalty alpha. Not 0: without a penalty the duality gap no longer bounds how far a fit is
   * from the optimum, so an unpenalized fit could not be certified (a small alpha can).
   */
  ALPHA("must be finite and > 0", value -> value > 0 && value < Double.POSITIVE_INFINITY),
  /** A relaxed-lasso blend: 1 is the lasso, 0 the unpenalized refit on its support. */
  GAMMA("must be in [0, 1]", value -> value >= 0 && value <= 1),
  /** The length of an automatic grid. */
  NUM_ALPHAS("must be at least 1", value -> value >= 1),
  /** The smallest alpha of an automatic grid over the largest. */
  ALPHA_MIN_RATIO("must be between 0 and 1, exclusive", value -> value > 0 && value < 1),
  /** Cross-validation folds. */
  FOLDS("must be at least 2", value -> value >= 2),
  /** Threads that fit side by side. */
  THREADS("must be at least 1", value -> value >= 1);

  private final String requirement;
  private final DoublePredicate range;

  OptionRange(String requirement, DoublePredicate range) {
    this.requirement = requirement;
    this.range = range;
  }

  /** Whether {@code value} is in range; NaN never is. */
  public boolean accepts(double value) {
    return range.test(value);
  }

  /** What the range asks, as a message would say it: "must be in [0, 1]". */
  public String requirement() {
    return requirement;
  }

  /**
   * Returns {@code value} if it is in range.
   *
   * @throws IllegalArgumentException "{@code name} must be ..., got {@code value}" otherwise
   */
  public double check(String name, double value) {
    if (!accepts(value)) {
      throw new IllegalArgumentException(name + " " + requirement + ", got " + value);
    }
    return value;
  }

  /** As {@link #check(String, double)}, for a whole number. */
  public int check(String name, int value) {
    if (!accepts(value)) {
      throw new IllegalArgumentException(name + " " + requirement + ", got " + value);
    }
    return value;
  }
}
