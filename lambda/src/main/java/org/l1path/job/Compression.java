package org.l1path.job;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Recognises gzip input by its magic bytes, whatever the file is called. */
final class Compression {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  private Compression() {}

  /**
   * The stream's content, decompressed when it starts with gzip's magic bytes.
   *
   * @throws InputException when the name ends in {@code .gz} but the content is not gzip
   */
  static InputStream decompress(InputStream in, String source) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
      return new GZIPInputStream(buffered, BUFFER);
    }
    if (source.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      throw new InputException(source + ": the name ends in .gz but the content is not gzip");
    }
    return buffered;
  }
}
