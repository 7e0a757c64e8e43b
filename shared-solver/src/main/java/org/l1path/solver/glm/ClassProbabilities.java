package org.l1path.solver.glm;

import java.util.Arrays;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * The linear predictors of a binomial or multinomial fit and the class probabilities they give,
 * kept up to date as one coefficient row changes at a time.
 *
 * <p>A multinomial fit keeps each class's exponential unnormalized, {@code e_ri = exp(eta_ri -
 * shift_i)}, with the row totals {@code t_i = sum_r e_ri}: a change of one class then costs one exp
 * per observation, where a softmax costs K. The shift keeps the exponentials in range; a row whose
 * total would overflow, underflow, or lose its digits to cancellation is recomputed on its own.
 */
final class ClassProbabilities {
  /** Outside this range an unnormalized exponential is brought back by a new shift. */
  private static final double LARGEST = 1e250;

  private static final double SMALLEST = 1e-250;

  /**
   * The largest intercept shift a binomial fit applies to its probabilities' odds rather than
   * through the sigmoid: a large negative shift of a probability rounded to 1 would need the digits
   * that rounding lost. Intercepts settle by far smaller steps.
   */
  private static final double SMALL_SHIFT = 1e-2;

  final int n;
  final int rows;
  final boolean multinomial;

  /** {@code eta[r][i]}. */
  final double[][] eta;

  /** Binomial: the probability of the modelled class. Multinomial: {@code e_ri}. */
  private final double[][] scaled;

  private final double[] shift;
  private final double[] total;

  /** The factors of an {@link #add} or {@link #addConstant} that was given none. */
  private final double[] smallFactors;

  /** The row totals before the last {@link #scale}. */
  private final double[] previousTotal;

  /**
   * A joint line search's sums by observation: {@code sum_r e_ri (e^(step delta_ri) - 1)} and
   * {@code sum_r y_ri step delta_ri}.
   */
  private final double[] expectedChange;

  private final double[] observedChange;

  ClassProbabilities(int n, int rows, boolean multinomial) {
    this.n = n;
    this.rows = rows;
    this.multinomial = multinomial;
    eta = new double[rows][n];
    scaled = new double[rows][n];
    shift = new double[n];
    total = new double[n];
    smallFactors = new double[multinomial ? n : 0];
    previousTotal = new double[multinomial ? n : 0];
    expectedChange = new double[multinomial ? n : 0];
    observedChange = new double[multinomial ? n : 0];
  }

  /** Sets every linear predictor of row r to {@code value}; call {@link #refresh()} after. */
  void fill(int r, double value) {
    Arrays.fill(eta[r], value);
  }

  /** Recomputes every probability from the linear predictors. */
  void refresh() {
    if (!multinomial) {
      double[] e = eta[0];
      double[] q = scaled[0];
      for (int i = 0; i < n; i++) {
        q[i] = Links.sigmoid(e[i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      renormalize(i);
    }
  }

  /** The probability of class row r at observation i. */
  double probability(int r, int i) {
    return multinomial ? scaled[r][i] / total[i] : scaled[0][i];
  }

  /**
   * Fills {@code out} with the probabilities of class row r. A loop of its own, without the offset:
   * C2 17 vectorizes {@code out[i] = s[i] / t[i]}, not {@code out[at + i] = s[i] / t[i]}.
   */
  void probabilities(int r, double[] out) {
    if (!multinomial) {
      probabilities(r, out, 0);
      return;
    }
    double[] s = scaled[r];
    for (int i = 0; i < n; i++) {
      out[i] = s[i] / total[i];
    }
  }

  /** Fills {@code out[at .. at + n)} with the probabilities of class row r. */
  void probabilities(int r, double[] out, int at) {
    double[] s = scaled[r];
    if (!multinomial) {
      System.arraycopy(s, 0, out, at, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      out[at + i] = s[i] / total[i];
    }
  }

  /**
   * Adds {@code step * delta[i]} to eta_r; {@code factor[i]} holds {@code exp(step * delta[i])}
   * when a line search has computed it, else factor is null. {@code largest} is {@code max_i
   * |delta[i]|}, which every caller has already taken for its own step control: a multinomial
   * change of at most {@link SmallExp#BOUND} everywhere (every step that needs no line search)
   * takes its exponentials from {@link SmallExp}.
   */
  void add(int r, double[] delta, double step, double[] factor, double largest) {
    double[] e = eta[r];
    double[] s = scaled[r];
    if (!multinomial) {
      for (int i = 0; i < n; i++) {
        e[i] += step * delta[i];
        s[i] = Links.sigmoid(e[i]);
      }
      return;
    }
    double[] f = factor;
    if (f == null) {
      f = smallFactors;
      if (Math.abs(step) * largest <= SmallExp.BOUND) {
        SmallExp.of(delta, step, n, f);
      } else {
        exps(delta, step, f);
      }
    }
    for (int i = 0; i < n; i++) {
      e[i] += step * delta[i];
    }
    scale(s, f);
  }

  /** {@code out[i] = exp(step * delta[i])}. */
  private void exps(double[] delta, double step, double[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = Math.exp(step * delta[i]);
    }
  }

  /** Adds {@code d} to every eta of row r: the probabilities of a shifted intercept. */
  void addConstant(int r, double d) {
    double[] e = eta[r];
    for (int i = 0; i < n; i++) {
      e[i] += d;
    }
    if (!multinomial) {
      double[] q = scaled[0];
      if (Math.abs(d) > SMALL_SHIFT) {
        for (int i = 0; i < n; i++) {
          q[i] = Links.sigmoid(e[i]);
        }
        return;
      }
      // The odds scale by e^d: q' = q e^d / (1 - q + q e^d), a division where the sigmoid takes an
      // exp, in a loop C2 vectorizes. Shifting the intercepts this way was 6 % of a binomial path.
      double g = Math.expm1(d);
      for (int i = 0; i < n; i++) {
        double qi = q[i];
        q[i] = (qi + qi * g) / (1 + qi * g);
      }
      return;
    }
    Arrays.fill(smallFactors, Math.exp(d));
    scale(scaled[r], smallFactors);
  }

  /**
   * Multiplies one class's exponentials by {@code factor[i]} and updates the row totals; a row is
   * recomputed instead where its total left range or lost its digits. The products and totals take
   * a loop C2 compiles to vector instructions, and the checks one of their own, where one loop with
   * its check per observation stayed scalar (8 % of a 30-class path).
   */
  private void scale(double[] s, double[] factor) {
    System.arraycopy(total, 0, previousTotal, 0, n);
    for (int i = 0; i < n; i++) {
      double before = s[i];
      double after = before * factor[i];
      s[i] = after;
      total[i] += after - before;
    }
    for (int i = 0; i < n; i++) {
      double t = total[i];
      // A total that falls below half its old value has lost digits to the subtraction.
      if (!(s[i] < LARGEST && t > SMALLEST && t >= 0.5 * previousTotal[i])) {
        renormalize(i);
      }
    }
  }

  /**
   * Re-adds the row totals from their terms: the running totals gather a rounding error per update,
   * and a certificate near double precision needs them exact.
   */
  void resum() {
    if (!multinomial) {
      return;
    }
    Arrays.fill(total, 0);
    for (double[] s : scaled) {
      for (int i = 0; i < n; i++) {
        total[i] += s[i];
      }
    }
  }

  /** Observation i's exponentials from its linear predictors, shifted by their largest. */
  private void renormalize(int i) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < rows; k++) {
      max = Math.max(max, eta[k][i]);
    }
    double sum = 0;
    for (int k = 0; k < rows; k++) {
      double e = Math.exp(eta[k][i] - max);
      scaled[k][i] = e;
      sum += e;
    }
    shift[i] = max;
    total[i] = sum;
  }

  /**
   * The weighted negative log-likelihood {@code sum_i w_i l_i}, with {@code y[r][i]} the class
   * indicators (binomial: the modelled class).
   */
  double loss(double[][] y, GaussianProblem base) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double wi = base.weight(i);
      if (wi == 0) {
        continue;
      }
      double li;
      if (multinomial) {
        double observed = 0;
        for (int k = 0; k < rows; k++) {
          observed += y[k][i] * eta[k][i];
        }
        li = shift[i] + Math.log(total[i]) - observed;
      } else {
        li = Links.softplus(eta[0][i]) - y[0][i] * eta[0][i];
      }
      sum += wi * li;
    }
    return sum;
  }

  /**
   * The change of the loss when eta_r moves by {@code step * delta}: {@code sum_i w_i (log(1 + q_ri
   * (e^(step delta_i) - 1)) - y_ri step delta_i)}, for softmax and sigmoid alike. Leaves {@code
   * exp(step delta_i)} in {@code factor}.
   */
  double lossChange(
      int r, double[] yr, double[] delta, double step, GaussianProblem base, double[] factor) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = step * delta[i];
      double m1 = Math.expm1(d);
      factor[i] = 1 + m1;
      double wi = base.weight(i);
      if (wi == 0 || d == 0) {
        continue;
      }
      sum += wi * (Math.log1p(probability(r, i) * m1) - yr[i] * d);
    }
    return sum;
  }

  /**
   * The change of the multinomial loss when every eta_r moves by {@code step * delta[r]}: {@code
   * sum_i w_i (log(1 + sum_r p_ri (e^(step delta_ri) - 1)) - sum_r y_ri step delta_ri)}, exact near
   * convergence where a difference of two losses would be rounding; {@code largest[r]} is {@code
   * max_i |delta[r][i]|}. Leaves {@code exp(step delta_ri)} in {@code factor[r]}.
   */
  double jointLossChange(
      double[][] y,
      double[][] delta,
      double[] largest,
      double step,
      GaussianProblem base,
      double[][] factor) {
    // Class by class, so that a class whose changes are all small takes its exponentials from the
    // series: Math.expm1 is a call per class and observation.
    Arrays.fill(expectedChange, 0.0);
    Arrays.fill(observedChange, 0.0);
    for (int r = 0; r < rows; r++) {
      double[] m1 = factor[r];
      if (Math.abs(step) * largest[r] <= SmallExp.BOUND) {
        SmallExp.minusOne(delta[r], step, n, m1);
      } else {
        expm1(delta[r], step, m1);
      }
      addClassChange(y[r], delta[r], step, scaled[r], m1);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double wi = base.weight(i);
      if (wi != 0) {
        sum += wi * (Math.log1p(expectedChange[i] / total[i]) - observedChange[i]);
      }
    }
    return sum;
  }

  /** {@code out[i] = expm1(step * delta[i])}. */
  private void expm1(double[] delta, double step, double[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = Math.expm1(step * delta[i]);
    }
  }

  /**
   * One class's terms of {@link #jointLossChange} into the observations' sums, from {@code m1 =
   * e^(step delta) - 1}, which then becomes the factor {@code e^(step delta)}.
   */
  private void addClassChange(double[] yr, double[] delta, double step, double[] s, double[] m1) {
    for (int i = 0; i < n; i++) {
      expectedChange[i] += s[i] * m1[i];
      observedChange[i] += yr[i] * (step * delta[i]);
      m1[i] += 1;
    }
  }

  /**
   * The loss {@code sum_i w_i l_i} and the negative entropy {@code sum_i w_i sum_k t_ik log t_ik}
   * of {@code t_i = (1 - c) y_i + c p_i} (the dual objective's first term), in one sweep that
   * shares each observation's log-sum-exp. With {@code log t_ik = log c + eta_ik - lse_i} for every
   * class but the observed one, the entropy of observation i is
   *
   * <pre>
   *   log c + c sum_k p_ik eta_ik + (1 - c) eta_iy - lse_i + t_iy log1p((1 - c) / (c p_iy))
   * </pre>
   *
   * which takes no logarithm beyond the loss's own when c is 1.
   *
   * @return {loss, negative entropy}
   */
  double[] lossAndEntropy(double[][] y, double c, GaussianProblem base) {
    return lossAndEntropy(y, c, null, base);
  }

  /**
   * As {@link #lossAndEntropy(double[][], double, GaussianProblem)} for a binomial fit whose dual
   * point takes the probabilities moved by {@code move} ({@code q_i + move_i}, in [0, 1]) before
   * the scaling: {@code t_i = (1 - c) y_i + c (q_i + move_i)}. A null move is none.
   */
  double[] lossAndEntropy(double[][] y, double c, double[] move, GaussianProblem base) {
    double loss = 0;
    double entropy = 0;
    double logC = Math.log(c);
    for (int i = 0; i < n; i++) {
      double wi = base.weight(i);
      if (wi == 0) {
        continue;
      }
      double li;
      double term;
      if (multinomial) {
        double lse = shift[i] + Math.log(total[i]);
        double inverse = 1 / total[i];
        double expected = 0;
        double observedEta = 0;
        double observedP = 0;
        for (int k = 0; k < rows; k++) {
          double pk = scaled[k][i] * inverse;
          expected += pk * eta[k][i];
          if (y[k][i] == 1) {
            observedEta = eta[k][i];
            observedP = pk;
          }
        }
        li = lse - observedEta;
        term = logC + c * expected + (1 - c) * observedEta - lse;
        if (c < 1 && observedP > 0) {
          double ty = (1 - c) + c * observedP;
          term += ty * log1pSmall((1 - c) / (c * observedP));
        } else if (c < 1) {
          // The observed class's probability underflowed: the entropy term by term.
          term = 0;
          for (int k = 0; k < rows; k++) {
            term += Links.xlogx((1 - c) * y[k][i] + c * scaled[k][i] * inverse);
          }
        }
      } else {
        double e = eta[0][i];
        double yi = y[0][i];
        double q = scaled[0][i];
        double softplus = Links.softplus(e);
        li = softplus - yi * e;
        // q log q + (1 - q) log (1 - q) = q eta - softplus(eta), since log q = eta - softplus.
        term = q * e - softplus;
        double moved = move == null ? 0.0 : move[i];
        // t - q: toward the label by the scaling, and by the move.
        double shift = (1 - c) * (yi - q) + c * moved;
        double complement = q < 0.5 ? 1 - q : Math.exp(-softplus);
        if (shift != 0 && q > 0 && q < 1 && q + shift > 0 && complement - shift > 0) {
          double t = q + shift;
          double u = complement - shift;
          // t log t - q log q split as (t - q) log q + t log(t / q), and likewise for u.
          double logQ = e - softplus;
          double logComplement = -softplus;
          term +=
              shift * logQ
                  + t * log1pSmall(shift / q)
                  - shift * logComplement
                  + u * log1pSmall(-shift / complement);
        } else if (shift != 0) {
          // A probability rounded to 0 or 1: the entropy term by term.
          double t = (1 - c) * yi + c * (q + moved);
          term = Links.xlogx(t) + Links.xlogx((1 - c) * (1 - yi) + c * (Links.sigmoid(-e) - moved));
        }
      }
      loss += wi * li;
      entropy += wi * term;
    }
    return new double[] {loss, entropy};
  }

  /**
   * {@code log1p(x)}, by its series to degree 8 where that is exact to double precision (the first
   * term left out is within {@code x^8 / 9 < 1.2e-17} of the sum): near convergence a binomial
   * gap's two terms per observation mostly are, and Math.log1p, a call each, was most of the gap's
   * time on 50000 x 50.
   */
  static double log1pSmall(double x) {
    if (!(Math.abs(x) < 1e-2)) {
      return Math.log1p(x);
    }
    double p = 1.0 / 8;
    p = 1.0 / 7 - x * p;
    p = 1.0 / 6 - x * p;
    p = 1.0 / 5 - x * p;
    p = 1.0 / 4 - x * p;
    p = 1.0 / 3 - x * p;
    p = 1.0 / 2 - x * p;
    p = 1.0 - x * p;
    return x * p;
  }
}
