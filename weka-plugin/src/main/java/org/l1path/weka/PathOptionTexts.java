package org.l1path.weka;

import java.util.ArrayList;
import java.util.List;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.CvSettings;
import org.l1path.solver.FitSpec;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.Settings;
import org.l1path.solver.Storage;
import weka.core.Option;
import weka.core.Tag;

/**
 * What Weka shows of {@link PathOptions}: the command-line option descriptions, the Explorer's tip
 * texts, and the drop-down tags of the rule and the measure.
 */
public final class PathOptionTexts {
  private PathOptionTexts() {}

  /** The alpha-selection rules, for the GUI's drop-down. */
  public static final Tag[] RULES = {
    new Tag(SelectionRule.MIN.ordinal(), "min", "min: smallest CV error", false),
    new Tag(SelectionRule.ONE_SE.ordinal(), "1se", "1se: largest alpha within one SE of it", false)
  };

  /** The cross-validation measures for a nominal class, for the GUI's drop-down. */
  public static final Tag[] MEASURES = {
    new Tag(CvMeasure.DEVIANCE.ordinal(), "deviance", "deviance: -2 log-likelihood", false),
    new Tag(CvMeasure.CLASS.ordinal(), "class", "class: misclassification rate", false),
    new Tag(CvMeasure.AUC.ordinal(), "auc", "auc: area under the ROC curve (2 classes)", false)
  };

  /** How the encoded attributes are stored, for the GUI's drop-down; the default first. */
  public static final Tag[] STORAGES = {
    new Tag(Storage.AUTO.ordinal(), "auto", "auto: sparse when mostly zeros", false),
    new Tag(Storage.DENSE.ordinal(), "dense", "dense: every value", false),
    new Tag(Storage.SPARSE.ordinal(), "sparse", "sparse: the non-zeros only", false)
  };

  // Tip texts: what the Explorer shows for each property of both learners.

  public static final String L1_RATIOS_TIP =
      "The l1 ratio: 1 is the lasso, 0 is ridge, between is the elastic net. A"
          + " comma-separated list (e.g. 0.5,0.9,1) is searched by cross-validation.";

  public static final String ALPHA_TIP =
      "A fixed penalty strength. 0 (or less) chooses alpha by cross-validation.";

  public static final String NUM_ALPHAS_TIP =
      "How many alphas the regularization path has (geometric from the smallest alpha that"
          + " zeroes every coefficient down). A nominal class's path ends sooner where glmnet's"
          + " would: once the explained deviance stops changing, or passes 99.9%.";

  public static final String ALPHA_MIN_RATIO_TIP =
      "The smallest alpha of the path as a fraction of the largest; 0 means automatic (1e-4"
          + " when there are more instances than features, else 1e-2).";

  public static final String FOLDS_TIP =
      "The number of cross-validation folds used to choose alpha (at most one per instance).";

  public static final String RULE_TIP =
      "How cross-validation picks alpha: min takes the smallest CV error; 1se takes the"
          + " largest alpha within one standard error of it (a sparser model).";

  public static final String CV_MEASURE_TIP =
      "What cross-validation measures for a nominal class: deviance (-2 log-likelihood),"
          + " class (misclassification rate) or auc (area under the ROC curve, two classes only)."
          + " A numeric class always uses the mean squared error.";

  public static final String STANDARDIZE_TIP =
      "Whether the penalty applies to standardized coefficients (attributes scaled to unit"
          + " variance), so that attributes on different scales are treated alike.";

  public static final String UNPENALIZED_TIP =
      "Attributes left unpenalized (always in the model), as a Weka range such as first-3,5;"
          + " empty for none.";

  public static final String PENALTY_FACTORS_TIP =
      "Per-attribute penalty factors as attribute=factor,... (e.g. age=2,sex=0.5), each finite"
          + " and >= 0 (glmnet's penalty.factor); 0 leaves the attribute unpenalized. A nominal"
          + " attribute's factor applies to each of its value indicators. As in glmnet the factors"
          + " of all features are rescaled to sum to their number. An attribute in unpenalized"
          + " cannot have a factor. Empty for none.";

  public static final String LOWER_LIMITS_TIP =
      "Per-attribute lower limits on the coefficient as attribute=limit,... (e.g. age=-0.1),"
          + " each finite and <= 0 (glmnet's lower.limits), on the attribute's own scale; a nominal"
          + " attribute's limit applies to each of its value indicators. Overrides positive for"
          + " the attributes it names. Empty for none.";

  public static final String UPPER_LIMITS_TIP =
      "Per-attribute upper limits on the coefficient as attribute=limit,... (e.g. age=0.5),"
          + " each finite and >= 0 (glmnet's upper.limits), on the attribute's own scale; a nominal"
          + " attribute's limit applies to each of its value indicators. Empty for none.";

  public static final String POSITIVE_TIP =
      "Whether every coefficient is constrained to be zero or positive (lowerLimits overrides"
          + " this for the attributes it names).";

  public static final String RELAX_TIP =
      "Whether to fit the relaxed lasso (Meinshausen 2007; glmnet's relax = TRUE): each"
          + " solution of the path is refitted without penalty on the attributes it selects, and"
          + " the model is gamma x the lasso + (1 - gamma) x that refit. Cross-validation picks"
          + " alpha and gamma together. The selected attributes are the lasso's. Cannot be"
          + " combined with positive, lowerLimits or upperLimits (the refit does not keep"
          + " coefficient limits).";

  public static final String GAMMAS_TIP =
      "With relax, the gammas to choose among by cross-validation, as a comma-separated list in"
          + " [0, 1] (0 is the unpenalized refit, 1 the lasso). Empty for the default: "
          + gammaList()
          + " (glmnet's), or 0 with a fixed alpha and one l1 ratio, which fit without"
          + " cross-validation and take one gamma.";

  public static final String TOLERANCE_TIP =
      "The convergence tolerance: the relative duality gap each alpha must reach.";

  public static final String MAX_ITERATIONS_TIP =
      "The most coordinate-descent passes at one alpha; an alpha that needs more is reported"
          + " as not converged.";

  public static final String STORAGE_TIP =
      "How the encoded attributes are stored for the solver: auto (the default) stores them"
          + " sparse, their non-zeros only, when at most a third of the values are non-zero (text"
          + " from StringToWordVector, sparse ARFF, many nominal values) and dense otherwise;"
          + " dense and sparse force either. The model is the same either way; sparse data fits"
          + " in less memory and time.";

  /** glmnet's default gammas as {@code -gamma} takes them: 0,0.25,0.5,0.75,1. */
  static String gammaList() {
    List<String> out = new ArrayList<>();
    for (double g : FitSpec.defaultGammas()) {
      out.add(OptionValues.format(g));
    }
    return String.join(",", out);
  }

  /**
   * The option descriptions, {@code defaultRule} being the learner's default rule; {@code
   * offersRelax} adds the relaxed lasso's.
   */
  static List<Option> options(SelectionRule defaultRule, boolean offersRelax) {
    List<Option> out = new ArrayList<>();
    out.add(
        new Option(
            "\tThe l1 ratio: 1 is the lasso, 0 is ridge, between is the elastic net.\n"
                + "\tA comma-separated list is searched by cross-validation. (default 1)",
            "l1-ratio",
            1,
            "-l1-ratio <R[,R...]>"));
    out.add(
        new Option(
            "\tA fixed penalty alpha. 0 or less: choose alpha by cross-validation.\n"
                + "\t(default 0)",
            "alpha",
            1,
            "-alpha <A>"));
    out.add(
        new Option(
            "\tHow many alphas the path has; a nominal class's may end sooner.\n\t(default "
                + AlphaGrid.DEFAULT_COUNT
                + ")",
            "num-alphas",
            1,
            "-num-alphas <N>"));
    out.add(
        new Option(
            "\tThe smallest alpha on the path, as a fraction of the largest.\n"
                + "\t(default automatic: 1e-4 when instances > features, else 1e-2)",
            "alpha-min-ratio",
            1,
            "-alpha-min-ratio <F>"));
    out.add(
        new Option(
            "\tThe number of cross-validation folds. (default " + CvSettings.DEFAULT_FOLDS + ")",
            "folds",
            1,
            "-folds <K>"));
    out.add(
        new Option(
            "\tHow cross-validation picks alpha: min (smallest error) or 1se\n"
                + "\t(largest alpha within one standard error of it). (default "
                + defaultRule.label()
                + ")",
            "rule",
            1,
            "-rule <min|1se>"));
    out.add(
        new Option(
            "\tWhat cross-validation measures for a nominal class: deviance,\n"
                + "\tclass (misclassification rate) or auc (2 classes only).\n"
                + "\tA numeric class always uses the mean squared error. (default deviance)",
            "measure",
            1,
            "-measure <deviance|class|auc>"));
    out.add(new Option("\tThe seed of the fold assignment. (default 1)", "S", 1, "-S <num>"));
    out.add(
        new Option(
            "\tPenalize coefficients on the attributes' own scales, not standardized.",
            "no-standardize",
            0,
            "-no-standardize"));
    out.add(
        new Option(
            "\tAttributes left unpenalized, as a Weka range (e.g. first-3,5).\n"
                + "\t(default none)",
            "unpenalized",
            1,
            "-unpenalized <range>"));
    out.add(
        new Option(
            "\tPenalty factors by attribute name, each finite and >= 0 (glmnet's\n"
                + "\tpenalty.factor; 0: unpenalized), rescaled to sum to the number of\n"
                + "\tfeatures. A nominal attribute's factor applies to each of its values.\n"
                + "\t(default none)",
            PathOptions.PENALTY_FACTOR,
            1,
            "-" + PathOptions.PENALTY_FACTOR + " <attribute=factor[,...]>"));
    out.add(
        new Option(
            "\tLower limits of coefficients by attribute name, each finite and <= 0\n"
                + "\t(glmnet's lower.limits), on the original scale; overrides -positive.\n"
                + "\t(default none)",
            PathOptions.LOWER,
            1,
            "-" + PathOptions.LOWER + " <attribute=limit[,...]>"));
    out.add(
        new Option(
            "\tUpper limits of coefficients by attribute name, each finite and >= 0\n"
                + "\t(glmnet's upper.limits), on the original scale. (default none)",
            PathOptions.UPPER,
            1,
            "-" + PathOptions.UPPER + " <attribute=limit[,...]>"));
    out.add(
        new Option(
            "\tConstrain every coefficient to be >= 0 (except where -lower says otherwise).",
            "positive",
            0,
            "-positive"));
    if (offersRelax) {
      out.add(
          new Option(
              "\tFit the relaxed lasso (glmnet's relax = TRUE): gamma x the lasso +\n"
                  + "\t(1 - gamma) x its unpenalized refit on the selected attributes,\n"
                  + "\talpha and gamma chosen together by cross-validation. Not with\n"
                  + "\t-positive, -lower or -upper.",
              PathOptions.RELAX,
              0,
              "-" + PathOptions.RELAX));
      out.add(
          new Option(
              "\tWith -relax, the gammas to choose among, each in [0, 1].\n"
                  + "\t(default "
                  + gammaList()
                  + "; 0 with a fixed -alpha and one l1 ratio)",
              PathOptions.GAMMA,
              1,
              "-" + PathOptions.GAMMA + " <G[,G...]>"));
    }
    out.add(
        new Option(
            "\tThe convergence tolerance: the relative duality gap at every alpha.\n"
                + "\t(default "
                + Settings.DEFAULT_TOLERANCE
                + ")",
            "tol",
            1,
            "-tol <T>"));
    out.add(
        new Option(
            "\tThe most coordinate-descent passes at one alpha. (default "
                + Settings.DEFAULT_MAX_ITERATIONS
                + ")",
            "max-iter",
            1,
            "-max-iter <N>"));
    out.add(
        new Option(
            "\tHow the encoded attributes are stored for the solver: auto (sparse\n"
                + "\twhen at most a third of the values are non-zero), dense or sparse.\n"
                + "\tThe model is the same either way. (default auto)",
            PathOptions.STORAGE,
            1,
            "-" + PathOptions.STORAGE + " <auto|dense|sparse>"));
    return out;
  }
}
