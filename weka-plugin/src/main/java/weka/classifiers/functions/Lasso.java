package weka.classifiers.functions;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamField;
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
import org.l1path.weka.OptionValues;
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

  /**
   * Unchanged since the first release, on purpose: a model saved by an older package version must
   * reach {@code readObject}, which refuses it with a message naming both versions, rather than
   * fail on a UID mismatch with an {@link InvalidClassException} that names only Java classes.
   * Versions are told apart by {@link #SAVED_FORM}.
   */
  private static final long serialVersionUID = 4815402563092760223L;

  /**
   * The version of Lasso's saved form: what {@code -d}, the Explorer's <i>Save model</i> and every
   * other Java serialization of a Lasso write. Increase it whenever that form changes, that is,
   * when {@code writeObject} writes something else or a class it writes changes its serialized
   * fields: {@link PathOptions}, {@link InstancesEncoder}, {@link LassoSummary} and the solver's
   * {@link Model} (with its {@code Convergence}). A model of another form is then refused when it
   * is loaded, instead of loading with fields silently left at their defaults. Form 0 is the layout
   * before forms were numbered (the fields written by Java's default mechanism); form 2 added
   * {@link PathOptions}' per-attribute penalty factors and limits; form 3 the relaxed lasso's
   * {@code -relax} and {@code -gamma} in {@link PathOptions}, and its gammas in {@link
   * LassoSummary}; form 4 the {@code -storage} option in {@link PathOptions}.
   */
  public static final int SAVED_FORM = 4;

  /** The l1path package version, recorded in every saved model; Description.props has the same. */
  private static final String PACKAGE_VERSION = "0.1.0";

  private static final String FORM_FIELD = "savedForm";
  private static final String PACKAGE_FIELD = "savedBy";

  /**
   * The only fields Java's serialization writes by itself: the saved form and the package version.
   * Everything else is transient and follows them as data that {@code writeObject} writes, so that
   * {@code readObject} checks the form before it reads, and would fail on, any class of another
   * form.
   */
  private static final ObjectStreamField[] serialPersistentFields = {
    new ObjectStreamField(FORM_FIELD, int.class), new ObjectStreamField(PACKAGE_FIELD, String.class)
  };

  private static final String NUM_SELECTED = "measureNumSelected";
  private static final String ALPHA = "measureAlpha";
  private static final String CV_ERROR = "measureCVError";
  private static final String GAMMA = "measureGamma";

  private static final String NUM_DECIMAL_PLACES = "num-decimal-places";

  /**
   * The default of {@code -num-decimal-places}: the model's numbers print with six significant
   * digits rather than a fixed number of decimals (Weka's default for classifiers is 2 decimals).
   */
  public static final int SIGNIFICANT_DIGITS = LassoSummary.SIGNIFICANT_DIGITS;

  // Transient: written and read, after the saved form, by writeObject and readObject. Not final
  // so that readObject can set them.
  private transient PathOptions options = new PathOptions(SelectionRule.MIN, true);
  private transient InstancesEncoder encoder;
  private transient Model model;
  private transient LassoSummary summary;

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
        + " weighted mean or mode of the training data; instance weights are used. Sparse data"
        + " (sparse ARFF, StringToWordVector) is encoded and stored sparse. Attributes are"
        + " standardized for the penalty unless -no-standardize is given; coefficients are"
        + " reported on the original scale. With -relax, the relaxed lasso: the model blends the"
        + " lasso with its unpenalized refit on the selected attributes, the blend gamma chosen"
        + " with alpha by cross-validation.\n\nFor more information see:\n\n"
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
    TrainingSet training = TrainingSet.of(data, options.getStorage());
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
    // Sparse instances (StringToWordVector's) stay sparse: the batch is never a dense matrix.
    double[] unused = new double[n];
    Dataset features =
        encoder.encodesSparse(batch, options.getStorage())
            ? Dataset.ofSparse(encoder.sparseFeatures(batch), unused, null, encoder.featureNames())
            : Dataset.of(encoder.columns(batch), unused, null, encoder.featureNames());
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
            : OptionValues.parseInt("-" + NUM_DECIMAL_PLACES, places));
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
    return Collections.enumeration(List.of(NUM_SELECTED, ALPHA, CV_ERROR, GAMMA));
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
      case GAMMA -> summary.gamma();
      default ->
          throw new IllegalArgumentException(
              name
                  + " is not supported by Lasso ("
                  + NUM_SELECTED
                  + ", "
                  + ALPHA
                  + ", "
                  + CV_ERROR
                  + ", "
                  + GAMMA
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

  public String relaxTipText() {
    return PathOptionTexts.RELAX_TIP;
  }

  public boolean getRelax() {
    return options.getRelax();
  }

  public void setRelax(boolean value) {
    options.setRelax(value);
  }

  public String gammasTipText() {
    return PathOptionTexts.GAMMAS_TIP;
  }

  public String getGammas() {
    return options.getGammas();
  }

  public void setGammas(String value) {
    options.setGammas(value);
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
    return RevisionUtils.extract("$Revision: " + PACKAGE_VERSION + " $");
  }

  /** Writes the saved form and package version, then the options and the fitted state. */
  private void writeObject(ObjectOutputStream out) throws IOException {
    ObjectOutputStream.PutField fields = out.putFields();
    fields.put(FORM_FIELD, SAVED_FORM);
    fields.put(PACKAGE_FIELD, PACKAGE_VERSION);
    out.writeFields();
    out.writeObject(options);
    out.writeObject(encoder);
    out.writeObject(model);
    out.writeObject(summary);
  }

  /**
   * Reads a Lasso of this package's saved form, and refuses any other with a message for a Weka
   * user (the command line's {@code -l} and the Explorer's <i>Load model</i> show it).
   *
   * @throws InvalidObjectException if the model was saved in another form
   */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    ObjectInputStream.GetField fields;
    try {
      fields = in.readFields();
    } catch (InvalidClassException e) {
      // Only a form-0 stream has objects among its fields (later forms have an int and a String):
      // one of them is of a class that has since changed incompatibly.
      throw (InvalidObjectException) refusal(0, null).initCause(e);
    }
    // Absent from a form-0 stream: 0 and null.
    int form = fields.get(FORM_FIELD, 0);
    String savedBy = (String) fields.get(PACKAGE_FIELD, null);
    if (form != SAVED_FORM) {
      throw refusal(form, savedBy);
    }
    options = (PathOptions) in.readObject();
    encoder = (InstancesEncoder) in.readObject();
    model = (Model) in.readObject();
    summary = (LassoSummary) in.readObject();
  }

  private static InvalidObjectException refusal(int form, String savedBy) {
    String source =
        savedBy == null
            ? "an older version of the l1path package, from before saved models recorded their"
                + " version (saved form "
                + form
                + ")"
            : "l1path " + savedBy + " (saved form " + form + ")";
    return new InvalidObjectException(
        "Cannot load this Lasso model: it was saved by "
            + source
            + ", and this package, l1path "
            + PACKAGE_VERSION
            + ", reads saved form "
            + SAVED_FORM
            + " only. Rebuild the model with this package version: train Lasso again and save"
            + " the new model"
            + (savedBy == null ? "." : " (or load this one with l1path " + savedBy + ")."));
  }
}
