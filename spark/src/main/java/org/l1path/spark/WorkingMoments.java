package org.l1path.spark;

import java.io.Serializable;
import org.l1path.solver.Family;
import org.l1path.solver.SufficientStatistics;

/**
 * What one pass of a classification fit sums for every active fit at its current iterate: per
 * response row, the weighted least-squares statistics of its Newton step (standardized features,
 * working response z = eta + (y - p) / v at weights w v, v = p (1 - p)), the log-likelihood of its
 * training rows, and, for a fold's fit, the deviance and misclassifications of its held-out rows.
 * Each fit's training rows wait in a {@link RowBlock} and go into its statistics a block at a time;
 * {@link #flush} adds the last part-blocks, before these are merged or shipped.
 */
final class WorkingMoments implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The deviance clamps probabilities to [P_MIN, 1 - P_MIN], as glmnet and l1path's CV do. */
  static final double DEVIANCE_P_MIN = 1e-5;

  /** The Newton weight's floor, so that z stays finite where p saturates. */
  private static final double V_MIN = 1e-9;

  final SufficientStatistics[][] stats;
  final double[] logLikelihood;
  final double[] heldDeviance;
  final double[] heldWrong;
  final double[] heldWeight;

  /** The most doubles the blocks of one partition's fits hold together (32 MB). */
  private static final int BLOCK_DOUBLES = 1 << 22;

  /** Each fit's rows not yet in its statistics; none once flushed or shipped. */
  private transient RowBlock[] pending;

  WorkingMoments(int fits, int responses) {
    stats = new SufficientStatistics[fits][responses];
    logLikelihood = new double[fits];
    heldDeviance = new double[fits];
    heldWrong = new double[fits];
    heldWeight = new double[fits];
  }

  void add(FoldedRow row, Iterates it) {
    double w = row.w();
    if (w == 0) {
      return;
    }
    double[] x = row.x();
    int observed = (int) row.y();
    int held = 1 + it.foldIndex(row.fold());
    int responses = it.responses();
    boolean binomial = it.family == Family.BINOMIAL;
    double[] eta = new double[responses];
    double[] scaled = new double[x.length];
    double[] z = new double[responses];
    double[] zWeight = new double[responses];
    for (int g = 0; g < it.fits(); g++) {
      if (!it.active[g]) {
        continue;
      }
      for (int r = 0; r < responses; r++) {
        double[] b = it.beta[g][r];
        double e = it.intercept[g][r];
        for (int j = 0; j < x.length; j++) {
          e += x[j] * b[j];
        }
        eta[r] = e;
      }
      double[] probs = it.family.probabilities(eta);
      if (it.column(g) == held) {
        double p = probs[observed];
        heldDeviance[g] -=
            2 * w * Math.log(Math.min(Math.max(p, DEVIANCE_P_MIN), 1 - DEVIANCE_P_MIN));
        if (mostProbable(probs) != observed) {
          heldWrong[g] += w;
        }
        heldWeight[g] += w;
        continue;
      }
      logLikelihood[g] += w * logProbability(eta, observed, binomial);
      double[] inv = it.inverseScale[g];
      for (int j = 0; j < x.length; j++) {
        scaled[j] = x[j] * inv[j];
      }
      for (int r = 0; r < responses; r++) {
        // binomial: the one row models class 1
        double y = binomial ? observed : (observed == r ? 1 : 0);
        double p = binomial ? probs[1] : probs[r];
        double v = Math.max(p * (1 - p), V_MIN);
        z[r] = eta[r] + (y - p) / v;
        zWeight[r] = w * v;
      }
      block(g, x.length).add(scaled, z, zWeight, stats[g]);
    }
  }

  /** Fit g's block, and its statistics if it has none yet: made when a training row comes. */
  private RowBlock block(int g, int features) {
    if (pending == null) {
      pending = new RowBlock[stats.length];
    }
    if (pending[g] == null) {
      int responses = stats[g].length;
      for (int r = 0; r < responses; r++) {
        if (stats[g][r] == null) {
          stats[g][r] = new SufficientStatistics(features);
        }
      }
      int rows = RowBlock.rowsWithin(BLOCK_DOUBLES, stats.length, features, responses);
      pending[g] = new RowBlock(features, responses, rows);
    }
    return pending[g];
  }

  /** Adds the rows still waiting in part-filled blocks; returns this. */
  WorkingMoments flush() {
    if (pending != null) {
      for (int g = 0; g < pending.length; g++) {
        if (pending[g] != null) {
          pending[g].flush(stats[g]);
        }
      }
      pending = null;
    }
    return this;
  }

  /** Whatever ships these (a task's result) ships every row: the waiting ones are added first. */
  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    flush();
    out.defaultWriteObject();
  }

  /** log p(observed class), overflow-free. */
  private static double logProbability(double[] eta, int observed, boolean binomial) {
    if (binomial) {
      double e = eta[0];
      double softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
      return observed * e - softplus;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double e : eta) {
      max = Math.max(max, e);
    }
    double sum = 0;
    for (double e : eta) {
      sum += Math.exp(e - max);
    }
    return eta[observed] - max - Math.log(sum);
  }

  /** The most probable class, the first on ties (as l1path's CV scores it). */
  private static int mostProbable(double[] probs) {
    int best = 0;
    for (int c = 1; c < probs.length; c++) {
      if (probs[c] > probs[best]) {
        best = c;
      }
    }
    return best;
  }

  WorkingMoments merge(WorkingMoments o) {
    flush();
    o.flush();
    for (int g = 0; g < stats.length; g++) {
      for (int r = 0; r < stats[g].length; r++) {
        if (o.stats[g][r] != null) {
          if (stats[g][r] == null) {
            stats[g][r] = o.stats[g][r];
          } else {
            stats[g][r].merge(o.stats[g][r]);
          }
        }
      }
      logLikelihood[g] += o.logLikelihood[g];
      heldDeviance[g] += o.heldDeviance[g];
      heldWrong[g] += o.heldWrong[g];
      heldWeight[g] += o.heldWeight[g];
    }
    return this;
  }
}
