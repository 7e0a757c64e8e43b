package org.l1path.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sparse and dense storage of the same data give the same fits, to the solver's tolerance: every
 * family, both update modes, weights, no intercept, no standardization, and cross-validation.
 */
class SparseStorageTest {
  private static final double TIGHT = 1e-12;

  /**
   * n rows of p features, most values 0 (text-like counts), a few columns denser, one column that
   * is 3 on every row and one that is never set; y from the first features.
   */
  static double[][] sparseColumns(int n, int p, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[p][n];
    for (int j = 0; j < p - 2; j++) {
      double density = j < 3 ? 0.6 : 0.05 + 0.1 * random.nextDouble();
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < density) {
          x[j][i] = 1 + random.nextInt(4) + (j % 3 == 0 ? 0.5 * random.nextDouble() : 0);
        }
      }
    }
    java.util.Arrays.fill(x[p - 2], 3.0);
    return x;
  }

  static double[] response(double[][] x, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 0.5 + 0.8 * x[0][i] - 0.6 * x[1][i] + 0.4 * x[4][i] + random.nextGaussian();
    }
    return y;
  }

  static List<String> names(int p) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("f" + (j + 1));
    }
    return names;
  }

  static SparseFeatures byRows(double[][] x, int n) {
    SparseFeatures.Builder builder = SparseFeatures.builder(x.length);
    int[] indices = new int[x.length];
    double[] values = new double[x.length];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int j = 0; j < x.length; j++) {
        if (x[j][i] != 0) {
          indices[count] = j;
          values[count++] = x[j][i];
        }
      }
      builder.addRow(indices, values, count);
    }
    return builder.build();
  }

  private static Dataset[] pair(String family, int n, int p, long seed, double[] weights) {
    double[][] x = sparseColumns(n, p, seed);
    double[] y = response(x, n, seed + 1);
    SparseFeatures sparse = byRows(x, n);
    if (family.equals("gaussian")) {
      return new Dataset[] {
        Dataset.of(x, y, weights, names(p)), Dataset.ofSparse(sparse, y, weights, names(p))
      };
    }
    int classes = family.equals("binomial") ? 2 : 4;
    int[] classOf = new int[n];
    for (int i = 0; i < n; i++) {
      classOf[i] = Math.floorMod((int) Math.floor(y[i]), classes);
    }
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      labels.add("c" + c);
    }
    return new Dataset[] {
      Dataset.ofClasses(x, classOf, labels, weights, names(p)),
      Dataset.ofSparseClasses(sparse, classOf, labels, weights, names(p))
    };
  }

  private static void assertSamePath(RegularizationPath dense, RegularizationPath sparse) {
    assertEquals(dense.size(), sparse.size());
    for (int k = 0; k < dense.size(); k++) {
      Model a = dense.model(k);
      Model b = sparse.model(k);
      assertEquals(a.alpha(), b.alpha(), 1e-12 * a.alpha(), "alpha " + k);
      double[][] rowsA = offClassMean(a);
      double[][] rowsB = offClassMean(b);
      for (int r = 0; r < a.responses(); r++) {
        double[] ca = rowsA[r];
        double[] cb = rowsB[r];
        double largest = 1e-3;
        for (double c : ca) {
          largest = Math.max(largest, Math.abs(c));
        }
        for (int j = 0; j < ca.length; j++) {
          assertEquals(
              ca[j], cb[j], 1e-5 * largest, "alpha " + k + ", row " + r + ", feature " + j);
        }
        assertEquals(a.intercept(r), b.intercept(r), 1e-5 * (1 + largest), "intercept at " + k);
      }
    }
  }

  /**
   * Each feature's coefficients less their mean over the classes (a multinomial model), else as
   * they are. Moving all classes' coefficients of a feature alike changes no probability, and with
   * an even number of classes the lasso penalty stays flat while the middle two straddle 0: a
   * 4-class path had one coefficient of 1.7e-5 in one class, or of -1.7e-5 in another, at the same
   * certified gap (8.09e-13 against 8.09e-13). Both are solutions; the offsets from the mean are
   * the same in both.
   */
  private static double[][] offClassMean(Model m) {
    int rows = m.responses();
    double[][] out = new double[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = m.coefficients(r).clone();
    }
    if (rows < 3) {
      return out;
    }
    for (int j = 0; j < out[0].length; j++) {
      double mean = 0;
      for (double[] row : out) {
        mean += row[j] / rows;
      }
      for (double[] row : out) {
        row[j] -= mean;
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "binomial", "multinomial"})
  void sparseAndDenseStorageGiveTheSamePath(String family) {
    Dataset[] data = pair(family, 300, 40, 7, null);
    assertEquals(Storage.DENSE, data[0].storage());
    assertEquals(Storage.SPARSE, data[1].storage());
    Settings settings = Settings.defaults().withTolerance(TIGHT);
    assertSamePath(
        ElasticNet.fitPath(data[0], settings, AlphaGrid.automatic()),
        ElasticNet.fitPath(data[1], settings, AlphaGrid.automatic()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NAIVE", "COVARIANCE"})
  void bothUpdateModesAgreeOnWeightedElasticNets(String mode) {
    double[] weights = new double[200];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextDouble() < 0.1 ? 0 : 0.5 + random.nextDouble();
    }
    Dataset[] data = pair("gaussian", 200, 30, 11, weights);
    Settings settings =
        Settings.defaults()
            .withTolerance(TIGHT)
            .withL1Ratio(0.5)
            .withUpdateMode(UpdateMode.valueOf(mode));
    assertSamePath(
        ElasticNet.fitPath(data[0], settings, AlphaGrid.automatic()),
        ElasticNet.fitPath(data[1], settings, AlphaGrid.automatic()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"binomial", "multinomial"})
  void classStepsWithNaiveUpdatesAgree(String family) {
    Dataset[] data = pair(family, 200, 30, 23, null);
    Settings settings = Settings.defaults().withTolerance(TIGHT).withUpdateMode(UpdateMode.NAIVE);
    assertSamePath(
        ElasticNet.fitPath(data[0], settings, AlphaGrid.automatic()),
        ElasticNet.fitPath(data[1], settings, AlphaGrid.automatic()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "binomial", "multinomial"})
  void withoutInterceptOrStandardizingTheStoragesAgree(String family) {
    Dataset[] data = pair(family, 250, 25, 5, null);
    Settings settings =
        Settings.defaults().withTolerance(TIGHT).withFitIntercept(false).withStandardize(false);
    assertSamePath(
        ElasticNet.fitPath(data[0], settings, AlphaGrid.automatic()),
        ElasticNet.fitPath(data[1], settings, AlphaGrid.automatic()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "binomial"})
  void crossValidationChoosesTheSameAlpha(String family) {
    Dataset[] data = pair(family, 300, 30, 13, null);
    Settings settings = Settings.defaults().withTolerance(1e-10);
    CvSettings cv = CvSettings.defaults().withFolds(5).withSeed(1).withThreads(1);
    CvResult dense =
        CrossValidation.run(
            data[0], settings, new double[] {1.0}, AlphaGrid.automatic(), cv, Progress.NONE);
    CvResult sparse =
        CrossValidation.run(
            data[1], settings, new double[] {1.0}, AlphaGrid.automatic(), cv, Progress.NONE);
    assertEquals(dense.chosenAlpha(), sparse.chosenAlpha(), 1e-12 * dense.chosenAlpha());
    double[] a = dense.bestCurve().meanError();
    double[] b = sparse.bestCurve().meanError();
    for (int k = 0; k < a.length; k++) {
      assertEquals(a[k], b[k], 1e-6 * Math.abs(a[k]), "CV error at alpha " + k);
    }
  }

  /**
   * A wide, near-separable text-like fit, where held-out deviance is sensitive to coefficients
   * along flat directions: at a tight tolerance both storages give the same CV curve.
   */
  @Test
  void wideClassificationCrossValidatesAlikeAtATightTolerance() {
    Dataset[] data = pair("binomial", 120, 400, 29, null);
    Settings settings = Settings.defaults().withTolerance(1e-12);
    CvSettings cv = CvSettings.defaults().withFolds(5).withSeed(3).withThreads(1);
    double[] a =
        CrossValidation.run(
                data[0], settings, new double[] {1.0}, AlphaGrid.automatic(), cv, Progress.NONE)
            .bestCurve()
            .meanError();
    double[] b =
        CrossValidation.run(
                data[1], settings, new double[] {1.0}, AlphaGrid.automatic(), cv, Progress.NONE)
            .bestCurve()
            .meanError();
    for (int k = 0; k < a.length; k++) {
      assertEquals(a[k], b[k], 1e-6 * Math.abs(a[k]), "CV error at alpha " + k);
    }
  }

  @Test
  void predictionsOnSparseDataMatchDense() {
    Dataset[] data = pair("multinomial", 200, 20, 17, null);
    Model model = ElasticNet.fitPath(data[0], Settings.defaults(), AlphaGrid.automatic()).model(30);
    double[][] dense = model.probabilities(data[0]);
    double[][] sparse = model.probabilities(data[1]);
    for (int i = 0; i < dense.length; i++) {
      for (int c = 0; c < dense[i].length; c++) {
        assertEquals(dense[i][c], sparse[i][c], 1e-12);
      }
    }
  }

  @Test
  void autoStorageFollowsTheDensity() {
    Dataset[] data = pair("gaussian", 100, 20, 19, null);
    double density = data[0].density();
    assertEquals(density, data[1].density(), 1e-15);
    Storage expected = density <= 1.0 / 3 ? Storage.SPARSE : Storage.DENSE;
    assertEquals(expected, data[0].withStorage(Storage.AUTO).storage());
    assertEquals(expected, data[1].withStorage(Storage.AUTO).storage());
    Dataset dense = data[1].withStorage(Storage.DENSE);
    for (int j = 0; j < dense.features(); j++) {
      assertTrue(java.util.Arrays.equals(data[0].column(j), dense.column(j)), "column " + j);
    }
  }

  /**
   * Between a third and 45 % non-zeros, AUTO holds classification data sparse and least-squares
   * data dense; above 45 % both dense.
   */
  @Test
  void autoStorageOfClassesIsSparseUpTo45PercentNonZeros() {
    for (double density : new double[] {0.40, 0.50}) {
      int n = 100;
      double[][] x = new double[4][n];
      int[] classOf = new int[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 4; j++) {
          x[j][i] = (i * 7 + j * 13) % 100 < density * 100 ? 1 + i % 3 : 0;
        }
        classOf[i] = i % 3;
      }
      Dataset classes = Dataset.ofClasses(x, classOf, List.of("a", "b", "c"), null, names(4));
      Dataset numbers = Dataset.of(x, new double[n]);
      assertEquals(density, classes.density(), 1e-12);
      Storage forClasses = density <= 0.45 ? Storage.SPARSE : Storage.DENSE;
      assertEquals(forClasses, classes.withStorage(Storage.AUTO).storage(), "classes " + density);
      assertEquals(
          Storage.DENSE, numbers.withStorage(Storage.AUTO).storage(), "numbers " + density);
    }
  }

  @Test
  void rowsGivenEndToEndMakeTheSameColumnsAsTheBuilder() {
    double[][] x = sparseColumns(50, 12, 31);
    SparseFeatures built = byRows(x, 50);
    int[] rowEnds = new int[50];
    int[] indices = new int[50 * 12];
    double[] values = new double[50 * 12];
    int size = 0;
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 12; j++) {
        // Every cell, zeros too: ofRows drops them.
        indices[size] = j;
        values[size++] = x[j][i];
      }
      rowEnds[i] = size;
    }
    SparseFeatures given = SparseFeatures.ofRows(12, 50, rowEnds, indices, values);
    assertEquals(built.nonZeros(), given.nonZeros());
    for (int j = 0; j < 12; j++) {
      assertTrue(java.util.Arrays.equals(built.column(j), given.column(j)), "column " + j);
    }
    indices[rowEnds[2] + 1] = indices[rowEnds[2]];
    IllegalArgumentException repeated =
        assertThrows(
            IllegalArgumentException.class,
            () -> SparseFeatures.ofRows(12, 50, rowEnds, indices, values));
    assertTrue(
        repeated.getMessage().startsWith("row 4 has feature index 0 after 0"),
        repeated.getMessage());
  }

  @Test
  void badRowsAreNamed() {
    SparseFeatures.Builder builder = SparseFeatures.builder(5);
    builder.addRow(new int[] {0, 3}, new double[] {1, 2}, 2);
    IllegalArgumentException order =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addRow(new int[] {3, 1}, new double[] {1, 2}, 2));
    assertTrue(
        order.getMessage().startsWith("row 2 has feature index 1 after 3"), order.getMessage());
    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addRow(new int[] {5}, new double[] {1}, 1));
    assertTrue(range.getMessage().contains("outside [0, 5)"), range.getMessage());
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addRow(new int[] {2}, new double[] {Double.NaN}, 1));
    assertTrue(nan.getMessage().contains("NaN at feature index 2"), nan.getMessage());
  }
}
