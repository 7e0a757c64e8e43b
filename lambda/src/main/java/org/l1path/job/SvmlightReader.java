package org.l1path.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.l1path.solver.SparseFeatures;

/**
 * Streams an svmlight / libsvm file (plain or gzip, told apart by its first bytes as for CSV) into
 * sparse rows. Lines are parsed by {@link SvmlightLine}; blank and comment-only lines are skipped.
 * The number of features is the largest index in the file, known only at its end, so the rows are
 * collected first and handed to the solver's builder then. While the builder turns them into
 * columns the non-zeros are held up to three times, 12 bytes each per copy; never as a dense
 * matrix.
 */
final class SvmlightReader {
  private static final int PROGRESS_EVERY = 8192;

  private SvmlightReader() {}

  /**
   * Reads the whole stream as text in {@code charset}.
   *
   * @param source the file's name, for messages
   * @throws InputException naming the file line when a line is malformed, or when the file has no
   *     data lines or no features
   */
  static SvmlightData read(InputStream in, String source, Charset charset, JobProgress progress)
      throws IOException {
    Rows rows = new Rows();
    SvmlightLine parsed = new SvmlightLine(source, charset);
    long line = 0;
    try (BufferedReader text = new BufferedReader(TextInput.open(in, source, charset))) {
      for (String s = text.readLine(); s != null; s = text.readLine()) {
        line++;
        if (!parsed.parse(s, line)) {
          continue;
        }
        rows.add(parsed, line, source);
        if (rows.count % PROGRESS_EVERY == 1) {
          progress.rowsRead(rows.count);
        }
      }
    }
    progress.rowsRead(rows.count);
    if (rows.count == 0) {
      throw new InputException(
          String.format(
              "%s: no data lines in %d line%s (every line is blank or a comment); a line is"
                  + " 'label index:value ...'",
              source, line, line == 1 ? "" : "s"));
    }
    if (rows.maxIndex == 0) {
      throw new InputException(
          String.format(
              "%s: no features: none of the %d data lines has an index:value pair",
              source, rows.count));
    }
    return rows.build(source);
  }

  /** The rows read so far, end to end: labels, lines, and each row's pairs. */
  private static final class Rows {
    private int count;
    private int maxIndex;
    private double[] labels = new double[1024];
    private long[] lines = new long[1024];
    private int[] rowEnds = new int[1024];
    private int[] indices = new int[4096];
    private double[] values = new double[4096];
    private int size;

    void add(SvmlightLine parsed, long line, String source) {
      if (count == labels.length) {
        labels = Arrays.copyOf(labels, count * 2);
        lines = Arrays.copyOf(lines, count * 2);
        rowEnds = Arrays.copyOf(rowEnds, count * 2);
      }
      int n = parsed.count();
      if ((long) size + n > Integer.MAX_VALUE - 8) {
        throw new DataTooLargeException(
            String.format(
                "%s: line %d: more than %d index:value pairs; a file may hold up to %d",
                source, line, size, Integer.MAX_VALUE - 8));
      }
      if (size + n > indices.length) {
        int grown = (int) Math.min(Math.max(2L * indices.length, size + n), Integer.MAX_VALUE - 8);
        indices = Arrays.copyOf(indices, grown);
        values = Arrays.copyOf(values, grown);
      }
      System.arraycopy(parsed.indices(), 0, indices, size, n);
      System.arraycopy(parsed.values(), 0, values, size, n);
      size += n;
      if (n > 0) {
        maxIndex = Math.max(maxIndex, parsed.indices()[n - 1]);
      }
      labels[count] = parsed.label();
      lines[count] = line;
      rowEnds[count++] = size;
    }

    /**
     * The rows as columns, straight from the arrays they were read into (no second copy of the
     * rows); the file's 1-based indices become the solver's 0-based columns in place.
     */
    SvmlightData build(String source) {
      for (int t = 0; t < size; t++) {
        indices[t]--;
      }
      return new SvmlightData(
          source,
          Arrays.copyOf(labels, count),
          Arrays.copyOf(lines, count),
          SparseFeatures.ofRows(maxIndex, count, rowEnds, indices, values));
    }
  }
}
