package com.cvgen.functions.azure.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the Azure OpenAI chat-completions endpoint (the real service cannot run in
 * tests): serves POST /openai/deployments/{deployment}/chat/completions?api-version=... on
 * 127.0.0.1 with scripted answers, and records every request it gets.
 */
public final class AzureOpenAiStub implements AutoCloseable {
  /** One scripted answer: status, headers, body, and how long to wait before answering. */
  public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    public static Reply ok(String body) {
      return new Reply(200, Map.of(), body, 0);
    }

    public static Reply status(int status, Map<String, String> headers) {
      return new Reply(status, headers, "{\"error\":{\"code\":\"" + status + "\",\"message\":\"scripted failure\"}}", 0);
    }

    static Reply hang(long millis, String body) {
      return new Reply(200, Map.of(), body, millis);
    }
  }

  public record Request(String method, String path, String query, Map<String, List<String>> headers, String body, long atNanos) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
  private volatile Reply fallback = Reply.status(500, Map.of());
  public final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Reply> bySchema = new java.util.concurrent.ConcurrentHashMap<>();

  public AzureOpenAiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A chat-completions answer holding a JSON Resume (for a short CV), written by hand in the shape of Azure's: no real model can be called here. */
  public static String recordedResumeAnswer() throws IOException {
    return recorded("chat-completion-resume.json");
  }

  /** A chat-completions answer holding a job (for the bundled German sample posting), written by hand likewise. */
  public static String recordedJobAnswer() throws IOException {
    return recorded("chat-completion-job.json");
  }

  private static String recorded(String name) throws IOException {
    try (java.io.InputStream in = AzureOpenAiStub.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException(name + " missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Answers requests whose structured-output schema is named {@code schemaName} with {@code reply}, always. */
  public AzureOpenAiStub forSchema(String schemaName, Reply reply) {
    bySchema.put(schemaName, reply);
    return this;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public AzureOpenAiStub then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  public AzureOpenAiStub otherwise(Reply reply) {
    fallback = reply;
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
      Reply reply = bySchema.entrySet().stream()
          .filter(e -> body.contains("\"name\":\"" + e.getKey() + "\"")).map(Map.Entry::getValue).findFirst()
          .orElse(null);
      if (reply == null) reply = script.pollFirst();
      if (reply == null) reply = fallback;
      if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().matches(
          "/openai/deployments/[^/]+/chat/completions")) {
        reply = Reply.status(404, Map.of());
      }
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("apim-request-id", "stub");
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      } catch (IOException clientGone) {
        // the client timed out and closed the connection
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
