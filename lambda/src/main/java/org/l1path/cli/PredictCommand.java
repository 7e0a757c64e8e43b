package org.l1path.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.l1path.job.AtomicFile;
import org.l1path.job.PredictJob;
import org.l1path.job.PredictionScore;
import org.l1path.job.SavedModel;
import org.l1path.solver.Model;

/**
 * {@code l1path predict}: predicts a CSV with a model.json that {@code fit} wrote. The predictions
 * go to {@code --out} (replaced whole, or left as it was on failure) or to standard output; the
 * score, when the file holds the target, to standard error with {@code --out} unset and standard
 * output otherwise.
 */
final class PredictCommand {
  private final PrintStream out;
  private final PrintStream err;

  PredictCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  void run(List<String> args) {
    PredictArguments a = PredictArguments.parse(args);
    if (a.help()) {
      out.print(Usage.PREDICT);
      return;
    }
    SavedModel saved = read(a.model());
    Model model = a.choice().pick(saved);
    Path input = Path.of(a.input());
    if (Files.isDirectory(input)) {
      throw new CliIoException("cannot read " + a.input() + ": it is a directory");
    }
    PredictionScore score;
    try (InputStream in = Files.newInputStream(input)) {
      if (a.out() == null) {
        score = PredictJob.run(saved, model, in, a.input(), out, a.choice());
      } else {
        score = predictInto(a, saved, model, in);
      }
    } catch (IOException e) {
      throw CliIoException.of("cannot read " + a.input(), e);
    }
    String summary = score.summary();
    if (summary != null) {
      (a.out() == null ? err : out).println(summary);
    }
  }

  private static PredictionScore predictInto(
      PredictArguments a, SavedModel saved, Model model, InputStream in) {
    PredictionScore[] score = new PredictionScore[1];
    try {
      AtomicFile.write(
          a.out(),
          stream -> score[0] = PredictJob.run(saved, model, in, a.input(), stream, a.choice()));
    } catch (IOException e) {
      throw CliIoException.of("cannot write to " + a.out(), e);
    }
    return score[0];
  }

  static SavedModel read(Path file) {
    try {
      return SavedModel.read(file);
    } catch (IOException e) {
      throw CliIoException.of("cannot read model " + file, e);
    }
  }
}
