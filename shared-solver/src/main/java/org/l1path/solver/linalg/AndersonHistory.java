package org.l1path.solver.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The last few iterates of coordinate descent on a fixed set of coefficients, and their Anderson
 * extrapolation (Bertrand and Massias 2021, "Anderson acceleration of coordinate descent"): the
 * affine combination {@code sum_k c_k x_k} with {@code sum_k c_k = 1} whose differences of
 * successive iterates cancel best. Along a strongly correlated direction descent creeps by nearly
 * the same step pass after pass, and the extrapolation jumps to where those steps lead.
 */
public final class AndersonHistory {
  /** Passes per extrapolation. */
  static final int DEPTH = 5;

  private final double[][] iterates = new double[DEPTH + 1][];
  private int count;
  private int width;
  private int[] members = new int[16];

  public void clear() {
    count = 0;
  }

  /**
   * Records {@code values[list[t]]} for t < width. A different list of coefficients starts a new
   * history: only iterates over the same set combine.
   */
  public void add(double[] values, int[] list, int width) {
    if (count > 0 && !java.util.Arrays.equals(members, 0, this.width, list, 0, width)) {
      count = 0;
    }
    if (count == 0) {
      if (members.length < width) {
        members = new int[Math.max(width, 2 * members.length)];
      }
      System.arraycopy(list, 0, members, 0, width);
      this.width = width;
    }
    double[] row = iterates[count];
    if (row == null || row.length < width) {
      row = new double[Math.max(width, 16)];
      iterates[count] = row;
    }
    for (int t = 0; t < width; t++) {
      row[t] = values[list[t]];
    }
    count++;
  }

  public boolean full() {
    return count == DEPTH + 1;
  }

  /**
   * The extrapolated point into {@code out} (length >= width), from a full history; false when the
   * differences are too degenerate to combine.
   */
  public boolean extrapolate(double[] out) {
    int k = DEPTH;
    DMatrixRMaj gram = new DMatrixRMaj(k, k);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double s = 0;
        for (int t = 0; t < width; t++) {
          s += (iterates[a + 1][t] - iterates[a][t]) * (iterates[b + 1][t] - iterates[b][t]);
        }
        gram.set(a, b, s);
        gram.set(b, a, s);
      }
    }
    double trace = CommonOps_DDRM.trace(gram);
    if (!(trace > 0)) {
      return false;
    }
    // A touch of ridge keeps the small system solvable when differences are nearly parallel.
    for (int a = 0; a < k; a++) {
      gram.add(a, a, 1e-10 * trace);
    }
    DMatrixRMaj ones = new DMatrixRMaj(k, 1);
    ones.fill(1.0);
    DMatrixRMaj z = new DMatrixRMaj(k, 1);
    if (!CommonOps_DDRM.solve(gram, ones, z)) {
      return false;
    }
    double sum = CommonOps_DDRM.elementSum(z);
    if (!(Math.abs(sum) > 0) || !Double.isFinite(sum)) {
      return false;
    }
    for (int t = 0; t < width; t++) {
      double v = 0;
      for (int a = 0; a < k; a++) {
        v += z.get(a) / sum * iterates[a + 1][t];
      }
      out[t] = v;
    }
    return true;
  }
}
