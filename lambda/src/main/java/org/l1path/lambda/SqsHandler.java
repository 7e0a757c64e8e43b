package org.l1path.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The handler for S3 → SQS → Lambda, the template's default route. Each message holds one S3
 * notification. A message that fails (a transient S3 error, or a body that is not an S3 event) is
 * reported as a batch item failure, so only it is retried and, after the queue's retries, lands in
 * the dead-letter queue. Messages the invocation has no time left for ({@link TimeBudget}) are
 * reported as failures without being processed, so the queue delivers them again.
 */
public final class SqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final ObjectProcessor processor;

  /**
   * Lambda's constructor: configuration and the S3 client once per container, and the priming
   * before a SnapStart snapshot.
   */
  public SqsHandler() {
    this(ObjectProcessor.fromEnvironment(System.getenv()));
    SnapStartPriming.register();
  }

  SqsHandler(ObjectProcessor processor) {
    this.processor = processor;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    List<SQSEvent.SQSMessage> messages =
        event.getRecords() == null ? List.of() : event.getRecords();
    TimeBudget time = new TimeBudget(context::getRemainingTimeInMillis);
    for (SQSEvent.SQSMessage message : messages) {
      if (!time.roomForNextRecord()) {
        log(
            context,
            new EventLog(context.getAwsRequestId())
                .put("message_id", message.getMessageId())
                .put("outcome", "deferred")
                .put("remaining_ms", time.remainingMillis()));
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        continue;
      }
      long start = System.nanoTime();
      try {
        Optional<S3Event> notification = S3EventBodies.parse(message.getBody());
        if (notification.isEmpty()) {
          log(
              context,
              new EventLog(context.getAwsRequestId())
                  .put("message_id", message.getMessageId())
                  .put("outcome", "test_event"));
          continue;
        }
        for (var record : notification.get().getRecords()) {
          log(
              context,
              processor
                  .process(record, context.getAwsRequestId(), time)
                  .put("message_id", message.getMessageId()));
        }
      } catch (RuntimeException e) {
        log(
            context,
            new EventLog(context.getAwsRequestId())
                .put("message_id", message.getMessageId())
                .put("outcome", "failed")
                .put("error", String.valueOf(e)));
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
      time.recordTook(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return new SQSBatchResponse(failures);
  }

  private static void log(Context context, EventLog line) {
    context.getLogger().log(line.line());
  }
}
