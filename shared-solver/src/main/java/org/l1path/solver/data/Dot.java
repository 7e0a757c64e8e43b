package org.l1path.solver.data;

/** The dot product (and sum) every short sweep of the solver uses. */
public final class Dot {
  private Dot() {}

  /**
   * {@code sum_{i < length} u[from + i] v[i]} with four independent sums: one running sum would
   * wait on each addition (a triangular solve or a coordinate update is a chain of these).
   */
  public static double of(double[] u, int from, double[] v, int length) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < length; i += 4) {
      s0 += u[from + i] * v[i];
      s1 += u[from + i + 1] * v[i + 1];
      s2 += u[from + i + 2] * v[i + 2];
      s3 += u[from + i + 3] * v[i + 3];
    }
    for (; i < length; i++) {
      s0 += u[from + i] * v[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code sum_{i < length} u[from + i]}, with four independent sums. */
  public static double sum(double[] u, int from, int length) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < length; i += 4) {
      s0 += u[from + i];
      s1 += u[from + i + 1];
      s2 += u[from + i + 2];
      s3 += u[from + i + 3];
    }
    for (; i < length; i++) {
      s0 += u[from + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code u[i] += a v[i]} for i below length. */
  public static void addScaled(double[] u, double a, double[] v, int length) {
    for (int i = 0; i < length; i++) {
      u[i] += a * v[i];
    }
  }

  /** {@code max |u[i]|} for i below length (0 for none). */
  public static double largestMagnitude(double[] u, int length) {
    double largest = 0;
    for (int i = 0; i < length; i++) {
      largest = Math.max(largest, Math.abs(u[i]));
    }
    return largest;
  }
}
