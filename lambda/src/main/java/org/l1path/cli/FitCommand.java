package org.l1path.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.l1path.job.DataTooLargeException;
import org.l1path.job.DirectorySink;
import org.l1path.job.FitJob;
import org.l1path.job.FitRequest;
import org.l1path.job.FitResult;
import org.l1path.job.JobProgress;
import org.l1path.solver.Model;

/** {@code l1path fit}: runs the batch job on a local file into a directory. */
final class FitCommand {
  private static final int SELECTED_SHOWN = 10;

  private final PrintStream out;
  private final PrintStream err;

  FitCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the command. Failures are thrown for {@link Main} to report: {@link UsageException},
   * {@code OptionException}, {@code InputException} and {@link CliIoException} (reading the input
   * or writing a result) all mean exit status 2.
   */
  void run(List<String> args) {
    FitArguments a = FitArguments.parse(args);
    if (a.help()) {
      out.print(Usage.FIT);
      return;
    }
    FitRequest request = FitRequest.fromOptions(a.options());
    Path input = Path.of(a.input());
    if (Files.isDirectory(input)) {
      throw new CliIoException("cannot read " + a.input() + ": it is a directory");
    }
    if (Files.exists(a.out()) && !Files.isDirectory(a.out())) {
      throw new CliIoException("cannot write to " + a.out() + ": it exists and is not a directory");
    }
    boolean showProgress = System.console() != null && !a.quiet();
    TerminalProgress terminal = showProgress ? new TerminalProgress(err) : null;
    JobProgress progress = terminal != null ? terminal : JobProgress.NONE;
    FitJob job = new FitJob();
    FitResult result;
    try (InputStream in = Files.newInputStream(input)) {
      result = job.fit(in, a.input(), request, progress);
    } catch (IOException e) {
      throw CliIoException.of("cannot read " + a.input(), e);
    } catch (OutOfMemoryError e) {
      // The column arrays are unreachable once the job's frames are left, so there is room again
      // to report; nothing has been written yet.
      throw new DataTooLargeException(tooLarge(input));
    } finally {
      if (terminal != null) {
        terminal.finish();
      }
    }
    try {
      DirectorySink sink = new DirectorySink(a.out());
      FitJob.write(result, sink);
      sink.removeOthers(FitJob.FILES);
    } catch (IOException e) {
      throw CliIoException.of("cannot write to " + a.out(), e);
    }
    warnIfNotConverged(result);
    summarize(result, a.out());
  }

  /** What running out of memory on {@code input} means, for fit and bench alike. */
  static String tooLarge(Path input) {
    String size;
    try {
      size = Files.size(input) + " bytes";
    } catch (IOException e) {
      size = "size unknown";
    }
    return String.format(
        Locale.ROOT,
        "%s (%s): ran out of memory reading or fitting it in a heap of %d MiB; %s",
        input,
        size,
        Runtime.getRuntime().maxMemory() >> 20,
        DataTooLargeException.MEMORY_NEEDED);
  }

  /**
   * One closing line that counts what the solver's warning lines above it count: every alpha that
   * did not converge, in the full-data paths and in the cross-validation folds.
   */
  private void warnIfNotConverged(FitResult result) {
    if (result.notConverged() > 0) {
      err.print(notConvergedWarning(result));
    }
  }

  private static String notConvergedWarning(FitResult r) {
    int full = r.warnings().size();
    String advice = "Raise --max-iter or loosen --tol (a stalled alpha needs a looser --tol).";
    if (r.cv() == null) {
      return String.format(
          Locale.ROOT,
          "l1path: warning: %d of %d alphas did not converge; model.json has \"converged\": false."
              + " %s%n",
          full,
          r.fullDataAlphas(),
          advice);
    }
    String paths = r.fullDataPaths().size() == 1 ? "path" : "paths";
    return String.format(
        Locale.ROOT,
        "l1path: warning: %d of %d alpha fits did not converge (full-data %s: %d of %d alphas;"
            + " cross-validation folds: %d of %d fold-alphas); model.json has \"converged\": %b,"
            + " which covers the full-data %s only. %s%n",
        r.notConverged(),
        r.fullDataAlphas() + r.foldAlphas(),
        paths,
        full,
        r.fullDataAlphas(),
        r.foldWarnings(),
        r.foldAlphas(),
        r.converged(),
        paths,
        advice);
  }

  private void summarize(FitResult r, Path outDir) {
    Model model = r.model();
    out.printf(
        Locale.ROOT,
        "%s: %d rows%s, %d features, target '%s'%s%n",
        r.input(),
        r.rows(),
        r.rowsDropped() > 0 ? " (" + r.rowsDropped() + " dropped)" : "",
        r.features().size(),
        r.target(),
        model.classes().isEmpty()
            ? ""
            : ", "
                + model.family().label()
                + " (classes "
                + String.join(", ", model.classes())
                + ")");
    String how =
        r.cv() == null
            ? "the smallest alpha on the path (no cross-validation)"
            : String.format(
                Locale.ROOT,
                "chosen by %d-fold cross-validation, rule %s",
                r.cv().folds(),
                r.cv().rule().label());
    out.printf(
        Locale.ROOT,
        "alpha = %s, l1 ratio = %s%s: %s%n",
        brief(model.alpha()),
        brief(model.l1Ratio()),
        r.relaxed() == null ? "" : ", relaxed gamma = " + brief(r.gamma()),
        how);
    int[] selected = model.selected();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < Math.min(selected.length, SELECTED_SHOWN); i++) {
      names.append(i == 0 ? ": " : ", ").append(r.features().get(selected[i]));
    }
    if (selected.length > SELECTED_SHOWN) {
      names.append(", ...");
    }
    out.printf(
        Locale.ROOT, "selected %d of %d features%s%n", selected.length, r.features().size(), names);
    out.printf(
        Locale.ROOT,
        "wrote %s (model.json, coefficients.csv%s)%n",
        outDir,
        r.cv() == null ? ", path.svg" : ", cv.csv, path.svg, cv.svg");
  }

  /** Six significant digits without trailing zeros: 1.31644, 0.5, 1, 2.5e-07. */
  static String brief(double value) {
    return String.format(Locale.ROOT, "%.6g", value)
        .replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
        .replaceFirst("\\.(e|$)", "$1");
  }
}
