package org.l1path.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Family;
import org.l1path.solver.FitSpec;
import org.l1path.solver.OptionRange;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;
import org.l1path.solver.Storage;
import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * The fitting options shared by the {@code Lasso} classifier and {@code LassoAttributeEval}, with
 * their command-line names (the same as the {@code fit} command's), tip texts and defaults. Values
 * are checked when they are turned into solver settings, with a message naming the option. The
 * relaxed lasso's {@code -relax} and {@code -gamma} are the classifier's only ({@link
 * #PathOptions(SelectionRule, boolean)}).
 */
public final class PathOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final CvMeasure DEFAULT_MEASURE = CvMeasure.DEVIANCE;

  /** The per-attribute options' names, without the leading dash. */
  static final String PENALTY_FACTOR = "penalty-factor";

  static final String LOWER = "lower";
  static final String UPPER = "upper";
  static final String RELAX = "relax";
  static final String GAMMA = "gamma";
  static final String STORAGE = "storage";

  private final SelectionRule defaultRule;
  private final boolean offersRelax;
  private String l1Ratios = "1";
  private double alpha;
  private int numAlphas = AlphaGrid.DEFAULT_COUNT;
  private double alphaMinRatio;
  private int folds = CvSettings.DEFAULT_FOLDS;
  private SelectionRule rule;
  private CvMeasure measure = DEFAULT_MEASURE;
  private int seed = 1;
  private boolean standardize = true;
  private String unpenalized = "";
  private String penaltyFactors = "";
  private String lowerLimits = "";
  private String upperLimits = "";
  private boolean positive;
  private double tolerance = Settings.DEFAULT_TOLERANCE;
  private int maxIterations = Settings.DEFAULT_MAX_ITERATIONS;
  private boolean relax;
  private String gammas = "";
  private Storage storage = Storage.AUTO;

  /**
   * Defaults, with {@code defaultRule} picking alpha from the CV curve, without the relaxed lasso's
   * options.
   */
  public PathOptions(SelectionRule defaultRule) {
    this(defaultRule, false);
  }

  /**
   * Defaults, with {@code defaultRule} picking alpha from the CV curve; {@code offersRelax} adds
   * {@code -relax} and {@code -gamma} to the options listed, read and written.
   */
  public PathOptions(SelectionRule defaultRule, boolean offersRelax) {
    this.defaultRule = defaultRule;
    this.rule = defaultRule;
    this.offersRelax = offersRelax;
  }

  /** The options, for {@code listOptions()}. */
  public List<Option> listOptions() {
    return PathOptionTexts.options(defaultRule, offersRelax);
  }

  /**
   * Reads every option this class knows from {@code options}, removing them; an absent option gets
   * its default.
   */
  public void setOptions(String[] options) throws Exception {
    String value = Utils.getOption("l1-ratio", options);
    setL1Ratios(value.isEmpty() ? "1" : value);
    value = Utils.getOption("alpha", options);
    setAlpha(value.isEmpty() ? 0 : OptionValues.parseDouble("-alpha", value));
    value = Utils.getOption("num-alphas", options);
    setNumAlphas(
        value.isEmpty() ? AlphaGrid.DEFAULT_COUNT : OptionValues.parseInt("-num-alphas", value));
    value = Utils.getOption("alpha-min-ratio", options);
    setAlphaMinRatio(value.isEmpty() ? 0 : OptionValues.parseDouble("-alpha-min-ratio", value));
    value = Utils.getOption("folds", options);
    setFolds(value.isEmpty() ? CvSettings.DEFAULT_FOLDS : OptionValues.parseInt("-folds", value));
    value = Utils.getOption("rule", options);
    setRule(value.isEmpty() ? defaultRule : OptionValues.parseRule(value));
    value = Utils.getOption("measure", options);
    setMeasure(value.isEmpty() ? DEFAULT_MEASURE : OptionValues.parseMeasure(value));
    value = Utils.getOption('S', options);
    setSeed(value.isEmpty() ? 1 : OptionValues.parseInt("-S", value));
    setStandardize(!Utils.getFlag("no-standardize", options));
    setUnpenalized(Utils.getOption("unpenalized", options));
    // Checked here too, so that the command line reports a malformed list before any fit.
    setPenaltyFactors(Utils.getOption(PENALTY_FACTOR, options));
    AttributeValues.parse(PENALTY_FACTOR, penaltyFactors);
    setLowerLimits(Utils.getOption(LOWER, options));
    AttributeValues.parse(LOWER, lowerLimits);
    setUpperLimits(Utils.getOption(UPPER, options));
    AttributeValues.parse(UPPER, upperLimits);
    setPositive(Utils.getFlag("positive", options));
    if (offersRelax) {
      setRelax(Utils.getFlag(RELAX, options));
      setGammas(Utils.getOption(GAMMA, options));
      // Checked here too, so that the command line reports a bad list before any fit; a fixed
      // alpha with one l1 ratio fits without cross-validation (unless the data has no predictors
      // or too few instances, where no gamma is used).
      gammaValues(!(alpha > 0 && !l1Ratios.contains(",")));
    }
    value = Utils.getOption("tol", options);
    setTolerance(
        value.isEmpty() ? Settings.DEFAULT_TOLERANCE : OptionValues.parseDouble("-tol", value));
    value = Utils.getOption("max-iter", options);
    setMaxIterations(
        value.isEmpty()
            ? Settings.DEFAULT_MAX_ITERATIONS
            : OptionValues.parseInt("-max-iter", value));
    value = Utils.getOption(STORAGE, options);
    setStorage(value.isEmpty() ? Storage.AUTO : OptionValues.parseStorage(value));
  }

  /** The current values as options; ones left at "automatic" or "none" are omitted. */
  public List<String> getOptions() {
    List<String> out = new ArrayList<>();
    out.add("-l1-ratio");
    out.add(l1Ratios);
    out.add("-alpha");
    out.add(OptionValues.format(alpha));
    out.add("-num-alphas");
    out.add(Integer.toString(numAlphas));
    if (alphaMinRatio > 0) {
      out.add("-alpha-min-ratio");
      out.add(OptionValues.format(alphaMinRatio));
    }
    out.add("-folds");
    out.add(Integer.toString(folds));
    out.add("-rule");
    out.add(rule.label());
    out.add("-measure");
    out.add(measure.label());
    out.add("-S");
    out.add(Integer.toString(seed));
    if (!standardize) {
      out.add("-no-standardize");
    }
    if (!unpenalized.isEmpty()) {
      out.add("-unpenalized");
      out.add(unpenalized);
    }
    if (!penaltyFactors.isEmpty()) {
      out.add("-" + PENALTY_FACTOR);
      out.add(penaltyFactors);
    }
    if (!lowerLimits.isEmpty()) {
      out.add("-" + LOWER);
      out.add(lowerLimits);
    }
    if (!upperLimits.isEmpty()) {
      out.add("-" + UPPER);
      out.add(upperLimits);
    }
    if (positive) {
      out.add("-positive");
    }
    if (relax) {
      out.add("-" + RELAX);
    }
    // Written whenever set, even without -relax, so that the command line refuses what the
    // build would.
    if (offersRelax && !gammas.isEmpty()) {
      out.add("-" + GAMMA);
      out.add(gammas);
    }
    out.add("-tol");
    out.add(OptionValues.format(tolerance));
    out.add("-max-iter");
    out.add(Integer.toString(maxIterations));
    // Automatic storage is left out, so that the scheme lines of earlier versions stay as they
    // were.
    if (storage != Storage.AUTO) {
      out.add("-" + STORAGE);
      out.add(OptionValues.storageLabel(storage));
    }
    return out;
  }

  /** The l1 ratios to try, checked. */
  public double[] l1RatioValues() {
    String[] parts = l1Ratios.split(",");
    double[] out = new double[parts.length];
    for (int k = 0; k < parts.length; k++) {
      out[k] = OptionValues.parseDouble("-l1-ratio", parts[k].trim());
      if (!OptionRange.L1_RATIO.accepts(out[k])) {
        throw new IllegalArgumentException(
            "-l1-ratio: each ratio "
                + OptionRange.L1_RATIO.requirement()
                + ", got "
                + parts[k].trim());
      }
    }
    return out;
  }

  /**
   * The relaxed lasso's gammas ({@link FitSpec#withRelax}), checked, or null without {@code
   * -relax}. Without {@code -gamma}: glmnet's five ({@link FitSpec#defaultGammas()}) when {@code
   * crossValidates}, else 0 (the unpenalized refit), as the {@code fit} command's {@code --folds
   * 0}.
   *
   * @param crossValidates whether the fit cross-validates, so that it can choose among gammas
   * @throws IllegalArgumentException naming the option when {@code -gamma} is given without {@code
   *     -relax}, a gamma is not a number in [0, 1], or several are given without cross-validation
   */
  public double[] gammaValues(boolean crossValidates) {
    double[] given = checkGammas();
    if (!relax) {
      return null;
    }
    if (given == null) {
      return crossValidates ? FitSpec.defaultGammas() : new double[] {0.0};
    }
    if (!crossValidates && given.length > 1) {
      throw new IllegalArgumentException(
          "-"
              + GAMMA
              + " "
              + gammas
              + ": choosing among several gammas needs cross-validation, and a fixed -alpha with"
              + " one l1 ratio fits without it; give one gamma (0 is the unpenalized refit, 1 the"
              + " lasso)");
    }
    return given;
  }

  /**
   * The {@code -gamma} list, or null when it is empty.
   *
   * @throws IllegalArgumentException naming the option when it is given without {@code -relax} or a
   *     gamma is not a number in [0, 1]
   */
  private double[] checkGammas() {
    if (gammas.isEmpty()) {
      return null;
    }
    if (!relax) {
      throw new IllegalArgumentException(
          "-"
              + GAMMA
              + " "
              + gammas
              + " is given without -"
              + RELAX
              + ": gammas blend the relaxed lasso; add -"
              + RELAX
              + " or leave -"
              + GAMMA
              + " out");
    }
    String[] parts = gammas.split(",", -1);
    double[] out = new double[parts.length];
    for (int k = 0; k < parts.length; k++) {
      String part = parts[k].trim();
      double value;
      try {
        value = part.isEmpty() ? Double.NaN : Double.parseDouble(part);
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!OptionRange.GAMMA.accepts(value)) {
        throw new IllegalArgumentException(
            "-"
                + GAMMA
                + ": each gamma must be a number in [0, 1] (0 is the unpenalized refit, 1 the"
                + " lasso), got '"
                + part
                + "'");
      }
      out[k] = value;
    }
    return out;
  }

  /**
   * Whether alpha is fixed by the user rather than chosen by cross-validation (0 or less).
   *
   * @throws IllegalArgumentException when {@code -alpha} is not a finite number
   */
  public boolean isAlphaFixed() {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException(
          "-alpha must be a finite number (0 or less to choose alpha by cross-validation), got "
              + alpha);
    }
    return alpha > 0;
  }

  /**
   * The solver settings, without penalty factors and per-attribute bounds, which depend on the data
   * ({@link #penaltyFactors}, {@link #lowerBounds}, {@link #upperBounds}); {@code -positive} sets
   * every lower bound to 0.
   */
  public Settings settings() {
    try {
      Settings s =
          Settings.defaults()
              .withStandardize(standardize)
              .withTolerance(tolerance)
              .withMaxIterations(maxIterations);
      return positive ? s.withPositive() : s;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-tol "
              + OptionValues.format(tolerance)
              + " / -max-iter "
              + maxIterations
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The automatic alpha grid, or the single fixed alpha. */
  public AlphaGrid grid() {
    return isAlphaFixed() ? AlphaGrid.of(alpha) : automaticGrid();
  }

  /** The automatic alpha grid, whether or not alpha is fixed. */
  public AlphaGrid automaticGrid() {
    OptionRange.NUM_ALPHAS.check("-num-alphas", numAlphas);
    // 0 (or less) asks for glmnet's default ratio.
    if (alphaMinRatio > 0) {
      OptionRange.ALPHA_MIN_RATIO.check("-alpha-min-ratio", alphaMinRatio);
    }
    return AlphaGrid.automatic(numAlphas, alphaMinRatio > 0 ? alphaMinRatio : Double.NaN);
  }

  /**
   * The cross-validation settings for data with {@code rows} instances of {@code family}: a numeric
   * class is measured by its mean squared error, a nominal class by {@code -measure}.
   */
  public CvSettings cvSettings(int rows, Family family) {
    OptionRange.FOLDS.check("-folds", folds);
    // With fewer instances than folds, leave-one-out is the most folds the data allows.
    CvSettings cv =
        CvSettings.defaults().withFolds(Math.min(folds, rows)).withSeed(seed).withRule(rule);
    if (family == Family.GAUSSIAN) {
      return cv.withMeasure(CvMeasure.MSE);
    }
    if (measure == CvMeasure.AUC && family != Family.BINOMIAL) {
      throw new IllegalArgumentException(
          "-measure auc needs a class with 2 values; use deviance or class for "
              + family.label()
              + " data");
    }
    return cv.withMeasure(measure);
  }

  public String getL1Ratios() {
    return l1Ratios;
  }

  public void setL1Ratios(String value) {
    l1Ratios = value.trim();
  }

  public double getAlpha() {
    return alpha;
  }

  public void setAlpha(double value) {
    alpha = value;
  }

  public int getNumAlphas() {
    return numAlphas;
  }

  public void setNumAlphas(int value) {
    numAlphas = value;
  }

  public double getAlphaMinRatio() {
    return alphaMinRatio;
  }

  public void setAlphaMinRatio(double value) {
    alphaMinRatio = value;
  }

  public int getFolds() {
    return folds;
  }

  public void setFolds(int value) {
    folds = value;
  }

  public SelectionRule getRule() {
    return rule;
  }

  public void setRule(SelectionRule value) {
    rule = value;
  }

  /** The rule as a GUI tag. */
  public SelectedTag getRuleTag() {
    return new SelectedTag(rule.ordinal(), PathOptionTexts.RULES);
  }

  /** Sets the rule from a GUI tag; a tag of another list is ignored, as Weka's schemes do. */
  public void setRuleTag(SelectedTag value) {
    if (value.getTags() == PathOptionTexts.RULES) {
      rule = SelectionRule.values()[value.getSelectedTag().getID()];
    }
  }

  public CvMeasure getMeasure() {
    return measure;
  }

  public void setMeasure(CvMeasure value) {
    measure = value;
  }

  /** The measure as a GUI tag. */
  public SelectedTag getMeasureTag() {
    return new SelectedTag(measure.ordinal(), PathOptionTexts.MEASURES);
  }

  /** Sets the measure from a GUI tag; a tag of another list is ignored, as Weka's schemes do. */
  public void setMeasureTag(SelectedTag value) {
    if (value.getTags() == PathOptionTexts.MEASURES) {
      measure = CvMeasure.values()[value.getSelectedTag().getID()];
    }
  }

  public int getSeed() {
    return seed;
  }

  public void setSeed(int value) {
    seed = value;
  }

  public boolean getStandardize() {
    return standardize;
  }

  public void setStandardize(boolean value) {
    standardize = value;
  }

  public String getUnpenalized() {
    return unpenalized;
  }

  public void setUnpenalized(String value) {
    unpenalized = value == null ? "" : value.trim();
  }

  /** The {@code -penalty-factor} list, {@code attribute=factor,...}; empty for none. */
  public String getPenaltyFactors() {
    return penaltyFactors;
  }

  public void setPenaltyFactors(String value) {
    penaltyFactors = value == null ? "" : value.trim();
  }

  /** The {@code -lower} list, {@code attribute=limit,...}; empty for none. */
  public String getLowerLimits() {
    return lowerLimits;
  }

  public void setLowerLimits(String value) {
    lowerLimits = value == null ? "" : value.trim();
  }

  /** The {@code -upper} list, {@code attribute=limit,...}; empty for none. */
  public String getUpperLimits() {
    return upperLimits;
  }

  public void setUpperLimits(String value) {
    upperLimits = value == null ? "" : value.trim();
  }

  public boolean getPositive() {
    return positive;
  }

  public void setPositive(boolean value) {
    positive = value;
  }

  public double getTolerance() {
    return tolerance;
  }

  public void setTolerance(double value) {
    tolerance = value;
  }

  public int getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(int value) {
    maxIterations = value;
  }

  /** Whether the fit is the relaxed lasso ({@code -relax}). */
  public boolean getRelax() {
    return relax;
  }

  public void setRelax(boolean value) {
    relax = value;
  }

  /** The {@code -gamma} list, {@code G,G,...}; empty for the default. */
  public String getGammas() {
    return gammas;
  }

  public void setGammas(String value) {
    gammas = value == null ? "" : value.trim();
  }

  /**
   * How the encoded features are stored for the solver ({@code -storage}): {@link Storage#AUTO}
   * (sparse when at most a third of the values are non-zero), or forced dense or sparse.
   */
  public Storage getStorage() {
    return storage;
  }

  public void setStorage(Storage value) {
    storage = value;
  }

  /** The storage as a GUI tag. */
  public SelectedTag getStorageTag() {
    return new SelectedTag(storage.ordinal(), PathOptionTexts.STORAGES);
  }

  /** Sets the storage from a GUI tag; a tag of another list is ignored, as Weka's schemes do. */
  public void setStorageTag(SelectedTag value) {
    if (value.getTags() == PathOptionTexts.STORAGES) {
      storage = Storage.values()[value.getSelectedTag().getID()];
    }
  }
}
