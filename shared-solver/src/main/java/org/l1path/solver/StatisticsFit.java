package org.l1path.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.l1path.solver.cv.ParallelTasks;

/**
 * Least-squares paths and their cross-validation from {@link SufficientStatistics} instead of rows:
 * for data too large for one machine, whose per-fold statistics were summed where the rows are.
 *
 * <p>The gaussian problem sees its data only through the weighted means and centred cross-products
 * of (x, y). So the statistics are turned into a small design with exactly those moments, and the
 * ordinary path solver ({@link ElasticNet#fitPath}, in covariance mode: strong rules, Gram-column
 * updates, duality-gap certificates, the active-set refit) runs on it unchanged: with {@code Σ = C
 * / W = sum_k λ_k v_k v_k'} (eigen-decomposition of the non-constant columns), the 2q rows {@code m
 * ± sqrt(q λ_k) v_k}, k = 1..q, at equal weights have mean m and covariance Σ. Constant features
 * sit at their mean in every row, exactly, so the solver sees them as constant as it does on the
 * rows. The objective, at every b, equals the one on the real rows up to rounding, so solutions and
 * certificates carry over.
 *
 * <p>Cross-validation follows {@link CrossValidation}: each fold's training statistics are the
 * whole less the fold's ({@link SufficientStatistics#minus}), every fold is fitted on the full
 * data's alphas, and a fold's error is its held-out weighted mean squared error, computed from its
 * own statistics. The result's {@link CvResult#foldOfRow()} is empty: the rows are not here.
 *
 * <p>Costs O(p^3) for the eigen-decomposition and a path on 2(p + 1) rows per fit, whatever the
 * number of rows the statistics summarize.
 */
public final class StatisticsFit {
  private StatisticsFit() {}

  /**
   * The path of the rows {@code stats} summarizes, as {@link ElasticNet#fitPath(Dataset, Settings,
   * AlphaGrid, Progress)} fits it on those rows.
   *
   * @param featureNames one per feature of {@code stats}
   * @throws IllegalArgumentException when the statistics have no weight, or the settings ask for an
   *     early stop (which needs the rows' count of the grid; not supported here)
   */
  public static RegularizationPath fitPath(
      SufficientStatistics stats,
      List<String> featureNames,
      Settings settings,
      AlphaGrid grid,
      Progress progress) {
    if (settings.earlyStop()) {
      throw new IllegalArgumentException("earlyStop is not supported for a fit from statistics");
    }
    Settings solving = covarianceMode(settings);
    Dataset data = equivalentData(stats, featureNames);
    double alphaMax = ElasticNet.alphaMax(data, solving);
    int n = (int) Math.min(stats.rows(), Integer.MAX_VALUE);
    double[] alphas = grid.alphas(alphaMax, n, stats.features());
    return ElasticNet.fitPath(data, solving, AlphaGrid.of(alphas), progress);
  }

  /**
   * Cross-validates every l1 ratio on the folds whose statistics are given (one per fold, the
   * fold's own rows), as {@link CrossValidation#run} does on rows with the same folds, measuring
   * the mean squared error.
   *
   * @param folds the statistics of each fold's rows, at least 2
   * @param threads how many fits run at once; the result does not depend on it
   */
  public static CvResult crossValidate(
      SufficientStatistics[] folds,
      List<String> featureNames,
      Settings settings,
      double[] l1Ratios,
      AlphaGrid grid,
      SelectionRule rule,
      int threads,
      Progress progress) {
    if (folds == null || folds.length < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds");
    }
    if (l1Ratios == null || l1Ratios.length == 0) {
      throw new IllegalArgumentException("l1Ratios must not be empty");
    }
    if (rule == null) {
      throw new IllegalArgumentException("rule must not be null");
    }
    OptionRange.THREADS.check("threads", threads);
    SufficientStatistics total = new SufficientStatistics(folds[0].features());
    for (int f = 0; f < folds.length; f++) {
      if (!(folds[f].weight() > 0)) {
        throw new IllegalArgumentException("fold " + f + " has no rows of positive weight");
      }
      total.merge(folds[f]);
    }
    int ratios = l1Ratios.length;
    int k = folds.length;
    int fits = ratios * (k + 1);
    AtomicInteger done = new AtomicInteger();
    Progress warnings =
        new Progress() {
          @Override
          public void notConverged(String warning) {
            progress.notConverged(warning);
          }
        };
    List<RegularizationPath> paths =
        ParallelTasks.run(
            ratios,
            threads,
            r -> {
              RegularizationPath path =
                  fitPath(total, featureNames, settings.withL1Ratio(l1Ratios[r]), grid, warnings);
              progress.foldFinished(done.incrementAndGet(), fits);
              return path;
            });
    List<FoldFit> foldFits =
        ParallelTasks.run(
            ratios * k,
            threads,
            task -> {
              int r = task / k;
              int f = task % k;
              Settings ratio = covarianceMode(settings.withL1Ratio(l1Ratios[r]));
              Dataset training = equivalentData(total.minus(folds[f]), featureNames);
              RegularizationPath path =
                  ElasticNet.fitPath(
                      training, ratio, AlphaGrid.of(paths.get(r).alphas()), warnings);
              double[] errors = new double[path.size()];
              for (int a = 0; a < errors.length; a++) {
                errors[a] = folds[f].meanSquaredError(path.intercept(a), path.coefficients(a));
              }
              progress.foldFinished(done.incrementAndGet(), fits);
              return new FoldFit(errors, path.warnings().size());
            });
    List<CvCurve> curves = new ArrayList<>();
    int notConverged = 0;
    for (int r = 0; r < ratios; r++) {
      double[][] errors = new double[k][];
      for (int f = 0; f < k; f++) {
        FoldFit fit = foldFits.get(r * k + f);
        errors[f] = fit.errors();
        notConverged += fit.notConverged();
      }
      curves.add(
          CrossValidation.curve(
              l1Ratios[r], Double.NaN, CvMeasure.MSE, paths.get(r).alphas(), errors));
    }
    int[] ratioOfCurve = new int[ratios];
    Arrays.setAll(ratioOfCurve, r -> r);
    return new CvResult(new int[0], k, rule, curves, paths, null, ratioOfCurve, notConverged);
  }

  private record FoldFit(double[] errors, int notConverged) {}

  /**
   * A cross-validation result from full-data paths and each fold's held-out errors computed
   * elsewhere (for example where the rows are), with {@link CrossValidation}'s curves, rules and
   * tie-breaks. {@link CvResult#foldOfRow()} is empty.
   *
   * @param paths the full-data path of each l1 ratio
   * @param errors [ratio][fold][alpha]: each fold's held-out error at each alpha of that ratio's
   *     path
   * @param foldNotConverged how many fold fits did not converge
   */
  public static CvResult fromFoldErrors(
      List<RegularizationPath> paths,
      double[][][] errors,
      CvMeasure measure,
      SelectionRule rule,
      int foldNotConverged) {
    if (paths.isEmpty() || errors.length != paths.size()) {
      throw new IllegalArgumentException("one set of fold errors per path expected");
    }
    if (measure == CvMeasure.AUTO || measure == null || rule == null) {
      throw new IllegalArgumentException("measure (resolved) and rule are required");
    }
    int folds = errors[0].length;
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds");
    }
    List<CvCurve> curves = new ArrayList<>();
    for (int r = 0; r < paths.size(); r++) {
      RegularizationPath path = paths.get(r);
      if (errors[r].length != folds) {
        throw new IllegalArgumentException("every ratio needs the same number of folds");
      }
      for (double[] e : errors[r]) {
        if (e.length != path.size()) {
          throw new IllegalArgumentException(
              "a fold has " + e.length + " errors for a path of " + path.size() + " alphas");
        }
      }
      curves.add(
          CrossValidation.curve(path.l1Ratio(), Double.NaN, measure, path.alphas(), errors[r]));
    }
    int[] ratioOfCurve = new int[paths.size()];
    Arrays.setAll(ratioOfCurve, r -> r);
    return new CvResult(
        new int[0], folds, rule, curves, paths, null, ratioOfCurve, foldNotConverged);
  }

  /** Covariance updates unless the caller chose a mode: the design here is 2(p + 1) rows. */
  private static Settings covarianceMode(Settings settings) {
    return settings.updateMode() == UpdateMode.AUTO
        ? settings.withUpdateMode(UpdateMode.COVARIANCE)
        : settings;
  }

  /**
   * A variance this small next to the squared mean is rounding left by {@link
   * SufficientStatistics#minus}, not spread: the feature is constant on these rows.
   */
  private static final double CONSTANT_RELATIVE_VARIANCE = 1e-26;

  /**
   * Unit-weight rows with the weighted means and covariance of {@code stats} (see the class
   * comment).
   */
  static Dataset equivalentData(SufficientStatistics stats, List<String> featureNames) {
    int p = stats.features();
    if (featureNames.size() != p) {
      throw new IllegalArgumentException(
          "featureNames has " + featureNames.size() + " names for " + p + " features");
    }
    double w = stats.weight();
    if (!(w > 0)) {
      throw new IllegalArgumentException("the statistics hold no rows of positive weight");
    }
    int[] spread = new int[p + 1];
    int m = 0;
    for (int j = 0; j <= p; j++) {
      double var = stats.crossProduct(j, j) / w;
      double mean = stats.mean(j);
      if (var > 0 && var > CONSTANT_RELATIVE_VARIANCE * mean * mean) {
        spread[m++] = j;
      }
    }
    double[] lambda = new double[0];
    double[][] vectors = new double[0][];
    if (m > 0) {
      DMatrixRMaj cov = new DMatrixRMaj(m, m);
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          cov.set(a, b, stats.crossProduct(spread[a], spread[b]) / w);
        }
      }
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
      if (!eig.decompose(cov)) {
        throw new IllegalStateException("the eigen-decomposition of the covariance failed");
      }
      List<double[]> kept = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (int e = 0; e < eig.getNumberOfEigenvalues(); e++) {
        double value = eig.getEigenvalue(e).getReal();
        // Negative or zero eigenvalues of a covariance are rounding: nothing spreads that way.
        if (value > 0) {
          values.add(value);
          kept.add(eig.getEigenVector(e).getData().clone());
        }
      }
      lambda = values.stream().mapToDouble(Double::doubleValue).toArray();
      vectors = kept.toArray(new double[0][]);
    }
    int q = lambda.length;
    int n = Math.max(2, 2 * q);
    double[][] z = new double[p + 1][n];
    for (int j = 0; j <= p; j++) {
      Arrays.fill(z[j], stats.mean(j));
    }
    for (int e = 0; e < q; e++) {
      double radius = Math.sqrt(q * lambda[e]);
      for (int a = 0; a < m; a++) {
        double step = radius * vectors[e][a];
        z[spread[a]][2 * e] += step;
        z[spread[a]][2 * e + 1] -= step;
      }
    }
    double[][] columns = Arrays.copyOf(z, p);
    return Dataset.of(columns, z[p], null, featureNames);
  }
}
