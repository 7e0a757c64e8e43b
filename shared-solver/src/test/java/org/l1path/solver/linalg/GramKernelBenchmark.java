package org.l1path.solver.linalg;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.l1path.solver.RandomProblems;
import org.l1path.solver.data.Design;

/**
 * Times the weighted Gram kernel on an n x p block: {@code X'VX}, symmetric, on every processor,
 * with each kernel form that can run in this JVM. Prints one JSON line per kernel: the median
 * seconds of the repeats after a warm-up, and the rate in GFlop/s counted as numpy's {@code x.T @
 * x} would be ({@code 2 n p^2}), so the two compare directly. Run by {@code bench/gram-kernel.sh},
 * next to numpy.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp CLASSES:TEST_CLASSES \
 *       org.l1path.solver.GramKernelBenchmark N P [REPEATS]
 * </pre>
 */
public final class GramKernelBenchmark {
  private GramKernelBenchmark() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int p = Integer.parseInt(args[1]);
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    SplittableRandom random = new SplittableRandom(1);
    double[] values = new double[n * p];
    for (int i = 0; i < values.length; i++) {
      values[i] = RandomProblems.gauss(random);
    }
    Design x = Design.ofColumnMajor(values, n, p);
    int[] list = new int[p];
    double[] weighted = new double[n * p];
    for (int j = 0; j < p; j++) {
      list[j] = j;
      for (int i = 0; i < n; i++) {
        weighted[j * n + i] = (0.5 + (i % 10) / 10.0) * values[j * n + i];
      }
    }
    boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    MicroKernel[] kernels =
        vectorApi
            ? new MicroKernel[] {MicroKernel.vectorIfFast(), new ScalarMicroKernel()}
            : new MicroKernel[] {new ScalarMicroKernel()};
    double[] out = new double[p * p];
    for (MicroKernel kernel : kernels) {
      double[] seconds = new double[repeats];
      for (int r = -2; r < repeats; r++) {
        long start = System.nanoTime();
        ColumnProducts.compute(kernel, weighted, p, x, list, p, out, true, true);
        if (r >= 0) {
          seconds[r] = (System.nanoTime() - start) / 1e9;
        }
      }
      Arrays.sort(seconds);
      double median = seconds[repeats / 2];
      System.out.printf(
          Locale.ROOT,
          "{\"tool\": \"l1path\", \"kernel\": \"%s\", \"n\": %d, \"p\": %d, \"threads\": %d,"
              + " \"median_s\": %.5f, \"gflops\": %.2f}%n",
          kernel instanceof ScalarMicroKernel ? "scalar" : "vector",
          n,
          p,
          Runtime.getRuntime().availableProcessors(),
          median,
          2.0 * n * p * p / median / 1e9);
    }
  }
}
