package weka.classifiers.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.l1path.solver.Dataset;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.SelectionRule;
import org.l1path.weka.InstancesEncoder;
import org.l1path.weka.LassoSummary;
import org.l1path.weka.PathFit;
import org.l1path.weka.PathOptionTexts;
import org.l1path.weka.PathOptions;
import org.l1path.weka.References;
import org.l1path.weka.TrainingSet;
import org.l1path.weka.WarningCount;
import weka.classifiers.AbstractClassifier;
import weka.core.AdditionalMeasureProducer;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 * Lasso and elastic-net linear, logistic and multinomial regression with the penalty chosen by
 * cross-validation, as a Weka classifier. A thin adapter: the l1path solver does the numerics; this
 * class handles Weka's options, capabilities and output.
 */
public class Lasso extends AbstractClassifier
    implements WeightedInstancesHandler,
        TechnicalInformationHandler,
        Randomizable,
        AdditionalMeasureProducer {

  private static final long serialVersionUID = 4815402563092760223L;

  private static final String NUM_SELECTED = "measureNumSelected";
  private static final String ALPHA = "measureAlpha";
  private static final String CV_ERROR = "measureCVError";

  private static final String NUM_DECIMAL_PLACES = "num-decimal-places";

  /**
   * The default of {@code -num-decimal-places}: the model's numbers print with six significant
   * digits rather than a fixed number of decimals (Weka's default for classifiers is 2 decimals).
   */
  public static final int SIGNIFICANT_DIGITS = LassoSummary.SIGNIFICANT_DIGITS;

  private final PathOptions options = new PathOptions(SelectionRule.MIN);
  private InstancesEncoder encoder;
  private Model model;
  private LassoSummary summary;

  /** A classifier with the default options. */
  public Lasso() {
    setNumDecimalPlaces(SIGNIFICANT_DIGITS);
  }

  /** Runs the classifier from the command line, as every Weka classifier does. */
  public static void main(String[] argv) {
    runClassifier(new Lasso(), argv);
  }

  /** The description shown in the GUI. */
  public String globalInfo() {
    return "Linear regression (numeric class), logistic regression (class with two values) or"
        + " multinomial logistic regression (more values) with a lasso (L1) or elastic-net (L1 +"
        + " L2) penalty, fitted along a whole regularization path by coordinate descent, with the"
        + " penalty alpha chosen by cross-validation. Many coefficients are exactly zero: the"
        + " model selects attributes. For a nominal class the predictions are class"
        + " probabilities; the logistic model is for the class's second value, the multinomial"
        + " model has one coefficient per attribute and class. Nominal attributes become one"
        + " indicator per value; missing values are replaced by the"
        + " weighted mean or mode of the training data; instance weights are used. Attributes are"
        + " standardized for the penalty unless -no-standardize is given; coefficients are"
        + " reported on the original scale.\n\nFor more information see:\n\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return References.classifier();
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
  public void buildClassifier(Instances data) throws Exception {
    encoder = null;
    model = null;
    summary = null;
    getCapabilities().testWithFail(data);
    TrainingSet training = TrainingSet.of(data);
    WarningCount warnings = new WarningCount();
    PathFit fit = PathFit.of(training, options, warnings);
    warnings.report("Lasso");
    encoder = training.encoder();
    model = fit.model();
    summary = LassoSummary.of(fit, training);
  }

  @Override
  public double classifyInstance(Instance instance) throws Exception {
    requireModel();
    if (model.family() != Family.GAUSSIAN) {
      // The most probable class, from distributionForInstance.
      return super.classifyInstance(instance);
    }
    return model.predict(encoder.row(instance));
  }

  /** The class probabilities, in the class's declared order; the prediction for a numeric class. */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    requireModel();
    double[] row = encoder.row(instance);
    return model.family() == Family.GAUSSIAN
        ? new double[] {model.predict(row)}
        : model.probabilities(row);
  }

  @Override
  public boolean implementsMoreEfficientBatchPrediction() {
    return true;
  }

  @Override
  public double[][] distributionsForInstances(Instances batch) throws Exception {
    requireModel();
    // The class values are unused: the dataset only carries the encoded columns to the model.
    int n = batch.numInstances();
    if (n == 0) {
      return new double[0][];
    }
    Dataset features =
        Dataset.of(encoder.columns(batch), new double[n], null, encoder.featureNames());
    if (model.family() != Family.GAUSSIAN) {
      return model.probabilities(features);
    }
    double[] predictions = model.predict(features);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new double[] {predictions[i]};
    }
    return out;
  }

  private void requireModel() throws Exception {
    if (model == null) {
      throw new Exception("Lasso: no model built yet; call buildClassifier first");
    }
  }

  /** The fitted model, or null before {@link #buildClassifier}. */
  public Model getModel() {
    return model;
  }

  /** What {@link #toString()} reports, or null before {@link #buildClassifier}. */
  public LassoSummary getSummary() {
    return summary;
  }

  /** The model, each number to {@link #getNumDecimalPlaces()} decimals (by default six digits). */
  @Override
  public String toString() {
    return summary == null ? "Lasso: no model built yet." : summary.report(getNumDecimalPlaces());
  }

  @Override
  public String numDecimalPlacesTipText() {
    return "The number of decimal places for every number in the model's output; -1 (the"
        + " default) prints six significant digits instead.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    List<Option> out = new ArrayList<>(options.listOptions());
    for (Option o : Collections.list(super.listOptions())) {
      out.add(
          o.name().equals(NUM_DECIMAL_PLACES)
              ? new Option(
                  "\tThe number of decimal places for the numbers in the model's output.\n"
                      + "\t(default: six significant digits)",
                  NUM_DECIMAL_PLACES,
                  1,
                  "-" + NUM_DECIMAL_PLACES + " <N>")
              : o);
    }
    return Collections.enumeration(out);
  }

  /**
   * Sets the options; as for every other option, an absent {@code -num-decimal-places} means its
   * default, six significant digits.
   */
  @Override
  public void setOptions(String[] argv) throws Exception {
    options.setOptions(argv);
    String places = Utils.getOption(NUM_DECIMAL_PLACES, argv);
    super.setOptions(argv);
    setNumDecimalPlaces(
        places.isEmpty()
            ? SIGNIFICANT_DIGITS
            : PathOptions.parseInt("-" + NUM_DECIMAL_PLACES, places));
  }

  /**
   * The options. Weka's own {@code getOptions} writes {@code -num-decimal-places} whenever it is
   * not Weka's default of 2; Lasso's default is {@link #SIGNIFICANT_DIGITS}, so the option is
   * written here whenever it is not that (2 included).
   */
  @Override
  public String[] getOptions() {
    List<String> out = new ArrayList<>(options.getOptions());
    String[] inherited = super.getOptions();
    for (int i = 0; i < inherited.length; i++) {
      if (inherited[i].equals("-" + NUM_DECIMAL_PLACES)) {
        i++; // and its value
      } else {
        out.add(inherited[i]);
      }
    }
    if (getNumDecimalPlaces() != SIGNIFICANT_DIGITS) {
      out.add("-" + NUM_DECIMAL_PLACES);
      out.add(Integer.toString(getNumDecimalPlaces()));
    }
    return out.toArray(new String[0]);
  }

  @Override
  public Enumeration<String> enumerateMeasures() {
    return Collections.enumeration(List.of(NUM_SELECTED, ALPHA, CV_ERROR));
  }

  @Override
  public double getMeasure(String name) {
    if (summary == null) {
      return Double.NaN;
    }
    return switch (name) {
      case NUM_SELECTED -> summary.selectedAttributes();
      case ALPHA -> summary.alpha();
      case CV_ERROR -> summary.cvError();
      default ->
          throw new IllegalArgumentException(
              name
                  + " is not supported by Lasso ("
                  + NUM_SELECTED
                  + ", "
                  + ALPHA
                  + ", "
                  + CV_ERROR
                  + ")");
    };
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
    return "The seed of the random assignment of instances to cross-validation folds (stratified"
        + " by class for a nominal class).";
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

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 0.1.0 $");
  }
}
