package org.l1path.solver.glm;

import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;
import org.l1path.solver.gaussian.PenaltyDual;
import org.l1path.solver.linalg.AndersonHistory;

/**
 * Anderson extrapolation of a multinomial fit's rounds. Stepping one class at a time, the
 * coefficients converge linearly through the coupling of the classes (in a 3-class fit each round's
 * changes were about 0.6 of the last round's); after a few rounds the extrapolation of the last
 * iterates jumps to where they lead. It is taken only when it lowers the objective.
 */
final class RoundExtrapolation {
  private final GaussianProblem base;
  private final double[][] y;
  private final double[][] beta;
  private final double[] intercept;
  private final ClassProbabilities probs;
  private final FeatureSets[] sets;
  private final int rows;
  private final int p;
  private final int n;
  private final AndersonHistory history = new AndersonHistory();

  /**
   * Every coefficient, then every intercept, in one vector: {@code r * p + j}, {@code rows * p +
   * r}.
   */
  private final double[] state;

  private final double[] target;
  private int[] members;
  private final double[][] candidateEta;
  private final double[][] candidateBeta;

  /** A candidate row's non-zero features and their original-scale coefficients. */
  private final int[] nonZero;

  private final double[] factors;

  RoundExtrapolation(
      GaussianProblem base,
      double[][] y,
      double[][] beta,
      double[] intercept,
      ClassProbabilities probs,
      FeatureSets[] sets) {
    this.base = base;
    this.y = y;
    this.beta = beta;
    this.intercept = intercept;
    this.probs = probs;
    this.sets = sets;
    this.rows = beta.length;
    this.p = base.p;
    this.n = base.n;
    state = new double[rows * p + rows];
    target = new double[rows * p + rows];
    members = new int[rows * p + rows];
    candidateEta = new double[rows][n];
    candidateBeta = new double[rows][p];
    nonZero = new int[p];
    factors = new double[p];
  }

  void clear() {
    history.clear();
  }

  /** Records the fit after a round and, once the history is full, tries its extrapolation. */
  void afterRound(double alpha) {
    int width = record();
    if (!history.full()) {
      return;
    }
    if (history.extrapolate(target)) {
      tryTarget(alpha, width);
    }
    history.clear();
    record();
  }

  /** Adds the strong coefficients and the intercepts to the history; returns their count. */
  private int record() {
    int width = 0;
    for (int r = 0; r < rows; r++) {
      FeatureSets s = sets[r];
      for (int t = 0; t < s.strongCount; t++) {
        int j = s.strong[t];
        state[r * p + j] = beta[r][j];
        members[width++] = r * p + j;
      }
    }
    for (int r = 0; r < rows; r++) {
      state[rows * p + r] = intercept[r];
      members[width++] = rows * p + r;
    }
    // The history compares member lists: the strong sets are in insertion order, kept sorted here.
    java.util.Arrays.sort(members, 0, width);
    history.add(state, members, width);
    return width;
  }

  /** Moves to the extrapolated point if its objective is lower than the current one. */
  private void tryTarget(double alpha, int width) {
    double aScale = alpha * base.l1Ratio;
    double qScale = alpha * (1 - base.l1Ratio);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(beta[r], 0, candidateBeta[r], 0, p);
    }
    double[] candidateIntercept = intercept.clone();
    for (int t = 0; t < width; t++) {
      int m = members[t];
      if (m >= rows * p) {
        candidateIntercept[m - rows * p] = target[t];
      } else {
        int j = m % p;
        candidateBeta[m / p][j] = Math.min(Math.max(target[t], base.lower[j]), base.upper[j]);
      }
    }
    double current = probs.loss(y, base);
    double candidate = 0;
    for (int r = 0; r < rows; r++) {
      current += PenaltyDual.value(base, beta[r], aScale, qScale);
      candidate += PenaltyDual.value(base, candidateBeta[r], aScale, qScale);
      linearPredictor(r, candidateIntercept[r]);
    }
    candidate += loss();
    if (!(candidate < current)) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(candidateBeta[r], 0, beta[r], 0, p);
      System.arraycopy(candidateEta[r], 0, probs.eta[r], 0, n);
    }
    System.arraycopy(candidateIntercept, 0, intercept, 0, rows);
    probs.refresh();
  }

  /** eta_r of the candidate coefficients, into {@link #candidateEta}. */
  private void linearPredictor(int r, double b0) {
    double[] e = candidateEta[r];
    java.util.Arrays.fill(e, b0);
    int count = 0;
    for (int j = 0; j < p; j++) {
      double b = candidateBeta[r][j];
      if (b != 0) {
        nonZero[count] = j;
        factors[count++] = b / base.scale[j];
      }
    }
    base.x.addColumns(nonZero, factors, count, e);
  }

  /** The multinomial loss of {@link #candidateEta}. */
  private double loss() {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double wi = base.weight(i);
      if (wi == 0) {
        continue;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < rows; r++) {
        max = Math.max(max, candidateEta[r][i]);
      }
      double total = 0;
      double observed = 0;
      for (int r = 0; r < rows; r++) {
        total += Math.exp(candidateEta[r][i] - max);
        observed += y[r][i] * candidateEta[r][i];
      }
      sum += wi * (max + Math.log(total) - observed);
    }
    return sum;
  }
}
