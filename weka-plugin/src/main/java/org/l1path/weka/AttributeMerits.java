package org.l1path.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.Dataset;
import org.l1path.solver.ElasticNet;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.Settings;

/**
 * Per-attribute merits from lasso fits, one value per predictor attribute of the encoder. A nominal
 * attribute's merit is the largest of its indicators' values; a multinomial model's, the largest
 * over its per-class coefficients.
 */
public final class AttributeMerits {
  private AttributeMerits() {}

  /** The absolute standardized coefficient at the chosen alpha (the largest over classes). */
  public static double[] coefficient(PathFit fit, InstancesEncoder encoder) {
    return perAttribute(fit.model().effectSizes(), encoder);
  }

  /**
   * How early each attribute enters the path: the largest alpha at which it is non-zero divided by
   * {@code alpha_max} (1 for an unpenalized attribute, 0 for one that never enters).
   *
   * @param path a path from {@code alpha_max} down, largest alpha first
   * @param alphaMax the smallest alpha at which every penalized coefficient is 0
   */
  public static double[] entry(RegularizationPath path, double alphaMax, InstancesEncoder encoder) {
    double[] perFeature = new double[encoder.features()];
    for (int k = path.size() - 1; k >= 0; k--) {
      for (int r = 0; r < path.responses(); r++) {
        double[] b = path.coefficients(k, r);
        for (int j = 0; j < b.length; j++) {
          if (b[j] != 0) {
            perFeature[j] = alphaMax > 0 ? Math.min(1.0, path.alpha(k) / alphaMax) : 1.0;
          }
        }
      }
    }
    return perAttribute(perFeature, encoder);
  }

  /**
   * Stability selection (Meinshausen and Bühlmann 2010): over {@code subsamples} random halves of
   * the instances, the fraction of fits in which each attribute is non-zero at {@code fit}'s chosen
   * alpha. Each half is drawn from its own generator, split in order from {@code seed}, so the
   * result does not depend on the thread count. Alphas of the subsample fits that do not converge
   * are told to {@code progress}.
   */
  public static double[] stability(
      TrainingSet data, PathFit fit, int subsamples, long seed, int threads, Progress progress) {
    if (subsamples < 1) {
      throw new IllegalArgumentException("-B must be at least 1, got " + subsamples);
    }
    Dataset dataset = data.dataset();
    int n = dataset.rows();
    int half = Math.max(1, n / 2);
    // Warm starts down the full data's grid to the chosen alpha, as glmnet solves one lambda.
    AlphaGrid grid = AlphaGrid.of(Arrays.copyOf(fit.path().alphas(), fit.chosen() + 1));
    Settings settings = fit.settings();
    SplittableRandom root = new SplittableRandom(seed);
    List<SplittableRandom> streams = new ArrayList<>();
    for (int b = 0; b < subsamples; b++) {
      streams.add(root.split());
    }
    int[] counts = new int[data.encoder().features()];
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemon());
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (SplittableRandom stream : streams) {
        futures.add(
            pool.submit(
                () -> {
                  double[] w = halfSampleWeights(dataset, half, stream);
                  RegularizationPath path =
                      ElasticNet.fitPath(dataset.withWeights(w), settings, grid, progress);
                  return path.model(path.size() - 1).effectSizes();
                }));
      }
      for (Future<double[]> f : futures) {
        double[] b = f.get();
        for (int j = 0; j < b.length; j++) {
          if (b[j] != 0) {
            counts[j]++;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stability selection was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re
          ? re
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double[] perFeature = new double[counts.length];
    for (int j = 0; j < counts.length; j++) {
      perFeature[j] = counts[j] / (double) subsamples;
    }
    return perAttribute(perFeature, data.encoder());
  }

  /** The data's weights on {@code half} rows drawn without replacement, 0 elsewhere. */
  private static double[] halfSampleWeights(Dataset data, int half, SplittableRandom random) {
    int n = data.rows();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // A partial Fisher-Yates shuffle: the first `half` entries are a uniform random subset.
    for (int i = 0; i < half; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] w = new double[n];
    for (int i = 0; i < half; i++) {
      w[order[i]] = data.weight(order[i]);
    }
    return w;
  }

  private static double[] perAttribute(double[] perFeature, InstancesEncoder encoder) {
    double[] out = new double[encoder.predictors()];
    for (int k = 0; k < out.length; k++) {
      for (int f = 0; f < encoder.featureCount(k); f++) {
        out[k] = Math.max(out[k], perFeature[encoder.firstFeature(k) + f]);
      }
    }
    return out;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "l1path-stability");
      t.setDaemon(true);
      return t;
    };
  }
}
