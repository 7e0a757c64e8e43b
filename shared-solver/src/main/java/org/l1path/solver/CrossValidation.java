package org.l1path.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.l1path.solver.cv.Folds;
import org.l1path.solver.cv.HeldOutError;
import org.l1path.solver.cv.ParallelTasks;
import org.l1path.solver.data.Heap;
import org.l1path.solver.gaussian.CrossProducts;

/**
 * K-fold cross-validation of elastic-net paths. Each l1 ratio gets the full data's alpha grid;
 * every fold is fitted on that grid from its training rows alone, so centring and scaling come from
 * the training rows only: on a copy of those rows when the heap has room for it, else on the full
 * data with the held-out rows at weight 0 (the same problem; the results differ by rounding only).
 * Fits run on {@link CvSettings#threads()} threads; each result lands in its own slot, so the
 * outcome is the same whatever the thread count, but for that choice: more threads fit more folds
 * at once, which need more room for copies. Least-squares fits in covariance mode share the full
 * data's cross-products, so a fold's Gram matrix costs only its held-out rows' share.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /**
   * Cross-validates every l1 ratio on the same folds and picks alpha by the rule.
   *
   * @param l1Ratios one or more ratios in [0, 1]; {@code settings.l1Ratio()} is ignored
   */
  public static CvResult run(
      Dataset data,
      Settings settings,
      double[] l1Ratios,
      AlphaGrid grid,
      CvSettings cv,
      Progress progress) {
    return run(data, settings, l1Ratios, grid, cv, progress, null, null);
  }

  /**
   * As {@link #run(Dataset, Settings, double[], AlphaGrid, CvSettings, Progress)}, relaxed at
   * {@code gammas} when not null: every path and fold is refitted on its supports ({@link
   * RelaxedPath}), and each ratio gets one curve per gamma.
   */
  static CvResult run(
      Dataset data,
      Settings settings,
      double[] l1Ratios,
      AlphaGrid grid,
      CvSettings cv,
      Progress progress,
      double[] gammas) {
    return run(data, settings, l1Ratios, grid, cv, progress, null, gammas);
  }

  /**
   * As {@link #run(Dataset, Settings, double[], AlphaGrid, CvSettings, Progress)}; {@code
   * copyFolds} says whether folds fit on copies of their training rows, or null to decide by the
   * free heap; {@code gammas} relaxes the fit, or is null.
   */
  static CvResult run(
      Dataset given,
      Settings settings,
      double[] l1Ratios,
      AlphaGrid grid,
      CvSettings cv,
      Progress progress,
      Boolean copyFolds,
      double[] gammas) {
    if (l1Ratios == null || l1Ratios.length == 0) {
      throw new IllegalArgumentException("l1Ratios must not be empty");
    }
    List<Settings> perRatio = new ArrayList<>();
    for (double r : l1Ratios) {
      perRatio.add(settings.withL1Ratio(r));
    }
    // One contiguous copy of the design (when it pays) for every fit: the full-data path of each
    // ratio and every fold, copied or masked, read it, where each fit made its own before.
    Dataset data = given.forSolving();
    CvMeasure measure = cv.measure().resolve(data.family());
    int[] foldOfRow = assignFolds(data, cv);
    int folds = 1 + java.util.Arrays.stream(foldOfRow).max().orElse(0);
    int ratios = l1Ratios.length;
    int total = ratios * (folds + 1);
    AtomicInteger done = new AtomicInteger();
    boolean copy =
        copyFolds != null
            ? copyFolds
            : Folds.roomForCopies(
                Heap.freeBytes(), data.design().bytes(), Math.min(cv.threads(), total));
    // Least-squares fits share one set of cross-products for their Gram columns. With folds
    // fitted side by side, their sweeps stay on their own threads.
    boolean parallelSweeps = cv.threads() == 1;
    CrossProducts shared =
        data.family() == Family.GAUSSIAN ? new CrossProducts(data, parallelSweeps) : null;
    // Every fit's non-convergence goes to the caller's progress; nothing else of theirs does.
    Progress warnings =
        new Progress() {
          @Override
          public void notConverged(String warning) {
            progress.notConverged(warning);
          }
        };
    IntFunction<RegularizationPath> fullPath =
        r -> {
          RegularizationPath path =
              ElasticNet.fitPath(
                  data, perRatio.get(r), grid, warnings, shared, new int[0], parallelSweeps);
          progress.foldFinished(done.incrementAndGet(), total);
          return path;
        };
    double[][] foldAlphas = new double[ratios][];
    IntFunction<FoldScore> foldFit =
        task -> {
          int r = task / folds;
          int f = task % folds;
          AlphaGrid alphas = AlphaGrid.of(foldAlphas[r]);
          Dataset training = Folds.training(data, foldOfRow, f, copy);
          RegularizationPath path =
              ElasticNet.fitPath(
                  training,
                  perRatio.get(r),
                  alphas,
                  warnings,
                  shared,
                  Folds.rowsOf(foldOfRow, f, true),
                  parallelSweeps);
          // The fold's own rows only: held-out rows have weight 0, or are not in the copy. Refitted
          // before scoring, so that the copy is not kept while the held-out rows are scored.
          RelaxedPath relaxed =
              gammas == null ? null : RelaxedPath.fit(training, perRatio.get(r), path, warnings);
          double[][] errors;
          if (relaxed == null) {
            errors = new double[][] {HeldOutError.perAlpha(measure, data, foldOfRow, f, path)};
          } else {
            errors = new double[gammas.length][];
            for (int g = 0; g < gammas.length; g++) {
              errors[g] =
                  HeldOutError.perAlpha(measure, data, foldOfRow, f, relaxed.blend(gammas[g]));
            }
          }
          progress.foldFinished(done.incrementAndGet(), total);
          return new FoldScore(errors, path.warnings().size());
        };
    List<RegularizationPath> paths;
    List<FoldScore> foldScores;
    if (gridKnownBeforeFit(data, settings, grid)) {
      // The folds need not wait for the full-data paths: every fit shares one pool, so both
      // cores stay busy to the end.
      for (int r = 0; r < ratios; r++) {
        double alphaMax = ElasticNet.alphaMax(data, perRatio.get(r));
        foldAlphas[r] = grid.alphas(alphaMax, data.rows(), data.features());
      }
      List<Object> all =
          ParallelTasks.run(
              ratios + ratios * folds,
              cv.threads(),
              task -> task < ratios ? fullPath.apply(task) : foldFit.apply(task - ratios));
      paths = new ArrayList<>();
      foldScores = new ArrayList<>();
      for (int t = 0; t < all.size(); t++) {
        if (t < ratios) {
          paths.add((RegularizationPath) all.get(t));
        } else {
          foldScores.add((FoldScore) all.get(t));
        }
      }
    } else {
      paths = ParallelTasks.run(ratios, cv.threads(), fullPath);
      for (int r = 0; r < ratios; r++) {
        foldAlphas[r] = paths.get(r).alphas();
      }
      foldScores = ParallelTasks.run(ratios * folds, cv.threads(), foldFit);
    }

    List<CvCurve> curves = new ArrayList<>();
    List<Integer> ratioOfCurve = new ArrayList<>();
    List<RelaxedPath> relaxedPaths = gammas == null ? null : new ArrayList<>();
    for (int r = 0; r < ratios; r++) {
      double[] alphas = paths.get(r).alphas();
      int curvesOfRatio = gammas == null ? 1 : gammas.length;
      for (int g = 0; g < curvesOfRatio; g++) {
        double[][] errors = new double[folds][];
        for (int f = 0; f < folds; f++) {
          errors[f] = foldScores.get(r * folds + f).errors()[g];
        }
        double gamma = gammas == null ? Double.NaN : gammas[g];
        curves.add(curve(l1Ratios[r], gamma, measure, alphas, errors));
        ratioOfCurve.add(r);
      }
      if (gammas != null) {
        relaxedPaths.add(RelaxedPath.fit(data, perRatio.get(r), paths.get(r), warnings));
      }
    }
    int foldNotConverged = 0;
    for (FoldScore score : foldScores) {
      foldNotConverged += score.notConverged();
    }
    return new CvResult(
        foldOfRow,
        folds,
        cv.rule(),
        curves,
        paths,
        relaxedPaths,
        ratioOfCurve.stream().mapToInt(Integer::intValue).toArray(),
        foldNotConverged);
  }

  /**
   * One fold's fit, as cross-validation keeps it: the held-out error at each alpha (one row per
   * gamma, relaxed), and how many of its alphas did not converge (the path itself is dropped).
   */
  private record FoldScore(double[][] errors, int notConverged) {}

  /**
   * Whether the full-data path is sure to solve every alpha of the grid, so that the folds can be
   * given the grid before that path is fitted: every alpha of a user-given grid is solved; on an
   * automatic grid a least-squares path stops early only with {@link Settings#earlyStop()}, and a
   * classification path may always stop at saturation.
   */
  private static boolean gridKnownBeforeFit(Dataset data, Settings settings, AlphaGrid grid) {
    return !grid.isAutomatic() || (data.family() == Family.GAUSSIAN && !settings.earlyStop());
  }

  /**
   * The 0-based fold of each row. Random: a Fisher–Yates shuffle from {@code
   * SplittableRandom(seed)} cut into contiguous blocks of the shuffled order. Contiguous: blocks in
   * row order, the first {@code n % K} folds one row longer (scikit-learn's {@code KFold}). Given:
   * each distinct id, in increasing order, becomes fold 0, 1, ….
   */
  public static int[] assignFolds(int n, CvSettings cv) {
    return Folds.assign(n, cv, null);
  }

  /**
   * As {@link #assignFolds(int, CvSettings)}, but random folds of a class response are stratified:
   * the shuffled rows are dealt to the folds class by class, so each fold gets its share of every
   * class, and every class is in every fold when it has at least K rows.
   */
  public static int[] assignFolds(Dataset data, CvSettings cv) {
    boolean stratify = data.family() != Family.GAUSSIAN && cv.assignment() == FoldAssignment.RANDOM;
    return Folds.assign(data.rows(), cv, stratify ? data.response() : null);
  }

  /** One curve from each fold's error at each alpha; {@link StatisticsFit} builds its own too. */
  static CvCurve curve(
      double l1Ratio, double gamma, CvMeasure measure, double[] alphas, double[][] errors) {
    int folds = errors.length;
    double[] mean = new double[alphas.length];
    double[] se = new double[alphas.length];
    for (int k = 0; k < alphas.length; k++) {
      double m = 0;
      for (double[] e : errors) {
        m += e[k];
      }
      m /= folds;
      double ss = 0;
      for (double[] e : errors) {
        double d = e[k] - m;
        ss += d * d;
      }
      mean[k] = m;
      se[k] = Math.sqrt(ss / (folds - 1)) / Math.sqrt(folds);
    }
    return new CvCurve(l1Ratio, gamma, measure, alphas, mean, se);
  }
}
