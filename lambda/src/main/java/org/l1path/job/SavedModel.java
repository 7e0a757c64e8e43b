package org.l1path.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.l1path.solver.Convergence;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.RelaxedPath;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.StopReason;

/**
 * A {@code model.json} read back: the regularization path and chosen model as the solver's types,
 * and the encoding that turns new rows into the model's features. Predictions from the reloaded
 * model equal those of the model that was written: every number is stored as the shortest decimal
 * that reads back to the same double.
 *
 * <pre>{@code
 * SavedModel saved = SavedModel.read(Path.of("out/model.json"));
 * Model model = saved.model();             // the model the fit chose
 * Model other = saved.path().modelAt(0.1); // or any alpha on the path
 * }</pre>
 */
public final class SavedModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final String target;
  private final Encoding encoding;
  private final RegularizationPath path;
  private final RelaxedPath relaxed;
  private final double gamma;
  private final double chosenAlpha;
  private final double alphaMin;
  private final double alpha1se;

  private SavedModel(
      String source,
      String target,
      Encoding encoding,
      RegularizationPath path,
      RelaxedPath relaxed,
      double gamma,
      double chosenAlpha,
      double alphaMin,
      double alpha1se) {
    this.source = source;
    this.target = target;
    this.encoding = encoding;
    this.path = path;
    this.relaxed = relaxed;
    this.gamma = gamma;
    this.chosenAlpha = chosenAlpha;
    this.alphaMin = alphaMin;
    this.alpha1se = alpha1se;
  }

  /**
   * Reads a {@code model.json} that {@code fit} wrote. The files written with it that are still
   * beside it ({@code coefficients.csv}, ...) must be the ones it names: a directory that mixes two
   * runs' files is refused.
   *
   * @throws InputException when the file is not such a model (another schema, a missing key, an
   *     inconsistent shape; the message names the file and the key), or a companion file is from
   *     another run
   * @throws IOException when the file cannot be read
   */
  public static SavedModel read(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = tree(in, file.toString());
    }
    CompanionFiles.check(file, root.get("files"));
    return new Parser(root, file.toString()).parse();
  }

  /**
   * Reads a {@code model.json} from a stream (not closed).
   *
   * @param source the file's name, for messages
   */
  public static SavedModel read(InputStream in, String source) throws IOException {
    return new Parser(tree(in, source), source).parse();
  }

  private static JsonNode tree(InputStream in, String source) throws IOException {
    try {
      JsonNode root = JSON.readTree(in);
      if (root == null || !root.isObject()) {
        throw new InputException(source + ": not a model.json: not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InputException(
          source + ": not a model.json: " + e.getOriginalMessage().replace('\n', ' '));
    }
  }

  /** The file it was read from, as named to {@link #read}. */
  public String source() {
    return source;
  }

  /** The target column the model predicts. */
  public String target() {
    return target;
  }

  /** How input columns become the model's features. */
  public Encoding encoding() {
    return encoding;
  }

  /** The full-data path of the chosen l1 ratio. */
  public RegularizationPath path() {
    return path;
  }

  /** The relaxed path of a {@code --relax} fit, or null. */
  public RelaxedPath relaxed() {
    return relaxed;
  }

  /** The gamma a relaxed fit chose; NaN for a plain fit. */
  public double gamma() {
    return gamma;
  }

  /**
   * The model the fit chose (by cross-validation, or the smallest alpha without it; relaxed, at its
   * chosen gamma).
   */
  public Model model() {
    return at(chosenAlpha, gamma);
  }

  /**
   * The model at {@code alpha} (NaN: the chosen alpha) and {@code gamma} of a relaxed fit.
   *
   * @throws InputException when the fit is not relaxed, or alpha lies outside the path
   */
  public Model model(double alpha, double gamma) {
    if (relaxed == null) {
      throw new InputException(
          source + ": gamma applies to a relaxed fit (--relax), and this one is not relaxed");
    }
    return at(Double.isNaN(alpha) ? chosenAlpha : alpha, gamma);
  }

  private Model at(double alpha, double gamma) {
    try {
      return relaxed == null ? path.modelAt(alpha) : relaxed.modelAt(alpha, gamma);
    } catch (IllegalArgumentException e) {
      throw new InputException(source + ": " + e.getMessage());
    }
  }

  /**
   * The model the cross-validation rule picks, {@code alpha_min} or {@code alpha_1se}.
   *
   * @throws InputException when the model was fitted without cross-validation
   */
  public Model model(SelectionRule rule) {
    return at(alpha(rule), gamma);
  }

  /**
   * The alpha the cross-validation rule picks.
   *
   * @throws InputException when the model was fitted without cross-validation
   */
  public double alpha(SelectionRule rule) {
    double alpha = rule == SelectionRule.MIN ? alphaMin : alpha1se;
    if (Double.isNaN(alpha)) {
      throw new InputException(
          String.format(
              "%s: the model was fitted without cross-validation (--folds 0), so it has no %s"
                  + " alpha; give --alpha instead",
              source, rule.label()));
    }
    return alpha;
  }

  /**
   * The model at {@code alpha}, interpolated between solved alphas.
   *
   * @throws InputException when alpha lies outside the path
   */
  public Model model(double alpha) {
    return at(alpha, gamma);
  }

  /** The alpha of {@link #model()}. */
  public double chosenAlpha() {
    return chosenAlpha;
  }

  /** Cross-validation's {@code alpha_min}; NaN for a fit without cross-validation. */
  public double alphaMin() {
    return alphaMin;
  }

  /** Cross-validation's {@code alpha_1se}; NaN for a fit without cross-validation. */
  public double alpha1se() {
    return alpha1se;
  }

  /** Reads the tree into a model, naming the first key that is missing or malformed. */
  private static final class Parser {
    private final JsonNode root;
    private final String source;

    Parser(JsonNode root, String source) {
      this.root = root;
      this.source = source;
    }

    SavedModel parse() {
      String schema = text(root, "schema");
      if (!ModelJson.SCHEMA.equals(schema)) {
        throw new InputException(
            String.format(
                "%s: schema '%s' is not %s, which this version of l1path reads",
                source, schema, ModelJson.SCHEMA));
      }
      Family family = family(text(root, "family"));
      List<String> features = strings(root, "features");
      List<String> classes = family == Family.GAUSSIAN ? List.of() : strings(root, "classes");
      JsonNode settings = object(root, "settings");
      MissingPolicy missing = missing(text(settings, "missing"), "settings.missing");
      Encoding encoding = new Encoding(missing, inputs(features));
      JsonNode p = object(root, "path");
      double[] alphas = numbers(p, "alphas", "path.alphas");
      int count = alphas.length;
      if (count == 0) {
        throw malformed("path.alphas", "is empty");
      }
      int rows = family == Family.MULTINOMIAL ? classes.size() : 1;
      double[][] intercepts = new double[count][];
      double[][][] coefficients = new double[count][rows][];
      solutions(p, "path", family, features.size(), intercepts, coefficients);
      double[] scales = numbers(p, "feature_scales", "path.feature_scales");
      double[] gaps = numbers(p, "duality_gap", "path.duality_gap");
      double[] devRatios = numbers(p, "dev_ratio", "path.dev_ratio");
      JsonNode iterations = array(p, "iterations", "path.iterations", count);
      JsonNode converged = array(p, "converged", "path.converged", count);
      JsonNode stops = array(p, "solve_stop", "path.solve_stop", count);
      Convergence[] convergence = new Convergence[count];
      for (int k = 0; k < count; k++) {
        convergence[k] =
            new Convergence(
                k < gaps.length ? gaps[k] : Double.NaN,
                iterations.get(k).asInt(),
                converged.get(k).asBoolean(),
                "stalled".equals(stops.get(k).asText()));
      }
      RegularizationPath path;
      try {
        path =
            RegularizationPath.restore(
                family,
                classes,
                number(p.get("l1_ratio"), "path.l1_ratio"),
                features,
                scales,
                alphas,
                intercepts,
                coefficients,
                devRatios,
                convergence,
                stopReason(text(p, "stop_reason")));
      } catch (IllegalArgumentException e) {
        throw new InputException(source + ": " + e.getMessage());
      }
      RelaxedPath relaxed = null;
      double gamma = Double.NaN;
      JsonNode r = root.get("relaxed");
      if (r != null && !r.isNull()) {
        double[][] refitIntercepts = new double[count][];
        double[][][] refitCoefficients = new double[count][rows][];
        solutions(r, "relaxed", family, features.size(), refitIntercepts, refitCoefficients);
        JsonNode refitConverged = array(r, "converged", "relaxed.converged", count);
        Convergence[] refitConvergence = new Convergence[count];
        for (int k = 0; k < count; k++) {
          Convergence c = convergence[k];
          refitConvergence[k] =
              new Convergence(
                  c.relativeGap(),
                  c.iterations(),
                  c.converged() && refitConverged.get(k).asBoolean());
        }
        gamma = number(root.get("gamma"), "gamma");
        if (!(gamma >= 0 && gamma <= 1)) {
          throw malformed("gamma", "is " + gamma + ", not in [0, 1]");
        }
        try {
          relaxed =
              RelaxedPath.of(
                  path,
                  RegularizationPath.restore(
                      family,
                      classes,
                      path.l1Ratio(),
                      features,
                      scales,
                      alphas,
                      refitIntercepts,
                      refitCoefficients,
                      numbers(r, "dev_ratio", "relaxed.dev_ratio"),
                      refitConvergence,
                      path.stopReason()));
        } catch (IllegalArgumentException e) {
          throw new InputException(source + ": relaxed: " + e.getMessage());
        }
      }
      JsonNode cv = root.get("cv");
      boolean hasCv = cv != null && !cv.isNull();
      return new SavedModel(
          source,
          text(root, "target"),
          encoding,
          path,
          relaxed,
          gamma,
          number(root.get("alpha"), "alpha"),
          hasCv ? number(cv.get("alpha_min"), "cv.alpha_min") : Double.NaN,
          hasCv ? number(cv.get("alpha_1se"), "cv.alpha_1se") : Double.NaN);
    }

    /**
     * Reads {@code intercepts} and {@code coefficients} of a path or of the relaxed refits into the
     * arrays, one entry per alpha; {@code prefix} names the keys in messages.
     */
    private void solutions(
        JsonNode p,
        String prefix,
        Family family,
        int features,
        double[][] intercepts,
        double[][][] coefficients) {
      int count = intercepts.length;
      int rows = coefficients.length == 0 ? 1 : coefficients[0].length;
      JsonNode b0 = array(p, "intercepts", prefix + ".intercepts", count);
      JsonNode b = array(p, "coefficients", prefix + ".coefficients", count);
      for (int k = 0; k < count; k++) {
        String at = prefix + ".intercepts[" + k + "]";
        if (family == Family.GAUSSIAN) {
          intercepts[k] = new double[] {number(b0.get(k), at)};
          coefficients[k][0] = numbers(b.get(k), prefix + ".coefficients[" + k + "]", features);
        } else {
          intercepts[k] = numbers(b0.get(k), at, rows);
          JsonNode byRow = sized(b.get(k), prefix + ".coefficients[" + k + "]", rows);
          for (int r = 0; r < rows; r++) {
            coefficients[k][r] =
                numbers(byRow.get(r), prefix + ".coefficients[" + k + "][" + r + "]", features);
          }
        }
      }
    }

    /** The encoding's columns, checked against the feature names they must produce. */
    private List<Encoding.Input> inputs(List<String> features) {
      JsonNode list = root.get("encoding");
      if (list == null || !list.isArray()) {
        throw new InputException(
            source
                + ": no key 'encoding': the model was written before l1path recorded how it"
                + " encodes rows; fit it again to use it");
      }
      List<Encoding.Input> inputs = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int t = 0; t < list.size(); t++) {
        JsonNode c = list.get(t);
        String at = "encoding[" + t + "]";
        String name = text(c, "column", at + ".column");
        String type = text(c, "type", at + ".type");
        JsonNode fill = c.get("fill");
        if (type.equals("numeric")) {
          inputs.add(
              new Encoding.Numeric(
                  name, fill == null || fill.isNull() ? Double.NaN : number(fill, at + ".fill")));
          expected.add(name);
        } else if (type.equals("categorical")) {
          List<String> levels = strings(c, "levels", at + ".levels");
          inputs.add(
              new Encoding.Categorical(
                  name, levels, fill == null || fill.isNull() ? null : fill.asText()));
          for (String level : levels) {
            expected.add(name + "=" + level);
          }
        } else {
          throw malformed(at + ".type", "is '" + type + "', not numeric or categorical");
        }
      }
      if (!expected.equals(features)) {
        throw malformed("encoding", "does not produce the model's features");
      }
      return inputs;
    }

    private Family family(String label) {
      try {
        return Family.parse(label);
      } catch (IllegalArgumentException e) {
        throw malformed("family", "is '" + label + "'");
      }
    }

    private MissingPolicy missing(String label, String key) {
      try {
        return MissingPolicy.valueOf(label.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw malformed(key, "is '" + label + "'");
      }
    }

    private StopReason stopReason(String label) {
      try {
        return StopReason.valueOf(label.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw malformed("path.stop_reason", "is '" + label + "'");
      }
    }

    private JsonNode object(JsonNode parent, String key) {
      JsonNode node = parent.get(key);
      if (node == null || !node.isObject()) {
        throw missingKey(key);
      }
      return node;
    }

    private String text(JsonNode parent, String key) {
      return text(parent, key, key);
    }

    private String text(JsonNode parent, String key, String name) {
      JsonNode node = parent.get(key);
      if (node == null || !node.isTextual()) {
        throw missingKey(name);
      }
      return node.asText();
    }

    private List<String> strings(JsonNode parent, String key) {
      return strings(parent, key, key);
    }

    private List<String> strings(JsonNode parent, String key, String name) {
      JsonNode node = parent.get(key);
      if (node == null || !node.isArray()) {
        throw missingKey(name);
      }
      List<String> out = new ArrayList<>();
      for (JsonNode v : node) {
        if (!v.isTextual()) {
          throw malformed(name, "holds a value that is not a string");
        }
        out.add(v.asText());
      }
      return out;
    }

    private JsonNode array(JsonNode parent, String key, String name, int size) {
      return sized(parent.get(key), name, size);
    }

    private JsonNode sized(JsonNode node, String name, int size) {
      if (node == null || !node.isArray()) {
        throw missingKey(name);
      }
      if (node.size() != size) {
        throw malformed(name, "has " + node.size() + " entries where " + size + " belong");
      }
      return node;
    }

    private double[] numbers(JsonNode parent, String key, String name) {
      JsonNode node = parent.get(key);
      if (node == null || !node.isArray()) {
        throw missingKey(name);
      }
      return numbers(node, name, node.size());
    }

    private double[] numbers(JsonNode node, String name, int size) {
      sized(node, name, size);
      double[] out = new double[size];
      for (int i = 0; i < size; i++) {
        // null stands for a number that was not finite.
        out[i] = node.get(i).isNull() ? Double.NaN : number(node.get(i), name + "[" + i + "]");
      }
      return out;
    }

    private double number(JsonNode node, String name) {
      if (node == null || !node.isNumber()) {
        throw missingKey(name);
      }
      return node.asDouble();
    }

    private InputException missingKey(String key) {
      return new InputException(
          String.format("%s: key '%s' is missing or of the wrong type", source, key));
    }

    private InputException malformed(String key, String why) {
      return new InputException(String.format("%s: key '%s' %s", source, key, why));
    }
  }
}
