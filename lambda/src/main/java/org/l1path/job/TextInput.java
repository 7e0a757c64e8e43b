package org.l1path.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Opens a CSV's bytes (plain or gzip) as text in a named charset, so that bytes the charset cannot
 * decode are reported rather than silently merged: a decoder that drops them, or turns them all
 * into U+FFFD, would read two Latin-1 levels such as {@code café} and {@code cafè} as one.
 */
final class TextInput {
  /**
   * What an undecodable byte sequence becomes: a Unicode noncharacter, which text meant for
   * interchange does not hold, so a field holding it had bytes the charset could not decode.
   */
  static final char UNDECODABLE = '\uFFFF';

  private static final int BYTE_ORDER_MARK = '\uFEFF';

  private TextInput() {}

  /** The stream as characters, without a leading byte-order mark. */
  static Reader open(InputStream in, String source, Charset charset) throws IOException {
    // The CSV parser buffers, so a pushback of one character is all the BOM check needs.
    PushbackReader text =
        new PushbackReader(
            new InputStreamReader(
                Compression.decompress(in, source),
                charset
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(UNDECODABLE))));
    int first = text.read();
    if (first >= 0 && first != BYTE_ORDER_MARK) {
      text.unread(first);
    }
    return text;
  }

  /**
   * The charset a name gives, for the {@code encoding} option.
   *
   * @throws OptionException when Java knows no such charset
   */
  static Charset charset(String value) {
    try {
      return Charset.forName(value.trim());
    } catch (IllegalArgumentException e) {
      throw OptionException.invalid(
          "encoding",
          value,
          "not a character encoding Java knows (for example UTF-8, windows-1252, ISO-8859-1)");
    }
  }

  /** Whether the characters hold an undecodable byte sequence. */
  static boolean undecodable(char[] buf, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (buf[i] == UNDECODABLE) {
        return true;
      }
    }
    return false;
  }

  /** The error for a field with bytes the charset could not decode. */
  static InputException undecodable(String source, long line, String where, Charset charset) {
    return new InputException(
        String.format(
            "%s: line %d, %s: bytes that are not valid %s; if the file is in another encoding,"
                + " name it with encoding (--encoding, for example windows-1252 or ISO-8859-1)",
            source, line, where, charset.name()));
  }
}
