package weka.attributeSelection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.l1path.solver.ElasticNet;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.SelectionRule;
import org.l1path.weka.AttributeMerits;
import org.l1path.weka.LassoSummary;
import org.l1path.weka.PathFit;
import org.l1path.weka.PathOptionTexts;
import org.l1path.weka.PathOptions;
import org.l1path.weka.References;
import org.l1path.weka.TrainingSet;
import org.l1path.weka.WarningCount;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Randomizable;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 * Ranks attributes by the lasso: by the size of their coefficient at the cross-validated alpha, by
 * how early they enter the regularization path, or by stability selection. Use it with {@link
 * Ranker}. A thin adapter over the l1path solver.
 */
public class LassoAttributeEval extends ASEvaluation
    implements AttributeEvaluator,
        OptionHandler,
        Randomizable,
        TechnicalInformationHandler,
        WeightedInstancesHandler {

  private static final long serialVersionUID = -3518840287021871617L;

  /** Merit: the absolute standardized coefficient at the chosen alpha. */
  public static final int MERIT_COEFFICIENT = 0;

  /** Merit: the largest alpha at which the attribute is non-zero, relative to alpha_max. */
  public static final int MERIT_ENTRY = 1;

  /** Merit: the fraction of half-sample fits in which the attribute is non-zero. */
  public static final int MERIT_STABILITY = 2;

  /** The merit modes, for the GUI's drop-down and {@code -M}. */
  public static final Tag[] TAGS_MERIT = {
    new Tag(MERIT_COEFFICIENT, "coefficient", "coefficient: |standardized coefficient|", false),
    new Tag(MERIT_ENTRY, "entry", "entry: entry alpha / alpha_max", false),
    new Tag(MERIT_STABILITY, "stability", "stability: stability selection", false)
  };

  private static final int DEFAULT_SUBSAMPLES = 100;

  private final PathOptions options = new PathOptions(SelectionRule.ONE_SE);
  private int merit = MERIT_COEFFICIENT;
  private int subsamples = DEFAULT_SUBSAMPLES;

  private double[] merits;
  private int[] attributeOfPredictor;
  private LassoSummary summary;
  private int selectedCount;

  /** Runs the evaluator from the command line, as every Weka evaluator does. */
  public static void main(String[] args) {
    runEvaluator(new LassoAttributeEval(), args);
  }

  /** The description shown in the GUI. */
  public String globalInfo() {
    return "Ranks attributes with the lasso (or elastic net): linear regression for a numeric"
        + " class, logistic or multinomial logistic regression for a nominal one. Use with the"
        + " Ranker search. Merit modes: 'coefficient' is the absolute standardized coefficient at"
        + " the cross-validated alpha (rule 1se by default), so Ranker with threshold 0 keeps"
        + " exactly the lasso's selection; 'entry' is how early the attribute enters the"
        + " regularization path (its largest non-zero alpha divided by alpha_max); 'stability' is"
        + " stability selection, the fraction of fits on random half-samples in which the"
        + " attribute is selected. A nominal attribute's merit is the largest of its value"
        + " indicators'; with more than two classes, an attribute's coefficient merit is its"
        + " largest over the per-class coefficients. Takes the Lasso classifier's options."
        + "\n\nFor more information see:\n\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return References.evaluator();
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NOMINAL_ATTRIBUTES);
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enable(Capability.DATE_ATTRIBUTES);
    result.enable(Capability.MISSING_VALUES);
    result.enable(Capability.NUMERIC_CLASS);
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.BINARY_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    return result;
  }

  @Override
  public void buildEvaluator(Instances data) throws Exception {
    merits = null;
    summary = null;
    getCapabilities().testWithFail(data);
    TrainingSet training = TrainingSet.of(data, options.getStorage());
    WarningCount warnings = new WarningCount();
    PathFit fit = PathFit.of(training, options, warnings);
    double[] perPredictor =
        switch (merit) {
          case MERIT_ENTRY -> entryMerits(training, fit, warnings);
          case MERIT_STABILITY ->
              AttributeMerits.stability(
                  training,
                  fit,
                  subsamples,
                  options.getSeed(),
                  Runtime.getRuntime().availableProcessors(),
                  warnings);
          default -> AttributeMerits.coefficient(fit, training.encoder());
        };
    warnings.report("LassoAttributeEval");
    attributeOfPredictor = new int[perPredictor.length];
    merits = new double[data.numAttributes()];
    selectedCount = 0;
    for (int k = 0; k < perPredictor.length; k++) {
      attributeOfPredictor[k] = training.encoder().attributeIndex(k);
      merits[attributeOfPredictor[k]] = perPredictor[k];
      if (perPredictor[k] > 0) {
        selectedCount++;
      }
    }
    summary = LassoSummary.of(fit, training);
  }

  /**
   * Entry merits need the whole automatic path, whatever alpha was chosen. That path starts at
   * alpha_max, the smallest alpha at which every penalized coefficient is 0.
   */
  private double[] entryMerits(TrainingSet training, PathFit fit, WarningCount warnings) {
    RegularizationPath path =
        fit.how() == PathFit.Choice.CROSS_VALIDATION && !options.isAlphaFixed()
            ? fit.path()
            : ElasticNet.fitPath(
                training.dataset(), fit.settings(), options.automaticGrid(), warnings);
    return AttributeMerits.entry(path, path.alpha(0), training.encoder());
  }

  @Override
  public double evaluateAttribute(int attribute) throws Exception {
    if (merits == null) {
      throw new Exception("LassoAttributeEval: buildEvaluator has not been called");
    }
    return merits[attribute];
  }

  @Override
  public String toString() {
    if (summary == null) {
      return "Lasso attribute evaluator: not built yet.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("\tLasso attribute evaluator (l1path)\n\n");
    sb.append("\tMerit: ").append(meritDescription()).append("\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "\t%d of %d attributes have a merit above 0.%n%n",
            selectedCount,
            attributeOfPredictor.length));
    for (String line : summary.report().split("\n")) {
      sb.append('\t').append(line).append('\n');
    }
    return sb.toString();
  }

  private String meritDescription() {
    return switch (merit) {
      case MERIT_ENTRY -> "entry, the largest alpha at which the attribute is non-zero / alpha_max";
      case MERIT_STABILITY ->
          "stability, the fraction of "
              + subsamples
              + " half-sample fits that select the attribute at the chosen alpha";
      default -> "coefficient, |standardized coefficient| at the chosen alpha";
    };
  }

  @Override
  public Enumeration<Option> listOptions() {
    List<Option> out = new ArrayList<>();
    out.add(
        new Option(
            "\tThe merit: coefficient, entry or stability. (default coefficient)",
            "M",
            1,
            "-M <coefficient|entry|stability>"));
    out.add(
        new Option(
            "\tThe number of half-samples for stability selection. (default "
                + DEFAULT_SUBSAMPLES
                + ")",
            "B",
            1,
            "-B <num>"));
    out.addAll(options.listOptions());
    out.addAll(Collections.list(super.listOptions()));
    return Collections.enumeration(out);
  }

  @Override
  public void setOptions(String[] argv) throws Exception {
    String value = Utils.getOption('M', argv);
    try {
      setMerit(new SelectedTag(value.isEmpty() ? "coefficient" : value, TAGS_MERIT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-M must be coefficient, entry or stability, got '" + value + "'", e);
    }
    value = Utils.getOption('B', argv);
    try {
      setSubsamples(value.isEmpty() ? DEFAULT_SUBSAMPLES : Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-B expects an integer, got '" + value + "'", e);
    }
    options.setOptions(argv);
    super.setOptions(argv);
  }

  @Override
  public String[] getOptions() {
    List<String> out = new ArrayList<>();
    out.add("-M");
    out.add(new SelectedTag(merit, TAGS_MERIT).getSelectedTag().getIDStr());
    out.add("-B");
    out.add(Integer.toString(subsamples));
    out.addAll(options.getOptions());
    Collections.addAll(out, super.getOptions());
    return out.toArray(new String[0]);
  }

  public String meritTipText() {
    return "coefficient: |standardized coefficient| at the chosen alpha; entry: how early the"
        + " attribute enters the path; stability: the fraction of half-sample fits selecting it.";
  }

  public SelectedTag getMerit() {
    return new SelectedTag(merit, TAGS_MERIT);
  }

  public void setMerit(SelectedTag value) {
    if (value.getTags() == TAGS_MERIT) {
      merit = value.getSelectedTag().getID();
    }
  }

  public String subsamplesTipText() {
    return "How many random half-samples stability selection fits (run in parallel).";
  }

  public int getSubsamples() {
    return subsamples;
  }

  public void setSubsamples(int value) {
    subsamples = value;
  }

  public String l1RatiosTipText() {
    return PathOptionTexts.L1_RATIOS_TIP;
  }

  public String getL1Ratios() {
    return options.getL1Ratios();
  }

  public void setL1Ratios(String value) {
    options.setL1Ratios(value);
  }

  public String alphaTipText() {
    return PathOptionTexts.ALPHA_TIP;
  }

  public double getAlpha() {
    return options.getAlpha();
  }

  public void setAlpha(double value) {
    options.setAlpha(value);
  }

  public String numAlphasTipText() {
    return PathOptionTexts.NUM_ALPHAS_TIP;
  }

  public int getNumAlphas() {
    return options.getNumAlphas();
  }

  public void setNumAlphas(int value) {
    options.setNumAlphas(value);
  }

  public String alphaMinRatioTipText() {
    return PathOptionTexts.ALPHA_MIN_RATIO_TIP;
  }

  public double getAlphaMinRatio() {
    return options.getAlphaMinRatio();
  }

  public void setAlphaMinRatio(double value) {
    options.setAlphaMinRatio(value);
  }

  public String foldsTipText() {
    return PathOptionTexts.FOLDS_TIP;
  }

  public int getFolds() {
    return options.getFolds();
  }

  public void setFolds(int value) {
    options.setFolds(value);
  }

  public String ruleTipText() {
    return PathOptionTexts.RULE_TIP;
  }

  public SelectedTag getRule() {
    return options.getRuleTag();
  }

  public void setRule(SelectedTag value) {
    options.setRuleTag(value);
  }

  public String cvMeasureTipText() {
    return PathOptionTexts.CV_MEASURE_TIP;
  }

  public SelectedTag getCvMeasure() {
    return options.getMeasureTag();
  }

  public void setCvMeasure(SelectedTag value) {
    options.setMeasureTag(value);
  }

  public String seedTipText() {
    return "The seed of the cross-validation folds and of the stability half-samples.";
  }

  @Override
  public int getSeed() {
    return options.getSeed();
  }

  @Override
  public void setSeed(int value) {
    options.setSeed(value);
  }

  public String standardizeTipText() {
    return PathOptionTexts.STANDARDIZE_TIP;
  }

  public boolean getStandardize() {
    return options.getStandardize();
  }

  public void setStandardize(boolean value) {
    options.setStandardize(value);
  }

  public String unpenalizedTipText() {
    return PathOptionTexts.UNPENALIZED_TIP;
  }

  public String getUnpenalized() {
    return options.getUnpenalized();
  }

  public void setUnpenalized(String value) {
    options.setUnpenalized(value);
  }

  public String penaltyFactorsTipText() {
    return PathOptionTexts.PENALTY_FACTORS_TIP;
  }

  public String getPenaltyFactors() {
    return options.getPenaltyFactors();
  }

  public void setPenaltyFactors(String value) {
    options.setPenaltyFactors(value);
  }

  public String lowerLimitsTipText() {
    return PathOptionTexts.LOWER_LIMITS_TIP;
  }

  public String getLowerLimits() {
    return options.getLowerLimits();
  }

  public void setLowerLimits(String value) {
    options.setLowerLimits(value);
  }

  public String upperLimitsTipText() {
    return PathOptionTexts.UPPER_LIMITS_TIP;
  }

  public String getUpperLimits() {
    return options.getUpperLimits();
  }

  public void setUpperLimits(String value) {
    options.setUpperLimits(value);
  }

  public String positiveTipText() {
    return PathOptionTexts.POSITIVE_TIP;
  }

  public boolean getPositive() {
    return options.getPositive();
  }

  public void setPositive(boolean value) {
    options.setPositive(value);
  }

  public String toleranceTipText() {
    return PathOptionTexts.TOLERANCE_TIP;
  }

  public double getTolerance() {
    return options.getTolerance();
  }

  public void setTolerance(double value) {
    options.setTolerance(value);
  }

  public String maxIterationsTipText() {
    return PathOptionTexts.MAX_ITERATIONS_TIP;
  }

  public int getMaxIterations() {
    return options.getMaxIterations();
  }

  public void setMaxIterations(int value) {
    options.setMaxIterations(value);
  }

  public String storageTipText() {
    return PathOptionTexts.STORAGE_TIP;
  }

  public SelectedTag getStorage() {
    return options.getStorageTag();
  }

  public void setStorage(SelectedTag value) {
    options.setStorageTag(value);
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 0.1.0 $");
  }
}
