package org.l1path.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.l1path.job.FitJob;
import org.l1path.job.FitRequest;
import org.l1path.job.FitResult;
import org.l1path.job.JobProgress;
import org.l1path.solver.Family;

/**
 * Primes the function before Lambda SnapStart takes its snapshot: small fits of every family run
 * through the whole job (CSV reading, cross-validation, every result file, written nowhere), so the
 * snapshot holds their classes loaded and the hot loops compiled, and the first event after a
 * restore runs at the speed of later ones. Without SnapStart (or on a JVM without CRaC) the hook
 * never runs.
 */
final class SnapStartPriming implements Resource {
  /** CRaC holds its resources weakly: this keeps the hook alive. */
  private static final SnapStartPriming INSTANCE = new SnapStartPriming();

  /** Rounds of the three fits: enough calls for the JIT to compile the solver's inner loops. */
  private static final int ROUNDS = 3;

  private SnapStartPriming() {}

  /** Registers the hook; called once per container, by the handlers' constructors. */
  static void register() {
    Core.getGlobalContext().register(INSTANCE);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {}

  /** Fits a least-squares, a binomial and a multinomial data set; returns the families fitted. */
  static List<Family> prime() {
    FitJob job = new FitJob();
    List<Family> fitted = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (int classes : new int[] {0, 2, 3}) {
        byte[] csv = simulated(400, 8, classes, round).getBytes(StandardCharsets.UTF_8);
        try {
          FitResult result =
              job.fit(
                  new ByteArrayInputStream(csv),
                  "priming.csv",
                  FitRequest.defaults(),
                  JobProgress.NONE);
          FitJob.write(result, (name, bytes) -> {});
          if (round == 0) {
            fitted.add(result.model().family());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return fitted;
  }

  /** Rows of x1..xP and y: y numeric without classes, else one of c1..cK by a softmax. */
  private static String simulated(int n, int p, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder();
    for (int j = 1; j <= p; j++) {
      csv.append('x').append(j).append(',');
    }
    csv.append("y\n");
    for (int i = 0; i < n; i++) {
      double[] x = new double[p];
      for (int j = 0; j < p; j++) {
        x[j] = random.nextGaussian();
        csv.append(String.format(Locale.ROOT, "%.6f,", x[j]));
      }
      double signal = x[0] - 0.5 * x[1] + 0.25 * x[2];
      if (classes == 0) {
        csv.append(String.format(Locale.ROOT, "%.6f", signal + random.nextGaussian()));
      } else {
        int k = (int) Math.floorMod(Math.round(signal + random.nextGaussian()), classes);
        csv.append('c').append(k + 1);
      }
      csv.append('\n');
    }
    return csv.toString();
  }
}
