package org.l1path.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * One Lambda execution environment: the deployment jar unpacked into a task directory the way
 * Lambda unpacks it, and a child JVM running the real runtime interface client ({@code AWSLambda})
 * in that directory, talking to a {@link RuntimeApi} on loopback. Its output (the function's log)
 * goes to a file.
 */
final class LambdaContainer implements AutoCloseable {
  private static final long INVOKE_TIMEOUT_SECONDS = 180;

  private final RuntimeApi api;
  private final Process process;
  private final Path log;
  private final long startNanos;

  /**
   * @param handler {@code class::method}
   * @param env the function's environment (the child gets nothing else)
   * @param maxHeap the heap limit, as Lambda derives it from the memory size, e.g. {@code 512m}
   */
  LambdaContainer(Path jar, Path work, String handler, Map<String, String> env, String maxHeap)
      throws IOException {
    Path task = Files.createDirectories(work.resolve("task"));
    unpack(jar, task);
    api = new RuntimeApi();
    log = work.resolve("function.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The flags of Lambda's own Java runtime: serial GC and class-data sharing; its
                // C1-only default is in the environment below, where a function's own
                // JAVA_TOOL_OPTIONS replaces it.
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xmx" + maxHeap,
                "-cp",
                runtimeClasspath(),
                AWSLambda.class.getName(),
                handler));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(task.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> childEnv = builder.environment();
    childEnv.clear();
    childEnv.putAll(lambdaEnvironment(api.address()));
    childEnv.putAll(env);
    startNanos = System.nanoTime();
    process = builder.start();
  }

  /** Invokes the function with {@code event} and waits for its answer. */
  RuntimeApi.Result invoke(String event) throws Exception {
    return invoke(event, TimeUnit.MINUTES.toMillis(5));
  }

  /** As {@link #invoke(String)}, with {@code timeLeftMillis} until the invocation's deadline. */
  RuntimeApi.Result invoke(String event, long timeLeftMillis) throws Exception {
    try {
      return api.invoke(event, timeLeftMillis).get(INVOKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("invocation failed; function log:\n" + log(), e);
    }
  }

  /** Nanoseconds from starting the child JVM to its first request for work (its init phase). */
  long initNanos() throws Exception {
    return api.firstPoll().get(INVOKE_TIMEOUT_SECONDS, TimeUnit.SECONDS) - startNanos;
  }

  /** Nanoseconds from starting the child JVM to {@code nanoTime}. */
  long sinceStart(long nanoTime) {
    return nanoTime - startNanos;
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private static Map<String, String> lambdaEnvironment(String runtimeApi) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("AWS_LAMBDA_FUNCTION_NAME", "l1path");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/l1path");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/29/[$LATEST]0123456789abcdef");
    env.put("AWS_REGION", LocalS3.REGION);
    env.put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    // Lambda's java21 runtime stops tiered compilation at C1 unless the function sets its own
    // JAVA_TOOL_OPTIONS (docs.aws.amazon.com/lambda/latest/dg/java-customization.html).
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    return env;
  }

  /**
   * The runtime interface client and the jars it needs: core, serialization, the SDK's utils-lite.
   */
  private static String runtimeClasspath() {
    List<String> jars = new ArrayList<>();
    for (Class<?> c :
        List.of(
            AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)) {
      try {
        jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, jars);
  }

  private static void unpack(Path jar, Path task) throws IOException {
    try (InputStream in = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path target = task.resolve(entry.getName()).normalize();
        if (!target.startsWith(task)) {
          throw new IOException("zip entry outside the task directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      api.close();
    }
  }
}
