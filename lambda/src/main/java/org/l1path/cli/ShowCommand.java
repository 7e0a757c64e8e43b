package org.l1path.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l1path.job.PredictChoice;
import org.l1path.job.SavedModel;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;

/**
 * {@code l1path show model.json [--alpha A | --rule min|1se]}: the path as glmnet's {@code print()}
 * shows it (non-zero features, percent of deviance explained, alpha), the chosen alpha marked, then
 * the non-zero coefficients on the original scale of the chosen model, or of the model at the alpha
 * asked for (glmnet's {@code coef(fit, s = A)}).
 */
final class ShowCommand {
  private final PrintStream out;

  ShowCommand(PrintStream out) {
    this.out = out;
  }

  void run(List<String> args) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(Usage.SHOW);
      return;
    }
    String file = null;
    Map<String, String> choices = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        if (file != null) {
          throw new UsageException(
              "l1path show takes one model.json, got '" + file + "' and '" + arg + "'");
        }
        file = arg;
      } else if ((arg.equals("--alpha") || arg.equals("--rule") || arg.equals("--gamma"))
          && i + 1 < args.size()) {
        choices.put(arg.substring(2), args.get(++i));
      } else {
        throw new UsageException(
            arg.equals("--alpha") || arg.equals("--rule") || arg.equals("--gamma")
                ? "option " + arg + " needs a value"
                : "unknown option " + arg + " (see l1path show --help)");
      }
    }
    if (file == null) {
      throw new UsageException("l1path show needs a model.json (see --help)");
    }
    PredictChoice choice = PredictChoice.fromOptions(choices);
    SavedModel saved = PredictCommand.read(Path.of(file));
    RegularizationPath path = saved.path();
    out.printf(
        Locale.ROOT,
        "%s: %s model of '%s', l1 ratio %s, %d features%n%n",
        saved.source(),
        path.family().label(),
        saved.target(),
        FitCommand.brief(path.l1Ratio()),
        path.featureNames().size());
    out.printf(Locale.ROOT, "%5s %6s %7s %12s%n", "", "Df", "%Dev", "alpha");
    for (int k = 0; k < path.size(); k++) {
      double alpha = path.alpha(k);
      out.printf(
          Locale.ROOT,
          "%5d %6d %7.2f %12.5g%s%n",
          k + 1,
          path.nonZero(k),
          100 * path.devRatio(k),
          alpha,
          marks(saved, alpha));
    }
    Model model = choice.pick(saved);
    out.println();
    boolean relaxed = saved.relaxed() != null;
    double gamma = Double.isNaN(choice.gamma()) ? saved.gamma() : choice.gamma();
    if (relaxed) {
      out.printf(
          Locale.ROOT,
          "Relaxed lasso: %s x lasso + %s x the unpenalized refit on its support (gamma %s)%n",
          FitCommand.brief(gamma),
          FitCommand.brief(1 - gamma),
          FitCommand.brief(gamma));
    }
    if (!choices.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "At alpha %.5g (asked for with --%s):%n",
          model.alpha(),
          String.join(", --", choices.keySet()));
    }
    out.print(model);
  }

  /** Which of the chosen, alpha_min and alpha_1se this alpha is. */
  private static String marks(SavedModel saved, double alpha) {
    StringBuilder sb = new StringBuilder();
    if (alpha == saved.chosenAlpha()) {
      sb.append("  <- chosen");
    }
    if (alpha == saved.alphaMin()) {
      sb.append(sb.length() == 0 ? "  <- " : ", ").append("alpha_min");
    }
    if (alpha == saved.alpha1se()) {
      sb.append(sb.length() == 0 ? "  <- " : ", ").append("alpha_1se");
    }
    return sb.toString();
  }
}
