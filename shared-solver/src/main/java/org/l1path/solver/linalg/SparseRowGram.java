package org.l1path.solver.linalg;

import java.util.Arrays;
import org.l1path.solver.data.SparseDesign;
import org.l1path.solver.data.SparseRows;

/**
 * The weighted Gram matrix of a sparse design's listed columns (as {@link WeightedGram} defines it)
 * from the raw products {@code sum_i v_i x_ia x_ib}, summed row by row over each row's non-zeros
 * and centred after. That costs the squares of the rows' non-zero counts, a density squared times
 * the dense product, where the centred route's dense centred columns cost the density once.
 */
final class SparseRowGram {
  private final int n;

  /** The listed columns by rows. */
  private final SparseRows rows;

  /**
   * The most centring may shrink a diagonal entry (its raw over its centred value) before the
   * centred route is taken instead. Either route loses about that many digits' worth (the centred
   * one through its centre's rounding), but the raw sums' rounding also grows with the rows summed.
   * A column of zeros and ones with mean m shrinks by {@code 1 / (1 - m)}; a column of values near
   * 1000 with a variance near 1 would shrink a millionfold.
   */
  private static final double MAX_SHRINK = 100;

  SparseRowGram(SparseDesign sparse) {
    this.n = sparse.n;
    rows = new SparseRows(sparse);
  }

  /**
   * Fills {@code out} as {@link WeightedGram#compute} does: {@code G_ab = (R_ab - c_a S_b - c_b S_a
   * + c_a c_b V) / (s_a s_b)} from the raw products {@code R_ab = sum_i v_i x_ia x_ib}, the
   * weighted sums {@code S_a} and {@code V = sum_i v_i}. Each row adds the products of its
   * non-zeros in the list, in list order, so every entry is summed in row order whatever the list.
   * Returns false, leaving {@code out} to be overwritten, when the rows are too dense for it to
   * pay, or centring would cost digits ({@link #MAX_SHRINK}).
   */
  boolean compute(int[] list, int count, double[] v, double[] c, double[] s, double[] out) {
    rows.layOut(list, count);
    long rowPairs = rows.rowPairs(0);
    int[] rowStart = rows.starts();
    int[] entryColumn = rows.columns();
    double[] entryValue = rows.values();
    // The centred route costs each column's non-zeros per column on and above it, and n per
    // centred column; a row's products cost about twice a column's (each adds into a place in the
    // matrix that the next one does not). Rows of 35 non-zeros of 84 (a soybean-like one-hot
    // design) are cheaper by columns; of 13 of 59 (German-credit-like), by rows: its path took
    // 0.023-0.024 s against 0.027-0.030 s.
    long columnWork = (long) (count + 1) / 2 * rowStart[n] + (long) n * count;
    if (2 * rowPairs > columnWork) {
      return false;
    }
    Arrays.fill(out, 0, count * count, 0.0);
    double[] sums = new double[count];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double vi = v[i];
      total += vi;
      int end = rowStart[i + 1];
      if (vi == 0) {
        continue;
      }
      for (int e = rowStart[i]; e < end; e++) {
        int a = entryColumn[e];
        double weighted = vi * entryValue[e];
        sums[a] += weighted;
        int row = a * count;
        for (int f = e; f < end; f++) {
          out[row + entryColumn[f]] += weighted * entryValue[f];
        }
      }
    }
    for (int a = 0; a < count; a++) {
      double ca = c[list[a]];
      double raw = out[a * count + a];
      double centred = raw - 2 * ca * sums[a] + ca * ca * total;
      if (raw > MAX_SHRINK * centred) {
        return false;
      }
    }
    for (int a = 0; a < count; a++) {
      double ca = c[list[a]];
      double sa = s[list[a]];
      for (int b = a; b < count; b++) {
        double cb = c[list[b]];
        double centred = out[a * count + b] - ca * sums[b] - cb * sums[a] + ca * cb * total;
        double g = centred / (sa * s[list[b]]);
        out[a * count + b] = b == a ? Math.max(g, 0.0) : g;
      }
    }
    UpperTriangle.mirror(out, count);
    return true;
  }
}
