package org.l1path.solver.linalg;

import org.l1path.solver.data.DenseDesign;
import org.l1path.solver.data.Design;
import org.l1path.solver.data.SparseDesign;

/**
 * Products of dense vectors with design columns, {@code out[r][k] = sum_i a_r(i) x_(i, list[k])}:
 * the O(n p^2) kernel behind every Gram matrix of the solver ({@code X'VX} of a Gaussian fit's
 * covariance updates, of a logistic fit's Newton steps). The product goes in tiles of 4 vectors by
 * 3 or 4 columns (the kernel's {@link MicroKernel#columns()}), each summed by a {@link MicroKernel}
 * straight from the column-major arrays, with no copy; the observations go in blocks, so that a
 * tile's columns stay in the first-level cache while every vector passes over them, and the
 * vectors' block stays in the second level. The column range is split into tasks of about equal
 * work, run side by side when the caller allows.
 *
 * <p>Every entry is summed the same way (the same blocks, in the same order) whatever the split, so
 * results do not depend on the thread count.
 */
public final class ColumnProducts {
  /**
   * Observations per block. A tile's three or four columns of a block take 24 or 32 KB, within a
   * first-level cache, and a panel of {@link #PANEL_ROWS} vectors 256 KB, within a second-level one
   * (sizes tried on 10000 x 1000 and 50000 x 200: 512 x 64, 2048 x 16 and 1024 x 64 were slower).
   */
  private static final int BLOCK = 1024;

  /** Vectors per panel: the tiles of one panel run over every column before the next panel's. */
  private static final int PANEL_ROWS = 32;

  private static final int ROWS = MicroKernel.ROWS;

  /** Multiply-adds above which the tasks run in parallel. */
  private static final long PARALLEL_WORK = 1L << 20;

  /**
   * The size of a design's whole Gram matrix ({@code n p^2 / 2} multiply-adds) from which its
   * products take the vector kernel. Until C2 has compiled it, the vector kernel runs interpreted,
   * far slower than the scalar one: the first product pays about 0.3 s for that, which a small
   * design would never earn back. The choice depends on the design's size alone, so every product
   * of one design sums the same way, and results never depend on timing or on which product
   * computed an entry first.
   */
  private static final long VECTOR_WORK = 1L << 24;

  private static final MicroKernel SCALAR = new ScalarMicroKernel();

  /** The vector kernel, or null where it would not run fast. */
  private static final MicroKernel VECTOR = MicroKernel.vectorIfFast();

  private ColumnProducts() {}

  /** The kernel large products use: vector or scalar. */
  static String kernelName() {
    return VECTOR != null ? "vector" : "scalar";
  }

  /**
   * Whether {@link #ofBlock} runs the vector kernel for a product of {@code totalWork}
   * multiply-adds.
   */
  public static boolean vectorKernelFor(long totalWork) {
    return VECTOR != null && totalWork >= VECTOR_WORK;
  }

  private static MicroKernel kernelFor(Design x) {
    return VECTOR != null && (long) x.n * x.p * x.p / 2 >= VECTOR_WORK ? VECTOR : SCALAR;
  }

  /**
   * {@code out[r * count + k] = sum_i a[r * n + i] x_(i, list[k])} for r < rows, k < count.
   *
   * @param parallel whether the work may split over the common fork-join pool
   */
  public static void of(
      double[] a, int rows, Design x, int[] list, int count, double[] out, boolean parallel) {
    compute(kernelFor(x), a, rows, x, list, count, out, false, parallel);
  }

  /**
   * The entries on and above the diagonal ({@code k >= r}) where a has one vector per listed column
   * (rows = count): for a symmetric matrix such as {@code (V z_j)' z_k}, whose caller mirrors them
   * once it has applied what the raw columns lack (centres, scales). Only the tiles that hold such
   * entries are summed; the entries below are left as they were.
   */
  public static void upperTriangle(
      double[] a, Design x, int[] list, int count, double[] out, boolean parallel) {
    compute(kernelFor(x), a, count, x, list, count, out, true, parallel);
  }

  /**
   * As {@link #of}, for one of the row blocks that together make a product of {@code totalWork}
   * multiply-adds: the kernel is chosen by that whole product's size, as {@link #of} chooses by the
   * design's, so that every block of it sums the same way.
   */
  public static void ofBlock(
      double[] a,
      int rows,
      Design x,
      int[] list,
      int count,
      double[] out,
      long totalWork,
      boolean parallel) {
    MicroKernel kernel = vectorKernelFor(totalWork) ? VECTOR : SCALAR;
    compute(kernel, a, rows, x, list, count, out, false, parallel);
  }

  /**
   * Observations per block of the products: a row range of {@link #ofRows} that starts at a
   * multiple of it sums every block exactly as the whole product would.
   */
  public static final int ROW_BLOCK = BLOCK;

  /**
   * As {@link #of} and {@link #upperTriangle} (when {@code upper}) over the observations {@code
   * from <= i < to} alone of a dense design, with a holding them at {@code a[r * (to - from) + i -
   * from]}: a product summed a range of observations at a time, its vectors formed range by range
   * rather than all at once. With {@code accumulate} the range's sums are added to out, else they
   * replace it. Ranges that start at multiples of {@link #ROW_BLOCK}, taken in order, give exactly
   * the whole product's sums.
   */
  public static void ofRows(
      double[] a,
      int rows,
      DenseDesign x,
      int[] list,
      int count,
      double[] out,
      boolean upper,
      int from,
      int to,
      boolean accumulate,
      boolean parallel) {
    compute(
        kernelFor(x),
        a,
        rows,
        x,
        list,
        count,
        out,
        upper,
        new RowRange(from, to, accumulate),
        parallel);
  }

  /**
   * As {@link #upperTriangle}, for one of many small blocks of rows that together make one large
   * sum ({@code SufficientStatistics.addBlock}): the vector kernel wherever it runs fast, whatever
   * the block's own size. The blocks are small to stay in cache, and their many products pay for
   * the vector kernel's warm-up; the choice is the same for every block, so results do not depend
   * on timing. 10^6 rows of 100 features in blocks of 256 rows, one thread: 1.23 to 1.42 s, against
   * 2.03 to 2.21 s with the scalar kernel.
   */
  public static void blockUpperTriangle(
      double[] a, Design x, int[] list, int count, double[] out, boolean parallel) {
    compute(VECTOR != null ? VECTOR : SCALAR, a, count, x, list, count, out, true, parallel);
  }

  /** As {@link #of} or {@link #upperTriangle}, with a given kernel: for tests and benchmarks. */
  static void compute(
      MicroKernel kernel,
      double[] a,
      int rows,
      Design x,
      int[] list,
      int count,
      double[] out,
      boolean upper,
      boolean parallel) {
    if (x instanceof SparseDesign sparse) {
      if (rows > 0 && count > 0) {
        sparseProducts(a, rows, sparse, list, count, out, upper, parallel);
      }
      return;
    }
    compute(kernel, a, rows, x, list, count, out, upper, new RowRange(0, x.n, false), parallel);
  }

  /** The observations a dense product sums, and whether it adds to out or replaces it. */
  private record RowRange(int from, int to, boolean accumulate) {}

  private static void compute(
      MicroKernel kernel,
      double[] a,
      int rows,
      Design x,
      int[] list,
      int count,
      double[] out,
      boolean upper,
      RowRange range,
      boolean parallel) {
    if (rows == 0 || count == 0 || range.to() <= range.from()) {
      return;
    }
    DenseDesign dense = (DenseDesign) x;
    int width = kernel.columns();
    int tiles = (count + width - 1) / width;
    long work = (long) (range.to() - range.from()) * rows * count / (upper ? 2 : 1);
    int tasks =
        parallel && work >= PARALLEL_WORK
            ? Math.min(tiles, 4 * Runtime.getRuntime().availableProcessors())
            : 1;
    int[] bounds = taskBounds(tiles, width, tasks, rows, upper);
    Tiles product = new Tiles(kernel, a, rows, dense, list, count, out, upper, range);
    Sweep.run(tasks, work, tasks > 1, task -> product.columnTiles(bounds[task], bounds[task + 1]));
  }

  /**
   * A sparse design's products: each column's non-zeros read once per vector, a cost of the
   * non-zeros rather than n. The columns split over the common fork-join pool when {@code
   * parallel}; each entry is summed the same way whatever the split.
   */
  private static void sparseProducts(
      double[] a,
      int vectors,
      SparseDesign x,
      int[] list,
      int count,
      double[] out,
      boolean upper,
      boolean parallel) {
    int n = x.n;
    int[] starts = x.starts;
    int[] rowOf = x.rows;
    double[] values = x.values;
    long work = (long) vectors * count * (starts[x.p] / Math.max(1, x.p));
    Sweep.run(
        count,
        work,
        parallel,
        k -> {
          int j = list[k];
          int lastVector = upper ? Math.min(vectors - 1, k) : vectors - 1;
          for (int r = 0; r <= lastVector; r++) {
            int base = r * n;
            double sum = 0;
            for (int t = starts[j]; t < starts[j + 1]; t++) {
              sum += a[base + rowOf[t]] * values[t];
            }
            out[r * count + k] = sum;
          }
        });
  }

  /**
   * Tile boundaries of the tasks, of about equal work: a tile of an upper triangle sums only the
   * rows up to its last column.
   */
  private static int[] taskBounds(int tiles, int width, int tasks, int rows, boolean upper) {
    double[] cumulative = new double[tiles + 1];
    for (int h = 0; h < tiles; h++) {
      double tileRows = upper ? Math.min(rows, (h + 1) * width) : rows;
      cumulative[h + 1] = cumulative[h] + tileRows;
    }
    int[] bounds = new int[tasks + 1];
    int h = 0;
    for (int task = 1; task < tasks; task++) {
      double share = cumulative[tiles] * task / tasks;
      while (h < tiles && cumulative[h] < share) {
        h++;
      }
      bounds[task] = Math.max(h, bounds[task - 1]);
    }
    bounds[tasks] = tiles;
    return bounds;
  }

  /**
   * A block of zeros, only ever read: the vectors that pad a short row tile, indexed from the
   * block's first observation. A logistic fit forms thousands of small Gram matrices, and zeroing n
   * fresh values for each product was 8 % of a 10-class path (3000 x 20).
   */
  private static final double[] ZEROS = new double[BLOCK];

  /** One product, summed a range of column tiles at a time (each task writes its own columns). */
  private static final class Tiles {
    private final MicroKernel kernel;
    private final double[] a;
    private final int rows;
    private final DenseDesign x;
    private final int[] list;
    private final int count;
    private final double[] out;
    private final boolean upper;
    private final RowRange range;

    Tiles(
        MicroKernel kernel,
        double[] a,
        int rows,
        DenseDesign x,
        int[] list,
        int count,
        double[] out,
        boolean upper,
        RowRange range) {
      this.kernel = kernel;
      this.a = a;
      this.rows = rows;
      this.x = x;
      this.list = list;
      this.count = count;
      this.out = out;
      this.upper = upper;
      this.range = range;
    }

    void columnTiles(int fromTile, int toTile) {
      int first = range.from();
      int last = range.to();
      int stride = last - first;
      double[][] vectors = new double[ROWS][];
      int[] aStarts = new int[ROWS];
      int width = kernel.columns();
      double[][] columns = new double[width][];
      int[] xStarts = new int[width];
      double[] sums = new double[kernel.sumsLength()];
      for (int from = first; from < last; from += BLOCK) {
        int to = Math.min(last, from + BLOCK);
        boolean replace = from == first && !range.accumulate();
        for (int panel = 0; panel < rows; panel += PANEL_ROWS) {
          int panelEnd = Math.min(rows, panel + PANEL_ROWS);
          for (int h = fromTile; h < toTile; h++) {
            int firstColumn = h * width;
            int columnsHere = Math.min(width, count - firstColumn);
            int rowEnd = upper ? Math.min(panelEnd, firstColumn + columnsHere) : panelEnd;
            if (rowEnd <= panel) {
              continue;
            }
            // A short tile repeats its last column; the repeats are not stored.
            for (int c = 0; c < width; c++) {
              int j = list[firstColumn + Math.min(c, columnsHere - 1)];
              columns[c] = x.arrays[j];
              xStarts[c] = x.offsets[j];
            }
            for (int g = panel; g < rowEnd; g += ROWS) {
              int rowsHere = Math.min(ROWS, rowEnd - g);
              for (int r = 0; r < ROWS; r++) {
                vectors[r] = r < rowsHere ? a : ZEROS;
                aStarts[r] = r < rowsHere ? (g + r) * stride - first : -from;
              }
              kernel.sums(vectors, aStarts, columns, xStarts, from, to, sums);
              store(g, rowsHere, firstColumn, columnsHere, sums, replace);
            }
          }
        }
      }
    }

    /** Adds a tile's sums to out (sets them, for the first block), below-diagonal ones left out. */
    private void store(
        int g, int rowsHere, int firstColumn, int columnsHere, double[] sums, boolean first) {
      for (int r = 0; r < rowsHere; r++) {
        for (int c = 0; c < columnsHere; c++) {
          int k = firstColumn + c;
          if (upper && k < g + r) {
            continue;
          }
          int at = (g + r) * count + k;
          int sum = kernel.columns() * r + c;
          out[at] = first ? sums[sum] : out[at] + sums[sum];
        }
      }
    }
  }
}
