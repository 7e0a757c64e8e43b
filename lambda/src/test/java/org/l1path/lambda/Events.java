package org.l1path.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events as AWS sends them: S3's notification (event version 2.1, with {@code eventTime}, the key
 * URL-encoded with {@code +} for a space) and SQS's event wrapping such notifications as message
 * bodies.
 */
final class Events {
  static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /** An {@code ObjectCreated:Put} notification for one object, as S3 writes it. */
  static String s3Put(String bucket, String key, long size, String etag) {
    ObjectNode root = JSON.createObjectNode();
    root.set("Records", JSON.createArrayNode().add(record(bucket, key, size, etag)));
    return root.toString();
  }

  private static ObjectNode record(String bucket, String key, long size, String etag) {
    ObjectNode record = JSON.createObjectNode();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", LocalS3.REGION);
    record.put("eventTime", Instant.now().toString());
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("userIdentity").put("principalId", "AWS:AIDAJDPLRKLG7UEXAMPLE");
    record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    ObjectNode response = record.putObject("responseElements");
    response.put("x-amz-request-id", "C3D13FE58DE4C810");
    response.put("x-amz-id-2", "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD");
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "l1path-csv");
    ObjectNode b = s3.putObject("bucket");
    b.put("name", bucket);
    b.putObject("ownerIdentity").put("principalId", "A3NL1KOZZKExample");
    b.put("arn", "arn:aws:s3:::" + bucket);
    ObjectNode o = s3.putObject("object");
    o.put("key", encodeKey(key));
    o.put("size", size);
    o.put("eTag", etag);
    o.put("sequencer", "0055AED6DCD90281E5");
    return record;
  }

  /** S3's test message, sent when a notification is configured. */
  static String s3TestEvent(String bucket) {
    ObjectNode root = JSON.createObjectNode();
    root.put("Service", "Amazon S3");
    root.put("Event", "s3:TestEvent");
    root.put("Time", Instant.now().toString());
    root.put("Bucket", bucket);
    root.put("RequestId", "5582815E1AEA5ADF");
    root.put("HostId", "8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE");
    return root.toString();
  }

  /** An SQS event with one message per body, in order; message ids are returned in the event. */
  static String sqs(List<String> bodies, List<String> messageIds) {
    ArrayNode records = JSON.createArrayNode();
    for (int i = 0; i < bodies.size(); i++) {
      ObjectNode m = records.addObject();
      m.put("messageId", messageIds.get(i));
      m.put("receiptHandle", "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + UUID.randomUUID());
      m.put("body", bodies.get(i));
      ObjectNode attributes = m.putObject("attributes");
      attributes.put("ApproximateReceiveCount", "1");
      attributes.put("SentTimestamp", Long.toString(System.currentTimeMillis()));
      attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
      attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis()));
      m.putObject("messageAttributes");
      m.put("md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3");
      m.put("eventSource", "aws:sqs");
      m.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:l1path-events");
      m.put("awsRegion", LocalS3.REGION);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("Records", records);
    return root.toString();
  }

  /** S3 encodes the key as a form value: a space becomes {@code +}, a slash stays. */
  static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }
}
