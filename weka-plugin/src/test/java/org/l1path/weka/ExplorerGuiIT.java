package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weka's Explorer, started in a fresh JVM with the package installed, lists Lasso in the classifier
 * chooser and LassoAttributeEval among the evaluators, and runs Lasso from the Classify tab. Needs
 * an X display: the one in {@code DISPLAY} (e.g. under {@code xvfb-run -a}), or else a private
 * {@code Xvfb} that this test starts. Without either the test fails: it never skips.
 */
class ExplorerGuiIT {
  private static Process xvfb;
  private static String display;

  @BeforeAll
  static void display() throws IOException {
    display = System.getenv("DISPLAY");
    if (display == null || display.isBlank()) {
      display = startXvfb();
    }
  }

  @AfterAll
  static void stopXvfb() throws InterruptedException {
    if (xvfb != null) {
      xvfb.destroy();
      xvfb.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Starts Xvfb on a free display; {@code -displayfd 1} makes it print the number it took. */
  private static String startXvfb() throws IOException {
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "Xvfb", "-displayfd", "1", "-screen", "0", "1400x1000x24", "-nolisten", "tcp")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return fail(
          "no X display: DISPLAY is not set and Xvfb cannot be started ("
              + e.getMessage()
              + "). Install the xvfb package or run under xvfb-run -a.");
    }
    xvfb = p;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String number = reader.readLine();
    if (number == null || !number.trim().matches("\\d+")) {
      return fail("Xvfb did not report a display number (got " + number + ")");
    }
    return ":" + number.trim();
  }

  @Test
  void explorerListsTheSchemesAndRunsLasso() throws Exception {
    Path out = Path.of(WekaInstallation.requiredProperty("l1path.it.output"), "gui");
    WekaInstallation weka = WekaInstallation.install(out);
    Path data = Files.createTempDirectory(out, "data").resolve("cpu.with.vendor.arff");
    try (InputStream in = getClass().getResourceAsStream("/weka/cpu.with.vendor.arff")) {
      Files.copy(in, data);
    }
    WekaInstallation.Result r =
        weka.java(
            List.of(probeClasspath(out).toString()),
            Map.of("DISPLAY", display),
            ExplorerProbe.class.getName(),
            out.toString(),
            data.toString());
    String log = r.output();
    assertEquals(0, r.exitCode(), log);
    assertTrue(log.contains("classifierChooserHasLasso=true"), log);
    assertTrue(log.contains("evaluatorChooserHasLassoAttributeEval=true"), log);
    // Weka's own classifiers are there too: the working directory hid no props.
    int chooserSize =
        Integer.parseInt(
            log.lines()
                .filter(l -> l.startsWith("classifierChooserSize="))
                .findFirst()
                .orElseThrow()
                .substring("classifierChooserSize=".length()));
    assertTrue(chooserSize > 40, "classifiers in the chooser: " + chooserSize);
    // The class came from the package's class loader, not from the class path.
    assertTrue(log.contains("lassoLoadedBy=weka.core.WekaPackage"), log);
    assertTrue(log.contains("classifierOutputHasModel=true"), log);
    String text = Files.readString(out.resolve("explorer-output.txt"));
    assertTrue(text.contains("Scheme:       weka.classifiers.functions.Lasso"), text);
    assertTrue(text.contains("=== Cross-validation ==="), text);
    assertRealImage(out.resolve("classifier-chooser.png"));
    assertRealImage(out.resolve("explorer-lasso.png"));
  }

  /**
   * A class path holding only the probe: the test classes also hold Weka harness tests that Weka's
   * class discovery would try, and fail, to load.
   */
  private static Path probeClasspath(Path out) throws IOException {
    Path source =
        Path.of(ExplorerProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Path target = out.resolve("probe-classes");
    Path pkg = target.resolve("org/l1path/weka");
    Files.createDirectories(pkg);
    try (var files = Files.list(source.resolve("org/l1path/weka"))) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("ExplorerProbe")).toList()) {
        Files.copy(
            f, pkg.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  /** The screenshot exists and shows a window, not a blank screen. */
  private static void assertRealImage(Path png) throws IOException {
    BufferedImage image = ImageIO.read(new File(png.toString()));
    assertTrue(image != null && image.getWidth() >= 1000, "screenshot " + png);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, png + " has only " + colours.size() + " colours");
  }
}
