package org.l1path.lambda;

/**
 * A dataset's own settings (its sidecar or its object metadata) are malformed. Like bad data, it is
 * reported in {@code error.json}, not retried.
 */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
