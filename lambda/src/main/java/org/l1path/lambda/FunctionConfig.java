package org.l1path.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The function's environment: where inputs are taken from, where results go, and the default fit
 * options ({@code L1PATH_} plus the option in upper snake case).
 *
 * @param inputPrefix only keys starting with this are fitted
 * @param predictPrefix keys starting with this are predicted with an earlier fit's model
 * @param inputSuffixes only keys ending with one of these are fitted or predicted
 * @param outputBucket the bucket results go to, or null for the input's own bucket
 * @param outputPrefix results go under this prefix
 * @param fitOptions fit options set by the environment, by command-line name
 */
public record FunctionConfig(
    String inputPrefix,
    String predictPrefix,
    List<String> inputSuffixes,
    String outputBucket,
    String outputPrefix,
    Map<String, String> fitOptions) {

  public static final String INPUT_PREFIX = "L1PATH_INPUT_PREFIX";
  public static final String PREDICT_PREFIX = "L1PATH_PREDICT_PREFIX";
  public static final String INPUT_SUFFIXES = "L1PATH_INPUT_SUFFIXES";
  public static final String OUTPUT_BUCKET = "L1PATH_OUTPUT_BUCKET";
  public static final String OUTPUT_PREFIX = "L1PATH_OUTPUT_PREFIX";
  static final String DEFAULT_INPUT_PREFIX = "input/";
  static final String DEFAULT_OUTPUT_PREFIX = "output/";
  static final String DEFAULT_PREDICT_PREFIX = "predict/";
  static final String DEFAULT_SUFFIXES =
      ".csv,.csv.gz,.svm,.svm.gz,.svmlight,.svmlight.gz,.libsvm,.libsvm.gz";

  /** The ending that marks a sidecar: {@code <csv key>.l1path.json}. */
  public static final String SIDECAR_SUFFIX = ".l1path.json";

  public FunctionConfig {
    inputSuffixes = List.copyOf(inputSuffixes);
    fitOptions = Map.copyOf(fitOptions);
    if (inputSuffixes.isEmpty()) {
      throw new ConfigurationException(INPUT_SUFFIXES + " names no suffix");
    }
    if (outputBucket == null && overlaps(inputPrefix, outputPrefix)) {
      throw new ConfigurationException(
          "the output area overlaps the input area: "
              + OUTPUT_PREFIX
              + "='"
              + outputPrefix
              + "' and "
              + INPUT_PREFIX
              + "='"
              + inputPrefix
              + "' in the same bucket would make the function read its own results. Use"
              + " prefixes where neither starts with the other (for example 'input/' and"
              + " 'output/'), or set "
              + OUTPUT_BUCKET
              + " to another bucket.");
    }
    // Keys under the prediction prefix are predicted even when they also lie under the input
    // prefix (an empty input prefix fits the rest of the bucket); only a prediction prefix that
    // would take every input, or the results, is refused.
    if (inputPrefix.startsWith(predictPrefix)
        || (outputBucket == null && overlaps(predictPrefix, outputPrefix))) {
      throw new ConfigurationException(
          PREDICT_PREFIX
              + "='"
              + predictPrefix
              + "' would take every input under "
              + INPUT_PREFIX
              + "='"
              + inputPrefix
              + "' or overlaps the results under "
              + OUTPUT_PREFIX
              + "='"
              + outputPrefix
              + "'. Use a prediction prefix of its own (for example 'predict/').");
    }
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @param optionNames the fit options, by command-line name
   * @throws ConfigurationException for an {@code L1PATH_} variable that is not a setting, or
   *     overlapping input and output areas
   */
  public static FunctionConfig fromEnvironment(Map<String, String> env, List<String> optionNames) {
    Map<String, String> options = new LinkedHashMap<>();
    TreeSet<String> known =
        new TreeSet<>(
            List.of(INPUT_PREFIX, PREDICT_PREFIX, INPUT_SUFFIXES, OUTPUT_BUCKET, OUTPUT_PREFIX));
    for (String option : optionNames) {
      String variable = OptionNames.environment(option);
      known.add(variable);
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        options.put(option, value.trim());
      }
    }
    for (String variable : new TreeSet<>(env.keySet())) {
      if (variable.startsWith(OptionNames.ENVIRONMENT_PREFIX) && !known.contains(variable)) {
        throw new ConfigurationException(
            "unknown setting " + variable + "; the settings are " + String.join(", ", known));
      }
    }
    String outputBucket = env.get(OUTPUT_BUCKET);
    return new FunctionConfig(
        env.getOrDefault(INPUT_PREFIX, DEFAULT_INPUT_PREFIX),
        env.getOrDefault(PREDICT_PREFIX, DEFAULT_PREDICT_PREFIX),
        suffixes(env.getOrDefault(INPUT_SUFFIXES, DEFAULT_SUFFIXES)),
        outputBucket == null || outputBucket.isBlank() ? null : outputBucket.trim(),
        env.getOrDefault(OUTPUT_PREFIX, DEFAULT_OUTPUT_PREFIX),
        options);
  }

  /** The bucket that results for an input in {@code inputBucket} go to. */
  public String outputBucketFor(String inputBucket) {
    return outputBucket == null ? inputBucket : outputBucket;
  }

  /**
   * The folder that holds the results for one version of an input: {@code <prefix><key>/<etag>/}.
   */
  public String outputFolder(String inputKey, String etag) {
    return outputPrefix + inputKey + "/" + etag + "/";
  }

  /** Whether a key that is not ignored is to be predicted, rather than fitted. */
  public boolean isPrediction(String key) {
    return key.startsWith(predictPrefix);
  }

  /**
   * Why an object is neither fitted nor predicted, or null when it is: results and sidecars are
   * never inputs, so the function cannot trigger itself.
   */
  public String ignoreReason(String bucket, String key) {
    if (bucket.equals(outputBucketFor(bucket)) && key.startsWith(outputPrefix)) {
      return "the key is under the output prefix '" + outputPrefix + "'";
    }
    if (key.endsWith(SIDECAR_SUFFIX)) {
      return "the key is a sidecar";
    }
    if (!key.startsWith(inputPrefix) && !isPrediction(key)) {
      return "the key is not under the input prefix '"
          + inputPrefix
          + "' or the prediction prefix '"
          + predictPrefix
          + "'";
    }
    if (inputSuffixes.stream().noneMatch(key::endsWith)) {
      return "the key does not end with " + oneOf(inputSuffixes);
    }
    if (key.endsWith("/")) {
      return "the key is a folder marker";
    }
    return null;
  }

  /** Refuses results written where the function reads, for a bucket known only from an event. */
  public void checkBucket(String inputBucket) {
    if (inputBucket.equals(outputBucket)
        && (overlaps(inputPrefix, outputPrefix) || overlaps(predictPrefix, outputPrefix))) {
      throw new ConfigurationException(
          "the output area overlaps the input area in bucket '"
              + inputBucket
              + "': "
              + OUTPUT_PREFIX
              + "='"
              + outputPrefix
              + "', "
              + INPUT_PREFIX
              + "='"
              + inputPrefix
              + "', "
              + PREDICT_PREFIX
              + "='"
              + predictPrefix
              + "'");
    }
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  private static String oneOf(List<String> suffixes) {
    int last = suffixes.size() - 1;
    return last == 0
        ? suffixes.get(0)
        : String.join(", ", suffixes.subList(0, last)) + " or " + suffixes.get(last);
  }

  private static boolean overlaps(String inputPrefix, String outputPrefix) {
    return inputPrefix.startsWith(outputPrefix) || outputPrefix.startsWith(inputPrefix);
  }

  private static List<String> suffixes(String text) {
    List<String> suffixes = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        suffixes.add(part.trim());
      }
    }
    return suffixes;
  }
}
