package org.l1path.solver;

import java.util.Arrays;

/**
 * What to fit: the penalty mix, centring and scaling, per-feature penalties and bounds, and when to
 * stop. Immutable; every {@code with…} method returns a validated copy.
 *
 * <p>The problem solved at each {@code alpha}, with observation weights {@code w} rescaled to sum
 * to {@code n}:
 *
 * <pre>
 *   minimize over b0, b   1/(2n) * sum_i w_i (y_i - b0 - x_i·b)^2
 *        + alpha * sum_j pf_j * ( l1Ratio * s_j |b_j| + (1 - l1Ratio)/2 * (s_j b_j)^2 )
 *   subject to lower_j <= b_j <= upper_j
 * </pre>
 *
 * where {@code s_j} is the weighted population standard deviation of feature {@code j} when {@code
 * standardize} is true and 1 otherwise, and {@code pf_j} are the penalty factors rescaled to sum to
 * the number of features (all 1 by default). This is scikit-learn's {@code ElasticNet} on the
 * standardized design, and glmnet's problem for {@code l1Ratio = 1}. The intercept {@code b0} is
 * never penalized; a feature that is constant in the (weighted) data gets coefficient 0.
 *
 * <p>Per-feature arrays ({@code penaltyFactors}, bounds) have one entry per feature, or a single
 * entry that applies to every feature; their length is checked against the data at fit time.
 *
 * @param l1Ratio the share of the L1 penalty: 1 is the lasso, 0 is ridge
 * @param fitIntercept whether to fit an unpenalized intercept (and centre the features)
 * @param standardize whether to penalize standardized coefficients
 * @param tolerance the bound on the relative duality gap (gap / primal objective) at every alpha
 * @param maxIterations the most coordinate-descent passes at one alpha
 * @param updateMode how gradients are kept up to date
 * @param earlyStop whether a least-squares fit's automatic grid may end early once the deviance
 *     ratio stops changing or passes 0.999 (glmnet's rules). A binomial or multinomial fit's
 *     automatic grid always ends there, as glmnet's does. User-supplied alphas are always all
 *     solved
 * @param penaltyFactors per-feature penalty weights, {@code >= 0}; 0 leaves a feature unpenalized
 * @param lowerBounds per-feature lower bounds on the original scale, each {@code <= 0}
 * @param upperBounds per-feature upper bounds on the original scale, each {@code >= 0}
 * @param excluded indices of features held at 0
 */
public record Settings(
    double l1Ratio,
    boolean fitIntercept,
    boolean standardize,
    double tolerance,
    int maxIterations,
    UpdateMode updateMode,
    boolean earlyStop,
    double[] penaltyFactors,
    double[] lowerBounds,
    double[] upperBounds,
    int[] excluded) {

  /** The default bound on the relative duality gap: objectives within 1e-6 of the optimum. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** The default cap on coordinate-descent passes per alpha. */
  public static final int DEFAULT_MAX_ITERATIONS = 100_000;

  private static final double[] ONE = {1.0};
  private static final double[] MINUS_INF = {Double.NEGATIVE_INFINITY};
  private static final double[] PLUS_INF = {Double.POSITIVE_INFINITY};

  /** Validates every value and copies the arrays. */
  public Settings {
    OptionRange.L1_RATIO.check("l1Ratio", l1Ratio);
    OptionRange.TOLERANCE.check("tolerance", tolerance);
    OptionRange.MAX_ITERATIONS.check("maxIterations", maxIterations);
    if (updateMode == null) {
      throw new IllegalArgumentException("updateMode must not be null");
    }
    penaltyFactors = copyOrDefault(penaltyFactors, ONE, "penaltyFactors");
    lowerBounds = copyOrDefault(lowerBounds, MINUS_INF, "lowerBounds");
    upperBounds = copyOrDefault(upperBounds, PLUS_INF, "upperBounds");
    excluded = excluded == null ? new int[0] : excluded.clone();
    for (int j = 0; j < penaltyFactors.length; j++) {
      double f = penaltyFactors[j];
      if (!(f >= 0 && f < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "penaltyFactors[" + j + "] must be finite and >= 0, got " + f);
      }
    }
    for (int j = 0; j < lowerBounds.length; j++) {
      if (!(lowerBounds[j] <= 0)) {
        throw new IllegalArgumentException(
            "lowerBounds[" + j + "] must be <= 0, got " + lowerBounds[j]);
      }
    }
    for (int j = 0; j < upperBounds.length; j++) {
      if (!(upperBounds[j] >= 0)) {
        throw new IllegalArgumentException(
            "upperBounds[" + j + "] must be >= 0, got " + upperBounds[j]);
      }
    }
    for (int j : excluded) {
      if (j < 0) {
        throw new IllegalArgumentException("excluded holds a negative feature index: " + j);
      }
    }
  }

  /** Lasso, intercept, standardized, default tolerance, automatic update mode. */
  public static Settings defaults() {
    return new Settings(
        1.0,
        true,
        true,
        DEFAULT_TOLERANCE,
        DEFAULT_MAX_ITERATIONS,
        UpdateMode.AUTO,
        false,
        null,
        null,
        null,
        null);
  }

  public Settings withL1Ratio(double value) {
    return new Settings(
        value,
        fitIntercept,
        standardize,
        tolerance,
        maxIterations,
        updateMode,
        earlyStop,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        excluded);
  }

  public Settings withFitIntercept(boolean value) {
    return new Settings(
        l1Ratio,
        value,
        standardize,
        tolerance,
        maxIterations,
        updateMode,
        earlyStop,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        excluded);
  }

  public Settings withStandardize(boolean value) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        value,
        tolerance,
        maxIterations,
        updateMode,
        earlyStop,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        excluded);
  }

  public Settings withTolerance(double value) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        standardize,
        value,
        maxIterations,
        updateMode,
        earlyStop,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        excluded);
  }

  public Settings withMaxIterations(int value) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        standardize,
        tolerance,
        value,
        updateMode,
        earlyStop,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        excluded);
  }

  public Settings withUpdateMode(UpdateMode value) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        standardize,
        tolerance,
        maxIterations,
        value,
        earlyStop,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        excluded);
  }

  public Settings withEarlyStop(boolean value) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        standardize,
        tolerance,
        maxIterations,
        updateMode,
        value,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        excluded);
  }

  /** Per-feature penalty factors (one per feature, or one for all); 0 = never penalized. */
  public Settings withPenaltyFactors(double... value) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        standardize,
        tolerance,
        maxIterations,
        updateMode,
        earlyStop,
        value,
        lowerBounds,
        upperBounds,
        excluded);
  }

  /** Per-feature bounds on the original scale (one per feature, or one for all). */
  public Settings withBounds(double[] lower, double[] upper) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        standardize,
        tolerance,
        maxIterations,
        updateMode,
        earlyStop,
        penaltyFactors,
        lower,
        upper,
        excluded);
  }

  /** Shorthand for non-negative coefficients: lower bound 0 for every feature. */
  public Settings withPositive() {
    return withBounds(new double[] {0.0}, upperBounds);
  }

  /** Features held at 0, by index. */
  public Settings withExcluded(int... value) {
    return new Settings(
        l1Ratio,
        fitIntercept,
        standardize,
        tolerance,
        maxIterations,
        updateMode,
        earlyStop,
        penaltyFactors,
        lowerBounds,
        upperBounds,
        value);
  }

  @Override
  public double[] penaltyFactors() {
    return penaltyFactors.clone();
  }

  @Override
  public double[] lowerBounds() {
    return lowerBounds.clone();
  }

  @Override
  public double[] upperBounds() {
    return upperBounds.clone();
  }

  @Override
  public int[] excluded() {
    return excluded.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings s
        && l1Ratio == s.l1Ratio
        && fitIntercept == s.fitIntercept
        && standardize == s.standardize
        && tolerance == s.tolerance
        && maxIterations == s.maxIterations
        && updateMode == s.updateMode
        && earlyStop == s.earlyStop
        && Arrays.equals(penaltyFactors, s.penaltyFactors)
        && Arrays.equals(lowerBounds, s.lowerBounds)
        && Arrays.equals(upperBounds, s.upperBounds)
        && Arrays.equals(excluded, s.excluded);
  }

  @Override
  public int hashCode() {
    int h =
        java.util.Objects.hash(
            l1Ratio, fitIntercept, standardize, tolerance, maxIterations, updateMode, earlyStop);
    h = 31 * h + Arrays.hashCode(penaltyFactors);
    h = 31 * h + Arrays.hashCode(lowerBounds);
    h = 31 * h + Arrays.hashCode(upperBounds);
    return 31 * h + Arrays.hashCode(excluded);
  }

  @Override
  public String toString() {
    return "Settings[l1Ratio="
        + l1Ratio
        + ", fitIntercept="
        + fitIntercept
        + ", standardize="
        + standardize
        + ", tolerance="
        + tolerance
        + ", maxIterations="
        + maxIterations
        + ", updateMode="
        + updateMode
        + ", earlyStop="
        + earlyStop
        + ", penaltyFactors="
        + Arrays.toString(penaltyFactors)
        + ", lowerBounds="
        + Arrays.toString(lowerBounds)
        + ", upperBounds="
        + Arrays.toString(upperBounds)
        + ", excluded="
        + Arrays.toString(excluded)
        + "]";
  }

  /** Expands a per-feature array (length 1 or p) to length p, naming it if the length is wrong. */
  public static double[] perFeature(double[] values, int p, String name) {
    if (values.length == p) {
      return values.clone();
    }
    if (values.length == 1) {
      double[] out = new double[p];
      Arrays.fill(out, values[0]);
      return out;
    }
    throw new IllegalArgumentException(
        name + " has " + values.length + " entries but the data has " + p + " features");
  }

  private static double[] copyOrDefault(double[] values, double[] fallback, String name) {
    if (values == null) {
      return fallback.clone();
    }
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return values.clone();
  }
}
