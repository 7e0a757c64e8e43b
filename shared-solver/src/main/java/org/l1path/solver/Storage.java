package org.l1path.solver;

/** How a dataset holds its feature values. */
public enum Storage {
  /** Every value, column by column. */
  DENSE,
  /** The non-zeros only ({@link SparseFeatures}): each sweep costs the non-zeros, not n. */
  SPARSE,
  /**
   * Sparse when at most a third of the values are non-zero (sparse storage then takes at most half
   * the memory of dense), or for a classification fit at most 45 %; else dense.
   */
  AUTO;

  /** Below this share of non-zeros {@link #AUTO} stores a least-squares fit's data sparse. */
  static final double SPARSE_BELOW_DENSITY = 1.0 / 3;

  /**
   * The same for a logistic or multinomial fit, whose Newton steps spend most of their time in
   * passes over the strong features (gradients, moments, applying a step), which cost the
   * non-zeros. On 0/1 designs with 40 to 45 % of the values non-zero, sparse storage made most
   * paths faster, by 4 to 47 % (binomial, 3, 5 and 10 classes; of two runs of one 3-class path at
   * 45 %, one was 16 % faster and one 47 % slower), and Weka's 10-fold CV of a soybean-like set, 35
   * non-zeros in 84 values per row, 15 to 18 % faster. With half the values non-zero or more,
   * 3-class paths were 9 to 24 % slower sparse, binomial ones still faster. Least squares gained
   * nothing clear.
   */
  static final double CLASSES_SPARSE_BELOW_DENSITY = 0.45;

  /**
   * The storage that {@code this} asks for, for data of this family whose share of non-zeros is
   * {@code density}: DENSE or SPARSE. Front ends that build the data ask first, so that sparse data
   * is never built dense.
   */
  public Storage resolve(double density, Family family) {
    if (this != AUTO) {
      return this;
    }
    double below = family == Family.GAUSSIAN ? SPARSE_BELOW_DENSITY : CLASSES_SPARSE_BELOW_DENSITY;
    return density <= below ? SPARSE : DENSE;
  }
}
