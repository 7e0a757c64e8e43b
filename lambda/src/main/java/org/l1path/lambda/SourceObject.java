package org.l1path.lambda;

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
