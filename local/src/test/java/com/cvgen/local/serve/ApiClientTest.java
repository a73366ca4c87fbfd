package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** The client's polling against a small HTTP server that answers as scripted (the real limiter's minute is too long to wait for here; ApiProtectionsTest tests it). */
class ApiClientTest {
  private record Answer(int status, String retryAfter, String body) {}

  private static HttpServer serve(Deque<Answer> answers) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      Answer a = answers.isEmpty() ? new Answer(500, null, "{}") : answers.poll();
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      if (a.retryAfter() != null) ex.getResponseHeaders().set("Retry-After", a.retryAfter());
      ex.sendResponseHeaders(a.status(), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    return server;
  }

  @Test
  void awaitFinalWaitsAsA429SaysAndGoesOn() throws Exception {
    Deque<Answer> answers = new ArrayDeque<>();
    answers.add(new Answer(200, null, "{\"status\":\"processing\"}"));
    answers.add(new Answer(429, "1", "{\"error\":{\"code\":\"rate_limited\",\"message\":\"wait\"}}"));
    answers.add(new Answer(200, null, "{\"status\":\"completed\"}"));
    HttpServer server = serve(answers);
    try {
      ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "t");
      long t0 = System.nanoTime();
      assertThat(api.awaitFinal("job-1", Duration.ofSeconds(30)).get("status").asText()).isEqualTo("completed");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
      assertThat(answers).isEmpty();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void otherErrorsEndTheWait() throws Exception {
    Deque<Answer> answers = new ArrayDeque<>();
    answers.add(new Answer(404, null, "{\"error\":{\"code\":\"not_found\",\"message\":\"no such job\"}}"));
    HttpServer server = serve(answers);
    try {
      ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "t");
      assertThatThrownBy(() -> api.awaitFinal("job-1", Duration.ofSeconds(30))).hasMessageContaining("404")
          .hasMessageContaining("no such job");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void errorsNameTheApisCodeAndMessageInOneLine() throws Exception {
    Deque<Answer> answers = new ArrayDeque<>();
    answers.add(new Answer(503, null,
        "{\"error\":{\"code\":\"storage_unavailable\",\"message\":\"the upload could not be stored\"}}"));
    HttpServer server = serve(answers);
    try {
      ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "t");
      assertThatThrownBy(() -> api.awaitFinal("job-1", Duration.ofSeconds(30)))
          .isInstanceOf(ApiClient.HostException.class)
          .hasMessage("the status of job job-1 answered HTTP 503 storage_unavailable: the upload could not be stored");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aHostThatIsNotThereIsSaidSo() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"), "t");
    assertThatThrownBy(() -> api.status("job-1")).isInstanceOf(ApiClient.HostException.class)
        .hasMessage("nothing answers at http://127.0.0.1:" + port + "/ (is the host running there? start one with "
            + "./cvgen serve)");
  }
}
