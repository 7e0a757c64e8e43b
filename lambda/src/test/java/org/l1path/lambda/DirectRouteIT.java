package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.l1path.job.DataTooLargeException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The direct S3 → Lambda route ({@code S3EventHandler}) in a small container (64 MiB of heap), so
 * that a file too large for the memory is reported in {@code error.json} instead of crashing; and a
 * configuration whose output overlaps its input, refused when the function starts.
 */
class DirectRouteIT {
  private static final String BUCKET = "direct";
  private static final Path DIABETES = LambdaFunctionIT.DIABETES;

  private static Path work;
  private static LocalS3 s3;
  private static LambdaContainer function;

  @BeforeAll
  static void start() throws Exception {
    work =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "lambda-it")), "direct");
    s3 = new LocalS3();
    s3.client().createBucket(b -> b.bucket(BUCKET));
    function =
        new LambdaContainer(
            LambdaFunctionIT.JAR,
            work,
            S3EventHandler.class.getName() + "::handleRequest",
            Map.of(
                "AWS_ENDPOINT_URL_S3",
                s3.endpoint().toString(),
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                "128"),
            "64m");
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
  void aDirectS3EventIsFitted() throws Exception {
    byte[] csv = Files.readAllBytes(DIABETES);
    String etag = put("input/d.csv", csv);

    RuntimeApi.Result result =
        function.invoke(Events.s3Put(BUCKET, "input/d.csv", csv.length, etag));

    assertTrue(result.success(), result.body());
    // Not "fitted_again": no earlier delivery wrote any of the files.
    assertEquals("\"fitted\"", result.body());
    JsonNode model =
        Events.JSON.readTree(
            s3.client()
                .getObjectAsBytes(
                    g -> g.bucket(BUCKET).key("output/input/d.csv/" + etag + "/model.json"))
                .asByteArray());
    assertEquals(442, model.at("/input/rows").asInt());
    // Every solve converged, the cross-validation folds' too, and the log line says so.
    assertTrue(function.log().contains("\"converged\":true,\"not_converged\":0"), function.log());
  }

  @Test
  void aFileTooLargeForTheMemoryYieldsErrorJson() throws Exception {
    // 3 million rows of 5 one-digit columns: 15 million cells, 120 MB as doubles, in a 64 MiB heap.
    StringBuilder text = new StringBuilder(31_000_000).append("a,b,c,d,y\n");
    for (int i = 0; i < 3_000_000; i++) {
      int v = i % 10;
      text.append(v)
          .append(',')
          .append((v * 3) % 10)
          .append(',')
          .append((v * 7) % 10)
          .append(',')
          .append(i % 7)
          .append(',')
          .append(i % 3)
          .append('\n');
    }
    byte[] csv = text.toString().getBytes(StandardCharsets.US_ASCII);
    String etag = put("input/big.csv", csv);

    RuntimeApi.Result result =
        function.invoke(Events.s3Put(BUCKET, "input/big.csv", csv.length, etag));

    assertTrue(result.success(), result.body());
    assertEquals("\"bad_input\"", result.body());
    JsonNode error =
        Events.JSON.readTree(
            s3.client()
                .getObjectAsBytes(
                    g -> g.bucket(BUCKET).key("output/input/big.csv/" + etag + "/error.json"))
                .asByteArray());
    assertEquals("too_large", error.get("kind").asText());
    assertTrue(error.get("error").asText().contains("s3://direct/input/big.csv"), error.toString());
    assertTrue(
        error.get("error").asText().contains(DataTooLargeException.MEMORY_NEEDED),
        error.toString());
    assertTrue(error.get("error").asText().contains("MemorySize"), error.toString());

    // The container survives: the next event in it is fitted as usual.
    byte[] small = Files.readAllBytes(DIABETES);
    String next = put("input/after.csv", small);
    String after =
        function.invoke(Events.s3Put(BUCKET, "input/after.csv", small.length, next)).body();
    assertEquals("\"fitted\"", after);
  }

  @Test
  void overlappingInputAndOutputAreRefusedAtStartUp() throws Exception {
    Path other = Files.createTempDirectory(work, "overlap");
    try (LambdaContainer refused =
        new LambdaContainer(
            LambdaFunctionIT.JAR,
            other,
            SqsHandler.class.getName() + "::handleRequest",
            Map.of(
                "AWS_ENDPOINT_URL_S3",
                s3.endpoint().toString(),
                "L1PATH_INPUT_PREFIX",
                "data/",
                "L1PATH_OUTPUT_PREFIX",
                "data/results/"),
            "64m")) {
      refused.invoke(Events.sqs(List.of(Events.s3TestEvent(BUCKET)), List.of("m1")));
      throw new AssertionError("the function started with overlapping prefixes");
    } catch (IllegalStateException e) {
      String log = Files.readString(other.resolve("function.log"));
      assertTrue(log.contains("the output area overlaps the input area"), log);
    }
  }

  @Test
  void anUnreachableS3FailsTheMessageSoThatSqsRetriesIt() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path other = Files.createTempDirectory(work, "unreachable");
    try (LambdaContainer cut =
        new LambdaContainer(
            LambdaFunctionIT.JAR,
            other,
            SqsHandler.class.getName() + "::handleRequest",
            Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + closedPort),
            "128m")) {
      RuntimeApi.Result result =
          cut.invoke(
              Events.sqs(
                  List.of(Events.s3Put(BUCKET, "input/d.csv", 100, "0123")),
                  List.of("transient-1")));

      assertTrue(result.success(), result.body());
      assertEquals(List.of("transient-1"), LambdaFunctionIT.failures(result));
      assertTrue(cut.log().contains("\"outcome\":\"failed\""), cut.log());
    }
  }

  private static String put(String key, byte[] bytes) {
    return SourceObject.unquote(
        s3.client()
            .putObject(
                PutObjectRequest.builder().bucket(BUCKET).key(key).build(),
                RequestBody.fromBytes(bytes))
            .eTag());
  }
}
