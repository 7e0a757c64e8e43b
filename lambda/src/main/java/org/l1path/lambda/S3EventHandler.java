package org.l1path.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.List;

/**
 * The handler for direct S3 → Lambda notifications (the template's {@code Route=direct}). A
 * transient failure throws, so Lambda's asynchronous retries try the event again; its result is a
 * summary of the outcomes, one per record.
 */
public final class S3EventHandler implements RequestHandler<S3Event, String> {
  private final ObjectProcessor processor;

  /**
   * Lambda's constructor: configuration and the S3 client once per container, and the priming
   * before a SnapStart snapshot.
   */
  public S3EventHandler() {
    this(ObjectProcessor.fromEnvironment(System.getenv()));
    SnapStartPriming.register();
  }

  S3EventHandler(ObjectProcessor processor) {
    this.processor = processor;
  }

  @Override
  public String handleRequest(S3Event event, Context context) {
    List<String> outcomes = new java.util.ArrayList<>();
    var records =
        event.getRecords() == null
            ? List
                .<com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification
                        .S3EventNotificationRecord>
                    of()
            : event.getRecords();
    for (var record : records) {
      EventLog log =
          processor.process(
              record, context.getAwsRequestId(), new TimeBudget(context::getRemainingTimeInMillis));
      context.getLogger().log(log.line());
      outcomes.add(String.valueOf(log.get("outcome")));
    }
    return String.join(",", outcomes);
  }
}
