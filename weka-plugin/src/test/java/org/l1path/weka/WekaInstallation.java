package org.l1path.weka;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A temporary Weka home with the built l1path package installed by Weka's own package manager, and
 * fresh JVMs run against it. Every JVM starts in an empty working directory (Weka reads props files
 * from the current directory), offline, with Weka's jars only on its class path: l1path's classes
 * come from the installed package.
 */
public final class WekaInstallation {
  private static final long TIMEOUT_MINUTES = 5;

  private final Path home;
  private final Path workDir;
  private final String wekaClasspath;

  private WekaInstallation(Path home, Path workDir, String wekaClasspath) {
    this.home = home;
    this.workDir = workDir;
    this.wekaClasspath = wekaClasspath;
  }

  /** Weka's class path (Weka and its dependencies only), from the build. */
  public static String wekaClasspath() {
    String cp = requiredProperty("l1path.weka.classpath");
    // Maven lists pom-typed dependencies (netlib's "all") too; they are not jars.
    return Arrays.stream(cp.split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The package zip the build made. */
  public static Path packageZip() {
    return Path.of(requiredProperty("l1path.package.zip"));
  }

  /** A fresh Weka home under {@code parent}, with the package installed. */
  public static WekaInstallation install(Path parent) throws IOException, InterruptedException {
    Files.createDirectories(parent);
    Path home = Files.createTempDirectory(parent, "wekahome");
    Path workDir = Files.createTempDirectory(parent, "cwd");
    WekaInstallation weka = new WekaInstallation(home, workDir, wekaClasspath());
    Result result =
        weka.java(
            List.of(),
            "weka.core.WekaPackageManager",
            "-offline",
            "-install-package",
            packageZip().toString());
    if (result.exitCode() != 0) {
      throw new IllegalStateException("package install failed:\n" + result.output());
    }
    return weka;
  }

  public Path home() {
    return home;
  }

  public Path workDir() {
    return workDir;
  }

  /**
   * Runs {@code mainClass} in a new JVM with Weka's class path plus {@code extraClasspath}, this
   * Weka home, and the empty working directory; waits for it and returns its combined output.
   */
  public Result java(List<String> extraClasspath, String mainClass, String... args)
      throws IOException, InterruptedException {
    return java(extraClasspath, Map.of(), mainClass, args);
  }

  /** As {@link #java(List, String, String...)}, with extra environment variables. */
  public Result java(
      List<String> extraClasspath, Map<String, String> env, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> cp = new ArrayList<>(extraClasspath);
    cp.add(wekaClasspath);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens");
    command.add("java.base/java.lang=ALL-UNNAMED");
    command.add("-Dweka.packageManager.offline=true");
    command.add("-Djava.awt.headless=false");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, cp));
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().put("WEKA_HOME", home.toString());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Path log = Files.createTempFile(home.getParent(), "java", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          mainClass + " did not finish in " + TIMEOUT_MINUTES + " minutes:\n" + read(log));
    }
    return new Result(process.exitValue(), read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set by the build");
    }
    return value;
  }

  /**
   * A finished JVM.
   *
   * @param exitCode its exit code
   * @param output its standard output and error, interleaved
   */
  public record Result(int exitCode, String output) {}
}
