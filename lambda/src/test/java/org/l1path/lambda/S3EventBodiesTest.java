package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import org.junit.jupiter.api.Test;

class S3EventBodiesTest {
  @Test
  void aNotificationIsDecodedByTheRuntimesSerializerWithItsKeyUrlDecoded() {
    String body = Events.s3Put("data", "input/my data/prix été + €.csv", 10, "abc");

    S3Event event = S3EventBodies.parse(body).orElseThrow();

    var object = event.getRecords().get(0).getS3().getObject();
    assertEquals("input/my+data/prix+%C3%A9t%C3%A9+%2B+%E2%82%AC.csv", object.getKey());
    assertEquals("input/my data/prix été + €.csv", object.getUrlDecodedKey());
    assertEquals("ObjectCreated:Put", event.getRecords().get(0).getEventName());
  }

  @Test
  void theTestEventIsSkipped() {
    assertTrue(S3EventBodies.parse(Events.s3TestEvent("data")).isEmpty());
  }

  @Test
  void bodiesThatAreNotS3NotificationsAreFailures() {
    for (String body :
        new String[] {"", "not json", "{\"hello\": 1}", "{\"Records\": []}", "[1, 2]"}) {
      assertThrows(
          S3EventBodies.NotAnS3EventException.class, () -> S3EventBodies.parse(body), body);
    }
  }

  @Test
  void etagsLoseTheirQuotes() {
    assertEquals("abc", SourceObject.unquote("\"abc\""));
    assertEquals("abc-2", SourceObject.unquote("abc-2"));
  }
}
