package org.l1path.lambda;

import java.util.Locale;

/**
 * One fit option under its three spellings: the command line's {@code l1-ratio}, the sidecar's and
 * model.json's {@code l1_ratio}, and the environment's {@code L1PATH_L1_RATIO}.
 */
final class OptionNames {
  static final String ENVIRONMENT_PREFIX = "L1PATH_";

  private OptionNames() {}

  static String snake(String option) {
    return option.replace('-', '_');
  }

  static String environment(String option) {
    return ENVIRONMENT_PREFIX + snake(option).toUpperCase(Locale.ROOT);
  }

  /** The command-line name of a sidecar key or metadata suffix, which may use either separator. */
  static String option(String key) {
    return key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
