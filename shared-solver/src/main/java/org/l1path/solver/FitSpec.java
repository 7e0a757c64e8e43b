package org.l1path.solver;

import java.util.Arrays;

/**
 * One fit as a front end asks for it: the base settings (penalty factors included), the l1 ratios
 * to try, the alpha grid, and cross-validation settings, or none to fit the path alone. {@link
 * #fit} turns it into the full-data path, the chosen alpha on it and the CV result. The command
 * line, Lambda and Weka all fit through it.
 *
 * @param settings the base settings; their own l1 ratio is replaced by each of {@code l1Ratios}
 * @param l1Ratios one ratio, or several to choose among by cross-validation
 * @param grid the alphas of every path
 * @param cv how to cross-validate, or null to fit one path and choose its last alpha
 * @param gammas the relaxed lasso's blends to choose among ({@link RelaxedPath}), or null for the
 *     plain path; more than one needs cross-validation
 */
public record FitSpec(
    Settings settings, double[] l1Ratios, AlphaGrid grid, CvSettings cv, double[] gammas) {
  /** Validates and copies. */
  public FitSpec {
    if (settings == null || grid == null) {
      throw new IllegalArgumentException("settings and grid must not be null");
    }
    if (l1Ratios == null || l1Ratios.length == 0) {
      throw new IllegalArgumentException("l1Ratios must not be empty");
    }
    l1Ratios = l1Ratios.clone();
    for (int r = 0; r < l1Ratios.length; r++) {
      OptionRange.L1_RATIO.check("l1Ratios[" + r + "]", l1Ratios[r]);
    }
    if (cv == null && l1Ratios.length > 1) {
      throw new IllegalArgumentException(
          "choosing among l1 ratios " + Arrays.toString(l1Ratios) + " needs cross-validation");
    }
    if (gammas != null) {
      gammas = gammas.clone();
      if (gammas.length == 0) {
        throw new IllegalArgumentException("gammas must not be empty");
      }
      for (int g = 0; g < gammas.length; g++) {
        OptionRange.GAMMA.check("gammas[" + g + "]", gammas[g]);
      }
      if (cv == null && gammas.length > 1) {
        throw new IllegalArgumentException(
            "choosing among gammas " + Arrays.toString(gammas) + " needs cross-validation");
      }
    }
  }

  /** A plain (not relaxed) fit. */
  public FitSpec(Settings settings, double[] l1Ratios, AlphaGrid grid, CvSettings cv) {
    this(settings, l1Ratios, grid, cv, null);
  }

  /** glmnet's default gammas for the relaxed lasso: 0, 0.25, 0.5, 0.75 and 1. */
  public static double[] defaultGammas() {
    return RelaxedPath.DEFAULT_GAMMAS.clone();
  }

  /** The path at the settings' own l1 ratio, without cross-validation. */
  public static FitSpec path(Settings settings, AlphaGrid grid) {
    return new FitSpec(settings, new double[] {settings.l1Ratio()}, grid, null);
  }

  /** Cross-validation of every ratio in {@code l1Ratios} on the same folds. */
  public static FitSpec crossValidated(
      Settings settings, double[] l1Ratios, AlphaGrid grid, CvSettings cv) {
    if (cv == null) {
      throw new IllegalArgumentException("cv must not be null");
    }
    return new FitSpec(settings, l1Ratios, grid, cv);
  }

  @Override
  public double[] l1Ratios() {
    return l1Ratios.clone();
  }

  @Override
  public double[] gammas() {
    return gammas == null ? null : gammas.clone();
  }

  public boolean crossValidates() {
    return cv != null;
  }

  /** Whether the fit is relaxed. */
  public boolean relaxed() {
    return gammas != null;
  }

  /**
   * The same fit, relaxed: each path solution is refitted on its support and blended with it at
   * each of {@code gammas}; cross-validation picks alpha and gamma together.
   *
   * @throws IllegalArgumentException when a gamma is outside [0, 1], or several are given without
   *     cross-validation
   */
  public FitSpec withRelax(double[] gammas) {
    return new FitSpec(settings, l1Ratios, grid, cv, gammas);
  }

  /** The same fit with these penalty factors, or unchanged when {@code factors} is null. */
  public FitSpec withPenaltyFactors(double[] factors) {
    return factors == null
        ? this
        : new FitSpec(settings.withPenaltyFactors(factors), l1Ratios, grid, cv, gammas);
  }

  /**
   * The same fit with per-feature bounds on the original scale (see {@link Settings#withBounds}),
   * or this one when both are null.
   */
  public FitSpec withBounds(double[] lower, double[] upper) {
    return lower == null && upper == null
        ? this
        : new FitSpec(settings.withBounds(lower, upper), l1Ratios, grid, cv, gammas);
  }

  /**
   * Fits {@code data}: with cross-validation, every ratio's path and the alpha (and, relaxed, the
   * gamma) the rule picks on the best one; without, the one path and its last (smallest) alpha,
   * relaxed at the one gamma given.
   *
   * @throws IllegalArgumentException when the data cannot be fitted as specified
   */
  public Fit fit(Dataset data, Progress progress) {
    if (cv == null) {
      Settings single = settings.withL1Ratio(l1Ratios[0]);
      RegularizationPath path = ElasticNet.fitPath(data, single, grid, progress);
      if (gammas == null) {
        return new Fit(path, path.size() - 1, null, single);
      }
      RelaxedPath relaxed = RelaxedPath.fit(data, single, path, progress);
      return new Fit(path, path.size() - 1, null, single, relaxed, gammas[0]);
    }
    CvResult result = CrossValidation.run(data, settings, l1Ratios, grid, cv, progress, gammas);
    RegularizationPath best = result.bestPath();
    return new Fit(
        best,
        result.chosenIndex(),
        result,
        settings.withL1Ratio(best.l1Ratio()),
        result.bestRelaxed(),
        result.bestCurve().gamma());
  }
}
