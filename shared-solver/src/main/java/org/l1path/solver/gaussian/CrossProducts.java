package org.l1path.solver.gaussian;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.l1path.solver.Dataset;
import org.l1path.solver.data.Design;
import org.l1path.solver.linalg.ColumnProducts;

/**
 * Weighted cross-products of the full data's columns, centred at the full data's weighted means:
 * {@code S_kj = sum_i w_i (x_ik - m_k)(x_ij - m_j)}. Computed a column at a time when first asked
 * for and shared by every fit of a cross-validation: each fold's Gram matrix is this less the
 * held-out rows' share (see {@link FoldGram}), so the O(n p) work per column is done once instead
 * of once per fold. Safe for concurrent use.
 */
public final class CrossProducts {
  final Design x;

  private final boolean parallel;

  /** Row weights as given, or null for 1 each. */
  final double[] weights;

  /** The rows' weight in all. */
  final double totalWeight;

  /** 0, 1, …, p - 1: every column, as the list the kernel reads. */
  private final int[] allFeatures;

  /** Weighted means of the columns. */
  final double[] means;

  private final AtomicReferenceArray<double[]> columns;

  /**
   * @param parallel whether a large column may split over the common fork-join pool (not when folds
   *     are fitted side by side: they keep the cores busy already)
   */
  public CrossProducts(Dataset data, boolean parallel) {
    this.parallel = parallel;
    x = data.design();
    weights = data.weights();
    int n = x.n;
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weight(i);
    }
    totalWeight = total;
    allFeatures = new int[x.p];
    means = new double[x.p];
    for (int j = 0; j < x.p; j++) {
      means[j] = x.weightedSum(j, weights, 1.0) / total;
      allFeatures[j] = j;
    }
    columns = new AtomicReferenceArray<>(x.p);
  }

  double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /**
   * Column j of S. Two folds asking at once may both compute it; each gets the same values (every
   * entry is computed the same way), and the first stored is kept.
   */
  double[] column(int j) {
    double[] cached = columns.get(j);
    if (cached != null) {
      return cached;
    }
    ensure(new int[] {j});
    return columns.get(j);
  }

  /**
   * Computes the columns of a batch that no fit has asked for yet, in one product over the design.
   * S is symmetric, but entries are not copied from earlier columns: which column came first
   * depends on thread timing, and the two ways of summing an entry round differently. Every column
   * computed whole, each entry summed the same way whatever the batch, keeps cross-validation
   * bit-identical whatever the thread count.
   */
  void ensure(int[] batch) {
    int n = x.n;
    int p = x.p;
    int[] missing = new int[batch.length];
    int size = 0;
    for (int j : batch) {
      if (columns.get(j) == null) {
        missing[size++] = j;
      }
    }
    if (size == 0) {
      return;
    }
    double[] wy = new double[size * n];
    double[] sums = new double[size];
    for (int b = 0; b < size; b++) {
      int j = missing[b];
      sums[b] = x.weightedCentred(j, weights, 1.0, means[j], 1.0, wy, b * n);
    }
    double[] products = new double[size * p];
    ColumnProducts.of(wy, size, x, allFeatures, p, products, parallel);
    for (int b = 0; b < size; b++) {
      double[] out = new double[p];
      // The - m_k term comes after the sum: wy sums to 0 up to rounding, which this keeps.
      for (int k = 0; k < p; k++) {
        out[k] = products[b * p + k] - means[k] * sums[b];
      }
      columns.compareAndSet(missing[b], null, out);
    }
  }
}
