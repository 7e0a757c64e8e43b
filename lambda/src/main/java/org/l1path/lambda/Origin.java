package org.l1path.lambda;

import java.util.Locale;

/** Where a setting's value came from, highest precedence first. */
public enum Origin {
  SIDECAR,
  METADATA,
  ENVIRONMENT,
  DEFAULT;

  /** The name model.json records. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
