package org.l1path.lambda;

import java.util.ArrayList;
import java.util.List;
import org.l1path.job.ResultSink;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes result files under one folder of a bucket, each with {@code If-None-Match: *}. Results for
 * one ETag never change, so a file that already exists was written by an earlier delivery of the
 * same event; S3 answers 412 (or 409 while a concurrent write is in flight) and that counts as
 * done. The job writes {@code model.json} last, so it exists only when everything else does.
 */
final class S3ResultSink implements ResultSink {
  private final S3Client s3;
  private final String bucket;
  private final String folder;
  private final List<String> alreadyThere = new ArrayList<>();

  S3ResultSink(S3Client s3, String bucket, String folder) {
    this.s3 = s3;
    this.bucket = bucket;
    this.folder = folder;
  }

  @Override
  public void write(String name, byte[] bytes) {
    PutObjectRequest put =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(folder + name)
            .ifNoneMatch("*")
            .contentType(contentType(name))
            .build();
    try {
      s3.putObject(put, RequestBody.fromBytes(bytes));
    } catch (S3Exception e) {
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        alreadyThere.add(name + " (" + e.statusCode() + ")");
        return;
      }
      throw e;
    }
  }

  /** The files that another delivery had already written, each with the status S3 answered. */
  List<String> alreadyThere() {
    return List.copyOf(alreadyThere);
  }

  private static String contentType(String name) {
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }
}
