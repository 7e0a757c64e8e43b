package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l1path.solver.Model;
import org.l1path.solver.Storage;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Lasso;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;

/**
 * Sparse ARFF end to end: the same data written sparse ({@code {3 1, 17 2}}) and dense give the
 * same encoding, the same model and the same predictions, the sparse copy encoded and stored
 * sparse, the dense one dense. The data has what a sparse encoding can get wrong: a nominal
 * attribute whose first value instances leave unstored, missing values of both kinds (filled with
 * the training mean and mode), and a class that is not the last attribute.
 */
class SparseArffTest {

  private static final String[] COLORS = {"red", "green", "blue"};
  private static final int WORDS = 30;

  @TempDir Path dir;

  /** The encoder's features of sparse instances are the previous dense encoding's, exactly. */
  @Test
  void sparseInstancesEncodeAsTheDenseEncodingDid() throws Exception {
    for (boolean nominalClass : new boolean[] {false, true}) {
      Instances sparse = load(arff(120, nominalClass, true, 1));
      Instances dense = load(arff(120, nominalClass, false, 1));
      assertInstanceOf(SparseInstance.class, sparse.instance(0));
      assertEquals("weka.core.DenseInstance", dense.instance(0).getClass().getName());

      InstancesEncoder fromSparse = InstancesEncoder.learn(sparse);
      InstancesEncoder fromDense = InstancesEncoder.learn(dense);
      assertEquals(fromDense.featureNames(), fromSparse.featureNames());
      for (int k = 0; k < fromDense.predictors(); k++) {
        assertEquals(fromDense.fillValue(k), fromSparse.fillValue(k), 1e-14, "fill " + k);
      }
      double[][] expected = denseEncoding(dense, fromDense);
      var x = fromSparse.sparseFeatures(sparse);
      for (int j = 0; j < expected.length; j++) {
        assertArrayEquals(expected[j], x.column(j), 1e-14, fromDense.featureNames().get(j));
      }
      double[][] columns = fromSparse.columns(sparse);
      for (int j = 0; j < expected.length; j++) {
        assertArrayEquals(expected[j], columns[j], 1e-14, fromDense.featureNames().get(j));
      }
      for (int i = 0; i < sparse.numInstances(); i++) {
        double[] row = fromSparse.row(sparse.instance(i));
        for (int j = 0; j < expected.length; j++) {
          assertEquals(expected[j][i], row[j], 1e-14, "row " + i + ", feature " + j);
        }
      }
    }
  }

  /** Automatic storage follows the density; either storage can be forced on either data. */
  @Test
  void storageFollowsTheDensityUnlessForced() throws Exception {
    Instances sparse = load(arff(120, false, true, 1));
    Instances dense = load(arff(120, false, false, 1));
    assertEquals(Storage.SPARSE, TrainingSet.of(sparse).dataset().storage());
    assertEquals(Storage.SPARSE, TrainingSet.of(dense).dataset().storage());
    assertEquals(Storage.DENSE, TrainingSet.of(sparse, Storage.DENSE).dataset().storage());
    assertEquals(Storage.DENSE, TrainingSet.of(TestData.diabetes()).dataset().storage());
    assertEquals(
        Storage.SPARSE, TrainingSet.of(TestData.diabetes(), Storage.SPARSE).dataset().storage());
  }

  /** Trained in memory: the sparse model's coefficients are the dense model's. */
  @Test
  void theSparseModelIsTheDenseModel() throws Exception {
    for (boolean nominalClass : new boolean[] {false, true}) {
      Instances sparse = load(arff(150, nominalClass, true, 2));
      Instances dense = load(arff(150, nominalClass, false, 2));
      Lasso fromSparse = new Lasso();
      fromSparse.setOptions(new String[] {"-storage", "sparse", "-tol", "1e-10"});
      fromSparse.buildClassifier(sparse);
      Lasso fromDense = new Lasso();
      fromDense.setOptions(new String[] {"-storage", "dense", "-tol", "1e-10"});
      fromDense.buildClassifier(dense);
      Model a = fromSparse.getModel();
      Model b = fromDense.getModel();
      assertEquals(b.alpha(), a.alpha(), 1e-8 * b.alpha());
      assertArrayEquals(b.coefficients(), a.coefficients(), 1e-8);
      assertEquals(b.intercept(), a.intercept(), 1e-8);
      assertTrue(b.nonZeroCount() > 2, "the model selects something: " + b.nonZeroCount());
      double[][] batch = fromSparse.distributionsForInstances(sparse);
      for (int i = 0; i < sparse.numInstances(); i++) {
        double[] expected = fromDense.distributionForInstance(dense.instance(i));
        assertArrayEquals(expected, fromSparse.distributionForInstance(sparse.instance(i)), 1e-8);
        assertArrayEquals(expected, batch[i], 1e-8);
      }
    }
  }

  /** Through Weka's command line: the predictions printed for sparse and dense files agree. */
  @Test
  void theCommandLinePredictsTheSameFromSparseAndDenseFiles() throws Exception {
    for (boolean nominalClass : new boolean[] {false, true}) {
      List<String[]> sparse = commandLinePredictions(nominalClass, true);
      List<String[]> dense = commandLinePredictions(nominalClass, false);
      assertEquals(80, sparse.size());
      assertEquals(dense.size(), sparse.size());
      for (int i = 0; i < dense.size(); i++) {
        double[] expected = numbers(dense.get(i), nominalClass);
        double[] actual = numbers(sparse.get(i), nominalClass);
        assertEquals(nominalClass ? 2 : 1, expected.length);
        assertArrayEquals(expected, actual, 1e-8, "test instance " + (i + 1));
      }
    }
  }

  private List<String[]> commandLinePredictions(boolean nominalClass, boolean sparse)
      throws Exception {
    String kind = (nominalClass ? "nominal" : "numeric") + (sparse ? "-sparse" : "-dense");
    Path train = dir.resolve(kind + "-train.arff");
    Path test = dir.resolve(kind + "-test.arff");
    Files.writeString(train, arff(150, nominalClass, sparse, 3));
    Files.writeString(test, arff(80, nominalClass, sparse, 4));
    String output =
        Evaluation.evaluateModel(
            new Lasso(),
            new String[] {
              "-t",
              train.toString(),
              "-T",
              test.toString(),
              "-c",
              "1",
              "-tol",
              "1e-10",
              "-classifications",
              "weka.classifiers.evaluation.output.prediction.CSV -distribution -decimals 16"
            });
    List<String> lines = output.lines().toList();
    int header = lines.indexOf("=== Predictions on test data ===") + 2;
    assertTrue(lines.get(header).startsWith("inst#,actual,predicted"), output);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(header + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  /** A prediction row's numbers: the predicted value, or the class distribution. */
  private static double[] numbers(String[] row, boolean nominalClass) {
    if (!nominalClass) {
      return new double[] {Double.parseDouble(row[2])};
    }
    return Arrays.stream(row, 4, row.length)
        .filter(cell -> !cell.isEmpty())
        .mapToDouble(cell -> Double.parseDouble(cell.replace("*", "")))
        .toArray();
  }

  /**
   * The encoding as the encoder computed it before it read stored values: every cell through {@code
   * instance.value(a)}, a missing one through the fill value.
   */
  private static double[][] denseEncoding(Instances data, InstancesEncoder encoder) {
    double[][] columns = new double[encoder.features()][data.numInstances()];
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      for (int k = 0; k < encoder.predictors(); k++) {
        int a = encoder.attributeIndex(k);
        double v = inst.isMissing(a) ? encoder.fillValue(k) : inst.value(a);
        if (!encoder.isNominal(k)) {
          columns[encoder.firstFeature(k)][i] = v;
        } else if (v >= 0) {
          columns[encoder.firstFeature(k) + (int) v][i] = 1.0;
        }
      }
    }
    return columns;
  }

  private static Instances load(String arff) throws IOException {
    Instances data = new Instances(new StringReader(arff));
    data.setClassIndex(0);
    return data;
  }

  /**
   * {@code n} instances: the class first, then {@value #WORDS} word counts that are mostly 0, a
   * color that is mostly red (its first value), and another count; about 3% of the words and colors
   * missing. The class depends on words 0 to 3 and on blue.
   */
  static String arff(int n, boolean nominalClass, boolean sparse, long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder("@relation words\n\n");
    sb.append("@attribute class ").append(nominalClass ? "{no,yes}" : "numeric").append('\n');
    for (int w = 0; w < WORDS; w++) {
      sb.append("@attribute w").append(w).append(" numeric\n");
    }
    sb.append("@attribute color {red,green,blue}\n@attribute last numeric\n\n@data\n");
    int attributes = WORDS + 3;
    for (int i = 0; i < n; i++) {
      String[] cells = new String[attributes];
      double[] x = new double[attributes];
      for (int a = 1; a < attributes; a++) {
        boolean color = a == WORDS + 1;
        if (random.nextDouble() < 0.03) {
          cells[a] = "?";
        } else if (color) {
          double u = random.nextDouble();
          int v = u < 0.7 ? 0 : u < 0.85 ? 1 : 2;
          x[a] = v;
          cells[a] = COLORS[v];
        } else {
          x[a] = random.nextDouble() < 0.15 ? 1 + random.nextInt(3) : 0;
          cells[a] = Integer.toString((int) x[a]);
        }
      }
      double signal =
          1.5 * x[1] + x[2] - 1.2 * x[3] + 0.8 * x[4] + (x[WORDS + 1] == 2 ? 1.0 : 0.0) - 0.5;
      double noisy = signal + 0.5 * random.nextGaussian();
      cells[0] =
          nominalClass
              ? (noisy > 0 ? "yes" : "no")
              : String.format(java.util.Locale.ROOT, "%.4f", noisy);
      if (sparse) {
        // Sparse ARFF leaves out every 0: a numeric 0 and a nominal attribute's first value.
        List<String> stored = new ArrayList<>();
        for (int a = 0; a < attributes; a++) {
          boolean zero =
              cells[a].equals("0")
                  || cells[a].equals("red")
                  || cells[a].equals("no")
                  || cells[a].equals("0.0000")
                  || cells[a].equals("-0.0000");
          if (!zero) {
            stored.add(a + " " + cells[a]);
          }
        }
        sb.append('{').append(String.join(", ", stored)).append("}\n");
      } else {
        sb.append(String.join(",", cells)).append('\n');
      }
    }
    return sb.toString();
  }
}
