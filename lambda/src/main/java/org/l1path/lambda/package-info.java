/**
 * The AWS Lambda front door of the batch job: handlers for S3 events (directly or through SQS), the
 * function's configuration from environment, object metadata and a JSON sidecar, and an S3 {@code
 * ResultSink} whose conditional writes make redelivered events harmless.
 */
package org.l1path.lambda;
