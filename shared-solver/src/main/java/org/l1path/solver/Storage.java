package org.l1path.solver;

/** How a dataset holds its feature values. */
public enum Storage {
  /** Every value, column by column. */
  DENSE,
  /** The non-zeros only ({@link SparseFeatures}): each sweep costs the non-zeros, not n. */
  SPARSE,
  /**
   * Sparse when at most a third of the values are non-zero (sparse storage then takes at most half
   * the memory of dense), else dense.
   */
  AUTO;

  /** Below this share of non-zeros {@link #AUTO} stores sparse. */
  static final double SPARSE_BELOW_DENSITY = 1.0 / 3;

  /**
   * The storage that {@code this} asks for, for data whose share of non-zeros is {@code density}:
   * DENSE or SPARSE. Front ends that build the data ask first, so that sparse data is never built
   * dense.
   */
  public Storage resolve(double density) {
    if (this != AUTO) {
      return this;
    }
    return density <= SPARSE_BELOW_DENSITY ? SPARSE : DENSE;
  }
}
