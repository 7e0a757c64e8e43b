package org.l1path.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Top-level keys a front door adds to {@code model.json} after the job's own, such as the Lambda
 * function's {@code source} and {@code settings_origin}. They are data, not text, so that {@link
 * ModelJson} renders the whole document in one pass and it is valid JSON by construction. Each key
 * holds an object of strings (null allowed), which is all the front doors need; keys and fields
 * keep the order given. The job does not document these keys: the front door that adds them does.
 */
public final class ModelJsonExtras {
  /** No extra keys: the {@code fit} command's {@code model.json}. */
  public static final ModelJsonExtras NONE = new ModelJsonExtras(Map.of());

  private final Map<String, Map<String, String>> objects;

  private ModelJsonExtras(Map<String, Map<String, String>> objects) {
    this.objects = objects;
  }

  /**
   * These keys and then {@code name}, an object of {@code fields} in their iteration order.
   *
   * <p>JSON allows a key once per object. A repeat among the extras is refused here; the job's own
   * keys are not checked, so a front door must not reuse one.
   *
   * @throws IllegalArgumentException if {@code name} is already among these keys
   */
  public ModelJsonExtras withObject(String name, Map<String, String> fields) {
    Objects.requireNonNull(name, "name");
    if (objects.containsKey(name)) {
      throw new IllegalArgumentException("model.json extra key given twice: " + name);
    }
    Map<String, Map<String, String>> more = new LinkedHashMap<>(objects);
    // A copy, so a caller changing its map later cannot change what is written.
    more.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    return new ModelJsonExtras(Collections.unmodifiableMap(more));
  }

  /** Each key's fields, in the order they are written. */
  Map<String, Map<String, String>> objects() {
    return objects;
  }
}
