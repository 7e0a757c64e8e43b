package org.l1path.solver;

/**
 * How coordinate descent keeps its gradient up to date. For a class response it chooses how each
 * Newton step's weighted least-squares problem is solved: naive updates, or covariance updates from
 * the strong set's weighted Gram matrix (AUTO weighs their cost step by step).
 */
public enum UpdateMode {
  /** Choose by shape: covariance updates when there are many more rows than features. */
  AUTO,
  /**
   * Cache the Gram column of every feature that enters the model and update all gradients from it:
   * cheap per step when n is much larger than p.
   */
  COVARIANCE,
  /** Keep the residual and recompute each gradient as a dot product: best when p is large. */
  NAIVE
}
