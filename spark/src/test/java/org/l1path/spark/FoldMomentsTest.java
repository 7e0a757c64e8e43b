package org.l1path.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.l1path.solver.SufficientStatistics;

/**
 * Rows waiting in part-filled {@link RowBlock}s are never lost: not when the statistics are shipped
 * without a flush (Java serialization adds them first), and not when rows come after a flush.
 */
class FoldMomentsTest {
  private static final int P = 3;

  @Test
  void shippedAndLaterRowsAllCount() throws Exception {
    Random random = new Random(3);
    FoldMoments moments = new FoldMoments();
    SufficientStatistics[] direct = {new SufficientStatistics(P), new SufficientStatistics(P)};
    // 700 rows: whole blocks and a part-block in each fold.
    addRows(moments, direct, random, 700);
    FoldMoments shipped = roundTrip(moments);
    // More rows after the flush that shipping made, into the same statistics.
    addRows(shipped, direct, random, 300);
    SufficientStatistics[] folds = shipped.folds();
    assertEquals(2, folds.length);
    for (int f = 0; f < 2; f++) {
      assertEquals(direct[f].rows(), folds[f].rows());
      assertEquals(direct[f].weight(), folds[f].weight(), 1e-12 * direct[f].weight());
      for (int j = 0; j <= P; j++) {
        assertEquals(direct[f].mean(j), folds[f].mean(j), 1e-12);
        for (int k = j; k <= P; k++) {
          assertEquals(
              direct[f].crossProduct(j, k), folds[f].crossProduct(j, k), 1e-9 * direct[f].weight());
        }
      }
    }
  }

  private static void addRows(
      FoldMoments moments, SufficientStatistics[] direct, Random random, int rows) {
    for (int i = 0; i < rows; i++) {
      double[] x = new double[P];
      for (int j = 0; j < P; j++) {
        x[j] = random.nextGaussian();
      }
      double y = random.nextGaussian();
      double w = random.nextDouble();
      int fold = random.nextInt(2);
      moments.add(fold, x, y, w);
      direct[fold].add(x, y, w);
    }
  }

  private static FoldMoments roundTrip(FoldMoments moments) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(moments);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (FoldMoments) in.readObject();
    }
  }
}
