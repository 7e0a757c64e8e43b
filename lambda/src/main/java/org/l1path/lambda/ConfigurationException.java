package org.l1path.lambda;

/**
 * The function's own configuration (its environment) cannot work. Raised at start-up, so a bad
 * deployment fails loudly on its first invocation instead of writing into the wrong place.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
