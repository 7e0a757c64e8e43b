package org.l1path.solver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the repository's {@code reference/}: its CSVs and fixture JSON (see its README). */
final class Reference {
  private Reference() {}

  static Path dir() {
    String configured = System.getProperty("l1path.reference");
    Path dir = configured != null ? Path.of(configured) : Path.of("../reference");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("reference data not found at " + dir.toAbsolutePath());
    }
    return dir;
  }

  static JsonNode fixture(String name) {
    try {
      return new ObjectMapper().readTree(dir().resolve(name + ".fixture.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode fixtureCase(String name, String caseName) {
    for (JsonNode c : fixture(name).get("cases")) {
      if (c.get("name").asText().equals(caseName)) {
        return c;
      }
    }
    throw new IllegalArgumentException(name + " has no case " + caseName);
  }

  /** A reference CSV split into numeric feature columns and the last column's text. */
  private record Table(List<String> featureNames, double[][] columns, String[] target) {}

  private static Table table(String name) {
    try {
      List<String> lines = Files.readAllLines(dir().resolve(name + ".csv"));
      String[] header = lines.get(0).split(",");
      int n = lines.size() - 1;
      int p = header.length - 1;
      double[][] x = new double[p][n];
      String[] target = new String[n];
      for (int i = 0; i < n; i++) {
        String[] f = lines.get(i + 1).split(",");
        for (int j = 0; j < p; j++) {
          x[j][i] = Double.parseDouble(f[j]);
        }
        target[i] = f[p];
      }
      return new Table(new ArrayList<>(List.of(header).subList(0, p)), x, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A numeric reference CSV: every column but the last is a feature, the last the target. */
  static Dataset numericCsv(String name) {
    Table t = table(name);
    double[] y = java.util.Arrays.stream(t.target()).mapToDouble(Double::parseDouble).toArray();
    return Dataset.of(t.columns(), y, null, t.featureNames());
  }

  /**
   * A reference CSV whose last column is a class label; classes sorted by code point, as the
   * fixtures list them.
   */
  static Dataset classCsv(String name) {
    Table t = table(name);
    List<String> classes = java.util.Arrays.stream(t.target()).distinct().sorted().toList();
    int[] codes = java.util.Arrays.stream(t.target()).mapToInt(classes::indexOf).toArray();
    return Dataset.ofClasses(t.columns(), codes, classes, null, t.featureNames());
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  static double[][] matrix(JsonNode array) {
    double[][] out = new double[array.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubles(array.get(i));
    }
    return out;
  }

  /** The reference objective at one alpha (see the reference README), original-scale inputs. */
  static double objective(
      Dataset data, Settings s, double alpha, double intercept, double[] coefficients) {
    int n = data.rows();
    double wSum = 0;
    for (int i = 0; i < n; i++) {
      wSum += data.weight(i);
    }
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double r = data.response()[i] - intercept;
      for (int j = 0; j < data.features(); j++) {
        r -= data.column(j)[i] * coefficients[j];
      }
      loss += data.weight(i) / wSum * r * r;
    }
    double l1 = 0;
    double l2 = 0;
    for (int j = 0; j < data.features(); j++) {
      double scale = s.standardize() ? weightedSd(data, j) : 1.0;
      double b = scale * coefficients[j];
      l1 += Math.abs(b);
      l2 += b * b;
    }
    return 0.5 * loss + alpha * (s.l1Ratio() * l1 + (1 - s.l1Ratio()) / 2 * l2);
  }

  static double weightedSd(Dataset data, int j) {
    double wSum = 0;
    double mean = 0;
    for (int i = 0; i < data.rows(); i++) {
      wSum += data.weight(i);
      mean += data.weight(i) * data.column(j)[i];
    }
    mean /= wSum;
    double var = 0;
    for (int i = 0; i < data.rows(); i++) {
      double d = data.column(j)[i] - mean;
      var += data.weight(i) * d * d;
    }
    double sd = Math.sqrt(var / wSum);
    return sd > 0 ? sd : 1.0;
  }
}
