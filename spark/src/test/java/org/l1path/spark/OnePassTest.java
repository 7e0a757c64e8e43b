package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A least-squares path with K-fold cross-validation reads the data in one Spark job, whatever K and
 * the number of l1 ratios: counted by a listener on the real scheduler.
 */
class OnePassTest {
  private static final class JobCounter extends SparkListener {
    final AtomicInteger jobs = new AtomicInteger();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
      jobs.incrementAndGet();
    }
  }

  /** The jobs {@code action} starts, once the listener bus has delivered every event. */
  private static int jobsOf(Runnable action) throws java.util.concurrent.TimeoutException {
    SparkSession spark = LocalSpark.session();
    JobCounter counter = new JobCounter();
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(counter);
    try {
      action.run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
      return counter.jobs.get();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  @Test
  void pathAndTenFoldsOfThreeRatiosTakeOneJob() throws Exception {
    Dataset<Row> frame = LocalSpark.frame(LocalSpark.numericCsv("diabetes"), null, null, 4);
    L1PathEstimator estimator =
        new L1PathEstimator().setL1Ratios(0.2, 0.6, 1.0).setNumFolds(10).setSeed(5);
    int[] holder = new int[1];
    int jobs = jobsOf(() -> holder[0] = estimator.fit(frame).summary().folds());
    assertEquals(10, holder[0]);
    assertEquals(1, jobs);
  }

  @Test
  void theCounterSeesJobs() throws Exception {
    // The listener counts what runs: two actions, two jobs (so a count of 1 above means 1).
    Dataset<Row> frame = LocalSpark.frame(LocalSpark.numericCsv("quickstart"), null, null, 2);
    int jobs =
        jobsOf(
            () -> {
              frame.javaRDD().count();
              frame.javaRDD().count();
            });
    assertTrue(jobs == 2, "jobs: " + jobs);
  }
}
