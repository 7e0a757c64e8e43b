package org.l1path.solver.gaussian;

/**
 * How coordinate descent keeps its gradients {@code G_j = z_j' V r} as coefficients move: the two
 * modes of glmnet's Gaussian solver. {@link CovarianceUpdates} caches the Gram columns of the
 * features that enter and updates every gradient in O(p) per step; {@link NaiveUpdates} keeps the
 * residual and computes a gradient in O(n) when a feature is visited.
 */
interface GradientUpdates {
  /** The gradient of feature j, exact for the current coefficients. */
  double gradient(int j);

  /** Takes the change {@code delta} of coefficient j into account. */
  void applyChange(int j, double delta);

  /** Multiply-adds of one visit, and of one coefficient change: descent's work measure. */
  double visitWork();

  double changeWork();

  /**
   * Makes the strong set's gradients exact; {@code coefficientsJumped} after a refit moved them
   * other than through {@link #applyChange}.
   */
  void refreshStrongGradients(boolean coefficientsJumped);

  /**
   * Makes exact the gradients of the features outside the strong set that may violate the KKT
   * conditions at {@code aScale}, and lists them in the state's {@code screened}; returns how many.
   * {@code nextStrongThreshold} is where the next alpha's strong rule is expected.
   */
  int kktCandidates(double aScale, double nextStrongThreshold);

  /** {@code {r'V r, r'V yc}} for the current coefficients. */
  double[] residualProducts();

  /** {@code z_j' V z_k}, for the active-set refit. */
  double gramEntry(int j, int k);

  /**
   * Called after each pass that did not settle; may move the active coefficients towards an
   * extrapolation that lowers the objective. Returns the work it spent.
   */
  double afterPass(double aScale, double qScale);

  /**
   * Whether a refit that moved the coefficients should open the next alpha with a refit from the
   * solutions' trend (see {@link CoordinateDescent#solve}).
   */
  boolean predictsAlongPath();
}
