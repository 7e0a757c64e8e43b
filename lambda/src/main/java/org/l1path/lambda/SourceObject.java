package org.l1path.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The S3 object an event is about.
 *
 * @param bucket its bucket
 * @param key its key, URL-decoded
 * @param versionId its version, or null in an unversioned bucket
 * @param etag its ETag without quotes
 */
public record SourceObject(String bucket, String key, String versionId, String etag) {

  /** Where the object is, for messages: {@code s3://bucket/key}. */
  public String uri() {
    return "s3://" + bucket + "/" + key;
  }

  /**
   * The {@code source} object of {@code model.json} and {@code error.json}: {@code bucket}, {@code
   * key}, {@code version_id} (null in an unversioned bucket) and {@code etag}, in that order. One
   * definition, so the two files name the object alike.
   */
  Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>(); // Map.of refuses the null version_id
    fields.put("bucket", bucket);
    fields.put("key", key);
    fields.put("version_id", versionId);
    fields.put("etag", etag);
    return fields;
  }

  /** The ETag as S3 and its events may quote it, unquoted. */
  static String unquote(String etag) {
    if (etag == null) {
      return null;
    }
    String t = etag.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }
}
