package org.l1path.weka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.converters.CSVLoader;

/** Test data: the module's ARFF copies and the shared reference data and fixtures. */
public final class TestData {
  private TestData() {}

  /** An ARFF from the test resources' {@code weka/} folder, class not set. */
  public static Instances arff(String name) throws IOException {
    try (InputStream in = TestData.class.getResourceAsStream("/weka/" + name);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new Instances(reader);
    }
  }

  /** The CPU data with its vendor attribute (30 values); class PRP, the last attribute. */
  public static Instances cpu() throws IOException {
    Instances data = arff("cpu.with.vendor.arff");
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /** The shared reference folder, from the system property the build sets. */
  public static File reference() {
    String path = System.getProperty("l1path.reference");
    if (path == null) {
      throw new IllegalStateException("system property l1path.reference is not set");
    }
    return new File(path);
  }

  /** {@code diabetes.csv} as Weka instances, class {@code progression} (the last column). */
  public static Instances diabetes() throws IOException {
    CSVLoader loader = new CSVLoader();
    loader.setSource(new File(reference(), "diabetes.csv"));
    Instances data = loader.getDataSet();
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /** An ARFF from the test resources with its last attribute as the class. */
  public static Instances withLastClass(String name) throws IOException {
    Instances data = arff(name);
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /**
   * A classification CSV of the reference folder (numeric columns, the class last) as Weka
   * instances whose nominal class declares {@code classes} in the given order. Weka's CSVLoader
   * would declare the values in order of appearance; the fixtures sort them by code point.
   */
  public static Instances classification(String csv, List<String> classes) throws IOException {
    List<String> lines = Files.readAllLines(new File(reference(), csv).toPath());
    String[] header = lines.get(0).split(",");
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < header.length - 1; j++) {
      attributes.add(new Attribute(header[j]));
    }
    attributes.add(new Attribute(header[header.length - 1], classes));
    Instances data = new Instances(csv, attributes, lines.size() - 1);
    data.setClassIndex(header.length - 1);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",");
      double[] values = new double[cells.length];
      for (int j = 0; j < cells.length - 1; j++) {
        values[j] = Double.parseDouble(cells[j]);
      }
      values[cells.length - 1] = classes.indexOf(cells[cells.length - 1]);
      if (values[cells.length - 1] < 0) {
        throw new IllegalArgumentException(csv + ": unknown class " + cells[cells.length - 1]);
      }
      data.add(new DenseInstance(1.0, values));
    }
    return data;
  }

  /** A JSON array of strings. */
  public static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      out.add(v.asText());
    }
    return out;
  }

  /** One case of a reference fixture, by name. */
  public static JsonNode fixtureCase(String fixture, String caseName) throws IOException {
    JsonNode root = new ObjectMapper().readTree(new File(reference(), fixture));
    for (JsonNode c : root.get("cases")) {
      if (c.get("name").asText().equals(caseName)) {
        return c;
      }
    }
    throw new IllegalArgumentException(fixture + " has no case " + caseName);
  }

  /** A JSON array of numbers as doubles. */
  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
