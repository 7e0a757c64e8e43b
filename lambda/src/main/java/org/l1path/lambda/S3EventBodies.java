package org.l1path.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads an S3 event notification out of an SQS message body with the Lambda runtime's own event
 * serializer, the one that decodes the direct route's events, so both routes see identical records.
 */
final class S3EventBodies {
  /** The message S3 sends once when a notification is configured; it carries no records. */
  static final String TEST_EVENT = "s3:TestEvent";

  private static final JsonFactory JSON = new JsonFactory();
  private static final PojoSerializer<S3Event> SERIALIZER =
      LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader());

  private S3EventBodies() {}

  /**
   * The notification in {@code body}, or empty for S3's test event.
   *
   * @throws NotAnS3EventException when the body is not an S3 event notification
   */
  static Optional<S3Event> parse(String body) {
    if (body == null || body.isBlank()) {
      throw new NotAnS3EventException("the message body is empty");
    }
    if (isTestEvent(body)) {
      return Optional.empty();
    }
    S3Event event;
    try {
      event = SERIALIZER.fromJson(body);
    } catch (RuntimeException e) {
      throw new NotAnS3EventException("the message body is not an S3 event notification: " + e);
    }
    if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
      throw new NotAnS3EventException("the message body has no S3 event records");
    }
    for (var record : event.getRecords()) {
      if (record.getS3() == null
          || record.getS3().getBucket() == null
          || record.getS3().getObject() == null
          || record.getS3().getObject().getKey() == null) {
        throw new NotAnS3EventException("an S3 event record lacks its bucket or object key");
      }
    }
    return Optional.of(event);
  }

  private static boolean isTestEvent(String body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("Event".equals(name) && value == JsonToken.VALUE_STRING) {
          return TEST_EVENT.equals(parser.getText());
        }
        parser.skipChildren();
      }
      return false;
    } catch (IOException e) {
      throw new NotAnS3EventException("the message body is not JSON: " + e.getMessage());
    }
  }

  /**
   * An SQS message that is not an S3 notification: a failure, so it ends in the dead-letter queue.
   */
  static final class NotAnS3EventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAnS3EventException(String message) {
      super(message);
    }
  }
}
