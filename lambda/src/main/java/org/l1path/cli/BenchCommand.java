package org.l1path.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.l1path.bench.BenchFiles;
import org.l1path.bench.Benchmark;
import org.l1path.bench.Simulation;
import org.l1path.job.DatasetFiles;
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
      rho = a.simulate()[2];
      try {
        data = Simulation.generate((int) a.simulate()[0], (int) a.simulate()[1], rho, a.seed());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--simulate: " + e.getMessage());
      }
    } else {
      Path input = Path.of(a.input());
      try (InputStream in = Files.newInputStream(input)) {
        long start = System.nanoTime();
        data = DatasetFiles.read(in, a.input());
        double seconds = (System.nanoTime() - start) / 1e9;
        readMbPerS = Files.size(input) / 1e6 / seconds;
      } catch (IOException e) {
        throw CliIoException.of("cannot read " + a.input(), e);
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
    Benchmark.Outcome outcome = new Benchmark(a.config()).run(data, rho, readMbPerS);
    out.println(outcome.result().jsonLine());
    if (a.coefficientsOut() != null) {
      try {
        BenchFiles.writeCoefficients(outcome.path(), a.coefficientsOut());
      } catch (IOException e) {
        throw CliIoException.of("cannot write " + a.coefficientsOut(), e);
      }
    }
  }
}
