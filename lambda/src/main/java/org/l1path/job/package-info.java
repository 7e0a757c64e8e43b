/**
 * The batch job: a CSV stream and a {@link org.l1path.job.FitRequest} in, a model and report files
 * out through a {@link org.l1path.job.ResultSink}. It knows nothing of the command line or of S3,
 * so the local command and the cloud handlers run exactly the same code.
 */
package org.l1path.job;
