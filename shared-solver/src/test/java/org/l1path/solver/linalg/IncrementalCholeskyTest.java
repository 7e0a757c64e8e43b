package org.l1path.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class IncrementalCholeskyTest {
  private static final int P = 12;

  /** A = B'B + I for a random B: symmetric positive definite. */
  private static double[][] randomSpd(int p, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] b = new double[p + 3][p];
    for (double[] row : b) {
      for (int j = 0; j < p; j++) {
        row[j] = random.nextDouble(-1, 1);
      }
    }
    double[][] a = crossProducts(b, p);
    for (int i = 0; i < p; i++) {
      a[i][i] += 1;
    }
    return a;
  }

  /** {@code B'B} of the rows of b, {@code p x p}. */
  private static double[][] crossProducts(double[][] b, int p) {
    double[][] a = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        for (double[] row : b) {
          a[i][j] += row[i] * row[j];
        }
      }
    }
    return a;
  }

  private static void append(IncrementalCholesky chol, double[][] a, int feature) {
    double[] cross = new double[chol.size()];
    for (int r = 0; r < cross.length; r++) {
      cross[r] = a[chol.member(r)][feature];
    }
    assertTrue(chol.append(feature, cross, a[feature][feature]));
  }

  /** Solves and multiplies by the block of the current members directly and compares. */
  private static void assertSolvesAndMultipliesLikeTheBlock(
      IncrementalCholesky chol, double[][] a) {
    assertSolvesLikeTheBlock(chol, a, true);
  }

  /** Solves, and multiplies when asked, by the block of the current members directly. */
  private static void assertSolvesLikeTheBlock(
      IncrementalCholesky chol, double[][] a, boolean multiplies) {
    int m = chol.size();
    DMatrixRMaj block = new DMatrixRMaj(m, m);
    DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
    double[] b = new double[m];
    for (int r = 0; r < m; r++) {
      for (int c = 0; c < m; c++) {
        block.set(r, c, a[chol.member(r)][chol.member(c)]);
      }
      b[r] = r + 1.0;
      rhs.set(r, 0, b[r]);
    }
    DMatrixRMaj product = new DMatrixRMaj(m, 1);
    CommonOps_DDRM.mult(block, rhs, product);
    double[] out = new double[m];
    if (multiplies) {
      chol.multiply(b, out);
      for (int r = 0; r < m; r++) {
        assertEquals(product.get(r, 0), out[r], 1e-12 * (1 + Math.abs(product.get(r, 0))));
      }
    }
    DMatrixRMaj expected = new DMatrixRMaj(m, 1);
    assertTrue(CommonOps_DDRM.solve(block, rhs, expected));
    chol.solve(b);
    for (int r = 0; r < m; r++) {
      assertEquals(expected.get(r, 0), b[r], 1e-10 * (1 + Math.abs(expected.get(r, 0))));
    }
  }

  @Test
  void appendsAndRemovalsSolveLikeAFreshFactor() {
    appendsAndRemovalsSolveLikeAFreshFactor(true);
  }

  /** A factor that keeps no block (a logistic fit's) solves the same, and will not multiply. */
  @Test
  void aFactorWithoutItsBlockSolvesAlike() {
    IncrementalCholesky chol = appendsAndRemovalsSolveLikeAFreshFactor(false);
    assertThrows(
        IllegalStateException.class,
        () -> chol.multiply(new double[chol.size()], new double[chol.size()]));
  }

  private static IncrementalCholesky appendsAndRemovalsSolveLikeAFreshFactor(boolean multiplies) {
    double[][] a = randomSpd(P, 7);
    IncrementalCholesky chol = new IncrementalCholesky(P, multiplies);
    List<Integer> order = new ArrayList<>(List.of(5, 0, 11, 3, 8, 1, 9, 2));
    for (int j : order) {
      append(chol, a, j);
    }
    assertSolvesLikeTheBlock(chol, a, multiplies);
    chol.remove(chol.positionOf(11));
    assertSolvesLikeTheBlock(chol, a, multiplies);
    chol.remove(0);
    chol.remove(chol.size() - 1);
    assertFalse(chol.contains(5));
    assertFalse(chol.contains(2));
    assertSolvesLikeTheBlock(chol, a, multiplies);
    append(chol, a, 4);
    append(chol, a, 11);
    assertEquals(chol.size() - 1, chol.positionOf(11));
    assertSolvesLikeTheBlock(chol, a, multiplies);
    return chol;
  }

  /** The block's rows are stored with spare room; they grow as members are appended. */
  @Test
  void keepsSolvingAndMultiplyingAsTheBlockGrows() {
    int p = 70;
    double[][] a = randomSpd(p, 3);
    IncrementalCholesky chol = new IncrementalCholesky(p, true);
    for (int j = 0; j < 40; j++) {
      append(chol, a, (j * 3) % p);
    }
    assertSolvesAndMultipliesLikeTheBlock(chol, a);
    for (int k = 0; k < 10; k++) {
      chol.remove((k * 7) % chol.size());
    }
    assertSolvesAndMultipliesLikeTheBlock(chol, a);
    for (int j = 40; j < 60; j++) {
      append(chol, a, (j * 3) % p);
    }
    assertEquals(50, chol.size());
    assertSolvesAndMultipliesLikeTheBlock(chol, a);
  }

  /** Built again after clear() and after a refused append, as a Newton step's factor is. */
  @Test
  void buildsAgainFromScratchAsOftenAsAsked() {
    double[][] a = randomSpd(P, 11);
    IncrementalCholesky chol = new IncrementalCholesky(P, true);
    for (int round = 0; round < 3; round++) {
      chol.clear();
      for (int j = round; j < P; j += 2) {
        append(chol, a, j);
      }
      chol.remove(1);
      assertSolvesAndMultipliesLikeTheBlock(chol, a);
    }
    // A refused append leaves the factor as it was, and the next one still fits.
    int size = chol.size();
    int outside = 0;
    while (chol.contains(outside)) {
      outside++;
    }
    assertFalse(chol.append(outside, new double[size], 0.0));
    assertEquals(size, chol.size());
    assertSolvesAndMultipliesLikeTheBlock(chol, a);
  }

  /**
   * A factor built again after clear() takes up the arrays of the last one, whose entries belong to
   * another matrix: a new Newton step's Hessian. None of them may leak into the new factor.
   */
  @Test
  void aFactorBuiltAgainReadsNothingOfTheLastOnesMatrix() {
    int p = 40;
    double[][] first = randomSpd(p, 5);
    double[][] second = randomSpd(p, 6);
    IncrementalCholesky chol = new IncrementalCholesky(p, true);
    for (int j = 0; j < p; j++) {
      append(chol, first, j);
    }
    for (int k = 0; k < 8; k++) {
      chol.remove((k * 5) % chol.size());
    }
    chol.clear();
    for (int j = p - 1; j >= 10; j--) {
      append(chol, second, j);
    }
    assertSolvesAndMultipliesLikeTheBlock(chol, second);
    chol.remove(3);
    chol.remove(chol.size() - 2);
    for (int j = 0; j < 10; j++) {
      append(chol, second, j);
    }
    assertEquals(p - 2, chol.size());
    assertSolvesAndMultipliesLikeTheBlock(chol, second);
  }

  /** A joint Newton step's coordinates move when its Hessian grows: the factor follows them. */
  @Test
  void renumberedMembersSolveLikeTheRenumberedBlock() {
    double[][] a = randomSpd(P, 13);
    IncrementalCholesky chol = new IncrementalCholesky(P, true);
    for (int j : new int[] {5, 0, 11, 3, 8}) {
      append(chol, a, j);
    }
    // Feature f becomes (f + 4) mod P, except 11, which goes.
    int[] newNumber = new int[P];
    for (int f = 0; f < P; f++) {
      newNumber[f] = (f + 4) % P;
    }
    newNumber[11] = -1;
    double[][] b = new double[P][P];
    for (int f = 0; f < P; f++) {
      for (int g = 0; g < P; g++) {
        if (newNumber[f] >= 0 && newNumber[g] >= 0) {
          b[newNumber[f]][newNumber[g]] = a[f][g];
        }
      }
    }
    chol.renumber(newNumber);
    assertEquals(4, chol.size());
    assertFalse(chol.contains(5));
    assertTrue(chol.contains(9));
    assertTrue(chol.contains(4));
    assertSolvesAndMultipliesLikeTheBlock(chol, b);
  }

  @Test
  void aGrownCapacityKeepsTheFactorAndIndexesTheNewFeatures() {
    int p = 2 * P;
    double[][] a = randomSpd(p, 17);
    IncrementalCholesky chol = new IncrementalCholesky(P, true);
    for (int j : new int[] {4, 1, 9}) {
      append(chol, a, j);
    }
    chol.ensureCapacity(p);
    assertTrue(chol.capacity() >= p);
    assertEquals(3, chol.size());
    assertTrue(chol.contains(9));
    assertFalse(chol.contains(P + 3));
    append(chol, a, P + 3);
    append(chol, a, p - 1);
    assertSolvesAndMultipliesLikeTheBlock(chol, a);
  }

  @Test
  void refusesACollinearFeature() {
    // Features 0 and 1 are the same column: the 2x2 block is singular.
    double[][] a = {{2, 2, 1}, {2, 2, 1}, {1, 1, 3}};
    IncrementalCholesky chol = new IncrementalCholesky(3, true);
    assertTrue(chol.append(0, new double[0], 2));
    assertTrue(chol.append(2, new double[] {1}, 3));
    assertFalse(chol.append(1, new double[] {a[0][1], a[2][1]}, 2));
    assertEquals(2, chol.size());
    assertFalse(chol.contains(1));
  }

  @Test
  void aRefusedFeaturesDirectionSolvesTheBlockForItsColumn() {
    // Feature 5 is 2 * feature 1 - feature 3 (and so exactly collinear with the members): the
    // direction from the refused append's triangular solve is A^-1 a_5, the combination itself.
    int p = 6;
    double[][] b = new double[9][p];
    SplittableRandom random = new SplittableRandom(19);
    for (double[] row : b) {
      for (int j = 0; j < 5; j++) {
        row[j] = random.nextDouble(-1, 1);
      }
      row[5] = 2 * row[1] - row[3];
    }
    double[][] a = crossProducts(b, p);
    IncrementalCholesky chol = new IncrementalCholesky(p, true);
    for (int j : new int[] {3, 0, 1, 4}) {
      append(chol, a, j);
    }
    double[] cross = new double[chol.size()];
    for (int r = 0; r < cross.length; r++) {
      cross[r] = a[chol.member(r)][5];
    }
    assertFalse(chol.append(5, cross, a[5][5]));
    double[] direction = new double[chol.size()];
    chol.solveRejected(direction);
    double[] expected = {-1, 0, 2, 0}; // members 3, 0, 1, 4 in position order
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r], direction[r], 1e-9);
    }
    chol.remove(0);
    assertThrows(IllegalStateException.class, () -> chol.solveRejected(direction));
  }
}
