package org.l1path.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API, as much of it as the runtime interface client uses, served on loopback:
 * the client long-polls {@code invocation/next} for an event and posts back the response or the
 * error. The native client rejects a {@code next} answer without the four Lambda headers, so every
 * one carries them.
 */
final class RuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";

  /** What an invocation ended with. */
  record Result(boolean success, String body, long nanoTime) {}

  private record Invocation(String requestId, String event, long timeLeftMillis) {}

  private final HttpServer server;
  private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Result>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<String> initError = new CompletableFuture<>();
  private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

  RuntimeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "runtime-api");
              t.setDaemon(true);
              return t;
            }));
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an event for the function; the future completes with its response or error. */
  CompletableFuture<Result> invoke(String event) {
    return invoke(event, TimeUnit.MINUTES.toMillis(5));
  }

  /**
   * As {@link #invoke(String)}, with {@code timeLeftMillis} until the invocation's deadline (what
   * the function's context reports as its remaining time) when the function takes the event.
   */
  CompletableFuture<Result> invoke(String event, long timeLeftMillis) {
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<Result> result = new CompletableFuture<>();
    pending.put(requestId, result);
    initError.thenAccept(
        error ->
            result.completeExceptionally(
                new IllegalStateException("the function failed to initialize: " + error)));
    queue.add(new Invocation(requestId, event, timeLeftMillis));
    return result;
  }

  CompletableFuture<String> initError() {
    return initError;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    if ("GET".equals(exchange.getRequestMethod()) && path.equals("invocation/next")) {
      next(exchange);
    } else if (path.equals("init/error")) {
      initError.complete(new String(body, StandardCharsets.UTF_8));
      respond(exchange, 202, new byte[0]);
    } else if (path.startsWith("invocation/")
        && (path.endsWith("/response") || path.endsWith("/error"))) {
      String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
      CompletableFuture<Result> result = pending.remove(requestId);
      respond(exchange, result == null ? 400 : 202, new byte[0]);
      if (result != null) {
        result.complete(
            new Result(
                path.endsWith("/response"),
                new String(body, StandardCharsets.UTF_8),
                System.nanoTime()));
      }
    } else {
      respond(exchange, 404, new byte[0]);
    }
  }

  /** When the function first asked for work: its initialization is over by then. */
  CompletableFuture<Long> firstPoll() {
    return firstPoll;
  }

  private void next(HttpExchange exchange) throws IOException {
    firstPoll.complete(System.nanoTime());
    Invocation invocation;
    try {
      invocation = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, 500, new byte[0]);
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.add("Content-Type", "application/json");
    headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    headers.add(
        "Lambda-Runtime-Deadline-Ms",
        Long.toString(System.currentTimeMillis() + invocation.timeLeftMillis()));
    headers.add(
        "Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:123456789012:function:l1path");
    headers.add(
        "Lambda-Runtime-Trace-Id",
        "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
    respond(exchange, 200, invocation.event().getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
