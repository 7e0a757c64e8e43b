package org.l1path.solver;

import java.io.Serializable;

/**
 * The certificate of one solve: the relative duality gap it reached (an upper bound on how far the
 * objective is from its minimum, divided by the objective), the coordinate-descent passes it took,
 * and whether the gap met the tolerance.
 */
public record Convergence(double relativeGap, int iterations, boolean converged)
    implements Serializable {}
