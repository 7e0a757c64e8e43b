package org.l1path.solver;

/** How rows are split into cross-validation folds. */
public enum FoldAssignment {
  /** A seeded random permutation cut into contiguous blocks (the solver's own permutation). */
  RANDOM,
  /** Contiguous blocks in row order, as scikit-learn's unshuffled {@code KFold}. */
  CONTIGUOUS,
  /** A fold id given for every row. */
  GIVEN
}
