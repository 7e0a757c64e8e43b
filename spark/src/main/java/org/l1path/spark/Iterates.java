package org.l1path.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.l1path.solver.Family;

/**
 * Where every fit of a classification cross-validation stands, shipped to the executors with each
 * pass: fit g = r (K + 1) + c is l1 ratio r's full-data fit (c = 0) or its fit without fold c - 1.
 * Each has one coefficient row (original scale) and intercept per response row (1 for binomial, one
 * per class for multinomial), the inverse feature scales 1 / s_j of its training rows, and whether
 * it still takes part.
 */
final class Iterates implements Serializable {
  private static final long serialVersionUID = 1L;

  final Family family;
  final int folds;
  final int[] foldIds;
  final double[][][] beta;
  final double[][] intercept;
  final double[][] inverseScale;
  final boolean[] active;

  /**
   * Whether fit g's pass sums its own Newton-weighted Gram matrix, rather than taking the one its
   * full-data fit's iterate gives every fold fit ({@link WorkingMoments}).
   */
  final boolean[] ownGram;

  /**
   * Whether the pass sums l1 ratio r's shared Gram matrices afresh, at its full-data fit's iterate;
   * otherwise the fits step on the last ones.
   */
  final boolean[] sumShared;

  Iterates(Family family, int responses, int ratios, int[] foldIds, int features) {
    this.family = family;
    this.folds = foldIds.length;
    this.foldIds = foldIds.clone();
    int fits = ratios * (folds + 1);
    beta = new double[fits][responses][features];
    intercept = new double[fits][responses];
    inverseScale = new double[fits][];
    active = new boolean[fits];
    ownGram = new boolean[fits];
    sumShared = new boolean[ratios];
  }

  int fits() {
    return beta.length;
  }

  int responses() {
    return intercept[0].length;
  }

  /** 0 for a full-data fit, else 1 + the fold it holds out. */
  int column(int fit) {
    return fit % (folds + 1);
  }

  int fit(int ratio, int column) {
    return ratio * (folds + 1) + column;
  }

  /** The 0-based fold index of a row's fold id. */
  int foldIndex(int foldId) {
    return Arrays.binarySearch(foldIds, foldId);
  }

  /** A snapshot to ship: the driver changes its own copy while the pass runs on this one. */
  Iterates copy() {
    Iterates c =
        new Iterates(family, responses(), fits() / (folds + 1), foldIds, beta[0][0].length);
    for (int g = 0; g < fits(); g++) {
      for (int r = 0; r < responses(); r++) {
        c.beta[g][r] = beta[g][r].clone();
      }
      c.intercept[g] = intercept[g].clone();
      c.inverseScale[g] = inverseScale[g];
    }
    System.arraycopy(active, 0, c.active, 0, fits());
    System.arraycopy(ownGram, 0, c.ownGram, 0, fits());
    System.arraycopy(sumShared, 0, c.sumShared, 0, sumShared.length);
    return c;
  }
}
