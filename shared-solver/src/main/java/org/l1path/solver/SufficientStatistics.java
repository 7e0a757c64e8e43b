package org.l1path.solver;

import java.io.Serializable;
import org.l1path.solver.data.Design;
import org.l1path.solver.linalg.ColumnProducts;

/**
 * The weighted moments of a least-squares problem: the total weight, the weighted means of the
 * features and the response, and their centred cross-products {@code sum_i w_i (z_i - m)(z_i - m)'}
 * with {@code z = (x, y)}. The gaussian objective depends on the data through these alone, so they
 * can be summed where the rows are (a partition of a distributed data set) and the path solved
 * elsewhere ({@link StatisticsFit}). Statistics of disjoint row sets {@link #merge} exactly, and
 * the statistics of a subset can be taken out again ({@link #minus}): a fold's training rows are
 * the whole data less the fold.
 *
 * <p>Rows are added with Welford's update and sets merged with Chan's: centred throughout, so no
 * raw sum of squares cancels. A feature that is constant keeps exactly zero spread.
 *
 * <p>Holds {@code (p + 1)(p + 2) / 2 + p + 3} doubles: the upper triangle of the cross-products.
 */
public final class SufficientStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int p;

  /** p + 1: the features, then the response. */
  private final int d;

  private long rows;
  private double weight;
  private final double[] mean;

  /** Upper triangle of the centred cross-products, row by row (see {@link #at}). */
  private final double[] cross;

  /** {@link #addBlock}'s centred and weighted block, kept for the next block of the same size. */
  private transient double[] centred;

  private transient double[] weighted;

  /** No rows yet, for {@code features} features. */
  public SufficientStatistics(int features) {
    if (features < 1) {
      throw new IllegalArgumentException("features must be at least 1, got " + features);
    }
    long triangle = (features + 1L) * (features + 2L) / 2;
    if (triangle > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many features for one array: " + features);
    }
    p = features;
    d = features + 1;
    mean = new double[d];
    cross = new double[(int) triangle];
  }

  /**
   * Statistics with the given moments, for a least-squares problem made rather than summed (a
   * Newton step's quadratic model from a Hessian and a gradient): {@code rows} rows of total weight
   * {@code weight}, the weighted means of the features and then the response, and the centred
   * cross-products, entry (j, k) for j <= k read from {@code cross[j][k]}.
   *
   * @throws IllegalArgumentException for arrays of the wrong shape or a weight that is not positive
   *     and finite
   */
  public static SufficientStatistics ofMoments(
      long rows, double weight, double[] mean, double[][] cross) {
    SufficientStatistics s = new SufficientStatistics(mean.length - 1);
    if (cross.length != s.d) {
      throw new IllegalArgumentException(
          cross.length + " rows of cross-products for " + s.d + " means");
    }
    if (!(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("the weight must be positive and finite, got " + weight);
    }
    s.rows = rows;
    s.weight = weight;
    System.arraycopy(mean, 0, s.mean, 0, s.d);
    for (int j = 0; j < s.d; j++) {
      if (cross[j].length != s.d) {
        throw new IllegalArgumentException("cross-product row " + j + " is not " + s.d + " long");
      }
      int base = s.at(j, j) - j;
      for (int k = j; k < s.d; k++) {
        s.cross[base + k] = cross[j][k];
      }
    }
    return s;
  }

  private SufficientStatistics(SufficientStatistics other) {
    p = other.p;
    d = other.d;
    rows = other.rows;
    weight = other.weight;
    mean = other.mean.clone();
    cross = other.cross.clone();
  }

  /** How many doubles statistics of {@code features} features hold. */
  public static long doublesFor(int features) {
    long dims = features + 1L;
    return dims * (dims + 1) / 2 + dims + 2;
  }

  /** The index of entry (j, k), j <= k, in {@link #cross}. */
  private int at(int j, int k) {
    return j * d - j * (j - 1) / 2 + (k - j);
  }

  /**
   * Adds one row; a row of weight 0 counts as a row but changes nothing else (it takes no part in
   * the fit, as in {@link Dataset}).
   *
   * @throws IllegalArgumentException for a negative or non-finite weight, or a wrong row length
   */
  public void add(double[] x, double y, double w) {
    if (x.length != p) {
      throw new IllegalArgumentException("a row has " + x.length + " features, expected " + p);
    }
    requireWeight(w);
    rows++;
    if (w == 0) {
      return;
    }
    weight += w;
    double share = w / weight;
    double[] delta = new double[d];
    for (int j = 0; j < p; j++) {
      delta[j] = x[j] - mean[j];
      mean[j] += share * delta[j];
    }
    delta[p] = y - mean[p];
    mean[p] += share * delta[p];
    // sum w (z - m)(z - m)' grows by w (1 - w/W) delta delta', delta taken at the old mean.
    double scale = w * (1 - share);
    for (int j = 0; j < d; j++) {
      double s = scale * delta[j];
      if (s == 0) {
        continue;
      }
      int base = at(j, j) - j;
      for (int k = j; k < d; k++) {
        cross[base + k] += s * delta[k];
      }
    }
  }

  /**
   * Adds {@code count} rows at once, as {@link #add} adds them one by one (up to rounding): the
   * block's own weighted means, then its centred cross-products summed as one matrix product by the
   * Gram kernel ({@link ColumnProducts}), merged in as a disjoint set of rows. Row by row, each row
   * updates the whole triangle with scalar code; a block of a thousand rows runs at the kernel's
   * speed. The block is centred on its own means before any product, so no raw sum of squares
   * cancels here either.
   *
   * @param x the rows' features, column-major: feature j of row i at {@code x[j * count + i]}
   * @param y the rows' responses
   * @param w the rows' weights
   * @throws IllegalArgumentException for a negative or non-finite weight, or arrays shorter than
   *     {@code count} rows
   */
  public void addBlock(double[] x, double[] y, double[] w, int count) {
    if (count < 0 || x.length < (long) count * p || y.length < count || w.length < count) {
      throw new IllegalArgumentException(
          "a block of " + count + " rows needs " + count + " responses, weights and rows of " + p);
    }
    if ((long) d * count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a block of " + count + " rows is too large for one array");
    }
    double total = 0;
    for (int i = 0; i < count; i++) {
      requireWeight(w[i]);
      total += w[i];
    }
    if (total == 0) {
      rows += count;
      return;
    }
    SufficientStatistics block = new SufficientStatistics(p);
    block.rows = count;
    block.weight = total;
    if (centred == null || centred.length != d * count) {
      centred = new double[d * count];
      weighted = new double[d * count];
    }
    for (int j = 0; j < d; j++) {
      double[] from = j < p ? x : y;
      int offset = j < p ? j * count : 0;
      double sum = 0;
      for (int i = 0; i < count; i++) {
        sum += w[i] * from[offset + i];
      }
      double m = sum / total;
      block.mean[j] = m;
      int at = j * count;
      for (int i = 0; i < count; i++) {
        double c = from[offset + i] - m;
        centred[at + i] = c;
        weighted[at + i] = w[i] * c;
      }
    }
    int[] all = new int[d];
    for (int j = 0; j < d; j++) {
      all[j] = j;
    }
    double[] products = new double[d * d];
    ColumnProducts.blockUpperTriangle(
        weighted, Design.ofColumnMajor(centred, count, d), all, d, products, false);
    for (int j = 0; j < d; j++) {
      int base = at(j, j) - j;
      for (int k = j; k < d; k++) {
        block.cross[base + k] = products[j * d + k];
      }
    }
    merge(block);
  }

  private static void requireWeight(double w) {
    if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
    }
  }

  /** Adds the rows of {@code other} (a disjoint set of rows) to these; returns this. */
  public SufficientStatistics merge(SufficientStatistics other) {
    requireSameShape(other);
    rows += other.rows;
    if (other.weight == 0) {
      return this;
    }
    if (weight == 0) {
      weight = other.weight;
      System.arraycopy(other.mean, 0, mean, 0, d);
      System.arraycopy(other.cross, 0, cross, 0, cross.length);
      return this;
    }
    double total = weight + other.weight;
    double[] delta = new double[d];
    for (int j = 0; j < d; j++) {
      delta[j] = other.mean[j] - mean[j];
    }
    double scale = weight * other.weight / total;
    for (int j = 0; j < d; j++) {
      int base = at(j, j) - j;
      for (int k = j; k < d; k++) {
        cross[base + k] += other.cross[base + k] + scale * delta[j] * delta[k];
      }
    }
    double share = other.weight / total;
    for (int j = 0; j < d; j++) {
      mean[j] += share * delta[j];
    }
    weight = total;
    return this;
  }

  /**
   * The statistics of these rows without {@code part}'s, which must be a subset of them (a fold of
   * the whole): Chan's merge run backwards. Equal means stay exactly equal, so a constant feature
   * stays constant.
   */
  public SufficientStatistics minus(SufficientStatistics part) {
    requireSameShape(part);
    SufficientStatistics out = new SufficientStatistics(this);
    out.rows = rows - part.rows;
    if (part.weight == 0) {
      return out;
    }
    double rest = weight - part.weight;
    if (!(rest > 0)) {
      throw new IllegalArgumentException("no weight is left once a fold is taken out");
    }
    // m = m_all + (W_part / W_rest)(m_all - m_part);
    // C = C_all - C_part - (W_rest W_part / W_all)(m - m_part)(m - m_part)'
    double[] rel = new double[d];
    for (int j = 0; j < d; j++) {
      double diff = mean[j] - part.mean[j];
      out.mean[j] = mean[j] + (part.weight / rest) * diff;
      rel[j] = out.mean[j] - part.mean[j];
    }
    double scale = rest * part.weight / weight;
    for (int j = 0; j < d; j++) {
      int base = at(j, j) - j;
      for (int k = j; k < d; k++) {
        out.cross[base + k] = cross[base + k] - part.cross[base + k] - scale * rel[j] * rel[k];
      }
    }
    out.weight = rest;
    return out;
  }

  private void requireSameShape(SufficientStatistics other) {
    if (other.p != p) {
      throw new IllegalArgumentException(
          "statistics of " + other.p + " features cannot meet statistics of " + p);
    }
  }

  public int features() {
    return p;
  }

  /** How many rows were added, weight-0 rows included. */
  public long rows() {
    return rows;
  }

  /** The total weight. */
  public double weight() {
    return weight;
  }

  /** The weighted mean of feature j, or of the response for j = {@link #features()}. */
  public double mean(int j) {
    return mean[j];
  }

  /**
   * {@code sum_i w_i (z_ij - m_j)(z_ik - m_k)}, where index {@link #features()} is the response.
   */
  public double crossProduct(int j, int k) {
    return j <= k ? cross[at(j, k)] : cross[at(k, j)];
  }

  /**
   * The weighted mean squared error of {@code intercept + x·coefficients} on these rows, from the
   * moments alone: the residual's weighted variance plus its squared mean.
   */
  public double meanSquaredError(double intercept, double[] coefficients) {
    if (coefficients.length != p) {
      throw new IllegalArgumentException(
          coefficients.length + " coefficients for " + p + " features");
    }
    if (weight == 0) {
      return Double.NaN;
    }
    // r = y - b0 - x·b, so with u = (-b, 1): mean(r) = u·m - b0, var(r) = u' C u / W.
    double meanResidual = mean[p] - intercept;
    double spread = crossProduct(p, p);
    for (int j = 0; j < p; j++) {
      double bj = coefficients[j];
      if (bj == 0) {
        continue;
      }
      meanResidual -= bj * mean[j];
      spread -= 2 * bj * crossProduct(j, p);
      double quad = 0;
      for (int k = 0; k < p; k++) {
        if (coefficients[k] != 0) {
          quad += crossProduct(j, k) * coefficients[k];
        }
      }
      spread += bj * quad;
    }
    return Math.max(spread, 0) / weight + meanResidual * meanResidual;
  }
}
