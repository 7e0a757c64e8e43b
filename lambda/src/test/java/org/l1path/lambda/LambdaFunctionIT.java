package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The function end to end: the shaded jar unpacked into a task directory and run by the real Lambda
 * runtime interface client in a child JVM, SQS events carrying S3 notifications, and a real
 * S3-protocol server (S3Proxy) on loopback holding the inputs and receiving the results.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaFunctionIT {
  static final String BUCKET = "data";
  static final Path DIABETES = Path.of(System.getProperty("l1path.reference"), "diabetes.csv");
  static final Path JAR = Path.of(System.getProperty("l1path.jar"));

  /** 150 word-count rows over 40 features, labelled +1 or -1 (docs/fit.md). */
  static final Path SPARSE = Path.of("..", "examples", "sparse.svm");

  private static Path work;
  private static LocalS3 s3;
  private static LambdaContainer function;

  @BeforeAll
  static void start() throws Exception {
    // Under target/, so that the function log stays for inspection and `mvn clean` removes it.
    work =
        Files.createTempDirectory(Files.createDirectories(Path.of("target", "lambda-it")), "run");
    s3 = new LocalS3();
    s3.client().createBucket(b -> b.bucket(BUCKET));
    function =
        new LambdaContainer(
            JAR,
            work,
            SqsHandler.class.getName() + "::handleRequest",
            Map.of(
                "AWS_ENDPOINT_URL_S3",
                s3.endpoint().toString(),
                "L1PATH_INPUT_PREFIX",
                "input/",
                "L1PATH_OUTPUT_PREFIX",
                "output/"),
            "896m");
  }

  @AfterAll
  static void stop() throws Exception {
    if (function != null) {
      function.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void anUploadedCsvIsFittedAndMatchesTheFitCommand() throws Exception {
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag = put("input/diabetes.csv", csv, Map.of());

    RuntimeApi.Result result = function.invoke(sqsFor("input/diabetes.csv", csv.length, etag));

    long coldStartMillis = TimeUnit.NANOSECONDS.toMillis(function.sinceStart(result.nanoTime()));
    long initMillis = TimeUnit.NANOSECONDS.toMillis(function.initNanos());
    String report =
        String.format(
            java.util.Locale.ROOT,
            "l1path Lambda cold start: init (JVM start to first poll) %d ms; JVM start to first"
                + " response (one 442 x 10 fit, 10-fold CV, S3 on loopback) %d ms%n",
            initMillis,
            coldStartMillis);
    Files.writeString(Path.of("target", "cold-start.txt"), report);
    System.out.print(report);
    assertTrue(result.success(), result.body());
    assertEquals(List.of(), failures(result));
    String folder = "output/input/diabetes.csv/" + etag + "/";
    assertEquals(
        List.of("coefficients.csv", "cv.csv", "cv.svg", "model.json", "path.svg"),
        List.copyOf(objectsUnder(folder).keySet()).stream()
            .map(k -> k.substring(folder.length()))
            .toList());
    JsonNode model = json(folder + "model.json");
    assertEquals(BUCKET, model.at("/source/bucket").asText());
    assertEquals("input/diabetes.csv", model.at("/source/key").asText());
    assertEquals(etag, model.at("/source/etag").asText());
    assertTrue(model.at("/source").has("version_id"));
    assertEquals("default", model.at("/settings_origin/target").asText());

    // Same jar, same data, same default options: the coefficients agree exactly (tolerance 0),
    // because cross-validation is bit-for-bit independent of the thread count.
    JsonNode local = fitCommand(DIABETES, List.of());
    assertEquals(local.get("coefficients"), model.get("coefficients"));
    assertEquals(local.get("alpha"), model.get("alpha"));
    assertTrue(function.log().contains("\"outcome\":\"fitted\""), function.log());
  }

  @Test
  @Order(2)
  void aDuplicateEventWritesNothingNew() throws Exception {
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag =
        SourceObject.unquote(
            s3.client().headObject(h -> h.bucket(BUCKET).key("input/diabetes.csv")).eTag());
    Map<String, Instant> before = objectsUnder("output/");

    RuntimeApi.Result result = function.invoke(sqsFor("input/diabetes.csv", csv.length, etag));

    assertEquals(List.of(), failures(result));
    assertEquals(before, objectsUnder("output/"));
    assertTrue(function.log().contains("\"outcome\":\"duplicate\""), function.log());
  }

  @Test
  @Order(3)
  void aCsvUnderThePredictionPrefixIsPredictedWithTheModelItNames() throws Exception {
    String modelKey = diabetesModelKey();
    byte[] csv = Files.readAllBytes(DIABETES);
    String key = "predict/diabetes-new.csv";
    String etag = put(key, csv, Map.of("l1path-model", modelKey));

    RuntimeApi.Result result = function.invoke(sqsFor(key, csv.length, etag));

    assertEquals(List.of(), failures(result));
    String folder = "output/" + key + "/" + etag + "/";
    assertEquals(
        List.of(folder + "prediction.json", folder + "predictions.csv"),
        List.copyOf(objectsUnder(folder).keySet()));
    // The same model.json, read by the predict command, gives the same bytes.
    Path local = Files.createTempDirectory(work, "predict");
    Files.write(
        local.resolve("model.json"),
        s3.client().getObjectAsBytes(g -> g.bucket(BUCKET).key(modelKey)).asByteArray());
    Path expected = local.resolve("predictions.csv");
    run(
        "predict",
        "--model",
        local.resolve("model.json").toString(),
        DIABETES.toString(),
        "--out",
        expected.toString());
    byte[] predictions =
        s3.client()
            .getObjectAsBytes(g -> g.bucket(BUCKET).key(folder + "predictions.csv"))
            .asByteArray();
    assertEquals(Files.readString(expected), new String(predictions, StandardCharsets.UTF_8));
    JsonNode prediction = json(folder + "prediction.json");
    assertEquals("l1path-prediction/1", prediction.get("schema").asText());
    assertEquals("s3://data/" + modelKey, prediction.get("model").asText());
    assertEquals(442, prediction.get("rows").asInt());
    assertEquals(442, prediction.get("scored").asInt());
    assertTrue(prediction.at("/scores/mse").asDouble() > 0, prediction.toString());
    assertEquals(etag, prediction.at("/source/etag").asText());
    assertEquals(predictions.length, prediction.at("/files/predictions.csv/bytes").asInt());
    assertTrue(function.log().contains("\"outcome\":\"predicted\""), function.log());

    Map<String, Instant> before = objectsUnder("output/");
    function.invoke(sqsFor(key, csv.length, etag));
    assertEquals(before, objectsUnder("output/"), "a duplicate event writes nothing new");
  }

  @Test
  @Order(4)
  void anUploadedSvmlightFileIsFittedByDefaultAndMatchesTheFitCommand() throws Exception {
    byte[] svm = Files.readAllBytes(SPARSE);
    String key = "input/sparse/sparse.svm";
    // The labels are numbers: binomial only when asked, here by metadata.
    String etag = put(key, svm, Map.of("l1path-family", "binomial"));

    RuntimeApi.Result result = function.invoke(sqsFor(key, svm.length, etag));

    assertEquals(List.of(), failures(result));
    String folder = "output/" + key + "/" + etag + "/";
    assertEquals(
        List.of("coefficients.csv", "cv.csv", "cv.svg", "model.json", "path.svg"),
        List.copyOf(objectsUnder(folder).keySet()).stream()
            .map(k -> k.substring(folder.length()))
            .toList());
    JsonNode model = json(folder + "model.json");
    assertEquals("svmlight", model.at("/input/format").asText());
    assertEquals("auto", model.at("/settings/format").asText(), "told by the key's suffix");
    assertEquals(150, model.at("/input/rows").asInt());
    assertEquals("label", model.get("target").asText());
    assertEquals("binomial", model.get("family").asText());
    assertEquals("[\"-1\",\"1\"]", model.get("classes").toString());
    assertEquals("metadata", model.at("/settings_origin/family").asText());
    assertEquals(key, model.at("/source/key").asText());
    String coefficients =
        s3.client()
            .getObjectAsBytes(g -> g.bucket(BUCKET).key(folder + "coefficients.csv"))
            .asUtf8String();
    assertTrue(coefficients.startsWith("feature,1,standardized:1\nf"), coefficients);
    // Same jar, same file, same options: the coefficients equal the fit command's (tolerance 0).
    assertEquals(
        fitCommand(SPARSE, List.of("--family", "binomial")).get("coefficients"),
        model.get("coefficients"));
  }

  @Test
  @Order(5)
  void anSvmlightFileUnderThePredictionPrefixIsPredictedAsByThePredictCommand() throws Exception {
    String modelEtag =
        SourceObject.unquote(
            s3.client().headObject(h -> h.bucket(BUCKET).key("input/sparse/sparse.svm")).eTag());
    String modelKey = "output/input/sparse/sparse.svm/" + modelEtag + "/model.json";
    byte[] svm = Files.readAllBytes(SPARSE);
    String key = "predict/sparse-new.svm";
    String etag = put(key, svm, Map.of("l1path-model", modelKey));
    // The format setting overrides the key's suffix, both ways, and a bad one is the file's error.
    String lines = "predict/sparse-lines.csv";
    String linesEtag =
        put(lines, svm, Map.of("l1path-model", modelKey, "l1path-format", "svmlight"));
    String asCsv = "predict/sparse-as-csv.svm";
    String asCsvEtag = put(asCsv, svm, Map.of("l1path-model", modelKey, "l1path-format", "csv"));
    String bad = "predict/sparse-bad-format.svm";
    String badEtag = put(bad, svm, Map.of("l1path-model", modelKey, "l1path-format", "arff"));

    RuntimeApi.Result result =
        function.invoke(
            Events.sqs(
                List.of(
                    Events.s3Put(BUCKET, key, svm.length, etag),
                    Events.s3Put(BUCKET, lines, svm.length, linesEtag),
                    Events.s3Put(BUCKET, asCsv, svm.length, asCsvEtag),
                    Events.s3Put(BUCKET, bad, svm.length, badEtag)),
                List.of("svm-1", "lines-2", "ascsv-3", "bad-4")));

    assertEquals(List.of(), failures(result));
    Path local = Files.createTempDirectory(work, "predict-svm");
    Files.write(
        local.resolve("model.json"),
        s3.client().getObjectAsBytes(g -> g.bucket(BUCKET).key(modelKey)).asByteArray());
    Path expected = local.resolve("predictions.csv");
    run(
        "predict",
        "--model",
        local.resolve("model.json").toString(),
        SPARSE.toString(),
        "--out",
        expected.toString());
    for (String[] predicted : new String[][] {{key, etag}, {lines, linesEtag}}) {
      String folder = "output/" + predicted[0] + "/" + predicted[1] + "/";
      assertEquals(
          List.of(folder + "prediction.json", folder + "predictions.csv"),
          List.copyOf(objectsUnder(folder).keySet()));
      byte[] predictions =
          s3.client()
              .getObjectAsBytes(g -> g.bucket(BUCKET).key(folder + "predictions.csv"))
              .asByteArray();
      assertEquals(
          Files.readString(expected),
          new String(predictions, StandardCharsets.UTF_8),
          predicted[0]);
      JsonNode prediction = json(folder + "prediction.json");
      assertEquals("s3://data/" + modelKey, prediction.get("model").asText());
      assertEquals(150, prediction.get("rows").asInt(), predicted[0]);
      assertEquals(150, prediction.get("scored").asInt(), "the labels are the target");
      assertTrue(prediction.at("/scores/auc").asDouble() > 0.5, prediction.toString());
    }
    JsonNode asCsvError = json("output/" + asCsv + "/" + asCsvEtag + "/error.json");
    assertEquals("input", asCsvError.get("kind").asText(), asCsvError.toString());
    JsonNode badError = json("output/" + bad + "/" + badEtag + "/error.json");
    assertEquals("settings", badError.get("kind").asText());
    assertTrue(
        badError
            .get("error")
            .asText()
            .contains("invalid format 'arff': must be auto, csv or svmlight"),
        badError.toString());
  }

  /** The model.json the first test's fit of diabetes.csv wrote. */
  private static String diabetesModelKey() {
    String etag =
        SourceObject.unquote(
            s3.client().headObject(h -> h.bucket(BUCKET).key("input/diabetes.csv")).eTag());
    return "output/input/diabetes.csv/" + etag + "/model.json";
  }

  @Test
  @Order(6)
  void aPredictionSidecarMayNameAGamma() throws Exception {
    String modelKey = diabetesModelKey();
    byte[] csv = Files.readAllBytes(DIABETES);
    String key = "predict/diabetes-gamma.csv";
    put(
        key + ".l1path.json",
        ("{\"model\": \"" + modelKey + "\", \"gamma\": 0.5}").getBytes(StandardCharsets.UTF_8),
        Map.of());
    String etag = put(key, csv, Map.of());

    RuntimeApi.Result result = function.invoke(sqsFor(key, csv.length, etag));

    assertEquals(List.of(), failures(result));
    // gamma is a setting of the prediction route (docs/lambda.md), so it reaches the model, which
    // refuses it: diabetes.csv was fitted without --relax.
    JsonNode error = json("output/" + key + "/" + etag + "/error.json");
    assertEquals("input", error.get("kind").asText(), error.toString());
    assertTrue(
        error.get("error").asText().contains("gamma applies to a relaxed fit (--relax)"),
        error.toString());
  }

  @Test
  void aPredictionNamingNoModelAMissingOneOrABadRuleYieldsErrorJson() throws Exception {
    byte[] csv = "age,sex\n1,2\n".getBytes(StandardCharsets.UTF_8);
    String unnamed = "predict/unnamed.csv";
    String unnamedEtag = put(unnamed, csv, Map.of());
    String missing = "predict/missing.csv";
    put(
        missing + ".l1path.json",
        "{\"model\": \"output/nothing/model.json\"}".getBytes(StandardCharsets.UTF_8),
        Map.of());
    String missingEtag = put(missing, csv, Map.of());
    String badRule = "predict/badrule.csv";
    String badRuleEtag =
        put(
            badRule,
            csv,
            Map.of("l1path-model", "output/nothing/model.json", "l1path-rule", "best"));

    RuntimeApi.Result result =
        function.invoke(
            Events.sqs(
                List.of(
                    Events.s3Put(BUCKET, unnamed, csv.length, unnamedEtag),
                    Events.s3Put(BUCKET, missing, csv.length, missingEtag),
                    Events.s3Put(BUCKET, badRule, csv.length, badRuleEtag)),
                List.of("unnamed-1", "missing-2", "badrule-3")));

    assertEquals(List.of(), failures(result));
    JsonNode unnamedError = json("output/" + unnamed + "/" + unnamedEtag + "/error.json");
    assertEquals("settings", unnamedError.get("kind").asText());
    assertTrue(
        unnamedError.get("error").asText().contains("x-amz-meta-l1path-model"),
        unnamedError.toString());
    JsonNode missingError = json("output/" + missing + "/" + missingEtag + "/error.json");
    assertEquals("input", missingError.get("kind").asText());
    assertTrue(
        missingError
            .get("error")
            .asText()
            .contains("model s3://data/output/nothing/model.json: no such object"),
        missingError.toString());
    JsonNode badRuleError = json("output/" + badRule + "/" + badRuleEtag + "/error.json");
    assertEquals("settings", badRuleError.get("kind").asText());
    assertTrue(
        badRuleError.get("error").asText().contains("invalid rule 'best': must be min or 1se"),
        badRuleError.toString());
    assertFalse(
        objectsUnder("output/" + missing + "/").keySet().stream()
            .anyMatch(k -> k.endsWith("predictions.csv")));
  }

  @Test
  void aKeyWithSpacesPlusAndUnicodeWorks() throws Exception {
    String key = "input/my data/prix été + €.csv";
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag = put(key, csv, Map.of());

    RuntimeApi.Result result = function.invoke(sqsFor(key, csv.length, etag));

    assertEquals(List.of(), failures(result));
    assertEquals(
        key, json("output/" + key + "/" + etag + "/model.json").at("/source/key").asText());
  }

  @Test
  void aKeyUnderTheOutputPrefixIsIgnored() throws Exception {
    String key = "output/stray.csv";
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag = put(key, csv, Map.of());

    RuntimeApi.Result result = function.invoke(sqsFor(key, csv.length, etag));

    assertEquals(List.of(), failures(result));
    assertEquals(List.of(key), List.copyOf(objectsUnder("output/stray").keySet()));
    assertTrue(objectsUnder("output/output/").isEmpty());
  }

  @Test
  void aBadCsvYieldsErrorJsonAndANormalReturn() throws Exception {
    String key = "input/ragged.csv";
    byte[] csv = "a,b,y\n1,2,3\n4,5\n6,7,8\n".getBytes(StandardCharsets.UTF_8);
    String etag = put(key, csv, Map.of());

    RuntimeApi.Result result = function.invoke(sqsFor(key, csv.length, etag));

    assertTrue(result.success(), result.body());
    assertEquals(List.of(), failures(result));
    String folder = "output/" + key + "/" + etag + "/";
    assertEquals(List.of(folder + "error.json"), List.copyOf(objectsUnder(folder).keySet()));
    JsonNode error = json(folder + "error.json");
    assertEquals("input", error.get("kind").asText());
    String message = error.get("error").asText();
    assertTrue(message.contains("s3://data/input/ragged.csv") && message.contains("3"), message);
    assertTrue(function.log().contains("\"outcome\":\"bad_input\""), function.log());
  }

  @Test
  void anEmptyObjectAndAMalformedSidecarAreReportedNotRetried() throws Exception {
    String empty = "input/empty.csv";
    String emptyEtag = put(empty, new byte[0], Map.of());
    String badSidecar = "input/badsidecar.csv";
    put(
        badSidecar + ".l1path.json",
        "{\"target\": \"bmi\",}".getBytes(StandardCharsets.UTF_8),
        Map.of());
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag = put(badSidecar, csv, Map.of());

    RuntimeApi.Result result =
        function.invoke(
            Events.sqs(
                List.of(
                    Events.s3Put(BUCKET, empty, 0, emptyEtag),
                    Events.s3Put(BUCKET, badSidecar, csv.length, etag)),
                List.of("empty-1", "sidecar-2")));

    assertEquals(List.of(), failures(result));
    JsonNode emptyError = json("output/" + empty + "/" + emptyEtag + "/error.json");
    assertEquals("input", emptyError.get("kind").asText());
    assertTrue(
        emptyError.get("error").asText().startsWith("s3://data/input/empty.csv"),
        emptyError.toString());
    JsonNode sidecarError = json("output/" + badSidecar + "/" + etag + "/error.json");
    assertEquals("settings", sidecarError.get("kind").asText());
    assertTrue(
        sidecarError
            .get("error")
            .asText()
            .contains("malformed sidecar input/badsidecar.csv.l1path.json"),
        sidecarError.toString());
  }

  @Test
  void aSidecarOverridesTheTargetAndMetadataTheFolds() throws Exception {
    String key = "input/sidecar.csv";
    byte[] sidecar =
        "{\"target\": \"bmi\", \"l1_ratio\": [0.5, 1]}".getBytes(StandardCharsets.UTF_8);
    String sidecarEtag = put(key + ".l1path.json", sidecar, Map.of());
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag = put(key, csv, Map.of("l1path-folds", "5", "l1path-target", "age"));

    // The sidecar's own event (were the notification to match it) is ignored, not fitted.
    RuntimeApi.Result result =
        function.invoke(
            Events.sqs(
                List.of(
                    Events.s3Put(BUCKET, key + ".l1path.json", sidecar.length, sidecarEtag),
                    Events.s3Put(BUCKET, key, csv.length, etag)),
                List.of("sidecar-event", "csv-event")));

    assertEquals(List.of(), failures(result));
    JsonNode model = json("output/" + key + "/" + etag + "/model.json");
    assertEquals("bmi", model.get("target").asText());
    assertEquals("sidecar", model.at("/settings_origin/target").asText());
    assertEquals("sidecar", model.at("/settings_origin/l1_ratio").asText());
    assertEquals("metadata", model.at("/settings_origin/folds").asText());
    assertEquals(5, model.at("/cv/folds").asInt());
    assertEquals(2, model.at("/cv/l1_ratios").size());
    assertTrue(objectsUnder("output/" + key + ".l1path.json").isEmpty(), "sidecar not fitted");
  }

  @Test
  void aBatchStartsOnlyTheRecordsItHasTimeForAndReturnsTheRest() throws Exception {
    byte[] csv = Files.readAllBytes(DIABETES);
    String first = put("input/late-1.csv", csv, Map.of());
    String second = put("input/late-2.csv", csv, Map.of());
    List<String> ids = List.of("late-1", "late-2");
    String batch =
        Events.sqs(
            List.of(
                Events.s3Put(BUCKET, "input/late-1.csv", csv.length, first),
                Events.s3Put(BUCKET, "input/late-2.csv", csv.length, second)),
            ids);

    // Less than the margin a record needs to start: both go back to the queue untouched.
    RuntimeApi.Result late = function.invoke(batch, TimeBudget.START_MARGIN_MILLIS - 2_000);

    assertEquals(ids, failures(late));
    assertEquals(Map.of(), objectsUnder("output/input/late-"));
    assertTrue(function.log().contains("\"outcome\":\"deferred\""), function.log());

    // Redelivered with time to spare, both are fitted.
    assertEquals(List.of(), failures(function.invoke(batch)));
    assertFalse(objectsUnder("output/input/late-1.csv/" + first + "/model.json").isEmpty());
    assertFalse(objectsUnder("output/input/late-2.csv/" + second + "/model.json").isEmpty());
  }

  @Test
  void anSqsBatchReportsExactlyTheMalformedMessage() throws Exception {
    String key = "input/batch.csv";
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag = put(key, csv, Map.of());
    List<String> ids = List.of("11111111-aaaa", "22222222-bbbb", "33333333-cccc");

    RuntimeApi.Result result =
        function.invoke(
            Events.sqs(
                List.of(
                    Events.s3Put(BUCKET, key, csv.length, etag),
                    "{\"hello\": \"not S3\"}",
                    Events.s3TestEvent(BUCKET)),
                ids));

    assertTrue(result.success(), result.body());
    assertEquals(List.of("22222222-bbbb"), failures(result));
    assertFalse(objectsUnder("output/" + key + "/" + etag + "/model.json").isEmpty());
  }

  @Test
  void aGzipInputIsFittedLikeThePlainOne() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(Files.readAllBytes(DIABETES));
    }
    String key = "input/zipped/diabetes.csv.gz";
    String etag = put(key, gz.toByteArray(), Map.of());

    RuntimeApi.Result result = function.invoke(sqsFor(key, gz.size(), etag));

    assertEquals(List.of(), failures(result));
    JsonNode model = json("output/" + key + "/" + etag + "/model.json");
    // Same data decompressed: the coefficients equal the fit command's on the plain file
    // (tolerance 0, same code path after decompression).
    assertEquals(fitCommand(DIABETES, List.of()).get("coefficients"), model.get("coefficients"));
  }

  @Test
  void aClassTargetIsFittedAsBinomialWithTheMeasureFromMetadata() throws Exception {
    Path binomial = Path.of(System.getProperty("l1path.reference"), "binomial.csv");
    byte[] csv = Files.readAllBytes(binomial);
    String key = "input/classes/binomial.csv";
    String etag = put(key, csv, Map.of("l1path-measure", "auc"));

    RuntimeApi.Result result = function.invoke(sqsFor(key, csv.length, etag));

    assertEquals(List.of(), failures(result));
    JsonNode model = json("output/" + key + "/" + etag + "/model.json");
    assertEquals("binomial", model.get("family").asText());
    assertEquals("[\"no\",\"yes\"]", model.get("classes").toString());
    assertEquals("[\"yes\"]", model.at("/path/classes").toString());
    assertEquals(List.of("yes"), fieldNames(model.get("coefficients")));
    assertEquals(30, model.at("/coefficients/yes").size());
    JsonNode path = model.at("/path/coefficients");
    assertEquals(model.at("/path/alphas").size(), path.size());
    for (JsonNode atAlpha : path) {
      assertEquals(1, atAlpha.size(), "[A][R][p] with R = 1");
      assertEquals(30, atAlpha.get(0).size(), "[A][R][p] with p = 30");
    }
    assertEquals("auc", model.at("/cv/measure").asText());
    assertEquals("metadata", model.at("/settings_origin/measure").asText());
    assertEquals("default", model.at("/settings_origin/family").asText());
    // Same jar and options: the coefficients equal the fit command's (tolerance 0).
    assertEquals(
        fitCommand(binomial, List.of("--measure", "auc")).get("coefficients"),
        model.get("coefficients"));
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void theServerAnswersAConditionalWriteToAnExistingKeyWith412() {
    String key = "scratch/conditional.txt";
    // The first write is unconditional: were it conditional, an SDK retry after a dropped
    // connection would find its own first attempt's object and fail the test with 412 (seen once).
    s3.client()
        .putObject(
            PutObjectRequest.builder().bucket(BUCKET).key(key).build(),
            RequestBody.fromString("first"));
    PutObjectRequest put =
        PutObjectRequest.builder().bucket(BUCKET).key(key).ifNoneMatch("*").build();

    S3Exception refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            S3Exception.class, () -> s3.client().putObject(put, RequestBody.fromString("second")));

    assertEquals(412, refused.statusCode());
    assertEquals(
        "first", s3.client().getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asUtf8String());
  }

  static String put(String key, byte[] bytes, Map<String, String> metadata) {
    return SourceObject.unquote(
        s3.client()
            .putObject(
                PutObjectRequest.builder().bucket(BUCKET).key(key).metadata(metadata).build(),
                RequestBody.fromBytes(bytes))
            .eTag());
  }

  static String sqsFor(String key, long size, String etag) {
    return Events.sqs(
        List.of(Events.s3Put(BUCKET, key, size, etag)),
        List.of(java.util.UUID.randomUUID().toString()));
  }

  static List<String> failures(RuntimeApi.Result result) throws Exception {
    assertTrue(result.success(), result.body());
    List<String> ids = new ArrayList<>();
    for (JsonNode failure : Events.JSON.readTree(result.body()).path("batchItemFailures")) {
      ids.add(failure.get("itemIdentifier").asText());
    }
    return ids;
  }

  /** Keys under {@code prefix}, sorted, with their last-modified times. */
  static Map<String, Instant> objectsUnder(String prefix) {
    Map<String, Instant> objects = new TreeMap<>();
    for (S3Object o :
        s3.client().listObjectsV2Paginator(l -> l.bucket(BUCKET).prefix(prefix)).contents()) {
      objects.put(o.key(), o.lastModified());
    }
    return objects;
  }

  static JsonNode json(String key) throws Exception {
    return Events.JSON.readTree(
        s3.client().getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asByteArray());
  }

  /** Runs {@code java -jar l1path.jar fit} on a local file and returns its model.json. */
  static JsonNode fitCommand(Path csv, List<String> options) throws Exception {
    Path out = Files.createTempDirectory(work, "fit");
    List<String> arguments =
        new ArrayList<>(List.of("fit", csv.toString(), "--out", out.toString(), "--quiet"));
    arguments.addAll(options);
    run(arguments.toArray(String[]::new));
    return Events.JSON.readTree(out.resolve("model.json").toFile());
  }

  /** Runs {@code java -jar l1path.jar} with the arguments and requires it to succeed. */
  static void run(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(arguments));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
  }
}
