import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Times two builds of l1path against each other in one JVM, alternating them call by call: each
 * round runs {@code l1path bench ARGS...} once per jar (the order flips every round), and the
 * medians and quartiles of the calls' {@code median_s} are printed per jar. On this 2-core VM whole
 * processes of the same jar differed by 10 to 25 % within minutes, enough to hide a 10 % change;
 * calls alternated within one process see the same machine state, and the same change showed
 * clearly (a 200 x 2000 binomial path, 0.069 against 0.051 s, quartiles apart).
 *
 * <p>Usage, from the repository root (Java runs this file as it is, no build needed):
 *
 * <pre>
 *   java bench/AlternateJars.java OLD.jar NEW.jar ROUNDS bench --input X.csv --repeat 10 ...
 * </pre>
 *
 * The first two rounds warm both builds up and are not counted. Each jar gets its own class loader,
 * so the two builds' classes do not mix.
 */
public class AlternateJars {
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: java bench/AlternateJars.java OLD.jar NEW.jar ROUNDS bench ARGS...");
      System.exit(2);
    }
    String[] jars = {args[0], args[1]};
    int rounds = Integer.parseInt(args[2]);
    String[] command = Arrays.copyOfRange(args, 3, args.length);
    Method[] run = new Method[2];
    for (int k = 0; k < 2; k++) {
      URL jar = new File(jars[k]).toURI().toURL();
      ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
      run[k] =
          loader
              .loadClass("org.l1path.cli.Main")
              .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
    }
    List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    for (int round = 0; round < rounds; round++) {
      for (int turn = 0; turn < 2; turn++) {
        int k = round % 2 == 0 ? turn : 1 - turn;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = (int) run[k].invoke(null, command, new PrintStream(out), discard);
        if (status != 0) {
          System.err.println(jars[k] + " exited with status " + status);
          System.exit(1);
        }
        if (round >= 2) {
          times.get(k).add(medianSeconds(out.toString()));
        }
      }
    }
    for (int k = 0; k < 2; k++) {
      List<Double> t = times.get(k);
      Collections.sort(t);
      int n = t.size();
      System.out.printf(
          "%s: median %.4g s, quartiles %.4g to %.4g s (%d calls)%n",
          jars[k], t.get(n / 2), t.get(n / 4), t.get(3 * n / 4), n);
    }
  }

  /** The {@code median_s} of a bench call's JSON line. */
  private static double medianSeconds(String json) {
    String key = "\"median_s\": ";
    int at = json.indexOf(key);
    if (at < 0) {
      throw new IllegalStateException("no median_s in: " + json);
    }
    int from = at + key.length();
    int to = from;
    while (to < json.length() && ",} \n".indexOf(json.charAt(to)) < 0) {
      to++;
    }
    return Double.parseDouble(json.substring(from, to));
  }
}
