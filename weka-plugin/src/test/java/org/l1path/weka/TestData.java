package org.l1path.weka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
