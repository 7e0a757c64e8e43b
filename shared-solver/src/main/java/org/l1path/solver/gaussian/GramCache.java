package org.l1path.solver.gaussian;

import java.util.Arrays;
import org.l1path.solver.data.Heap;
import org.l1path.solver.linalg.ColumnProducts;
import org.l1path.solver.linalg.Sweep;

/**
 * Covariance mode's Gram columns {@code C_kj = z_k' V z_j}, each computed once, when feature j
 * first moves. Columns are computed in batches: with j go the features without a column that are
 * likeliest to enter next, so each pass over the design serves several columns, as one matrix
 * product ({@link ColumnProducts}). Batches grow fourfold as columns keep being asked for (4, 16,
 * 64, ...), up to as many as {@link #BATCH_CELLS} values hold: a path that takes few features
 * computes few spare columns, one that takes them all computes its Gram matrix in a few large
 * products, as a BLAS would. C is symmetric: entries that an earlier column holds are copied, and
 * of the batch's own block only the upper triangle is summed.
 */
final class GramCache {
  /** How many Gram columns the first pass over the design computes. */
  private static final int FIRST_BATCH = 4;

  /**
   * The most values the weighted columns of one batch hold: 64 MB, and never more than a
   * sixty-fourth of the free heap. Folds fitted side by side each hold a batch; on a heap sized to
   * the data (issue 6's memory target: 1.5 times the design, the Gram block and 64 MB) two 64 MB
   * batches next to a 10000 x 1000 or 50000 x 200 design ran out of memory. A roomy heap keeps the
   * full batches.
   */
  private static final long BATCH_CELLS = 1L << 23;

  private final DescentState state;
  private final GaussianProblem prob;
  private final double[][] gram;

  /** In cross-validation: where columns come from instead (null for a full-data fit). */
  private final FoldGram foldGram;

  private final boolean parallelSweeps;

  /** How many columns the next batch computes. */
  private int batchSize = FIRST_BATCH;

  private final int maxBatch;

  GramCache(DescentState state, FoldGram foldGram, boolean parallelSweeps) {
    this.state = state;
    this.prob = state.prob;
    this.foldGram = foldGram;
    this.parallelSweeps = parallelSweeps;
    gram = new double[prob.p][];
    maxBatch = (int) Math.max(FIRST_BATCH, Math.min(prob.p, batchCells() / Math.max(prob.n, 1)));
  }

  private static long batchCells() {
    return Math.min(BATCH_CELLS, Heap.freeBytes() / 8 / 16);
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
    int n = prob.n;
    double[] vz = new double[size * n];
    double[] sums = new double[size];
    boolean[] inBatch = new boolean[prob.p];
    // A pass over each batch column: on a tall design as long as the batch's own products.
    Sweep.run(
        size,
        (long) size * n,
        parallelSweeps,
        b -> sums[b] = prob.weightedStandardized(batch[b], vz, b * n));
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
    double[] products = new double[size * count];
    ColumnProducts.of(vz, size, prob.x, others, count, products, parallelSweeps);
    for (int b = 0; b < size; b++) {
      for (int t = 0; t < count; t++) {
        columns[b][others[t]] = centredEntry(products[b * count + t], sums[b], others[t]);
      }
    }
    double[] block = new double[size * size];
    ColumnProducts.upperTriangle(vz, prob.x, batch, size, block, parallelSweeps);
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
