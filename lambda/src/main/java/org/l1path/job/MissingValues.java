package org.l1path.job;

/**
 * The texts that mean "no value": the empty field, {@code NA}, {@code NaN} (in any letter case) and
 * {@code ?}.
 */
final class MissingValues {
  private MissingValues() {}

  /** Whether the (trimmed) field is a missing-value marker. */
  static boolean isMissing(char[] buf, int offset, int length) {
    return switch (length) {
      case 0 -> true;
      case 1 -> buf[offset] == '?';
      case 2 -> buf[offset] == 'N' && buf[offset + 1] == 'A';
      case 3 ->
          (buf[offset] | 0x20) == 'n'
              && (buf[offset + 1] | 0x20) == 'a'
              && (buf[offset + 2] | 0x20) == 'n';
      default -> false;
    };
  }
}
