package org.l1path.solver;

import java.io.Serializable;

/**
 * The certificate of one solve: the relative duality gap it reached (an upper bound on how far the
 * objective is from its minimum, divided by the objective), the coordinate-descent passes it took,
 * whether the gap met the tolerance, and, if it did not, whether the solve ended because the gap
 * stopped falling (a tolerance finer than double precision can certify) rather than because it ran
 * out of passes.
 */
public record Convergence(double relativeGap, int iterations, boolean converged, boolean stalled)
    implements Serializable {

  /** A solve that ended by meeting the tolerance or by running out of passes. */
  public Convergence(double relativeGap, int iterations, boolean converged) {
    this(relativeGap, iterations, converged, false);
  }
}
