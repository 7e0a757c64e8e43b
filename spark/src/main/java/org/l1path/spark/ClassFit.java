package org.l1path.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.l1path.solver.AlphaGrid;
import org.l1path.solver.Convergence;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.CvResult;
import org.l1path.solver.Family;
import org.l1path.solver.Progress;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.Settings;
import org.l1path.solver.StatisticsFit;
import org.l1path.solver.StopReason;
import org.l1path.solver.SufficientStatistics;

/**
 * Penalized logistic (binomial) and multinomial paths with K-fold cross-validation by proximal
 * Newton steps, every fit (each l1 ratio's full-data path and its K fold paths) advancing together:
 * one distributed pass per outer iteration sums what every fit's next step needs ({@link
 * WorkingMoments}), and the driver solves each fit's penalized weighted least-squares step with the
 * least-squares solver ({@link StatisticsFit}) on the standardized scale, at alpha W / W_v (the
 * loss is a mean over the observation weights W; the Newton weights sum to W_v).
 *
 * <p>A step's quadratic model ({@link NewtonModel}) takes the fit's own gradient and a Hessian. The
 * full-data fit's Hessian, summed per fold at its iterate, serves its fold fits too (their training
 * rows' share of it): one Gram matrix's work per row for each ratio, where each fit's own would be
 * K + 1. At the sizes Spark is for, a fold fit's weights differ from the full-data fit's by
 * sampling noise, so it converges as fast on the shared one; a fold fit that takes {@value
 * #EXTRA_STEPS} steps more than the full-data fit at an alpha, or overshoots, sums its own from
 * then on (on small data, each fold's fit can differ much). The shared matrices are summed again
 * only when the full-data fit needs a {@value #STALE_GRAM_STEPS}rd step at an alpha or a fit
 * overshoots on them: weights change slowly along the path, and a pass without them costs a few
 * products per row and fit where the Gram matrix costs p^2 / 2.
 *
 * <p>Multinomial takes each class's block of the Hessian (glmnet's approximation) and steps all
 * classes at once. A fit accepts its iterate once its objective changes by less than the tolerance
 * / 100 (relative); a step that raises the objective is halved. The pass that accepts one alpha's
 * solution also gives the next alpha's first step and a fold fit's held-out error, so each alpha
 * costs its Newton iterations and no more. The first pass (which caches the rows) gives each fit's
 * feature scales, the null model and alpha_max, as l1path's in-process path computes them.
 */
final class ClassFit {
  private static final int MAX_NEWTON_STEPS = 100;
  private static final double CONSTANT_RELATIVE_VARIANCE = 1e-26;
  private static final double SHARE_MIN = 1e-9;

  /**
   * A fold fit that takes this many steps more than its full-data fit took at the same alpha,
   * stepping on that fit's Hessian, converges too slowly on it: it sums its own from then on.
   */
  private static final int EXTRA_STEPS = 2;

  /**
   * A full-data fit that has taken this many steps at an alpha, or a fit that overshot on the
   * shared Gram matrices, has them summed afresh for its ratio's next step; until then every fit
   * steps on the last ones.
   */
  private static final int STALE_GRAM_STEPS = 3;

  private ClassFit() {}

  static L1PathSummary fit(
      Dataset<?> data,
      RowReader reader,
      FeatureSchema schema,
      FitOptions options,
      LabelKind label,
      CvMeasure measure) {
    String[] cols = reader.columns();
    int k = options.numFolds();
    long seed = options.seed();
    JavaRDD<FoldedRow> rows =
        Partitions.atMostCores(
                data.select(cols[0], Arrays.copyOfRange(cols, 1, cols.length)).toJavaRDD())
            .mapPartitionsWithIndex(
                (index, it) -> {
                  SplittableRandom random =
                      reader.hasFoldColumn() ? null : GaussianPass.random(seed, index);
                  List<FoldedRow> out = new ArrayList<>();
                  while (it.hasNext()) {
                    Row row = it.next();
                    int fold = random == null ? reader.fold(row) : random.nextInt(k);
                    out.add(
                        new FoldedRow(
                            fold, reader.features(row), reader.label(row), reader.weight(row)));
                  }
                  return out.iterator();
                },
                true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new Run(rows, schema, options, label, measure).run();
    } finally {
      rows.unpersist(false);
    }
  }

  /** One fit's state between passes. */
  private static final class FitState {
    int alphaIndex;
    int steps;
    double previousObjective = Double.NaN;
    double[][] previousBeta;
    double[] previousIntercept;
    final List<double[][]> coefficients = new ArrayList<>();
    final List<double[]> intercepts = new ArrayList<>();
    final List<Double> devRatios = new ArrayList<>();
    final List<Convergence> convergence = new ArrayList<>();
    final List<Double> heldOutErrors = new ArrayList<>();
  }

  private static final class Run {
    private final JavaRDD<FoldedRow> rows;
    private final FeatureSchema schema;
    private final FitOptions options;
    private final Family family;
    private final List<String> classes;
    private final CvMeasure measure;
    private final int p;
    private final int responses;
    private final double[] ratios;
    private int passes;
    private long rowCount;

    Run(
        JavaRDD<FoldedRow> rows,
        FeatureSchema schema,
        FitOptions options,
        LabelKind label,
        CvMeasure measure) {
      this.rows = rows;
      this.schema = schema;
      this.options = options;
      this.family = label.family();
      this.classes = label.classes();
      this.measure = measure;
      this.p = schema.size();
      this.responses = family == Family.MULTINOMIAL ? classes.size() : 1;
      this.ratios = options.l1Ratios();
    }

    private static boolean constant(SufficientStatistics s, int j) {
      double var = s.crossProduct(j, j) / s.weight();
      return !(var > 0 && var > CONSTANT_RELATIVE_VARIANCE * s.mean(j) * s.mean(j));
    }

    /** The intercept-only model's intercepts from class weights, as l1path fits it. */
    private double[] nullIntercepts(double[] classWeight, boolean intercept) {
      double[] out = new double[responses];
      if (!intercept) {
        return out;
      }
      double total = Arrays.stream(classWeight).sum();
      if (family == Family.BINOMIAL) {
        double share = Math.min(Math.max(classWeight[1] / total, SHARE_MIN), 1 - SHARE_MIN);
        out[0] = Math.log(share / (1 - share));
        return out;
      }
      double meanLog = 0;
      for (int c = 0; c < responses; c++) {
        out[c] = Math.log(Math.min(Math.max(classWeight[c] / total, SHARE_MIN), 1 - SHARE_MIN));
        meanLog += out[c] / responses;
      }
      for (int c = 0; c < responses; c++) {
        out[c] -= meanLog;
      }
      return out;
    }

    /** Class probabilities of a model without features. */
    private double[] nullProbabilities(double[] intercepts) {
      return family.probabilities(intercepts);
    }

    L1PathSummary run() {
      int depth = options.depth();
      int classCount = classes.size();
      passes++;
      ClassMoments first =
          SparkErrors.unwrap(
              () ->
                  rows.mapPartitions(
                          it -> {
                            ClassMoments m = new ClassMoments(classCount);
                            while (it.hasNext()) {
                              m.add(it.next());
                            }
                            return List.of(m.flush()).iterator();
                          })
                      .treeReduce(ClassMoments::merge, depth));
      SufficientStatistics[] folds = first.folds();
      if (folds.length < 2) {
        throw new IllegalArgumentException(
            "cross-validation needs at least 2 folds with rows, got " + folds.length);
      }
      int k = folds.length;
      SufficientStatistics total = new SufficientStatistics(p);
      for (SufficientStatistics f : folds) {
        total.merge(f);
      }
      long n = total.rows();
      rowCount = n;
      Settings base = options.settings();
      boolean intercept = base.fitIntercept();

      // Each column's training rows under the observation weights: scales and the null model.
      double[][] scale = new double[k + 1][];
      double[][] nullIntercept = new double[k + 1][];
      double[] nullLoss = new double[k + 1];
      double[] trainWeight = new double[k + 1];
      for (int c = 0; c <= k; c++) {
        SufficientStatistics s = c == 0 ? total : total.minus(folds[c - 1]);
        trainWeight[c] = s.weight();
        scale[c] = new double[p];
        for (int j = 0; j < p; j++) {
          scale[c][j] =
              base.standardize() && !constant(s, j)
                  ? Math.sqrt(s.crossProduct(j, j) / s.weight())
                  : 1.0;
        }
        double[] classWeight = first.classWeights(c - 1);
        nullIntercept[c] = nullIntercepts(classWeight, intercept);
        double[] p0 = nullProbabilities(nullIntercept[c]);
        double loss = 0;
        for (int cl = 0; cl < classCount; cl++) {
          if (classWeight[cl] > 0) {
            loss -= classWeight[cl] * Math.log(p0[cl]);
          }
        }
        nullLoss[c] = loss / s.weight();
      }

      // alpha_max: the largest standardized gradient at the full data's null model.
      double[] p0 = nullProbabilities(nullIntercept[0]);
      double[] classWeight = first.classWeights(-1);
      double[][] classSums = first.classFeatureSums(p);
      double gradientMax = 0;
      for (int j = 0; j < p; j++) {
        if (constant(total, j) && (intercept || total.mean(j) == 0)) {
          continue; // held at 0, as the in-process solver holds a constant feature
        }
        double all = total.weight() * total.mean(j);
        for (int r = 0; r < responses; r++) {
          int cl = family == Family.BINOMIAL ? 1 : r;
          double g = (classSums[cl][j] - p0[cl] * all) / (total.weight() * scale[0][j]);
          gradientMax = Math.max(gradientMax, Math.abs(g));
        }
      }
      double[][] alphas = new double[ratios.length][];
      for (int r = 0; r < ratios.length; r++) {
        double alphaMax = gradientMax / Math.max(ratios[r], 1e-3);
        alphas[r] = options.grid().alphas(alphaMax, (int) Math.min(n, Integer.MAX_VALUE), p);
      }
      boolean automatic = options.grid().isAutomatic();

      Iterates it = new Iterates(family, responses, ratios.length, first.foldIds(), p);
      FitState[] state = new FitState[it.fits()];
      for (int g = 0; g < it.fits(); g++) {
        int c = it.column(g);
        it.intercept[g] = nullIntercept[c].clone();
        it.inverseScale[g] = new double[p];
        for (int j = 0; j < p; j++) {
          it.inverseScale[g][j] = 1 / scale[c][j];
        }
        it.active[g] = true;
        state[g] = new FitState();
      }
      int[] pathLength = new int[ratios.length];
      StopReason[] stopReason = new StopReason[ratios.length];
      for (int r = 0; r < ratios.length; r++) {
        pathLength[r] = alphas[r].length;
        stopReason[r] = StopReason.COMPLETED;
      }
      double tolerance = base.tolerance();
      double acceptChange = Math.max(tolerance * 1e-2, 1e-13);
      double innerTolerance = Math.max(tolerance * 1e-2, 1e-13);

      // Each ratio's shared Gram matrices as last summed: each column's training rows' share, per
      // response row. The per-fold sums are dropped once these are made.
      SufficientStatistics[][][] training = new SufficientStatistics[ratios.length][][];
      Arrays.fill(it.sumShared, true);
      while (anyActive(it)) {
        Iterates shipped = it.copy();
        int ratioCount = ratios.length;
        int features = p;
        passes++;
        WorkingMoments wm =
            SparkErrors.unwrap(
                () ->
                    rows.mapPartitions(
                            part -> {
                              WorkingMoments m =
                                  new WorkingMoments(
                                      ratioCount, k, shipped.fits(), shipped.responses(), features);
                              while (part.hasNext()) {
                                m.add(part.next(), shipped);
                              }
                              return List.of(m.flush()).iterator();
                            })
                        .treeReduce(WorkingMoments::merge, depth));
        for (int r = 0; r < ratios.length; r++) {
          if (shipped.sumShared[r]) {
            training[r] = trainingGrams(wm.grams[r]);
          }
        }
        boolean[] halved = new boolean[ratios.length];
        for (int g = 0; g < it.fits(); g++) {
          if (!it.active[g]) {
            continue;
          }
          FitState s = state[g];
          int r = g / (k + 1);
          int c = it.column(g);
          double w = trainWeight[c];
          double loss = -wm.logLikelihood[g] / w;
          double alpha = alphas[r][s.alphaIndex];
          double objective = loss + penalty(alpha, ratios[r], it.beta[g], scale[c]);
          if (s.steps > 0) {
            double change = Math.abs(s.previousObjective - objective) / Math.abs(objective);
            boolean accept = change <= acceptChange || s.steps >= MAX_NEWTON_STEPS;
            if (!accept && objective > s.previousObjective) {
              halve(it, g, s); // the step overshot: back half-way, and evaluate again
              halved[r] |= !it.ownGram[g];
              it.ownGram[g] = c > 0;
              continue;
            }
            if (!accept
                && c > 0
                && s.steps >= newtonSteps(state[g - c], s.alphaIndex) + EXTRA_STEPS) {
              it.ownGram[g] = true;
            }
            if (accept) {
              record(it, g, s, loss, nullLoss[c], change <= acceptChange, change);
              if (c > 0) {
                s.heldOutErrors.add(
                    (measure == CvMeasure.CLASS ? wm.heldWrong[g] : wm.heldDeviance[g])
                        / wm.heldWeight[g]);
              }
              s.alphaIndex++;
              int last = s.devRatios.size() - 1;
              if (c == 0 && automatic && last > 0) {
                // Saturated or flat: glmnet's stops, as in-process.
                stopReason[r] =
                    StopReason.afterAlpha(
                        family, s.alphaIndex, s.devRatios.get(last), s.devRatios.get(last - 1));
                if (stopReason[r] != StopReason.COMPLETED) {
                  pathLength[r] = s.alphaIndex;
                }
              }
              if (s.alphaIndex >= pathLength[r]) {
                it.active[g] = false;
                continue;
              }
              s.steps = 0;
              alpha = alphas[r][s.alphaIndex];
              objective = loss + penalty(alpha, ratios[r], it.beta[g], scale[c]);
            }
          }
          s.previousObjective = objective;
          s.previousBeta = new double[responses][];
          for (int row = 0; row < responses; row++) {
            s.previousBeta[row] = it.beta[g][row].clone();
          }
          s.previousIntercept = it.intercept[g].clone();
          for (int row = 0; row < responses; row++) {
            SufficientStatistics own = wm.ownGrams[g][row];
            SufficientStatistics gram = own != null ? own : training[r][c][row];
            if (!(gram.weight() > 0)) {
              throw new IllegalArgumentException("a fit's training rows all have weight 0");
            }
            SufficientStatistics stats =
                NewtonModel.statistics(
                    gram,
                    it.inverseScale[g],
                    it.beta[g][row],
                    it.intercept[g][row],
                    wm.gradient[g][row],
                    wm.interceptGradient[g][row],
                    wm.spread[g][row]);
            newtonStep(
                it, g, row, stats, alpha * w / stats.weight(), ratios[r], base, innerTolerance);
          }
          s.steps++;
        }
        // Fold fits stop where their full-data path stopped.
        for (int g = 0; g < it.fits(); g++) {
          if (it.active[g] && state[g].alphaIndex >= pathLength[g / (k + 1)]) {
            it.active[g] = false;
          }
        }
        for (int r = 0; r < ratios.length; r++) {
          int full = it.fit(r, 0);
          it.sumShared[r] = it.active[full] && (halved[r] || state[full].steps >= STALE_GRAM_STEPS);
        }
      }

      List<RegularizationPath> paths = new ArrayList<>();
      double[][][] errors = new double[ratios.length][k][];
      int foldNotConverged = 0;
      for (int r = 0; r < ratios.length; r++) {
        int length = pathLength[r];
        FitState full = state[it.fit(r, 0)];
        double[] devRatios = new double[length];
        Convergence[] convergence = new Convergence[length];
        for (int a = 0; a < length; a++) {
          devRatios[a] = full.devRatios.get(a);
          convergence[a] = full.convergence.get(a);
        }
        paths.add(
            RegularizationPath.restore(
                family,
                classes,
                ratios[r],
                schema.names(),
                scale[0].clone(),
                Arrays.copyOf(alphas[r], length),
                full.intercepts.subList(0, length).toArray(new double[0][]),
                full.coefficients.subList(0, length).toArray(new double[0][][]),
                devRatios,
                convergence,
                stopReason[r]));
        for (int f = 0; f < k; f++) {
          FitState s = state[it.fit(r, f + 1)];
          errors[r][f] = s.heldOutErrors.stream().limit(length).mapToDouble(d -> d).toArray();
          for (int a = 0; a < length; a++) {
            if (!s.convergence.get(a).converged()) {
              foldNotConverged++;
            }
          }
        }
      }
      CvResult cv =
          StatisticsFit.fromFoldErrors(paths, errors, measure, options.rule(), foldNotConverged);
      return L1PathSummary.of(cv, passes, rowCount);
    }

    /**
     * The Newton-weighted Gram matrices of each column's training rows, per response row, from a
     * ratio's per fold: all of them for the full-data fit (column 0), all but fold c - 1's for
     * column c.
     */
    private SufficientStatistics[][] trainingGrams(SufficientStatistics[][] folds) {
      SufficientStatistics[][] out = new SufficientStatistics[folds.length + 1][responses];
      for (int row = 0; row < responses; row++) {
        SufficientStatistics all = new SufficientStatistics(p);
        for (SufficientStatistics[] fold : folds) {
          if (fold[row] != null) {
            all.merge(fold[row]);
          }
        }
        out[0][row] = all;
        for (int c = 1; c <= folds.length; c++) {
          SufficientStatistics held = folds[c - 1][row];
          out[c][row] = held == null ? all : all.minus(held);
        }
      }
      return out;
    }

    /**
     * The Newton steps a full-data fit took at an alpha: as many as it has taken so far while it is
     * still there.
     */
    private static int newtonSteps(FitState full, int alphaIndex) {
      if (alphaIndex < full.convergence.size()) {
        return full.convergence.get(alphaIndex).iterations();
      }
      return full.alphaIndex == alphaIndex ? full.steps : Integer.MAX_VALUE / 2;
    }

    /** Keeps fit g's accepted solution; multinomial intercepts reported summing to 0. */
    private void record(
        Iterates it, int g, FitState s, double loss, double nullLoss, boolean ok, double change) {
      double[][] rowsCopy = new double[responses][];
      for (int row = 0; row < responses; row++) {
        rowsCopy[row] = it.beta[g][row].clone();
      }
      double[] b0 = it.intercept[g].clone();
      if (family == Family.MULTINOMIAL) {
        double mean = Arrays.stream(b0).sum() / responses;
        for (int row = 0; row < responses; row++) {
          b0[row] -= mean;
        }
      }
      s.coefficients.add(rowsCopy);
      s.intercepts.add(b0);
      s.devRatios.add(nullLoss > 0 ? 1 - loss / nullLoss : 0.0);
      s.convergence.add(new Convergence(change, s.steps, ok));
    }

    private static boolean anyActive(Iterates it) {
      for (boolean a : it.active) {
        if (a) {
          return true;
        }
      }
      return false;
    }

    private void halve(Iterates it, int g, FitState s) {
      for (int row = 0; row < responses; row++) {
        for (int j = 0; j < p; j++) {
          it.beta[g][row][j] = 0.5 * (it.beta[g][row][j] + s.previousBeta[row][j]);
        }
        it.intercept[g][row] = 0.5 * (it.intercept[g][row] + s.previousIntercept[row]);
      }
    }

    /** The elastic-net penalty of every row on the standardized scale (penalty factors 1). */
    private static double penalty(double alpha, double l1Ratio, double[][] beta, double[] scale) {
      double l1 = 0;
      double l2 = 0;
      for (double[] row : beta) {
        for (int j = 0; j < row.length; j++) {
          double b = row[j] * scale[j];
          l1 += Math.abs(b);
          l2 += b * b;
        }
      }
      return alpha * (l1Ratio * l1 + (1 - l1Ratio) / 2 * l2);
    }

    /**
     * The Newton step of one response row of fit g: the penalized weighted least-squares problem of
     * its statistics, solved by the least-squares path solver at one alpha on the standardized
     * scale.
     */
    private void newtonStep(
        Iterates it,
        int g,
        int row,
        SufficientStatistics stats,
        double scaledAlpha,
        double l1Ratio,
        Settings base,
        double innerTolerance) {
      Settings inner =
          base.withL1Ratio(l1Ratio).withStandardize(false).withTolerance(innerTolerance);
      RegularizationPath step =
          StatisticsFit.fitPath(
              stats, schema.names(), inner, AlphaGrid.of(scaledAlpha), Progress.NONE);
      double[] standardized = step.coefficients(0);
      for (int j = 0; j < p; j++) {
        it.beta[g][row][j] = standardized[j] * it.inverseScale[g][j];
      }
      it.intercept[g][row] = step.intercept(0);
    }
  }
}
