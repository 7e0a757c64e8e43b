package org.l1path.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.CvSettings;
import org.l1path.solver.Family;
import org.l1path.solver.OptionRange;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;
import weka.core.Option;
import weka.core.Range;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * The fitting options shared by the {@code Lasso} classifier and {@code LassoAttributeEval}, with
 * their command-line names (the same as the {@code fit} command's), tip texts and defaults. Values
 * are checked when they are turned into solver settings, with a message naming the option.
 */
public final class PathOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final CvMeasure DEFAULT_MEASURE = CvMeasure.DEVIANCE;

  private final SelectionRule defaultRule;
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
  private boolean positive;
  private double tolerance = Settings.DEFAULT_TOLERANCE;
  private int maxIterations = Settings.DEFAULT_MAX_ITERATIONS;

  /** Defaults, with {@code defaultRule} picking alpha from the CV curve. */
  public PathOptions(SelectionRule defaultRule) {
    this.defaultRule = defaultRule;
    this.rule = defaultRule;
  }

  /** The options, for {@code listOptions()}. */
  public List<Option> listOptions() {
    return PathOptionTexts.options(defaultRule);
  }

  /**
   * Reads every option this class knows from {@code options}, removing them; an absent option gets
   * its default.
   */
  public void setOptions(String[] options) throws Exception {
    String value = Utils.getOption("l1-ratio", options);
    setL1Ratios(value.isEmpty() ? "1" : value);
    value = Utils.getOption("alpha", options);
    setAlpha(value.isEmpty() ? 0 : parseDouble("-alpha", value));
    value = Utils.getOption("num-alphas", options);
    setNumAlphas(value.isEmpty() ? AlphaGrid.DEFAULT_COUNT : parseInt("-num-alphas", value));
    value = Utils.getOption("alpha-min-ratio", options);
    setAlphaMinRatio(value.isEmpty() ? 0 : parseDouble("-alpha-min-ratio", value));
    value = Utils.getOption("folds", options);
    setFolds(value.isEmpty() ? CvSettings.DEFAULT_FOLDS : parseInt("-folds", value));
    value = Utils.getOption("rule", options);
    setRule(value.isEmpty() ? defaultRule : parseRule(value));
    value = Utils.getOption("measure", options);
    setMeasure(value.isEmpty() ? DEFAULT_MEASURE : parseMeasure(value));
    value = Utils.getOption('S', options);
    setSeed(value.isEmpty() ? 1 : parseInt("-S", value));
    setStandardize(!Utils.getFlag("no-standardize", options));
    setUnpenalized(Utils.getOption("unpenalized", options));
    setPositive(Utils.getFlag("positive", options));
    value = Utils.getOption("tol", options);
    setTolerance(value.isEmpty() ? Settings.DEFAULT_TOLERANCE : parseDouble("-tol", value));
    value = Utils.getOption("max-iter", options);
    setMaxIterations(
        value.isEmpty() ? Settings.DEFAULT_MAX_ITERATIONS : parseInt("-max-iter", value));
  }

  /** The current values as options; ones left at "automatic" or "none" are omitted. */
  public List<String> getOptions() {
    List<String> out = new ArrayList<>();
    out.add("-l1-ratio");
    out.add(l1Ratios);
    out.add("-alpha");
    out.add(format(alpha));
    out.add("-num-alphas");
    out.add(Integer.toString(numAlphas));
    if (alphaMinRatio > 0) {
      out.add("-alpha-min-ratio");
      out.add(format(alphaMinRatio));
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
    if (positive) {
      out.add("-positive");
    }
    out.add("-tol");
    out.add(format(tolerance));
    out.add("-max-iter");
    out.add(Integer.toString(maxIterations));
    return out;
  }

  /** The l1 ratios to try, checked. */
  public double[] l1RatioValues() {
    String[] parts = l1Ratios.split(",");
    double[] out = new double[parts.length];
    for (int k = 0; k < parts.length; k++) {
      out[k] = parseDouble("-l1-ratio", parts[k].trim());
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

  /** The solver settings (without penalty factors, which depend on the data). */
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
          "-tol " + format(tolerance) + " / -max-iter " + maxIterations + ": " + e.getMessage(), e);
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

  /**
   * Penalty factors for the encoded features: 0 for features of attributes in the unpenalized
   * range, 1 otherwise; null when every feature is penalized.
   */
  public double[] penaltyFactors(InstancesEncoder encoder) {
    if (unpenalized.isEmpty()) {
      return null;
    }
    Range range = new Range(unpenalized);
    try {
      range.setUpper(encoder.header().numAttributes() - 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-unpenalized '" + unpenalized + "' is not a valid range: " + e.getMessage(), e);
    }
    double[] factors = new double[encoder.features()];
    Arrays.fill(factors, 1.0);
    for (int k = 0; k < encoder.predictors(); k++) {
      if (range.isInRange(encoder.attributeIndex(k))) {
        for (int f = 0; f < encoder.featureCount(k); f++) {
          factors[encoder.firstFeature(k) + f] = 0.0;
        }
      }
    }
    return factors;
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

  /** Formats a double so that it parses back to the same value. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value).toLowerCase(Locale.ROOT);
  }

  private static double parseDouble(String option, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got '" + text + "'", e);
    }
  }

  /**
   * {@code text} as a whole number, surrounding blanks ignored.
   *
   * @throws IllegalArgumentException naming {@code option} when it is not one
   */
  public static int parseInt(String option, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects an integer, got '" + text + "'", e);
    }
  }

  private static CvMeasure parseMeasure(String text) {
    for (Tag tag : PathOptionTexts.MEASURES) {
      if (tag.getIDStr().equalsIgnoreCase(text.trim())) {
        return CvMeasure.values()[tag.getID()];
      }
    }
    throw new IllegalArgumentException(
        "-measure must be deviance, class or auc, got '" + text + "'");
  }

  private static SelectionRule parseRule(String text) {
    try {
      return SelectionRule.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-rule: " + e.getMessage(), e);
    }
  }
}
