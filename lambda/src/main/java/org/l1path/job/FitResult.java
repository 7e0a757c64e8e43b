package org.l1path.job;

import java.util.ArrayList;
import java.util.List;
import org.l1path.solver.CvResult;
import org.l1path.solver.Model;
import org.l1path.solver.RegularizationPath;
import org.l1path.solver.RelaxedPath;
import org.l1path.solver.Storage;

/**
 * What a fit produced: the path of the chosen l1 ratio, the model at the chosen alpha, the
 * cross-validation result when it ran, and what was read. Immutable.
 *
 * @param input the input's name
 * @param request the request that was fitted
 * @param target the target column
 * @param features the feature names after one-hot encoding, in design order
 * @param encoding how the input columns became those features
 * @param columns the number of columns in the file
 * @param rows the rows fitted
 * @param rowsDropped the rows read but not fitted (missing target, or missing feature with {@code
 *     missing=drop})
 * @param path the full-data path of the chosen l1 ratio
 * @param chosenIndex the index on {@code path} of the chosen alpha
 * @param cv the cross-validation result, or null when {@code folds} was 0
 * @param relaxed the relaxed path of {@code path} ({@code --relax}), or null
 * @param gamma the chosen gamma of a relaxed fit, or NaN
 * @param foldWarnings how many alphas of the cross-validation folds' fits did not converge ({@link
 *     CvResult#foldNotConverged()}; each was also logged as a warning; 0 without cross-validation)
 * @param readMillis time spent reading and preparing the data
 * @param fitMillis time spent fitting, cross-validation included
 * @param format the input file's format, or null when the data did not come from a file the job
 *     read (a front end that fits by other means)
 * @param storage how the fitted design was held: {@link Storage#DENSE} or {@link Storage#SPARSE}
 */
public record FitResult(
    String input,
    FitRequest request,
    String target,
    List<String> features,
    Encoding encoding,
    int columns,
    int rows,
    int rowsDropped,
    RegularizationPath path,
    int chosenIndex,
    CvResult cv,
    RelaxedPath relaxed,
    double gamma,
    int foldWarnings,
    long readMillis,
    long fitMillis,
    InputFormat format,
    Storage storage) {

  public FitResult {
    features = List.copyOf(features);
    storage = storage == null ? Storage.DENSE : storage;
  }

  /** The model at the chosen alpha and l1 ratio (and gamma, relaxed). */
  public Model model() {
    return relaxed == null ? path.model(chosenIndex) : relaxed.model(chosenIndex, gamma);
  }

  /**
   * Whether every full-data solve met the tolerance (every l1 ratio's path when cross-validating).
   */
  public boolean converged() {
    return warnings().isEmpty();
  }

  /** One line per full-data alpha that did not converge. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (RegularizationPath p : fullDataPaths()) {
      out.addAll(p.warnings());
    }
    return out;
  }

  /** The full-data paths: every l1 ratio's when cross-validating, else the one path. */
  public List<RegularizationPath> fullDataPaths() {
    return cv == null ? List.of(path) : cv.paths();
  }

  /** How many alphas the full-data paths solved. */
  public int fullDataAlphas() {
    int count = 0;
    for (RegularizationPath p : fullDataPaths()) {
      count += p.size();
    }
    return count;
  }

  /**
   * How many alphas the cross-validation folds solved: each fold fits every alpha of its l1 ratio's
   * full-data path.
   */
  public int foldAlphas() {
    return cv == null ? 0 : cv.folds() * fullDataAlphas();
  }

  /**
   * How many solves, of {@link #fullDataAlphas()} + {@link #foldAlphas()}, did not converge: the
   * full-data {@link #warnings()} and the {@link #foldWarnings()}, one per warning the solver
   * logged.
   */
  public int notConverged() {
    return warnings().size() + foldWarnings;
  }
}
