package org.l1path.job;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV file into columns. Fields go straight from the parser's buffer into primitive
 * arrays, row by row ({@link RowBlocks}), and are cut into columns as they pile up, so the text is
 * never held whole and the cells about once. The first record is the header; blank lines are
 * skipped; fields are trimmed of surrounding spaces and tabs; a byte-order mark is ignored; bytes
 * the charset cannot decode are an error naming the line and column ({@link TextInput}). Line
 * numbers in messages are 1-based file lines, the header being line 1.
 */
final class CsvTableReader {
  private static final int PROGRESS_EVERY = 8192;

  private CsvTableReader() {}

  /**
   * Reads the whole stream (plain or gzip, told apart by its first bytes).
   *
   * @param source the file's name, for messages
   * @throws InputException when the file is not a table of the expected shape
   */
  static CsvTable read(InputStream in, String source, JobProgress progress) throws IOException {
    return read(in, source, StandardCharsets.UTF_8, progress);
  }

  /**
   * Reads the whole stream as text in {@code charset}; see {@link #read(InputStream, String,
   * JobProgress)}.
   */
  static CsvTable read(InputStream in, String source, Charset charset, JobProgress progress)
      throws IOException {
    Handler handler = new Handler(source, charset);
    try (CsvReader<Long> reader =
        CsvReader.builder()
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .build(handler, TextInput.open(in, source, charset))) {
      // The first record is the header, so data rows are one fewer than records.
      long records = 0;
      for (Long ignored : reader) {
        records++;
        if (records % PROGRESS_EVERY == 1) {
          progress.rowsRead(records - 1);
        }
      }
      progress.rowsRead(Math.max(0, records - 1));
    } catch (CsvParseException e) {
      throw unwrap(e, source);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return handler.table();
  }

  /** Our own error if the handler threw one, else the parser's messages joined on one line. */
  private static RuntimeException unwrap(CsvParseException e, String source) {
    StringBuilder why = new StringBuilder(source);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputException input) {
        return input;
      }
      if (t instanceof Error error) {
        // Running out of memory mid-file is not a fault of the file; callers handle it as such.
        throw error;
      }
      why.append(": ").append(t.getMessage());
    }
    return new InputException(why.toString());
  }

  /** Receives the parser's fields; the header first, then data rows. */
  private static final class Handler extends AbstractBaseCsvCallbackHandler<Long> {
    private final String source;
    private final Charset charset;
    private final List<String> header = new ArrayList<>();
    private ColumnBuilder[] columns;
    private RowBlocks cells;
    private long[] lineOfRow = new long[1024];
    private int rows;
    private long headerLine;

    Handler(String source, Charset charset) {
      this.source = source;
      this.charset = charset;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
      int start = offset;
      int end = offset + length;
      while (start < end && isBlank(buf[start])) {
        start++;
      }
      while (end > start && isBlank(buf[end - 1])) {
        end--;
      }
      if (TextInput.undecodable(buf, start, end - start)) {
        throw TextInput.undecodable(
            source,
            getStartingLineNumber(),
            columns == null
                ? "column " + (index + 1) + " of the header"
                : index < columns.length
                    ? "column '" + columns[index].name() + "' (column " + (index + 1) + ")"
                    : "column " + (index + 1),
            charset);
      }
      if (columns == null) {
        header.add(new String(buf, start, end - start));
      } else if (index < columns.length) {
        cells.set(index, columns[index].cell(buf, start, end - start, getStartingLineNumber()));
      }
    }

    @Override
    protected Long buildRecord() {
      long line = getStartingLineNumber();
      if (getRecordType() != RecordType.DATA) {
        return line;
      }
      if (columns == null) {
        startColumns(line);
        return line;
      }
      int fields = getFieldCount();
      if (fields != columns.length) {
        throw ragged(line, fields);
      }
      if (rows == lineOfRow.length) {
        lineOfRow = Arrays.copyOf(lineOfRow, rows * 2);
      }
      lineOfRow[rows++] = line;
      cells.endRow();
      return line;
    }

    private void startColumns(long line) {
      headerLine = line;
      // Sized for every name at once: growing rehashes them all, costly at 50000 columns.
      Map<String, Integer> seen = new HashMap<>((int) (header.size() / 0.75f) + 1);
      columns = new ColumnBuilder[header.size()];
      for (int j = 0; j < columns.length; j++) {
        String name = header.get(j);
        if (name.isEmpty()) {
          throw new InputException(
              String.format(
                  "%s: line %d, column %d: the header gives this column no name",
                  source, line, j + 1));
        }
        Integer earlier = seen.putIfAbsent(name, j);
        if (earlier != null) {
          throw new InputException(
              String.format(
                  "%s: line %d, column %d: duplicate column name '%s' (also column %d)",
                  source, line, j + 1, name, earlier + 1));
        }
        columns[j] = new ColumnBuilder(source, name);
      }
      cells = new RowBlocks(columns.length);
    }

    private InputException ragged(long line, int fields) {
      String where =
          fields < columns.length
              ? "column '" + columns[fields].name() + "' (column " + (fields + 1) + ") is missing"
              : "extra field after column '"
                  + columns[columns.length - 1].name()
                  + "' (column "
                  + columns.length
                  + ")";
      return new InputException(
          String.format(
              "%s: line %d: %d fields, but the header has %d: %s",
              source, line, fields, columns.length, where));
    }

    CsvTable table() {
      if (columns == null) {
        throw new InputException(
            source + ": line 1: the file is empty; a header row naming the columns is required");
      }
      if (rows == 0) {
        throw new InputException(
            String.format(
                "%s: line %d: the file has a header but no data rows", source, headerLine + 1));
      }
      boolean[] withValues = new boolean[columns.length];
      for (int j = 0; j < columns.length; j++) {
        withValues[j] = columns[j].hasValues();
      }
      double[][] cut = cells.columns(withValues);
      List<Column> built = new ArrayList<>(columns.length);
      for (int j = 0; j < columns.length; j++) {
        built.add(columns[j].build(cut[j]));
      }
      return new CsvTable(source, List.copyOf(built), Arrays.copyOf(lineOfRow, rows));
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t';
    }
  }
}
