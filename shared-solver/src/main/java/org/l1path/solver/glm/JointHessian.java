package org.l1path.solver.glm;

import org.l1path.solver.data.Design;
import org.l1path.solver.data.FeatureSets;
import org.l1path.solver.gaussian.GaussianProblem;

/**
 * The Hessian of a multinomial fit's loss over a list of step coordinates (each class's intercept
 * and strong features), for {@link JointNewtonStep}:
 *
 * <pre>
 *   H_(r,a),(s,b) = sum_i w_i z_ia z_ib p_ri (d_rs - p_si)
 * </pre>
 *
 * formed from the {@code K (K + 1) / 2} class pairs' weighted Gram matrices of the strong sets'
 * union ({@link ClassPairGrams}), or, when the coordinates grew, extended by the new coordinates'
 * rows alone. Features are centred on their overall means {@code m_j}: {@code z_ij = (x_ij - m_j) /
 * s_j}.
 */
final class JointHessian {
  private final GaussianProblem base;
  private final Design x;
  private final int n;
  private final int classes;
  private final boolean intercept;

  /** All class pairs' blocks, in one product. */
  private final ClassPairGrams pairGrams;

  /** Each listed coordinate's class, and its feature or -1 for the class's intercept. */
  int[] coordClass = new int[0];

  int[] coordFeature = new int[0];
  int coords;

  /** Row-major, over the coordinates it was formed for ({@code coords x coords} once listed). */
  double[] matrix = new double[0];

  /** The coordinates the matrix was formed for. */
  private int[] formedClass = new int[0];

  private int[] formedFeature = new int[0];
  private int formedCoords = -1;

  /**
   * The union of the strong sets at the last form, each feature's place in it (-1 outside), and its
   * size: {@link ClassPairGrams#sums} hold every entry between two of its features.
   */
  private final int[] union;

  private final int[] unionPosition;
  private int unionSize;
  private final double[] blockWeights;

  /** Each class's probabilities at the last form, or at the last extension that took a pass. */
  private final double[][] prob;

  private final double[] weighted;
  private final double[] dots = new double[4];

  JointHessian(GaussianProblem base, boolean intercept, int classes) {
    this.base = base;
    this.x = base.x;
    this.n = base.n;
    this.classes = classes;
    this.intercept = intercept;
    pairGrams = new ClassPairGrams(base, classes);
    union = new int[base.p];
    unionPosition = new int[base.p];
    blockWeights = new double[n];
    prob = new double[classes][n];
    weighted = new double[n];
  }

  /** Whether the matrix was formed at all. */
  boolean formed() {
    return formedCoords >= 0;
  }

  /**
   * Lists the coordinates of these strong sets: each class's intercept, then its strong features.
   */
  void list(FeatureSets[] sets) {
    int count = (int) JointNewtonStep.coordinates(sets, intercept);
    if (coordClass.length < count) {
      coordClass = new int[count];
      coordFeature = new int[count];
    }
    coords = 0;
    for (int r = 0; r < classes; r++) {
      if (intercept) {
        coordClass[coords] = r;
        coordFeature[coords++] = -1;
      }
      FeatureSets s = sets[r];
      for (int t = 0; t < s.strongCount; t++) {
        coordClass[coords] = r;
        coordFeature[coords++] = s.strong[t];
      }
    }
  }

  /** Whether the matrix holds exactly the listed coordinates. */
  boolean holdsListed() {
    return formedCoords == coords
        && java.util.Arrays.equals(coordClass, 0, coords, formedClass, 0, coords)
        && java.util.Arrays.equals(coordFeature, 0, coords, formedFeature, 0, coords);
  }

  /**
   * Forms the Hessian at the current probabilities: for each pair of classes r <= s, the Gram
   * matrix of the strong sets' union under weights {@code w_i p_ri (d_rs - p_si)}, its column sums
   * (the intercept's entries against the features) and total (the intercepts' entry).
   */
  void form(ClassProbabilities probs) {
    int m = 0;
    java.util.Arrays.fill(unionPosition, -1);
    for (int c = 0; c < coords; c++) {
      int j = coordFeature[c];
      if (j >= 0 && unionPosition[j] < 0) {
        unionPosition[j] = m;
        union[m++] = j;
      }
    }
    if (matrix.length < coords * coords) {
      matrix = new double[coords * coords];
    }
    probabilities(probs);
    int[] firstOfClass = new int[classes + 1];
    for (int c = 0, r = 0; r <= classes; r++) {
      while (c < coords && coordClass[c] < r) {
        c++;
      }
      firstOfClass[r] = c;
    }
    unionSize = m;
    formFromPairGrams(m, prob, firstOfClass);
    remember();
  }

  /** The blocks from {@link ClassPairGrams}' one product. */
  private void formFromPairGrams(int m, double[][] prob, int[] firstOfClass) {
    pairGrams.form(union, m, prob);
    double[] sums = pairGrams.sums;
    int entries = ClassPairGrams.entries(m);
    for (int r = 0; r < classes; r++) {
      for (int s = r; s < classes; s++) {
        int offset = pairGrams.pair(r, s) * entries;
        for (int c = firstOfClass[r]; c < firstOfClass[r + 1]; c++) {
          // Place 0 is the constant (the intercept), place a + 1 the union's feature a.
          int a = coordFeature[c] < 0 ? 0 : unionPosition[coordFeature[c]] + 1;
          for (int d = firstOfClass[s]; d < firstOfClass[s + 1]; d++) {
            int b = coordFeature[d] < 0 ? 0 : unionPosition[coordFeature[d]] + 1;
            double h = sums[offset + ClassPairGrams.entry(Math.min(a, b), Math.max(a, b), m)];
            matrix[c * coords + d] = h;
            matrix[d * coords + c] = h;
          }
        }
      }
    }
  }

  /**
   * Takes the Hessian over to new coordinates while the predictors have moved little since it was
   * formed: the entries of coordinates kept are kept, and only a new coordinate's row is filled.
   * Its entries with coordinates of features in the formed union (or intercepts) are read off the
   * pair sums, as the form's own are: a class's feature joins the strong set mostly when another
   * class already has it. Only entries with a feature outside the union take a pass over the rows,
   * at {@code O(n)} per entry, where forming it all again costs {@code O(n)} per entry of every
   * class pair. Returns each old coordinate's new place, or -1 where it is gone: the entries among
   * the coordinates kept are the old ones.
   */
  int[] extend(ClassProbabilities probs) {
    int p = base.p;
    int[] oldIndex = new int[classes * (p + 1)];
    java.util.Arrays.fill(oldIndex, -1);
    for (int c = 0; c < formedCoords; c++) {
      oldIndex[formedClass[c] * (p + 1) + formedFeature[c] + 1] = c;
    }
    double[] fresh = new double[coords * coords];
    int[] from = new int[coords];
    for (int c = 0; c < coords; c++) {
      from[c] = oldIndex[coordClass[c] * (p + 1) + coordFeature[c] + 1];
    }
    KeptEntries.copy(matrix, formedCoords, from, coords, fresh);
    boolean probabilitiesRead = false;
    for (int c = 0; c < coords; c++) {
      if (from[c] >= 0) {
        continue;
      }
      int r = coordClass[c];
      int j = coordFeature[c];
      for (int d = 0; d < coords; ) {
        int s = coordClass[d];
        int first = d;
        boolean inUnion = inUnion(c);
        while (d < coords && coordClass[d] == s) {
          inUnion &= inUnion(d);
          d++;
        }
        if (inUnion) {
          readUnionEntries(c, first, d, fresh);
          continue;
        }
        if (!probabilitiesRead) {
          probabilities(probs);
          probabilitiesRead = true;
        }
        pairWeights(prob, r, s);
        double sum;
        if (j < 0) {
          System.arraycopy(blockWeights, 0, weighted, 0, n);
          sum = org.l1path.solver.data.Dot.sum(weighted, 0, n);
        } else {
          sum = x.weightedCentred(j, blockWeights, 0.0, base.mean[j], base.scale[j], weighted, 0);
        }
        int start = first;
        if (coordFeature[start] < 0) {
          fresh[c * coords + start] = sum;
          fresh[start * coords + c] = sum;
          start++;
        }
        for (int t = start; t < d; t += 4) {
          int summed = x.dotFour(coordFeature, d, t, weighted, dots);
          for (int k = 0; k < summed; k++) {
            int e = t + k;
            int feature = coordFeature[e];
            double h = (dots[k] - base.mean[feature] * sum) / base.scale[feature];
            fresh[c * coords + e] = h;
            fresh[e * coords + c] = h;
          }
        }
        // Entries between two of the union's coordinates stay the form's, whatever their block:
        // so the entries kept at a later extension are always the ones the support factor holds.
        readUnionEntries(c, first, d, fresh);
      }
    }
    matrix = fresh;
    int[] newPlace = new int[formedCoords];
    java.util.Arrays.fill(newPlace, -1);
    for (int c = 0; c < coords; c++) {
      if (from[c] >= 0) {
        newPlace[from[c]] = c;
      }
    }
    remember();
    return newPlace;
  }

  /**
   * Entries {@code (c, e)} and {@code (e, c)} of {@code fresh}, for {@code first <= e < last}, off
   * the formed pair sums wherever c and e are both in the formed union.
   */
  private void readUnionEntries(int c, int first, int last, double[] fresh) {
    if (!inUnion(c)) {
      return;
    }
    for (int e = first; e < last; e++) {
      if (inUnion(e)) {
        double h = fromSums(c, e);
        fresh[c * coords + e] = h;
        fresh[e * coords + c] = h;
      }
    }
  }

  /** Whether coordinate c is an intercept or a feature of the formed union. */
  private boolean inUnion(int c) {
    int j = coordFeature[c];
    return j < 0 || unionPosition[j] >= 0;
  }

  /** Entry {@code (c, d)} of the formed pair sums, both coordinates in the union. */
  private double fromSums(int c, int d) {
    int r = coordClass[c];
    int s = coordClass[d];
    // Place 0 is the constant (the intercept), place a + 1 the union's feature a.
    int a = coordFeature[c] < 0 ? 0 : unionPosition[coordFeature[c]] + 1;
    int b = coordFeature[d] < 0 ? 0 : unionPosition[coordFeature[d]] + 1;
    int offset = pairGrams.pair(Math.min(r, s), Math.max(r, s)) * ClassPairGrams.entries(unionSize);
    return pairGrams.sums[offset + ClassPairGrams.entry(Math.min(a, b), Math.max(a, b), unionSize)];
  }

  /**
   * The current probabilities into {@link #prob}: arrays kept from call to call, where fresh ones
   * cost K n values zeroed at every form or extension.
   */
  private void probabilities(ClassProbabilities probs) {
    for (int r = 0; r < classes; r++) {
      probs.probabilities(r, prob[r]);
    }
  }

  /**
   * {@code w_i p_ri (d_rs - p_si)} into {@link #blockWeights}. The curvature of a class with itself
   * uses probabilities clipped as in {@link NewtonStep}, so that a class all but absent keeps some.
   */
  private void pairWeights(double[][] prob, int r, int s) {
    for (int i = 0; i < n; i++) {
      blockWeights[i] = ClassPairGrams.weight(base.weight(i), prob[r][i], prob[s][i], r == s);
    }
  }

  /** Records the coordinates the Hessian now holds. */
  private void remember() {
    if (formedClass.length < coords) {
      formedClass = new int[coords];
      formedFeature = new int[coords];
    }
    System.arraycopy(coordClass, 0, formedClass, 0, coords);
    System.arraycopy(coordFeature, 0, formedFeature, 0, coords);
    formedCoords = coords;
  }
}
