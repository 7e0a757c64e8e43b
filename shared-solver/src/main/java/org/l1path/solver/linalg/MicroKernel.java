package org.l1path.solver.linalg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The innermost loop of {@link ColumnProducts}: a tile of 4 vectors by 3 or 4 design columns of a
 * product, summed over a range of observations. The vector forms run where the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and compiles with C2; the scalar form everywhere.
 */
interface MicroKernel {
  /** Vectors (rows of the product) per tile. */
  int ROWS = 4;

  /** Design columns per tile of the scalar kernel and of the vector kernel on 16 registers. */
  int COLUMNS = 3;

  /**
   * {@code sums[columns() r + c] = sum_{from <= i < to} a_r[i] x_c[i]} for r < 4, c < {@link
   * #columns()}, where {@code a_r[i] = a[r][aStarts[r] + i]} and {@code x_c[i] = x[c][xStarts[c] +
   * i]}. The kernel may use {@code sums} past its first sums as scratch: it holds {@link
   * #sumsLength()} values.
   */
  void sums(
      double[][] a, int[] aStarts, double[][] x, int[] xStarts, int from, int to, double[] sums);

  /** Design columns per tile. */
  default int columns() {
    return COLUMNS;
  }

  /** How many values the {@code sums} array passed to {@link #sums} holds. */
  default int sumsLength() {
    return ROWS * columns();
  }

  /**
   * The vector kernel (4 x 4 where the vectors are 512 bits wide, 4 x 3 otherwise) when the Vector
   * API's module is in the boot layer, the JIT compiles to C2 (the API is intrinsified there only:
   * interpreted or in C1 code every vector operation allocates, and the kernel runs many times
   * slower than the scalar one), and the system property {@code l1path.kernel} is not {@code
   * scalar}; else null.
   */
  static MicroKernel vectorIfFast() {
    boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if (vectorApi && !"scalar".equals(System.getProperty("l1path.kernel")) && compilesToC2()) {
      return WideVectorMicroKernel.fits() ? new WideVectorMicroKernel() : new VectorMicroKernel();
    }
    return null;
  }

  /** False under {@code -Xint} or {@code -XX:TieredStopAtLevel} below 4; true if unknown. */
  private static boolean compilesToC2() {
    try {
      var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if ("false".equals(vm.getVMOption("UseCompiler").getValue())) {
        return false;
      }
      boolean tiered = "true".equals(vm.getVMOption("TieredCompilation").getValue());
      return !tiered || Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
    } catch (RuntimeException | LinkageError e) {
      // Not HotSpot, or no jdk.management module: the flag that added the Vector API decides.
      return true;
    }
  }
}
