package org.l1path.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.l1path.bench.BenchFiles;
import org.l1path.bench.Benchmark;
import org.l1path.bench.Simulation;
import org.l1path.job.DataTooLargeException;
import org.l1path.job.DatasetFiles;
import org.l1path.job.FitRequest;
import org.l1path.job.InputException;
import org.l1path.solver.Dataset;

/** {@code l1path bench}: simulates or reads data, times the fits, prints one JSON line. */
final class BenchCommand {
  private final PrintStream out;

  BenchCommand(PrintStream out) {
    this.out = out;
  }

  void run(java.util.List<String> args) {
    BenchArguments a = BenchArguments.parse(args);
    if (a.help()) {
      out.print(Usage.BENCH);
      return;
    }
    Dataset data;
    double rho = Double.NaN;
    double readMbPerS = Double.NaN;
    if (a.simulate() != null) {
      int n = (int) a.simulate()[0];
      int p = (int) a.simulate()[1];
      rho = a.simulate()[2];
      requireRoomFor(n, p);
      try {
        data = Simulation.generate(n, p, rho, a.seed());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--simulate: " + e.getMessage());
      }
    } else {
      Path input = Path.of(a.input());
      try (InputStream in = Files.newInputStream(input)) {
        long start = System.nanoTime();
        data = DatasetFiles.read(in, a.input(), FitRequest.fromOptions(a.readOptions()));
        double seconds = (System.nanoTime() - start) / 1e9;
        readMbPerS = Files.size(input) / 1e6 / seconds;
      } catch (IOException e) {
        throw CliIoException.of("cannot read " + a.input(), e);
      } catch (OutOfMemoryError e) {
        throw new DataTooLargeException(FitCommand.tooLarge(input));
      }
    }
    if (a.writeCsv() != null) {
      try {
        BenchFiles.writeData(data, a.writeCsv());
      } catch (IOException e) {
        throw CliIoException.of("cannot write " + a.writeCsv(), e);
      }
    }
    if (a.repeat() == 0) {
      return;
    }
    Benchmark.Outcome outcome;
    try {
      outcome = new Benchmark(a.config()).run(data, rho, readMbPerS);
    } catch (IllegalArgumentException e) {
      // The options were checked alone; what the solver rejects is their fit with the data (more
      // folds than rows, say).
      throw new InputException("cannot fit: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw new DataTooLargeException(
          a.input() != null
              ? FitCommand.tooLarge(Path.of(a.input()))
              : String.format(
                  Locale.ROOT,
                  "--simulate %d %d: ran out of memory fitting it in a heap of %d MiB; %s",
                  data.rows(),
                  data.features(),
                  Runtime.getRuntime().maxMemory() >> 20,
                  DataTooLargeException.MEMORY_NEEDED));
    }
    out.println(outcome.result().jsonLine());
    if (a.coefficientsOut() != null) {
      try {
        BenchFiles.writeCoefficients(outcome.path(), a.coefficientsOut());
      } catch (IOException e) {
        throw CliIoException.of("cannot write " + a.coefficientsOut(), e);
      }
    }
  }

  /** The fit command's size check, before the simulation allocates its columns. */
  private static void requireRoomFor(int n, int p) {
    long bytes = 8L * n * p;
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > DataTooLargeException.designBudget()) {
      throw new DataTooLargeException(
          String.format(
              Locale.ROOT,
              "--simulate %d %d: the design takes %d MiB, more than half the heap (%d MiB); %s",
              n,
              p,
              bytes >> 20,
              heap >> 20,
              DataTooLargeException.MEMORY_NEEDED));
    }
  }
}
