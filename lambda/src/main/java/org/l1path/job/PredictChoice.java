package org.l1path.job;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.l1path.solver.Model;
import org.l1path.solver.OptionRange;
import org.l1path.solver.SelectionRule;

/**
 * Which model of a saved fit to predict with, how to read the rows and what to do with an unseen
 * category: the choices that {@code predict --alpha/--rule/--unseen/--encoding/--format} and the
 * Lambda scoring route share.
 *
 * @param alpha the alpha to predict at, or NaN for none
 * @param rule the cross-validation rule to pick alpha by, or null for none
 * @param unseenAsZero whether a category never seen at fit time is encoded as all zeros
 * @param encoding the rows' character encoding
 * @param gamma the relaxed lasso's gamma to predict at, or NaN for the fit's own
 * @param format the rows' layout, or null to tell it by the input's name ({@link InputFormat#of})
 */
public record PredictChoice(
    double alpha,
    SelectionRule rule,
    boolean unseenAsZero,
    Charset encoding,
    double gamma,
    InputFormat format) {

  /** The fit's own choice, UTF-8, an error on an unseen category, and the format by name. */
  public static final PredictChoice DEFAULT =
      new PredictChoice(Double.NaN, null, false, StandardCharsets.UTF_8, Double.NaN, null);

  public PredictChoice {
    encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    if (!Double.isNaN(alpha) && rule != null) {
      throw new OptionException("give alpha or rule, not both");
    }
    if (!Double.isNaN(gamma) && !OptionRange.GAMMA.accepts(gamma)) {
      throw OptionException.invalid("gamma", Double.toString(gamma), "must be in [0, 1]");
    }
  }

  /**
   * Reads {@code alpha}, {@code rule}, {@code unseen}, {@code encoding}, {@code gamma} and {@code
   * format} from options by name; absent ones keep the default.
   *
   * @throws OptionException naming the option and value that is bad
   */
  public static PredictChoice fromOptions(Map<String, String> options) {
    String alpha = options.get("alpha");
    String rule = options.get("rule");
    String unseen = options.get("unseen");
    String encoding = options.get("encoding");
    String gamma = options.get("gamma");
    String format = options.get("format");
    return new PredictChoice(
        alpha == null ? Double.NaN : alpha(alpha),
        rule == null ? null : rule(rule),
        unseen != null && unseenAsZero(unseen),
        encoding == null ? null : TextInput.charset(encoding),
        gamma == null ? Double.NaN : gamma(gamma),
        format == null ? null : InputFormat.parse(format));
  }

  /** The layout of the rows in {@code source}: the {@code format} chosen, else told by the name. */
  public InputFormat formatOf(String source) {
    return InputFormat.of(source, format);
  }

  /** A positive, finite alpha. */
  public static double alpha(String value) {
    double a;
    try {
      a = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      a = Double.NaN;
    }
    if (!(a > 0 && Double.isFinite(a))) {
      throw OptionException.invalid("alpha", value, "must be a positive number");
    }
    return a;
  }

  /** A gamma in [0, 1]. */
  public static double gamma(String value) {
    double g;
    try {
      g = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      g = Double.NaN;
    }
    if (!OptionRange.GAMMA.accepts(g)) {
      throw OptionException.invalid("gamma", value, "must be a number in [0, 1]");
    }
    return g;
  }

  /** {@code min} or {@code 1se}. */
  public static SelectionRule rule(String value) {
    return switch (value.trim()) {
      case "min" -> SelectionRule.MIN;
      case "1se" -> SelectionRule.ONE_SE;
      default -> throw OptionException.invalid("rule", value, "must be min or 1se");
    };
  }

  /** {@code zero} (true) or {@code error} (false). */
  public static boolean unseenAsZero(String value) {
    return switch (value.trim()) {
      case "zero" -> true;
      case "error" -> false;
      default -> throw OptionException.invalid("unseen", value, "must be zero or error");
    };
  }

  /**
   * The saved fit's model at this choice.
   *
   * @throws InputException when the alpha lies outside the path, or the rule needs cross-validation
   *     the fit did not run
   */
  public Model pick(SavedModel saved) {
    if (!Double.isNaN(gamma)) {
      return saved.model(rule != null ? saved.alpha(rule) : alpha, gamma);
    }
    if (!Double.isNaN(alpha)) {
      return saved.model(alpha);
    }
    return rule != null ? saved.model(rule) : saved.model();
  }
}
