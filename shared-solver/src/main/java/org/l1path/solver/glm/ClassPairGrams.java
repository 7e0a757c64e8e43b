package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.SparseDesign;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.linalg.ColumnProducts;
import org.l1path.solver.linalg.Sweep;

/**
 * Every class pair's weighted Gram matrix over a list of features and a constant: for classes
 * {@code r <= s} and {@code 0 <= a <= b <= m},
 *
 * <pre>
 *   G_rs(a, b) = sum_i u_rs(i) y_ia y_ib,   y_i = (1, z_(i, list[0]), ..., z_(i, list[m - 1]))
 * </pre>
 *
 * with the multinomial Hessian's weights {@code u_rs(i) = w_i p_ri (d_rs - p_si)} ({@link
 * #weight}). These are the blocks of {@link JointHessian}. All of them come from one product: each
 * observation's entry products {@code y_ia y_ib}, one column per entry {@code (a, b)}, against one
 * vector of weights per pair. Formed as {@code K (K + 1) / 2} separate Gram matrices, each with its
 * own pass to weight the columns, the same sums had run on small tiles that the kernel fills
 * poorly, and were most of a 10-class path's time.
 */
final class ClassPairGrams {
  /** The bound on fitted probabilities in the curvature of a class with itself. */
  private static final double P_MIN = 1e-9;

  /**
   * The most entry products held at once: the observations go in ranges of at most this many
   * values' worth (128 kB), which every pair's sums read again, so they stay in a core's cache.
   */
  private static final int HELD_PRODUCTS = 1 << 14;

  /**
   * The same for the vector kernel ({@code --add-modules jdk.incubator.vector}), which tiles a
   * range itself and runs best on long ones (2 MB): with it, 30 classes of 3000 x 20 took 1.18-1.23
   * s a path, against 1.47-1.67 s by rows.
   */
  private static final int VECTOR_HELD_PRODUCTS = 1 << 18;

  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final int classes;

  /**
   * Blocks of observations whose sums the dense route forms apart and adds up after: one hand-off
   * to the fork-join pool per Hessian, where splitting each range's pairs over it took one per
   * range (44 per form of 3000 rows) and ran a 10-class Hessian's 45 pairs as tasks of 16,
   * unevenly. A fixed count, not the processors', so that the sums do not depend on the machine.
   */
  private static final int BLOCKS = 4;

  /** Multiply-adds below which a form stays one block: a hand-off costs more than it saves. */
  private static final long BLOCK_WORK = 1L << 21;

  /**
   * The most sums all blocks hold together (16 MB): each block keeps every pair's sums. Past it a
   * form is one block, whose ranges split their pairs over the pool instead.
   */
  private static final long BLOCK_SUMS = 1L << 21;

  /** The dense route's blocks; the first also serves the vector kernel. */
  private final PairSumBlock[] blocks;

  /**
   * For the vector kernel: a range's entry products column by column, the entry list {@code 0 ..
   * entries)}, and a later range's sums before they are added.
   */
  private double[] entryColumns = new double[0];

  private int[] identity = new int[0];
  private double[] rangeSums = new double[0];

  /** The sums of each pair of two classes, in turn, one array of entries per pair. */
  private double[][] otherSums = new double[0][];

  /** What clipped probabilities add to each class's own matrix, by class. */
  private double[][] clipped = new double[0][];

  /** A sparse design's route, made at its first use. */
  private SparsePairSums sparseSums;

  /** The sums, {@code pairs x entries}, row-major. */
  double[] sums = new double[0];

  ClassPairGrams(GaussianProblem base, int classes) {
    this.base = base;
    this.x = base.x;
    this.n = base.n;
    this.classes = classes;
    blocks = new PairSumBlock[BLOCKS];
    for (int b = 0; b < BLOCKS; b++) {
      blocks[b] = new PairSumBlock(base, classes);
    }
  }

  /** The Hessian weight of classes r and s at one observation of weight w. */
  static double weight(double w, double pr, double ps, boolean same) {
    if (same) {
      // Clipped, so that a class all but absent keeps some curvature.
      double q = Math.min(Math.max(pr, P_MIN), 1 - P_MIN);
      return w * q * (1 - q);
    }
    return -w * pr * ps;
  }

  /** Entries of an upper triangle over the constant and m features. */
  static int entries(int m) {
    return (m + 1) * (m + 2) / 2;
  }

  /** Where entry {@code (a, b)}, {@code a <= b}, sits: row-major, 0 the constant. */
  static int entry(int a, int b, int m) {
    return a * (m + 1) - a * (a - 1) / 2 + (b - a);
  }

  /** Where pair {@code (r, s)}, {@code r <= s}, sits. */
  int pair(int r, int s) {
    return r * classes - r * (r - 1) / 2 + (s - r);
  }

  /**
   * Fills {@link #sums} with every pair's matrix over {@code list[0 .. m)} at these probabilities:
   * the entry {@code (a, b)} of pair {@code (r, s)} at {@code sums[pair(r, s) * entries(m) +
   * entry(a, b, m)]}.
   *
   * <p>Only the pairs of two different classes go through the product. A class's weights with
   * itself are minus the sum of its weights with the others, {@code w p_r (1 - p_r) = sum_(s != r)
   * w p_r p_s}, so its own matrix is minus the sum of its other pairs' ({@code K} products fewer of
   * {@code K (K + 1) / 2}: half of them with 3 classes), plus what the clipped probabilities add
   * ({@link #addClipped}).
   */
  void form(int[] list, int m, double[][] prob) {
    int entries = entries(m);
    int pairs = classes * (classes + 1) / 2;
    int others = pairs - classes;
    if (sums.length < pairs * entries) {
      sums = new double[pairs * entries];
      otherSums = new double[others][entries];
      clipped = new double[classes][entries];
    }
    for (double[] c : clipped) {
      java.util.Arrays.fill(c, 0.0);
    }
    if (!(x instanceof SparseDesign sparse
        && sparseSums(sparse).sum(list, m, prob, otherSums, clipped))) {
      formByColumns(list, m, prob);
    }
    java.util.Arrays.fill(sums, 0, pairs * entries, 0.0);
    for (int r = 0, other = 0; r < classes; r++) {
      for (int s = r + 1; s < classes; s++, other++) {
        int rs = pair(r, s) * entries;
        int rr = pair(r, r) * entries;
        int ss = pair(s, s) * entries;
        double[] pairSums = otherSums[other];
        for (int e = 0; e < entries; e++) {
          double g = pairSums[e];
          sums[rs + e] = g;
          sums[rr + e] -= g;
          sums[ss + e] -= g;
        }
      }
    }
    for (int r = 0; r < classes; r++) {
      int rr = pair(r, r) * entries;
      for (int e = 0; e < entries; e++) {
        sums[rr + e] += clipped[r][e];
      }
    }
  }

  private SparsePairSums sparseSums(SparseDesign sparse) {
    if (sparseSums == null) {
      sparseSums = new SparsePairSums(base, sparse, classes);
    }
    return sparseSums;
  }

  /**
   * The pairs of two classes' sums into {@link #otherSums}, and the clipped probabilities' into
   * {@link #clipped}, from the dense entry products of ranges of observations: by rows in blocks of
   * observations side by side, or by the vector kernel, which splits its own work.
   */
  private void formByColumns(int[] list, int m, double[][] prob) {
    int entries = entries(m);
    int others = classes * (classes - 1) / 2;
    long work = (long) n * entries * others;
    if (ColumnProducts.vectorKernelFor(work)) {
      formByVectorKernel(list, m, prob, work);
      return;
    }
    // Whole multiples of the row kernel's step of 4 observations.
    int range = Math.min(n, Math.max(4, HELD_PRODUCTS / entries / 4 * 4));
    long room = BLOCK_SUMS / Math.max(1, (long) others * entries);
    int count =
        work >= BLOCK_WORK ? (int) Math.max(1, Math.min(Math.min(BLOCKS, room), n / range)) : 1;
    if (count == 1) {
      blocks[0].sum(list, m, prob, 0, n, range, base.parallelSweeps);
    } else {
      Sweep.run(
          count,
          work,
          base.parallelSweeps,
          b ->
              blocks[b].sum(
                  list, m, prob, blockStart(b, count), blockStart(b + 1, count), range, false));
    }
    for (int other = 0; other < others; other++) {
      double[] pairSums = otherSums[other];
      java.util.Arrays.fill(pairSums, 0.0);
      for (int b = 0; b < count; b++) {
        double[] blockSums = blocks[b].otherSums[other];
        for (int e = 0; e < entries; e++) {
          pairSums[e] += blockSums[e];
        }
      }
    }
    for (int r = 0; r < classes; r++) {
      for (int b = 0; b < count; b++) {
        double[] blockClipped = blocks[b].clipped[r];
        for (int e = 0; e < entries; e++) {
          clipped[r][e] += blockClipped[e];
        }
      }
    }
  }

  /** The first observation of block b of count, at a multiple of 4. */
  private int blockStart(int b, int count) {
    return b == count ? n : (int) ((long) n * b / count) / 4 * 4;
  }

  /** {@link #formByColumns} by the vector kernel, a range of observations at a time. */
  private void formByVectorKernel(int[] list, int m, double[][] prob, long work) {
    int entries = entries(m);
    int others = classes * (classes - 1) / 2;
    for (int other = 0; other < others; other++) {
      java.util.Arrays.fill(otherSums[other], 0.0);
    }
    PairSumBlock block = blocks[0];
    block.clear(others, entries);
    // Whole multiples of the kernel's step of 64 observations.
    int range = Math.min(n, Math.max(64, VECTOR_HELD_PRODUCTS / entries / 64 * 64));
    for (int from = 0; from < n; from += range) {
      int to = Math.min(n, from + range);
      block.fillRange(list, m, prob, from, to);
      if (others > 0) {
        addByColumns(block, entries, others, to - from, work);
      }
    }
    for (int r = 0; r < classes; r++) {
      System.arraycopy(block.clipped[r], 0, clipped[r], 0, entries);
    }
  }

  /**
   * Adds a range's pair sums by the vector kernel, which takes the entry products column by column.
   */
  private void addByColumns(PairSumBlock block, int entries, int others, int rows, long work) {
    if (entryColumns.length < entries * rows) {
      entryColumns = new double[entries * rows];
    }
    if (identity.length < entries) {
      identity = new int[entries];
      for (int e = 0; e < entries; e++) {
        identity[e] = e;
      }
    }
    if (rangeSums.length < others * entries) {
      rangeSums = new double[others * entries];
    }
    for (int i = 0; i < rows; i++) {
      double[] row = block.products[i];
      for (int e = 0; e < entries; e++) {
        entryColumns[e * rows + i] = row[e];
      }
    }
    ColumnProducts.ofBlock(
        block.weights,
        others,
        Design.ofColumnMajor(entryColumns, rows, entries),
        identity,
        entries,
        rangeSums,
        work,
        base.parallelSweeps);
    for (int other = 0; other < others; other++) {
      double[] pairSums = otherSums[other];
      for (int e = 0; e < entries; e++) {
        pairSums[e] += rangeSums[other * entries + e];
      }
    }
  }
}
