package org.l1path.spark;

import java.io.Serializable;
import org.l1path.solver.Family;
import org.l1path.solver.SufficientStatistics;

/**
 * What one pass of a classification fit sums for the Newton steps of every active fit ({@link
 * NewtonModel}). For each l1 ratio whose {@link Iterates#sumShared} asks for them, the Gram
 * matrices of each fold's rows under the Newton weights w v (v = p (1 - p), per class for
 * multinomial) of the full-data fit: its fold fits share them as their Hessian, the training rows'
 * Gram matrix being the total less the held-out fold's. That is one Gram matrix's work per row for
 * each ratio, where each fit's own would be K + 1; a fit may sum its own ({@link
 * Iterates#ownGram}). For each fit at its own iterate: the log-likelihood of its training rows, the
 * gradient {@code sum w (y - p) x} and intercept gradient, the working residuals' squares {@code
 * sum w (y - p)^2 / v}, and, for a fold's fit, the deviance and misclassifications of its held-out
 * rows.
 *
 * <p>Each ratio's Gram rows wait in a {@link RowBlock} per fold and go into the matrices a block at
 * a time; {@link #flush} adds the last part-blocks, before these are merged or shipped.
 */
final class WorkingMoments implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The deviance clamps probabilities to [P_MIN, 1 - P_MIN], as glmnet and l1path's CV do. */
  static final double DEVIANCE_P_MIN = 1e-5;

  /** The Newton weight's floor, so that working residuals stay finite where p saturates. */
  static final double V_MIN = 1e-9;

  /** The most doubles the blocks of one partition hold together (32 MB). */
  private static final int BLOCK_DOUBLES = 1 << 22;

  /** grams[ratio][fold][response]: the full-data fit's Newton-weighted Gram matrix of a fold. */
  final SufficientStatistics[][][] grams;

  /** ownGrams[fit][response]: a fit's own, where {@link Iterates#ownGram} asks for it. */
  final SufficientStatistics[][] ownGrams;

  final double[][][] gradient;
  final double[][] interceptGradient;
  final double[][] spread;
  final double[] logLikelihood;
  final double[] heldDeviance;
  final double[] heldWrong;
  final double[] heldWeight;

  /** Each ratio's and fold's rows not yet in its Gram matrices; none once flushed or shipped. */
  private transient RowBlock[][] pending;

  /** Each fit's rows not yet in its own Gram matrices. */
  private transient RowBlock[] ownPending;

  /**
   * One row's linear predictors, class probabilities and Gram weights: scratch for {@link #add}.
   */
  private transient double[] eta;

  private transient double[] probs;
  private transient double[] gramWeight;
  private transient double[] zeros;

  /** Each binomial fit's x · beta for the row at hand. */
  private transient double[] linear;

  WorkingMoments(int ratios, int folds, int fits, int responses, int features) {
    grams = new SufficientStatistics[ratios][folds][responses];
    ownGrams = new SufficientStatistics[fits][responses];
    gradient = new double[fits][responses][features];
    interceptGradient = new double[fits][responses];
    spread = new double[fits][responses];
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
    int fold = it.foldIndex(row.fold());
    int responses = it.responses();
    boolean binomial = it.family == Family.BINOMIAL;
    if (eta == null) {
      eta = new double[responses];
      probs = new double[binomial ? 2 : responses];
      gramWeight = new double[responses];
      zeros = new double[responses];
    }
    int fits = it.fits();
    if (binomial) {
      if (linear == null) {
        linear = new double[fits];
      }
      // Two fits at a time: x is read once for both, into eight independent running sums.
      for (int g = 0; g < fits; g += 2) {
        if (g + 1 < fits) {
          dotTwo(x, it.beta[g][0], it.beta[g + 1][0], linear, g);
        } else {
          linear[g] = dot(x, it.beta[g][0]);
        }
      }
    }
    for (int g = 0; g < fits; g++) {
      boolean owner = it.column(g) == 0 && it.sumShared[g / (it.folds + 1)];
      if (!it.active[g] && !owner) {
        continue;
      }
      for (int r = 0; r < responses; r++) {
        eta[r] = it.intercept[g][r] + (binomial ? linear[g] : dot(x, it.beta[g][r]));
      }
      double logObserved = probabilities(binomial, it.family, observed);
      if (owner) {
        newtonWeights(w, binomial);
        block(g / (it.folds + 1), fold, x.length)
            .add(x, zeros, gramWeight, grams[g / (it.folds + 1)][fold]);
      }
      if (!it.active[g]) {
        continue;
      }
      if (it.column(g) == 1 + fold) {
        double p = probs[observed];
        heldDeviance[g] -=
            2 * w * Math.log(Math.min(Math.max(p, DEVIANCE_P_MIN), 1 - DEVIANCE_P_MIN));
        if (mostProbable(probs) != observed) {
          heldWrong[g] += w;
        }
        heldWeight[g] += w;
        continue;
      }
      logLikelihood[g] += w * logObserved;
      if (it.ownGram[g] && !owner) {
        newtonWeights(w, binomial);
        ownBlock(g, x.length).add(x, zeros, gramWeight, ownGrams[g]);
      }
      for (int r = 0; r < responses; r++) {
        // binomial: the one row models class 1
        double y = binomial ? observed : (observed == r ? 1 : 0);
        double p = binomial ? probs[1] : probs[r];
        double residual = w * (y - p);
        double[] into = gradient[g][r];
        for (int j = 0; j < x.length; j++) {
          into[j] += residual * x[j];
        }
        interceptGradient[g][r] += residual;
        spread[g][r] += residual * (y - p) / Math.max(p * (1 - p), V_MIN);
      }
    }
  }

  /** Each response row's Newton weight w v, v = p (1 - p) floored, into {@link #gramWeight}. */
  private void newtonWeights(double w, boolean binomial) {
    for (int r = 0; r < gramWeight.length; r++) {
      double p = binomial ? probs[1] : probs[r];
      gramWeight[r] = w * Math.max(p * (1 - p), V_MIN);
    }
  }

  /** x · b with four running sums: one sum waits on each add in turn. */
  private static double dot(double[] x, double[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < x.length; j += 4) {
      s0 += x[j] * b[j];
      s1 += x[j + 1] * b[j + 1];
      s2 += x[j + 2] * b[j + 2];
      s3 += x[j + 3] * b[j + 3];
    }
    for (; j < x.length; j++) {
      s0 += x[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** x · a and x · b into out[at] and out[at + 1], four running sums each. */
  private static void dotTwo(double[] x, double[] a, double[] b, double[] out, int at) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double b3 = 0;
    int j = 0;
    for (; j + 3 < x.length; j += 4) {
      double x0 = x[j];
      double x1 = x[j + 1];
      double x2 = x[j + 2];
      double x3 = x[j + 3];
      a0 += x0 * a[j];
      a1 += x1 * a[j + 1];
      a2 += x2 * a[j + 2];
      a3 += x3 * a[j + 3];
      b0 += x0 * b[j];
      b1 += x1 * b[j + 1];
      b2 += x2 * b[j + 2];
      b3 += x3 * b[j + 3];
    }
    for (; j < x.length; j++) {
      a0 += x[j] * a[j];
      b0 += x[j] * b[j];
    }
    out[at] = (a0 + a1) + (a2 + a3);
    out[at + 1] = (b0 + b1) + (b2 + b3);
  }

  /** A ratio's and fold's block, and its Gram matrices if it has none yet. */
  private RowBlock block(int ratio, int fold, int features) {
    if (pending == null) {
      pending = new RowBlock[grams.length][grams[0].length];
    }
    RowBlock b = pending[ratio][fold];
    if (b == null) {
      SufficientStatistics[] into = grams[ratio][fold];
      for (int r = 0; r < into.length; r++) {
        if (into[r] == null) {
          into[r] = new SufficientStatistics(features);
        }
      }
      int blocks = grams.length * grams[0].length;
      int rows = RowBlock.rowsWithin(BLOCK_DOUBLES, blocks, features, into.length);
      b = new RowBlock(features, into.length, rows);
      pending[ratio][fold] = b;
    }
    return b;
  }

  /** Fit g's block for its own Gram matrices, and the matrices if it has none yet. */
  private RowBlock ownBlock(int g, int features) {
    if (ownPending == null) {
      ownPending = new RowBlock[ownGrams.length];
    }
    if (ownPending[g] == null) {
      SufficientStatistics[] into = ownGrams[g];
      for (int r = 0; r < into.length; r++) {
        into[r] = new SufficientStatistics(features);
      }
      int blocks = grams.length * grams[0].length + ownGrams.length;
      int rows = RowBlock.rowsWithin(BLOCK_DOUBLES, blocks, features, into.length);
      ownPending[g] = new RowBlock(features, into.length, rows);
    }
    return ownPending[g];
  }

  /** Adds the rows still waiting in part-filled blocks; returns this. */
  WorkingMoments flush() {
    if (ownPending != null) {
      for (int g = 0; g < ownPending.length; g++) {
        if (ownPending[g] != null) {
          ownPending[g].flush(ownGrams[g]);
        }
      }
      ownPending = null;
    }
    if (pending != null) {
      for (int r = 0; r < pending.length; r++) {
        for (int f = 0; f < pending[r].length; f++) {
          if (pending[r][f] != null) {
            pending[r][f].flush(grams[r][f]);
          }
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

  /**
   * Fills {@link #probs} from {@link #eta}; returns log p(observed class), overflow-free. Binomial
   * takes one exponential and one logarithm per row and fit: a pass is mostly these and the
   * products.
   */
  private double probabilities(boolean binomial, Family family, int observed) {
    if (binomial) {
      double e = eta[0];
      double t = Math.exp(-Math.abs(e));
      // log(1 + t) for t in (0, 1]: its absolute error, not log1p's relative one, is what a sum
      // of log-likelihoods keeps.
      double softplus = Math.log(1 + t);
      probs[1] = e >= 0 ? 1 / (1 + t) : t / (1 + t);
      probs[0] = 1 - probs[1];
      double logP1 = e >= 0 ? -softplus : e - softplus;
      double logP0 = e >= 0 ? -e - softplus : -softplus;
      return observed == 1 ? logP1 : logP0;
    }
    System.arraycopy(family.probabilities(eta), 0, probs, 0, probs.length);
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
    for (int r = 0; r < grams.length; r++) {
      for (int f = 0; f < grams[r].length; f++) {
        for (int c = 0; c < grams[r][f].length; c++) {
          grams[r][f][c] = sum(grams[r][f][c], o.grams[r][f][c]);
        }
      }
    }
    for (int g = 0; g < gradient.length; g++) {
      for (int r = 0; r < gradient[g].length; r++) {
        ownGrams[g][r] = sum(ownGrams[g][r], o.ownGrams[g][r]);
        double[] mine = gradient[g][r];
        double[] theirs = o.gradient[g][r];
        for (int j = 0; j < mine.length; j++) {
          mine[j] += theirs[j];
        }
        interceptGradient[g][r] += o.interceptGradient[g][r];
        spread[g][r] += o.spread[g][r];
      }
      logLikelihood[g] += o.logLikelihood[g];
      heldDeviance[g] += o.heldDeviance[g];
      heldWrong[g] += o.heldWrong[g];
      heldWeight[g] += o.heldWeight[g];
    }
    return this;
  }

  /** The statistics of both row sets, either of which may be missing (null). */
  private static SufficientStatistics sum(SufficientStatistics mine, SufficientStatistics theirs) {
    return mine == null ? theirs : theirs == null ? mine : mine.merge(theirs);
  }
}
