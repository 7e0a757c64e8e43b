package org.l1path.solver.glm;

/**
 * Carries a square row-major matrix over to a new list of coordinates, for a Hessian or Gram matrix
 * taken over by {@link JointHessian#extend} or {@link GramStep#extend}: the entries among the
 * coordinates kept are copied, the new coordinates' rows are left to the caller.
 */
final class KeptEntries {
  private KeptEntries() {}

  /**
   * Copies {@code old[from[a], from[b]]} (an {@code oldSize x oldSize} matrix) to {@code fresh[a,
   * b]} ({@code size x size}) wherever both {@code from[a]} and {@code from[b]} are places of the
   * old list, not -1. A loop of its own: inside either extend, its count set off a compilation of
   * all of extend while it ran (on-stack replacement).
   */
  static void copy(double[] old, int oldSize, int[] from, int size, double[] fresh) {
    for (int a = 0; a < size; a++) {
      if (from[a] < 0) {
        continue;
      }
      int oldRow = from[a] * oldSize;
      for (int b = 0; b < size; b++) {
        if (from[b] >= 0) {
          fresh[a * size + b] = old[oldRow + from[b]];
        }
      }
    }
  }
}
