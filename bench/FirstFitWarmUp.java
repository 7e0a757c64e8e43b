import java.io.FileInputStream;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.l1path.job.DatasetFiles;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.Dataset;
import org.l1path.solver.ElasticNet;
import org.l1path.solver.Settings;

/**
 * The warm-up trial of docs/benchmarks.md ("First fit in a fresh JVM"): does fitting small
 * made-up data on the second core while the CSV is read shorten what a user of a fresh JVM waits
 * for? Prints the read, the wait for the warm-up, the first real fit and their total, in
 * milliseconds.
 *
 * <pre>
 *   javac -cp lambda/target/l1path.jar -d /tmp/ffw bench/FirstFitWarmUp.java
 *   java -cp lambda/target/l1path.jar:/tmp/ffw FirstFitWarmUp DATA.csv cold|warm
 * </pre>
 *
 * (Compiled first: the single-file launcher would run javac in the measured JVM.)
 */
public class FirstFitWarmUp {
  public static void main(String[] args) throws Exception {
    boolean warm = args[1].equals("warm");
    long start = System.nanoTime();
    Thread warmUp = new Thread(FirstFitWarmUp::fitSmallPaths);
    if (warm) {
      warmUp.setDaemon(true);
      warmUp.start();
    }
    Dataset data;
    try (InputStream in = new FileInputStream(args[0])) {
      data = DatasetFiles.read(in, args[0]);
    }
    long read = System.nanoTime();
    if (warm) {
      warmUp.join();
    }
    long waited = System.nanoTime();
    ElasticNet.fitPath(data, Settings.defaults(), AlphaGrid.automatic());
    long fitted = System.nanoTime();
    System.out.printf(
        "%s read %.1f wait %.1f first %.1f total %.1f%n",
        args[1],
        (read - start) / 1e6,
        (waited - read) / 1e6,
        (fitted - waited) / 1e6,
        (fitted - start) / 1e6);
  }

  /** Lasso and elastic-net paths on a long (200x40) and a wide (40x200) random design. */
  private static void fitSmallPaths() {
    SplittableRandom random = new SplittableRandom(7);
    for (int[] shape : new int[][] {{200, 40}, {40, 200}}) {
      double[][] x = new double[shape[1]][shape[0]];
      double[] y = new double[shape[0]];
      for (double[] column : x) {
        for (int i = 0; i < column.length; i++) {
          column[i] = random.nextDouble();
        }
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = x[0][i] - x[1][i] + 0.1 * random.nextDouble();
      }
      Dataset small = Dataset.of(x, y);
      for (double l1Ratio : new double[] {1, 0.5}) {
        for (int k = 0; k < 3; k++) {
          ElasticNet.fitPath(small, Settings.defaults().withL1Ratio(l1Ratio), AlphaGrid.automatic());
        }
      }
    }
  }
}
