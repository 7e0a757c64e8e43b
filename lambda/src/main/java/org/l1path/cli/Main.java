package org.l1path.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.l1path.job.DataTooLargeException;
import org.l1path.job.InputException;
import org.l1path.job.OptionException;
import org.l1path.job.Version;

/**
 * {@code l1path}: the command-line entry point. Dispatches to a subcommand and sets the exit
 * status.
 */
public final class Main {
  /** Success, warnings included. */
  public static final int OK = 0;

  /** An unexpected failure: a bug. */
  public static final int INTERNAL_ERROR = 1;

  /** A usage or input error, reported in one line. */
  public static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    // The solver warns through java.util.logging; one line per warning reads better on a terminal.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "l1path: %4$s: %5$s%n");
    }
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line and returns the exit status; prints only to {@code out} and {@code err}.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> list = Arrays.asList(args);
    try {
      if (list.isEmpty()) {
        err.print(Usage.MAIN);
        return USAGE_ERROR;
      }
      String command = list.get(0);
      switch (command) {
        case "--help", "-h", "help" -> out.print(Usage.MAIN);
        case "--version" -> out.println("l1path " + Version.get());
        case "fit" -> new FitCommand(out, err).run(list.subList(1, list.size()));
        case "predict" -> new PredictCommand(out, err).run(list.subList(1, list.size()));
        case "show" -> new ShowCommand(out).run(list.subList(1, list.size()));
        case "bench" -> new BenchCommand(out).run(list.subList(1, list.size()));
        default ->
            throw new UsageException("unknown command '" + command + "' (try l1path --help)");
      }
      return OK;
    } catch (DataTooLargeException e) {
      err.println("l1path: " + oneLine(e.getMessage()) + " (java -Xmx sets the memory)");
      return USAGE_ERROR;
    } catch (UsageException | OptionException | InputException | CliIoException e) {
      err.println("l1path: " + oneLine(e.getMessage()));
      return USAGE_ERROR;
    } catch (RuntimeException | Error e) {
      err.println("l1path: internal error: " + oneLine(String.valueOf(e)));
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    }
  }

  private static String oneLine(String message) {
    return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
