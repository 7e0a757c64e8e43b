package org.l1path.solver.gaussian;

import java.util.Arrays;
import org.l1path.solver.data.DenseDesign;
import org.l1path.solver.data.Heap;
import org.l1path.solver.linalg.ColumnProducts;
import org.l1path.solver.linalg.Sweep;

/**
 * Covariance mode's Gram columns {@code C_kj = z_k' V z_j}, each computed once, when feature j
 * first moves. Columns are computed in batches: with j go the features without a column that are
 * likeliest to enter next, so each pass over the design serves several columns, as one matrix
 * product ({@link ColumnProducts}). A full-data fit on a dense design computes as many as it may
 * hold at once ({@link #firstBatch}). Otherwise batches grow fourfold as columns keep being asked
 * for (4, 16, 64, ...), up to as many as keep the batch's products with the other columns within
 * {@link #BATCH_CELLS} values: a path that takes few features computes few spare columns, one that
 * takes them all computes its Gram matrix in a few large products, as a BLAS would. On a dense
 * design a batch's weighted columns are formed a range of observations at a time, so a tall design
 * does not cap the batch. C is symmetric: entries that an earlier column holds are copied, and of
 * the batch's own block only the upper triangle is summed.
 */
final class GramCache {
  /** How many Gram columns the first batch computes where batches grow ({@link #firstBatch}). */
  private static final int FIRST_BATCH = 4;

  /**
   * The most values the weighted columns of one batch (or of one range of its observations) and its
   * products with the other columns hold: 64 MB, and never more than a sixty-fourth of the free
   * heap. Folds fitted side by side each hold a batch; on a heap sized to the data (issue 6's
   * memory target: 1.5 times the design, the Gram block and 64 MB) two 64 MB batches next to a
   * 10000 x 1000 or 50000 x 200 design ran out of memory. A roomy heap keeps the full batches.
   */
  private static final long BATCH_CELLS = 1L << 23;

  private final DescentState state;
  private final GaussianProblem prob;
  private final double[][] gram;

  /** In cross-validation: where columns come from instead (null for a full-data fit). */
  private final FoldGram foldGram;

  private final boolean parallelSweeps;

  /** How many columns the next batch computes. */
  private int batchSize;

  private final int maxBatch;

  GramCache(DescentState state, FoldGram foldGram, boolean parallelSweeps) {
    this.state = state;
    this.prob = state.prob;
    this.foldGram = foldGram;
    this.parallelSweeps = parallelSweeps;
    gram = new double[prob.p][];
    // A dense design's batch goes a range of observations at a time (denseProducts), so its
    // products with the other columns (p values per batch column) bound it, not n. A sparse design
    // forms each batch column whole, and so do cross-validation's CrossProducts.
    long cellsPerColumn =
        foldGram == null && prob.x instanceof DenseDesign
            ? Math.max(prob.p, ColumnProducts.ROW_BLOCK)
            : prob.n;
    maxBatch =
        (int) Math.max(FIRST_BATCH, Math.min(prob.p, batchCells() / Math.max(cellsPerColumn, 1)));
    batchSize = firstBatch();
  }

  /**
   * The first batch: on a dense design, a full-data fit's largest, usually the whole matrix in one
   * pass over the design, as scikit-learn computes it. Covariance mode runs only where n is at
   * least 2p and p at most 2000 ({@link CoordinateDescent#useCovariance}), so the whole matrix
   * costs at most p / 2 multiply-adds per design value, less than reading the value from a CSV, and
   * a default path (down to alpha_max / 10^4 where n > p) takes nearly every feature. Growing
   * batches then passed over the design about log4(p) times. Lasso paths, three alternating rounds:
   * 50000 x 200 0.095-0.114 to 0.075-0.090 s, 100000 x 100 0.078-0.082 to 0.060-0.065 s, 10^6 x 50
   * 0.275-0.297 to 0.227-0.234 s; 10000 x 1000 unchanged (0.29-0.31 s: its products outweigh the
   * passes). Cross-validation's folds keep growing batches: their columns come from the shared
   * cross-products ({@link FoldGram}), and starting them whole made 10-fold CV of 10^5 x 100 and
   * 10^6 x 50 about 5 % slower. A sparse design keeps them too (not measured: its products cost its
   * non-zeros, not a pass over n p values).
   */
  private int firstBatch() {
    return foldGram == null && prob.x instanceof DenseDesign ? maxBatch : FIRST_BATCH;
  }

  private static long batchCells() {
    return Math.min(BATCH_CELLS, Heap.freeBytes() / 8 / 16);
  }

  /** Whether column j is computed yet. */
  boolean holds(int j) {
    return gram[j] != null;
  }

  /** Gram column j, computed with its batch if it is not yet. */
  double[] column(int j) {
    if (gram[j] != null) {
      return gram[j];
    }
    int[] batch = nextBatch(j);
    batchSize = Math.min(4 * batchSize, maxBatch);
    if (foldGram != null) {
      foldGram.prefetch(batch);
      for (int k : batch) {
        gram[k] = foldGram.column(k, gram);
      }
      return gram[j];
    }
    int size = batch.length;
    boolean[] inBatch = new boolean[prob.p];
    for (int b = 0; b < size; b++) {
      inBatch[batch[b]] = true;
    }
    double[][] columns = new double[size][prob.p];
    int[] others = new int[prob.p];
    int count = 0;
    for (int k = 0; k < prob.p; k++) {
      if (prob.fixed[k] || inBatch[k]) {
        continue;
      }
      if (gram[k] != null) {
        for (int b = 0; b < size; b++) {
          columns[b][k] = gram[k][batch[b]];
        }
      } else {
        others[count++] = k;
      }
    }
    double[] sums = new double[size];
    double[] products = new double[size * count];
    double[] block = new double[size * size];
    if (prob.x instanceof DenseDesign dense) {
      denseProducts(dense, batch, others, count, sums, products, block);
    } else {
      int n = prob.n;
      double[] vz = new double[size * n];
      for (int b = 0; b < size; b++) {
        sums[b] = prob.weightedStandardized(batch[b], vz, b * n);
      }
      ColumnProducts.of(vz, size, prob.x, others, count, products, parallelSweeps);
      ColumnProducts.upperTriangle(vz, prob.x, batch, size, block, parallelSweeps);
    }
    for (int b = 0; b < size; b++) {
      for (int t = 0; t < count; t++) {
        columns[b][others[t]] = centredEntry(products[b * count + t], sums[b], others[t]);
      }
    }
    for (int b = 0; b < size; b++) {
      for (int c = b; c < size; c++) {
        double entry = centredEntry(block[b * size + c], sums[b], batch[c]);
        columns[b][batch[c]] = entry;
        columns[c][batch[b]] = entry;
      }
    }
    for (int b = 0; b < size; b++) {
      gram[batch[b]] = columns[b];
    }
    return gram[j];
  }

  /**
   * A batch's products on a dense design, a range of observations at a time: each range's weighted
   * columns {@code V z_j} are formed (on the fork-join pool when allowed) and multiplied at once,
   * so they never take more than {@link #batchCells()} values, however tall the design, and one
   * pass over the design serves the whole batch. When the batch's columns were formed whole, a 10^6
   * x 50 design took seven batches of at most eight columns, and its lasso path 0.60 to 0.61 s; by
   * ranges it takes three batches and 0.53 to 0.55 s (alternating builds). The ranges start at
   * multiples of the kernel's block of observations, so the products are summed exactly as a
   * product over all of them would be.
   */
  private void denseProducts(
      DenseDesign dense,
      int[] batch,
      int[] others,
      int count,
      double[] sums,
      double[] products,
      double[] block) {
    int n = prob.n;
    int size = batch.length;
    int rowsPerRange = rangeRows(size, n);
    double[] vz = new double[size * Math.min(n, rowsPerRange)];
    double[] rangeSums = new double[size];
    for (int first = 0; first < n; first += rowsPerRange) {
      int from = first;
      int to = Math.min(n, first + rowsPerRange);
      int length = to - from;
      Sweep.run(
          size,
          (long) size * length,
          parallelSweeps,
          b -> rangeSums[b] = prob.weightedStandardizedRows(batch[b], from, to, vz, b * length));
      for (int b = 0; b < size; b++) {
        sums[b] += rangeSums[b];
      }
      boolean accumulate = from > 0;
      ColumnProducts.ofRows(
          vz, size, dense, others, count, products, false, from, to, accumulate, parallelSweeps);
      ColumnProducts.ofRows(
          vz, size, dense, batch, size, block, true, from, to, accumulate, parallelSweeps);
    }
  }

  /**
   * Observations per range of {@link #denseProducts}: as many whole blocks of the kernel as keep
   * the batch's weighted columns within {@link #batchCells()} values (at least one block).
   */
  private static int rangeRows(int size, int n) {
    long blocks = Math.max(1, batchCells() / size / ColumnProducts.ROW_BLOCK);
    return (int) Math.min((long) n, blocks * ColumnProducts.ROW_BLOCK);
  }

  /**
   * {@code z_k' V z_j} from the product of {@code V z_j} (summing to {@code sum}) with the raw
   * column k.
   */
  private double centredEntry(double product, double sum, int k) {
    return (product - prob.centre[k] * sum) / prob.scale[k];
  }

  /**
   * j, then up to {@link #batchSize} - 1 other features without a Gram column: strong ones first,
   * then those whose gradient is closest to entering.
   */
  private int[] nextBatch(int j) {
    int[] batch = new int[batchSize];
    batch[0] = j;
    int size = 1;
    for (int t = 0; t < state.strongCount && size < batchSize; t++) {
      int k = state.strongList[t];
      if (k != j && gram[k] == null) {
        batch[size++] = k;
      }
    }
    boolean[] chosen = new boolean[prob.p];
    for (int b = 0; b < size; b++) {
      chosen[batch[b]] = true;
    }
    while (size < batchSize) {
      int best = -1;
      double bestScore = -1;
      for (int k = 0; k < prob.p; k++) {
        if (prob.fixed[k] || state.strong[k] || gram[k] != null || chosen[k]) {
          continue;
        }
        double score = Math.abs(state.grad[k]) / prob.penalty[k];
        if (score > bestScore) {
          best = k;
          bestScore = score;
        }
      }
      if (best < 0) {
        break;
      }
      chosen[best] = true;
      batch[size++] = best;
    }
    return Arrays.copyOf(batch, size);
  }
}
