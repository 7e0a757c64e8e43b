package org.l1path.spark;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one distributed pass of a least-squares fit: every partition sums its rows into per-fold
 * {@link FoldMoments}, and a tree reduction merges them on the way to the driver. The data is read
 * once; what moves is K (p + 1)(p + 2) / 2 doubles per partition.
 */
final class GaussianPass {
  private GaussianPass() {}

  /**
   * @param folds the number of random folds (ignored when the reader has a fold column)
   * @param seed seeds each partition's fold draws, with the partition's index: the same data in the
   *     same partitions gets the same folds
   * @param depth the depth of the tree reduction
   */
  static FoldMoments run(Dataset<?> data, RowReader reader, int folds, long seed, int depth) {
    String[] cols = reader.columns();
    JavaRDD<Row> rows =
        Partitions.atMostCores(
            data.select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length)).toJavaRDD());
    JavaRDD<FoldMoments> perPartition =
        rows.mapPartitionsWithIndex(
            (index, it) -> {
              FoldMoments moments = new FoldMoments();
              SplittableRandom random = reader.hasFoldColumn() ? null : random(seed, index);
              while (it.hasNext()) {
                Row row = it.next();
                int fold = random == null ? reader.fold(row) : random.nextInt(folds);
                moments.add(fold, reader.features(row), reader.label(row), reader.weight(row));
              }
              return List.of(moments.flush()).iterator();
            },
            false);
    return SparkErrors.unwrap(() -> perPartition.treeReduce(FoldMoments::merge, depth));
  }

  /** The fold draws of one partition. */
  static SplittableRandom random(long seed, int partition) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + partition);
  }
}
