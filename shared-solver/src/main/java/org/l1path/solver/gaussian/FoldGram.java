package org.l1path.solver.gaussian;

import org.l1path.solver.data.Design;
import org.l1path.solver.linalg.Sweep;

/**
 * Gram columns {@code C_kj = z_k' V z_j} of a cross-validation fit, derived from the full data's
 * shared {@link CrossProducts} instead of a pass over the fit's own rows. With W the training rows'
 * weight, c the fit's centres, s its scales, m the full data's means, a = c - m and {@code U_j =
 * sum_train w_i (x_ij - m_j)}:
 *
 * <pre>
 *   W s_k s_j C_kj = S_kj - O_kj - a_k U_j - a_j U_k + W a_k a_j
 * </pre>
 *
 * where O is the held-out rows' share of S. O costs O(n_out p) per column, a tenth of a direct
 * column for 10 folds, and S is computed once for all fits. Centring S at the full data's means
 * keeps the subtraction free of cancellation: a fold's means differ from them by little.
 */
final class FoldGram {
  private final CrossProducts full;

  /** Whether a large column may split over the common fork-join pool. */
  private final boolean parallel;

  private final GaussianProblem prob;
  private final int outRows;

  /**
   * The held-out rows, copied: dense ones centred at the full means, which keeps their products
   * free of cancellation; sparse ones as they are, to stay sparse.
   */
  private final Design heldOutDesign;

  /** What {@link #heldOutDesign}'s columns still lack of their centring: the full means, or 0. */
  private final double[] copyOffCentre;

  private final double[] heldOutWeights;
  private final double trainWeight;
  private final double[] offset;
  private final double[] trainSum;

  FoldGram(CrossProducts full, int[] heldOutRows, GaussianProblem prob, boolean parallel) {
    this.full = full;
    this.parallel = parallel;
    this.prob = prob;
    int p = prob.p;
    outRows = heldOutRows.length;
    heldOutWeights = new double[outRows];
    double outWeight = 0;
    for (int t = 0; t < outRows; t++) {
      heldOutWeights[t] = full.weight(heldOutRows[t]);
      outWeight += heldOutWeights[t];
    }
    Design copy = full.x.rows(heldOutRows);
    if (copy.sparse()) {
      heldOutDesign = copy;
      copyOffCentre = full.means;
    } else {
      double[] centred = new double[outRows * p];
      for (int k = 0; k < p; k++) {
        copy.copyColumn(k, centred, k * outRows);
        for (int t = 0; t < outRows; t++) {
          centred[k * outRows + t] -= full.means[k];
        }
      }
      heldOutDesign = Design.ofColumnMajor(centred, outRows, p);
      copyOffCentre = new double[p];
    }
    trainWeight = full.totalWeight - outWeight;
    offset = new double[p];
    trainSum = new double[p];
    for (int k = 0; k < p; k++) {
      offset[k] = prob.centre[k] - full.means[k];
      trainSum[k] = trainWeight * (prob.mean[k] - full.means[k]);
    }
  }

  /** Computes the full data's columns of a batch that are not there yet, in one product. */
  void prefetch(int[] batch) {
    full.ensure(batch);
  }

  /** Column j of C; entries of features with a column already in {@code gram} are copied. */
  double[] column(int j, double[][] gram) {
    int p = prob.p;
    double[] s = full.column(j);
    double[] out = new double[p];
    double[] wy = new double[outRows];
    double sumWy =
        heldOutDesign.weightedCentred(j, heldOutWeights, 1.0, copyOffCentre[j], 1.0, wy, 0);
    int[] missing = new int[p];
    int count = 0;
    for (int k = 0; k < p; k++) {
      if (prob.fixed[k]) {
        continue;
      }
      if (gram[k] != null) {
        out[k] = gram[k][j];
      } else {
        missing[count++] = k;
      }
    }
    int missingCount = count;
    Sweep.run(
        (count + 3) / 4,
        (long) outRows * count,
        parallel,
        q -> fourEntries(j, s, wy, sumWy, missing, missingCount, 4 * q, out));
    return out;
  }

  /** {@code out[k]} for k = list[from .. from + 3], the held-out sums advancing together. */
  private void fourEntries(
      int j, double[] s, double[] wy, double sumWy, int[] list, int count, int from, double[] out) {
    double[] dots = new double[4];
    int summed = heldOutDesign.dotFour(list, count, from, wy, dots);
    for (int t = 0; t < summed; t++) {
      int k = list[from + t];
      // The held-out share O_kj, its column k centred at the full mean.
      double heldOutCross = dots[t] - copyOffCentre[k] * sumWy;
      out[k] = entry(j, k, s[k] - heldOutCross);
    }
  }

  /** {@code C_kj} from the training rows' share of {@code S_kj}. */
  private double entry(int j, int k, double trainCross) {
    double cross =
        trainCross
            - offset[k] * trainSum[j]
            - offset[j] * trainSum[k]
            + trainWeight * offset[k] * offset[j];
    return cross / (trainWeight * prob.scale[k] * prob.scale[j]);
  }
}
