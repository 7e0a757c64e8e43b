package org.l1path.job;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;
import org.l1path.solver.FoldAssignment;
import org.l1path.solver.OptionRange;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;
import org.l1path.solver.Storage;

/**
 * Everything a fit needs besides the data. Immutable; every value is checked at construction.
 * {@link #fromOptions} reads the same option names the command line uses (without {@code --}), so
 * other front ends can pass configuration text through one parser.
 *
 * @param target the target column, or null for the last column
 * @param weights the observation-weight column, or null for unit weights
 * @param l1Ratios one or more l1 ratios in [0, 1]; more than one needs cross-validation
 * @param alphas the alphas to solve, or null for the automatic grid
 * @param numAlphas the size of the automatic grid
 * @param alphaMinRatio the automatic grid's smallest alpha over its largest, or NaN for glmnet's
 *     default (1e-4 when rows > features, else 1e-2)
 * @param folds the number of cross-validation folds, or 0 for the path alone
 * @param foldAssignment random or contiguous folds (ignored with a fold column)
 * @param foldColumn a column holding each row's fold id, or null
 * @param seed the seed of the random fold assignment
 * @param rule how cross-validation picks alpha
 * @param standardize whether coefficients are penalized on the standardized scale
 * @param intercept whether to fit an unpenalized intercept
 * @param tolerance the bound on the relative duality gap at every alpha
 * @param maxIterations the cap on coordinate-descent passes per alpha
 * @param missing what to do with missing feature values
 * @param family the model family, or null to choose it by the target (numeric: gaussian, two
 *     classes: binomial, more: multinomial)
 * @param measure the cross-validation measure; {@link CvMeasure#AUTO} for the family's default
 * @param unpenalized columns whose coefficients are not penalized (glmnet's penalty factor 0; every
 *     indicator of a categorical column), or empty
 * @param positive whether every coefficient is constrained to be zero or positive (every lower
 *     limit 0, unless {@code controls} gives a column its own)
 * @param controls per-column penalty factors and bounds (glmnet's {@code penalty.factor}, {@code
 *     lower.limits}, {@code upper.limits})
 * @param encoding the input file's character encoding
 * @param gammas the relaxed lasso's gammas ({@code --relax}), or null for the plain lasso path
 * @param format the input's layout, or null to tell it by the file's name ({@link InputFormat#of})
 * @param storage how the design is held: dense, sparse, or (auto) sparse when at most a third of
 *     its values are non-zero
 */
public record FitRequest(
    String target,
    String weights,
    double[] l1Ratios,
    double[] alphas,
    int numAlphas,
    double alphaMinRatio,
    int folds,
    FoldAssignment foldAssignment,
    String foldColumn,
    long seed,
    SelectionRule rule,
    boolean standardize,
    boolean intercept,
    double tolerance,
    int maxIterations,
    MissingPolicy missing,
    Family family,
    CvMeasure measure,
    List<String> unpenalized,
    boolean positive,
    FeatureControls controls,
    Charset encoding,
    double[] gammas,
    InputFormat format,
    Storage storage) {

  /** The option names {@link #fromOptions} understands, in the order the usage text lists them. */
  public static final List<String> OPTION_NAMES =
      List.of(
          "target",
          "weights",
          "l1-ratio",
          "alphas",
          "num-alphas",
          "alpha-min-ratio",
          "folds",
          "fold-assignment",
          "fold-column",
          "seed",
          "rule",
          "standardize",
          "intercept",
          "unpenalized",
          "penalty-factor",
          "lower",
          "upper",
          "positive",
          "relax",
          "gamma",
          "tol",
          "max-iter",
          "missing",
          "encoding",
          "format",
          "storage",
          "family",
          "measure");

  /** Checks every value and the combinations that cannot work together. */
  public FitRequest {
    l1Ratios = l1Ratios == null ? new double[] {1.0} : l1Ratios.clone();
    unpenalized = unpenalized == null ? List.of() : List.copyOf(unpenalized);
    // Whether each names a feature column is checked against the file (TrainingData).
    for (String column : unpenalized) {
      requireName("unpenalized", column);
    }
    controls = controls == null ? FeatureControls.NONE : controls;
    encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    storage = storage == null ? Storage.AUTO : storage;
    gammas = gammas == null ? null : gammas.clone();
    if (gammas != null) {
      if (gammas.length == 0) {
        throw OptionException.invalid("gamma", "", "give at least one gamma");
      }
      for (double g : gammas) {
        if (!OptionRange.GAMMA.accepts(g)) {
          throw OptionException.invalid(
              "gamma", text(g), "each gamma " + OptionRange.GAMMA.requirement());
        }
      }
      if (folds == 0 && gammas.length > 1) {
        throw OptionException.invalid(
            "gamma",
            joined(gammas),
            "choosing among several gammas needs cross-validation, but folds is 0; give one"
                + " (gamma 0 is the unpenalized refit of the last alpha's support)");
      }
    }
    for (String column : unpenalized) {
      if (controls.penaltyFactors().containsKey(column)) {
        throw OptionException.invalid(
            "penalty-factor",
            column + "=" + text(controls.penaltyFactors().get(column)),
            "column '" + column + "' is also unpenalized (penalty factor 0); give it once");
      }
    }
    alphas = alphas == null ? null : alphas.clone();
    if (l1Ratios.length == 0) {
      throw OptionException.invalid("l1-ratio", "", "give at least one ratio");
    }
    for (double r : l1Ratios) {
      if (!OptionRange.L1_RATIO.accepts(r)) {
        throw OptionException.invalid(
            "l1-ratio", text(r), "each ratio " + OptionRange.L1_RATIO.requirement());
      }
    }
    if (alphas != null) {
      if (alphas.length == 0) {
        throw OptionException.invalid("alphas", "", "give at least one alpha");
      }
      for (double a : alphas) {
        if (!OptionRange.ALPHA.accepts(a)) {
          throw OptionException.invalid(
              "alphas", text(a), "each alpha " + OptionRange.ALPHA.requirement());
        }
      }
    }
    requireRange(OptionRange.NUM_ALPHAS, "num-alphas", numAlphas);
    if (!Double.isNaN(alphaMinRatio)) {
      requireRange(OptionRange.ALPHA_MIN_RATIO, "alpha-min-ratio", alphaMinRatio);
    }
    if (folds != 0 && !OptionRange.FOLDS.accepts(folds)) {
      throw OptionException.invalid(
          "folds", text(folds), "use 0 (no cross-validation) or at least 2 folds");
    }
    if (foldAssignment == null || foldAssignment == FoldAssignment.GIVEN) {
      throw OptionException.invalid(
          "fold-assignment", String.valueOf(foldAssignment), "must be random or contiguous");
    }
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(missing, "missing");
    Objects.requireNonNull(measure, "measure");
    if (family != null && measure != CvMeasure.AUTO) {
      try {
        measure.resolve(family);
      } catch (IllegalArgumentException e) {
        throw OptionException.invalid(
            "measure",
            measure.label(),
            "family " + family.label() + " takes " + measuresFor(family));
      }
    }
    requireRange(OptionRange.TOLERANCE, "tol", tolerance);
    requireRange(OptionRange.MAX_ITERATIONS, "max-iter", maxIterations);
    requireName("target", target);
    requireName("weights", weights);
    requireName("fold-column", foldColumn);
    if (folds == 0 && l1Ratios.length > 1) {
      throw OptionException.invalid(
          "l1-ratio",
          joined(l1Ratios),
          "choosing among several ratios needs cross-validation, but folds is 0");
    }
    if (folds == 0 && foldColumn != null) {
      throw OptionException.invalid(
          "fold-column", foldColumn, "folds is 0, so there is no cross-validation to use it");
    }
    if (weights != null && weights.equals(target)) {
      throw OptionException.invalid("weights", weights, "the weights column is also the target");
    }
    if (foldColumn != null && (foldColumn.equals(target) || foldColumn.equals(weights))) {
      throw OptionException.invalid(
          "fold-column", foldColumn, "the fold column is also the target or the weights column");
    }
  }

  /** Every option at its default. */
  public static FitRequest defaults() {
    return fromOptions(Map.of());
  }

  /**
   * Parses option values given by name (the command-line names without {@code --}). Absent options
   * take their defaults.
   *
   * @throws OptionException naming the option and its value when a name is unknown or a value is
   *     bad
   */
  public static FitRequest fromOptions(Map<String, String> options) {
    return FitOptionsParser.parse(options);
  }

  /** Whether cross-validation runs. */
  public boolean crossValidate() {
    return folds > 0;
  }

  /**
   * The solver's settings for the first l1 ratio. Penalty factors and bounds by column depend on
   * the data's features, so the caller adds them ({@code TrainingData}).
   */
  public Settings solverSettings() {
    Settings settings =
        Settings.defaults()
            .withL1Ratio(l1Ratios[0])
            .withFitIntercept(intercept)
            .withStandardize(standardize)
            .withTolerance(tolerance)
            .withMaxIterations(maxIterations);
    return positive ? settings.withPositive() : settings;
  }

  /** Whether the fit is relaxed ({@code --relax}). */
  public boolean relax() {
    return gammas != null;
  }

  @Override
  public double[] gammas() {
    return gammas == null ? null : gammas.clone();
  }

  /** The requested alphas, or the automatic grid. */
  public AlphaGrid alphaGrid() {
    return alphas != null ? AlphaGrid.of(alphas) : AlphaGrid.automatic(numAlphas, alphaMinRatio);
  }

  @Override
  public double[] l1Ratios() {
    return l1Ratios.clone();
  }

  @Override
  public double[] alphas() {
    return alphas == null ? null : alphas.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FitRequest r
        && Objects.equals(target, r.target)
        && Objects.equals(weights, r.weights)
        && Arrays.equals(l1Ratios, r.l1Ratios)
        && Arrays.equals(alphas, r.alphas)
        && numAlphas == r.numAlphas
        && Double.compare(alphaMinRatio, r.alphaMinRatio) == 0
        && folds == r.folds
        && foldAssignment == r.foldAssignment
        && Objects.equals(foldColumn, r.foldColumn)
        && seed == r.seed
        && rule == r.rule
        && standardize == r.standardize
        && intercept == r.intercept
        && tolerance == r.tolerance
        && maxIterations == r.maxIterations
        && missing == r.missing
        && family == r.family
        && measure == r.measure
        && unpenalized.equals(r.unpenalized)
        && positive == r.positive
        && controls.equals(r.controls)
        && encoding.equals(r.encoding)
        && Arrays.equals(gammas, r.gammas)
        && format == r.format
        && storage == r.storage;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
            target,
            weights,
            numAlphas,
            alphaMinRatio,
            folds,
            foldAssignment,
            foldColumn,
            seed,
            rule,
            standardize,
            intercept,
            tolerance,
            maxIterations,
            missing,
            family,
            measure,
            unpenalized,
            positive,
            controls,
            encoding,
            format,
            storage)
        + 31 * Arrays.hashCode(l1Ratios)
        + 961 * Arrays.hashCode(alphas)
        + 29791 * Arrays.hashCode(gammas);
  }

  @Override
  public String toString() {
    return "FitRequest[target="
        + target
        + ", weights="
        + weights
        + ", l1Ratios="
        + Arrays.toString(l1Ratios)
        + ", alphas="
        + (alphas == null ? "automatic(" + numAlphas + ", " + alphaMinRatio + ")" : alphas.length)
        + ", folds="
        + folds
        + ", foldAssignment="
        + foldAssignment
        + ", foldColumn="
        + foldColumn
        + ", seed="
        + seed
        + ", rule="
        + rule.label()
        + ", standardize="
        + standardize
        + ", intercept="
        + intercept
        + ", tol="
        + tolerance
        + ", maxIter="
        + maxIterations
        + ", missing="
        + missing.label()
        + ", family="
        + (family == null ? "auto" : family.label())
        + ", measure="
        + measure.label()
        + ", unpenalized="
        + unpenalized
        + ", positive="
        + positive
        + ", penaltyFactors="
        + controls.penaltyFactors()
        + ", lower="
        + controls.lower()
        + ", upper="
        + controls.upper()
        + ", encoding="
        + encoding.name()
        + ", gammas="
        + Arrays.toString(gammas)
        + ", format="
        + (format == null ? "auto" : format.label())
        + ", storage="
        + storageLabel(storage)
        + "]";
  }

  /** The storage option's spelling: {@code auto}, {@code dense} or {@code sparse}. */
  public static String storageLabel(Storage storage) {
    return storage.name().toLowerCase(Locale.ROOT);
  }

  /** Throws naming the option and its value when the value is out of the option's range. */
  private static void requireRange(OptionRange range, String option, double value) {
    if (!range.accepts(value)) {
      throw OptionException.invalid(option, text(value), range.requirement());
    }
  }

  static void requireName(String option, String value) {
    if (value != null && value.isBlank()) {
      throw OptionException.invalid(option, value, "a column name must not be empty");
    }
  }

  /** The measures that apply to a family, for messages. */
  static String measuresFor(Family family) {
    return switch (family) {
      case GAUSSIAN -> "mse";
      case BINOMIAL -> "deviance, class or auc";
      case MULTINOMIAL -> "deviance or class";
    };
  }

  static String text(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String joined(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.length() == 0 ? "" : ",").append(text(v));
    }
    return sb.toString();
  }
}
