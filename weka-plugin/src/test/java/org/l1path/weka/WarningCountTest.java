package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.l1path.solver.ElasticNet;
import weka.attributeSelection.LassoAttributeEval;
import weka.classifiers.functions.Lasso;

/**
 * A starved setting gives one warning per learner build, not one per alpha of every fit: Weka's
 * users saw ten thousand lines for {@code -max-iter 1} under cross-validation.
 */
class WarningCountTest {
  @Test
  void aStarvedLassoBuildLogsOneWarningThatCountsEveryAlpha() throws Exception {
    List<String> warnings =
        logged(
            () -> {
              Lasso lasso = new Lasso();
              lasso.setOptions(new String[] {"-max-iter", "1", "-tol", "1e-12", "-folds", "3"});
              lasso.buildClassifier(TestData.cpu());
            });
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("Lasso: "), warnings.get(0));
    int counted = Integer.parseInt(warnings.get(0).split(" ")[1]);
    // Three folds and the full data, each a path of up to 100 alphas.
    assertTrue(counted > 100, warnings.get(0));
  }

  @Test
  void aStarvedAttributeEvaluationLogsOneWarning() throws Exception {
    List<String> warnings =
        logged(
            () -> {
              LassoAttributeEval eval = new LassoAttributeEval();
              eval.setOptions(
                  new String[] {"-M", "stability", "-B", "4", "-max-iter", "1", "-tol", "1e-12"});
              eval.buildEvaluator(TestData.cpu());
            });
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("LassoAttributeEval: "), warnings.get(0));
  }

  /**
   * Iris's setosa is separable on the petal attributes, so some relaxed refits have no unpenalized
   * fit: they are counted apart from the alphas, in the same single warning, which does not advise
   * -max-iter for them.
   */
  @Test
  void relaxedRefitsAreCountedApartInTheSameWarning() throws Exception {
    List<String> warnings =
        logged(
            () -> {
              Lasso lasso = new Lasso();
              lasso.setOptions(new String[] {"-relax", "-num-alphas", "30", "-folds", "5"});
              lasso.buildClassifier(TestData.withLastClass("iris.arff"));
            });
    assertEquals(1, warnings.size(), warnings.toString());
    String warning = warnings.get(0);
    assertTrue(warning.matches("Lasso: \\d+ relaxed refit\\(s\\) did not converge .*"), warning);
    assertTrue(!warning.contains("-max-iter"), warning);
  }

  @Test
  void aConvergedBuildLogsNothing() throws Exception {
    assertEquals(List.of(), logged(() -> new Lasso().buildClassifier(TestData.cpu())));
  }

  private interface Build {
    void run() throws Exception;
  }

  /** The messages logged at WARNING on the solver's logger while {@code build} runs. */
  private static List<String> logged(Build build) throws Exception {
    Logger logger = Logger.getLogger(ElasticNet.class.getName());
    List<String> messages = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              messages.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      build.run();
    } finally {
      logger.removeHandler(handler);
    }
    synchronized (handler) {
      return List.copyOf(messages);
    }
  }
}
