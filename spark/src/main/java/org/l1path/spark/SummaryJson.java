package org.l1path.spark;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.l1path.solver.Convergence;
import org.l1path.solver.Family;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.SelectionRule;
import org.l1path.solver.StopReason;

/**
 * Saves an {@link L1PathSummary} as one JSON file beside the model's Spark metadata, on any Hadoop
 * file system, and reads it back. Doubles are written as JSON numbers, which round-trip exactly.
 * Jackson comes with Spark.
 */
final class SummaryJson {
  static final String FILE = "data/l1path.json";
  private static final int FORMAT = 1;

  /** Reads back the NaN a certificate may hold, which Jackson writes as a bare token. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private SummaryJson() {}

  static void write(L1PathSummary s, String dir, Configuration conf) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("rule", s.rule().name());
    root.put("folds", s.folds());
    root.put("best", s.bestIndex());
    root.put("chosen", s.chosenIndex());
    root.put("passes", s.passes());
    root.put("rows", s.rows());
    ArrayNode paths = root.putArray("paths");
    for (RegularizationPath p : s.paths()) {
      paths.add(path(p));
    }
    ArrayNode curves = root.putArray("curves");
    for (CvPoints c : s.curves()) {
      curves.add(JSON.valueToTree(c));
    }
    Path file = new Path(dir, FILE);
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      JSON.writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static L1PathSummary read(String dir, Configuration conf) {
    Path file = new Path(dir, FILE);
    JsonNode root;
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (InputStream in = fs.open(file)) {
        root = JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (root.path("format").asInt() != FORMAT) {
      throw new IllegalArgumentException(file + " is not an l1path model of format " + FORMAT);
    }
    List<RegularizationPath> paths = new ArrayList<>();
    for (JsonNode p : root.get("paths")) {
      paths.add(path(p));
    }
    List<CvPoints> curves = new ArrayList<>();
    for (JsonNode c : root.get("curves")) {
      try {
        curves.add(JSON.treeToValue(c, CvPoints.class));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a curve of " + file, e);
      }
    }
    return new L1PathSummary(
        paths,
        curves,
        root.get("best").asInt(),
        root.get("chosen").asInt(),
        SelectionRule.valueOf(root.get("rule").asText()),
        root.get("folds").asInt(),
        root.path("passes").asInt(),
        root.path("rows").asLong(),
        null);
  }

  private static ObjectNode path(RegularizationPath p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("family", p.family().name());
    o.set("classes", JSON.valueToTree(p.classes()));
    o.put("l1Ratio", p.l1Ratio());
    o.set("featureNames", JSON.valueToTree(p.featureNames()));
    o.set("featureScales", JSON.valueToTree(p.featureScales()));
    o.set("alphas", JSON.valueToTree(p.alphas()));
    int rows = p.responses();
    double[][] intercepts = new double[p.size()][rows];
    double[][][] coefficients = new double[p.size()][rows][];
    double[] devRatios = new double[p.size()];
    ArrayNode convergence = JSON.createArrayNode();
    for (int k = 0; k < p.size(); k++) {
      for (int r = 0; r < rows; r++) {
        intercepts[k][r] = p.intercept(k, r);
        coefficients[k][r] = p.coefficients(k, r);
      }
      devRatios[k] = p.devRatio(k);
      convergence.add(JSON.valueToTree(p.convergence(k)));
    }
    o.set("intercepts", JSON.valueToTree(intercepts));
    o.set("coefficients", JSON.valueToTree(coefficients));
    o.set("devRatios", JSON.valueToTree(devRatios));
    o.set("convergence", convergence);
    o.put("stopReason", p.stopReason().name());
    return o;
  }

  private static RegularizationPath path(JsonNode o) {
    try {
      Convergence[] convergence = JSON.treeToValue(o.get("convergence"), Convergence[].class);
      return RegularizationPath.restore(
          Family.valueOf(o.get("family").asText()),
          List.of(JSON.treeToValue(o.get("classes"), String[].class)),
          o.get("l1Ratio").asDouble(),
          List.of(JSON.treeToValue(o.get("featureNames"), String[].class)),
          JSON.treeToValue(o.get("featureScales"), double[].class),
          JSON.treeToValue(o.get("alphas"), double[].class),
          JSON.treeToValue(o.get("intercepts"), double[][].class),
          JSON.treeToValue(o.get("coefficients"), double[][][].class),
          JSON.treeToValue(o.get("devRatios"), double[].class),
          convergence,
          StopReason.valueOf(o.get("stopReason").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a saved path", e);
    }
  }
}
