package org.l1path.job;

/** An option of a fit request has a bad value; the message names the option and the value. */
public final class OptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OptionException(String message) {
    super(message);
  }

  /** {@code invalid NAME 'VALUE': WHY}. */
  static OptionException invalid(String option, String value, String why) {
    return new OptionException("invalid " + option + " '" + value + "': " + why);
  }
}
