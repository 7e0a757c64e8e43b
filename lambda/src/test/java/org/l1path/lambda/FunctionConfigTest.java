package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.l1path.job.FitRequest;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;

class FunctionConfigTest {
  private static final List<String> OPTIONS = List.of("target", "l1-ratio", "folds");

  @Test
  void defaultsReadInputAndWriteOutputInTheSameBucket() {
    FunctionConfig config = FunctionConfig.fromEnvironment(Map.of(), OPTIONS);

    assertEquals("input/", config.inputPrefix());
    assertEquals(
        List.of(
            ".csv",
            ".csv.gz",
            ".svm",
            ".svm.gz",
            ".svmlight",
            ".svmlight.gz",
            ".libsvm",
            ".libsvm.gz"),
        config.inputSuffixes());
    assertEquals("data", config.outputBucketFor("data"));
    assertEquals("output/input/a b.csv/abc123/", config.outputFolder("input/a b.csv", "abc123"));
    assertTrue(config.fitOptions().isEmpty());
  }

  @Test
  void fitOptionsComeFromUpperSnakeCaseVariables() {
    FunctionConfig config =
        FunctionConfig.fromEnvironment(
            Map.of("L1PATH_L1_RATIO", "0.5,1", "L1PATH_FOLDS", " 5 ", "PATH", "/bin"), OPTIONS);

    assertEquals(Map.of("l1-ratio", "0.5,1", "folds", "5"), config.fitOptions());
  }

  @Test
  void anUnknownSettingIsRefusedWithTheKnownOnes() {
    ConfigurationException error =
        assertThrows(
            ConfigurationException.class,
            () -> FunctionConfig.fromEnvironment(Map.of("L1PATH_L1RATIO", "0.5"), OPTIONS));
    assertTrue(error.getMessage().contains("unknown setting L1PATH_L1RATIO"), error.getMessage());
    assertTrue(error.getMessage().contains("L1PATH_L1_RATIO"), error.getMessage());
  }

  @Test
  void overlappingAreasInOneBucketAreRefusedAtStartUp() {
    ConfigurationException nested =
        assertThrows(
            ConfigurationException.class,
            () ->
                FunctionConfig.fromEnvironment(
                    Map.of("L1PATH_INPUT_PREFIX", "data/", "L1PATH_OUTPUT_PREFIX", "data/results/"),
                    OPTIONS));
    assertTrue(nested.getMessage().contains("overlaps the input area"), nested.getMessage());
    assertThrows(
        ConfigurationException.class,
        () -> FunctionConfig.fromEnvironment(Map.of("L1PATH_INPUT_PREFIX", ""), OPTIONS));

    FunctionConfig elsewhere =
        FunctionConfig.fromEnvironment(
            Map.of("L1PATH_INPUT_PREFIX", "", "L1PATH_OUTPUT_BUCKET", "results"), OPTIONS);
    assertEquals("results", elsewhere.outputBucketFor("data"));
    ConfigurationException sameBucket =
        assertThrows(ConfigurationException.class, () -> elsewhere.checkBucket("results"));
    assertTrue(sameBucket.getMessage().contains("'results'"), sameBucket.getMessage());
  }

  @Test
  void onlyCsvInputsUnderTheInputPrefixAreFitted() {
    FunctionConfig config = FunctionConfig.fromEnvironment(Map.of(), OPTIONS);

    assertNull(config.ignoreReason("b", "input/x.csv"));
    assertNull(config.ignoreReason("b", "input/deep/x.csv.gz"));
    assertTrue(config.ignoreReason("b", "output/input/x.csv/e/model.json").contains("output"));
    assertTrue(config.ignoreReason("b", "input/x.csv.l1path.json").contains("sidecar"));
    assertTrue(config.ignoreReason("b", "elsewhere/x.csv").contains("input prefix"));
    assertEquals(
        "the key does not end with .csv, .csv.gz, .svm, .svm.gz, .svmlight, .svmlight.gz,"
            + " .libsvm or .libsvm.gz",
        config.ignoreReason("b", "input/x.txt"));
    assertNull(config.ignoreReason("b", "predict/new.csv"));
    assertTrue(config.isPrediction("predict/new.csv"));
    assertTrue(!config.isPrediction("input/x.csv"));
    assertTrue(config.ignoreReason("b", "predict/new.csv.l1path.json").contains("sidecar"));
  }

  @Test
  void svmlightInputsAreFittedAndPredictedByDefaultLikeCsv() {
    FunctionConfig config = FunctionConfig.fromEnvironment(Map.of(), OPTIONS);

    for (String name :
        List.of("x.svm", "x.svm.gz", "x.svmlight", "x.svmlight.gz", "x.libsvm", "x.libsvm.gz")) {
      assertNull(config.ignoreReason("b", "input/deep/" + name), name);
      assertNull(config.ignoreReason("b", "predict/" + name), name);
      assertTrue(config.isPrediction("predict/" + name), name);
      assertTrue(!config.isPrediction("input/" + name), name);
      assertTrue(
          config.ignoreReason("b", "input/" + name + ".l1path.json").contains("sidecar"), name);
      assertTrue(config.ignoreReason("b", "output/input/" + name).contains("output"), name);
    }
    // Suffixes are matched as given: near misses are not inputs.
    for (String name : List.of("x.svm.bz2", "x.svmx", "x.txt.gz", "x.gz")) {
      assertTrue(
          config.ignoreReason("b", "input/" + name).startsWith("the key does not end with"), name);
    }

    FunctionConfig csvOnly =
        FunctionConfig.fromEnvironment(Map.of("L1PATH_INPUT_SUFFIXES", " .csv "), OPTIONS);
    assertEquals("the key does not end with .csv", csvOnly.ignoreReason("b", "input/x.svm"));
    assertNull(csvOnly.ignoreReason("b", "input/x.csv"));
  }

  @Test
  void thePredictionPrefixTakesPrecedenceButMayNotSwallowInputsOrResults() {
    FunctionConfig wholeBucket =
        FunctionConfig.fromEnvironment(
            Map.of("L1PATH_INPUT_PREFIX", "", "L1PATH_OUTPUT_BUCKET", "results"), OPTIONS);
    assertTrue(wholeBucket.isPrediction("predict/new.csv"));
    assertTrue(!wholeBucket.isPrediction("data/x.csv"));

    ConfigurationException swallowsInputs =
        assertThrows(
            ConfigurationException.class,
            () ->
                FunctionConfig.fromEnvironment(
                    Map.of("L1PATH_INPUT_PREFIX", "data/in/", "L1PATH_PREDICT_PREFIX", "data/"),
                    OPTIONS));
    assertTrue(
        swallowsInputs.getMessage().contains("L1PATH_PREDICT_PREFIX='data/'"),
        swallowsInputs.getMessage());
    assertThrows(
        ConfigurationException.class,
        () ->
            FunctionConfig.fromEnvironment(
                Map.of("L1PATH_PREDICT_PREFIX", "output/predict/"), OPTIONS));
  }

  @Test
  void familyAndMeasureAreFunctionSettingsLikeEveryFitOption() {
    FunctionConfig config =
        FunctionConfig.fromEnvironment(
            Map.of("L1PATH_FAMILY", "binomial", "L1PATH_MEASURE", "auc"), FitRequest.OPTION_NAMES);

    assertEquals(Map.of("family", "binomial", "measure", "auc"), config.fitOptions());
    FitRequest request = FitRequest.fromOptions(config.fitOptions());
    assertEquals(Family.BINOMIAL, request.family());
    assertEquals(CvMeasure.AUC, request.measure());
  }
}
