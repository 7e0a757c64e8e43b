package org.l1path.lambda;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Times the function as Lambda runs it, through the real runtime interface client and an S3 server
 * on loopback, once with Lambda's java21 default (C1 only) and once with full tiered compilation
 * ({@code JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=4}): init (JVM start to the first request for
 * work), the first response (a small CSV with 10-fold CV, cold), and a large CSV fitted next in the
 * same container. Prints one JSON line per run. Not a test: bench/lambda-startup.sh runs it.
 *
 * <p>usage: LambdaStartupBenchmark JAR SMALL.csv ROWS COLUMNS REPEATS
 */
public final class LambdaStartupBenchmark {
  private static final String BUCKET = "bench";

  private LambdaStartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    byte[] small = Files.readAllBytes(Path.of(args[1]));
    int rows = Integer.parseInt(args[2]);
    int columns = Integer.parseInt(args[3]);
    int repeats = Integer.parseInt(args[4]);
    byte[] large = simulated(rows, columns);
    Map<String, String> modes = new LinkedHashMap<>();
    modes.put("C1 only (java21 default)", null);
    modes.put("tiered to C2 (TieredStopAtLevel=4)", "-XX:TieredStopAtLevel=4");
    for (int repeat = 0; repeat < repeats; repeat++) {
      for (Map.Entry<String, String> mode : modes.entrySet()) {
        run(jar, small, large, rows, columns, mode.getKey(), mode.getValue());
      }
    }
  }

  private static void run(
      Path jar,
      byte[] small,
      byte[] large,
      int rows,
      int columns,
      String mode,
      String javaToolOptions)
      throws Exception {
    try (LocalS3 s3 = new LocalS3()) {
      s3.client().createBucket(b -> b.bucket(BUCKET));
      String smallTag = put(s3, "input/small.csv", small);
      String largeTag = put(s3, "input/large.csv", large);
      Map<String, String> env = new LinkedHashMap<>();
      env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
      if (javaToolOptions != null) {
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
      }
      Path work = Files.createTempDirectory("l1path-startup");
      // 1536 MB of heap: what Lambda gives a function of 2048 MB (the template's default).
      try (LambdaContainer function =
          new LambdaContainer(
              jar, work, SqsHandler.class.getName() + "::handleRequest", env, "1536m")) {
        RuntimeApi.Result first = function.invoke(sqs("input/small.csv", small.length, smallTag));
        check(first, function);
        long init = function.initNanos();
        long firstResponse = function.sinceStart(first.nanoTime());
        long start = System.nanoTime();
        RuntimeApi.Result second = function.invoke(sqs("input/large.csv", large.length, largeTag));
        check(second, function);
        long largeNanos = second.nanoTime() - start;
        System.out.printf(
            Locale.ROOT,
            "{\"mode\": \"%s\", \"init_ms\": %d, \"first_response_ms\": %d, \"large\": \"%dx%d\","
                + " \"large_response_ms\": %d}%n",
            mode,
            init / 1_000_000,
            firstResponse / 1_000_000,
            rows,
            columns,
            largeNanos / 1_000_000);
      }
    }
  }

  private static void check(RuntimeApi.Result result, LambdaContainer function) throws Exception {
    if (!result.success() || result.body().contains("itemIdentifier")) {
      throw new IllegalStateException(result.body() + "\n" + function.log());
    }
  }

  private static String put(LocalS3 s3, String key, byte[] bytes) {
    return SourceObject.unquote(
        s3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)).eTag());
  }

  private static String sqs(String key, long size, String etag) {
    return Events.sqs(
        List.of(Events.s3Put(BUCKET, key, size, etag)), List.of(UUID.randomUUID().toString()));
  }

  /** x1..xP standard normal, y from the first ten features plus noise (seed 1). */
  private static byte[] simulated(int rows, int columns) {
    SplittableRandom random = new SplittableRandom(1);
    StringBuilder csv = new StringBuilder();
    for (int j = 1; j <= columns; j++) {
      csv.append('x').append(j).append(',');
    }
    csv.append("y\n");
    for (int i = 0; i < rows; i++) {
      double y = random.nextGaussian();
      for (int j = 0; j < columns; j++) {
        double x = random.nextGaussian();
        if (j < 10) {
          y += (j % 2 == 0 ? 1 : -1) * x;
        }
        csv.append(String.format(Locale.ROOT, "%.5f,", x));
      }
      csv.append(String.format(Locale.ROOT, "%.5f%n", y));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
