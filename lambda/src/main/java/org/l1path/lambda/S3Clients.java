package org.l1path.lambda;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the function's one S3 client. The URL-connection HTTP client starts fastest and needs no
 * native code; credentials and region come from the variables Lambda sets; the SDK itself honours
 * the standard {@code AWS_ENDPOINT_URL_S3}, and then path-style addressing is used, as
 * S3-compatible servers on a plain host name need.
 */
final class S3Clients {
  static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_S3";

  private S3Clients() {}

  static S3Client fromEnvironment(Map<String, String> env) {
    String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
    if (region == null || region.isBlank()) {
      throw new ConfigurationException("AWS_REGION is not set; Lambda sets it, elsewhere set it");
    }
    String endpoint = env.get(ENDPOINT_VARIABLE);
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(region))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .forcePathStyle(endpoint != null && !endpoint.isBlank())
        .build();
  }
}
