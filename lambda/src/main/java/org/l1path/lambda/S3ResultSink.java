package org.l1path.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.l1path.job.AtomicFile;
import org.l1path.job.ResultSink;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes result files under one folder of a bucket, each with {@code If-None-Match: *}. Results for
 * one ETag never change, so a file that already exists was written by an earlier delivery of the
 * same event; S3 answers 412 (or 409 while a concurrent write is in flight) and that counts as
 * done. The job writes {@code model.json} last, so it exists only when everything else does.
 *
 * <p>The SDK retries a put whose answer was lost, and the retry of a put that S3 had stored gets
 * 412 too. Each sink tags its puts with its own {@link #WRITER_METADATA} value, so a 412 on a file
 * bearing that tag is this sink's own write, not another delivery's.
 */
final class S3ResultSink implements ResultSink {
  /**
   * The user-metadata key (x-amz-meta-written-by) naming the sink that wrote a file. Not an {@code
   * l1path-} key: those are fit options, and a result copied back as input would be refused.
   */
  static final String WRITER_METADATA = "written-by";

  private static final int PRECONDITION_FAILED = 412;
  private static final int CONFLICT = 409;
  private static final int NOT_FOUND = 404;

  private final S3Client s3;
  private final String bucket;
  private final String folder;
  private final String writer = "l1path " + UUID.randomUUID();
  private final List<String> alreadyThere = new ArrayList<>();

  S3ResultSink(S3Client s3, String bucket, String folder) {
    this.s3 = s3;
    this.bucket = bucket;
    this.folder = folder;
  }

  @Override
  public void write(String name, byte[] bytes) {
    put(name, RequestBody.fromBytes(bytes));
  }

  /**
   * Streams the content into a temporary file (S3 needs its length before the upload starts) and
   * uploads that: a {@code model.json} of tens of megabytes never sits in the heap whole.
   */
  @Override
  public void write(String name, AtomicFile.Content content) throws IOException {
    Path temporary = Files.createTempFile("l1path-", "-" + name);
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      put(name, RequestBody.fromFile(temporary));
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private void put(String name, RequestBody body) {
    PutObjectRequest put =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(folder + name)
            .ifNoneMatch("*")
            .contentType(contentType(name))
            .metadata(Map.of(WRITER_METADATA, writer))
            .build();
    try {
      s3.putObject(put, body);
    } catch (S3Exception e) {
      if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != CONFLICT) {
        throw e;
      }
      if (!writtenByThisSink(folder + name)) {
        alreadyThere.add(name + " (" + e.statusCode() + ")");
      }
    }
  }

  /** The files that another delivery had already written, each with the status S3 answered. */
  List<String> alreadyThere() {
    return List.copyOf(alreadyThere);
  }

  private boolean writtenByThisSink(String key) {
    try {
      return writer.equals(
          s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build())
              .metadata()
              .get(WRITER_METADATA));
    } catch (S3Exception e) {
      // After a 409, another delivery's write may still be in flight: nothing to look at yet.
      if (e.statusCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
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
