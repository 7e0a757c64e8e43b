package org.l1path.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fit options for one dataset after precedence (sidecar, then metadata, then environment, then
 * defaults), with where each came from, for model.json.
 *
 * @param options the options that were set, by command-line name
 * @param origins every known option's origin, by snake-case name, in the option list's order
 */
public record ResolvedSettings(Map<String, String> options, Map<String, Origin> origins) {

  /** The prefix of an option in object metadata: {@code x-amz-meta-l1path-target}. */
  public static final String METADATA_PREFIX = "l1path-";

  public ResolvedSettings {
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
  }

  /**
   * Merges the three layers.
   *
   * @param environment options from the function's environment
   * @param metadata the object's user metadata as S3 returns it (without {@code x-amz-meta-}); keys
   *     not starting with {@code l1path-} are someone else's and ignored
   * @param sidecar the sidecar's options, empty when there is none
   * @throws SettingsException for an {@code l1path-} metadata key that is not an option
   */
  public static ResolvedSettings resolve(
      List<String> optionNames,
      Map<String, String> environment,
      Map<String, String> metadata,
      Map<String, String> sidecar) {
    Map<String, String> fromMetadata = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey().toLowerCase(java.util.Locale.ROOT);
      if (key.startsWith(METADATA_PREFIX)) {
        String option = OptionNames.option(key.substring(METADATA_PREFIX.length()));
        if (!optionNames.contains(option)) {
          throw new SettingsException(
              "unknown setting in object metadata x-amz-meta-"
                  + key
                  + "; the settings are x-amz-meta-l1path- followed by one of "
                  + String.join(", ", optionNames));
        }
        fromMetadata.put(option, entry.getValue().trim());
      }
    }
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, Origin> origins = new LinkedHashMap<>();
    for (String option : optionNames) {
      Origin origin = Origin.DEFAULT;
      if (sidecar.containsKey(option)) {
        origin = Origin.SIDECAR;
        options.put(option, sidecar.get(option));
      } else if (fromMetadata.containsKey(option)) {
        origin = Origin.METADATA;
        options.put(option, fromMetadata.get(option));
      } else if (environment.containsKey(option)) {
        origin = Origin.ENVIRONMENT;
        options.put(option, environment.get(option));
      }
      origins.put(OptionNames.snake(option), origin);
    }
    return new ResolvedSettings(options, origins);
  }
}
