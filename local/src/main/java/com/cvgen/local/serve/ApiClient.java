package com.cvgen.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A client of the CV API over HTTP, as a user's program would use it: upload (multipart), status,
 * download links, cancel. Used by {@code demo} and {@code bench load}, and by the end-to-end tests.
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status code and body (JSON parsed when it is JSON). */
  public record Reply(int status, JsonNode json, byte[] body, Map<String, String> headers) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The answer in one line: {@code HTTP 503 storage_unavailable: the upload could not be stored ...}
     * from the API's error body, else the status and the start of the body.
     */
    public String describe() {
      JsonNode error = json == null ? null : json.path("error");
      if (error != null && error.hasNonNull("code")) {
        return "HTTP " + status + " " + error.path("code").asText() + ": " + error.path("message").asText();
      }
      String t = text().strip().replaceAll("\\s+", " ");
      return "HTTP " + status + (t.isEmpty() ? "" : ": " + (t.length() > 200 ? t.substring(0, 200) + "..." : t));
    }
  }

  /**
   * The host could not be reached, or did not answer as the caller needed: a message for the user
   * ({@code cvgen: error: ...}), not a fault of this program.
   */
  public static final class HostException extends IOException {
    private static final long serialVersionUID = 1L;

    public HostException(String message) {
      super(message);
    }

    public HostException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A file part of an upload. */
  public record FilePart(String field, String fileName, String contentType, byte[] content) {}

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI base;
  private final String token;

  /** @param base the host's base URL, e.g. http://127.0.0.1:7071/ */
  public ApiClient(URI base, String token) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public URI base() {
    return base;
  }

  public ApiClient as(String otherToken) {
    return new ApiClient(base, otherToken);
  }

  public Reply upload(FilePart cv, FilePart jobProfile, Map<String, String> fields) throws IOException {
    String boundary = "cvgen-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (cv != null) part(body, boundary, cv);
    if (jobProfile != null) part(body, boundary, jobProfile);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request("api/v1/cv/upload")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private static void part(ByteArrayOutputStream body, String boundary, FilePart p) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.field() + "\"; filename=\""
        + p.fileName() + "\"\r\nContent-Type: " + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(p.content());
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  public Reply status(String jobId) throws IOException {
    return get("api/v1/cv/status/" + jobId);
  }

  public Reply downloads(String jobId) throws IOException {
    return get("api/v1/cv/download/" + jobId);
  }

  public Reply cancel(String jobId) throws IOException {
    return send(request("api/v1/cv/cancel/" + jobId).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  public Reply jobs() throws IOException {
    return get("api/v1/cv/jobs");
  }

  /** POSTs a text body (JSON, plain text) with its content type. */
  public Reply postText(String path, String contentType, String body) throws IOException {
    return send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  public Reply get(String path) throws IOException {
    return send(request(path).GET().build());
  }

  /** Fetches an absolute URL (a download link) without the token. */
  public Reply fetch(URI url) throws IOException {
    return send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build());
  }

  /**
   * Polls the job's status until it is completed, failed or cancelled, waiting 100 ms at first and
   * up to 1 s between polls, and as long as a 429's {@code Retry-After} says. Returns the last status.
   */
  public JsonNode awaitFinal(String jobId, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 100;
    while (true) {
      Reply r = status(jobId);
      if (r.status() == 429 && System.nanoTime() < deadline) { // the host's rate limit: wait as told
        sleep(1000 * retryAfterSeconds(r));
        continue;
      }
      if (r.status() != 200) throw new HostException("the status of job " + jobId + " answered " + r.describe());
      String s = r.json().path("status").asText();
      if (s.equals("completed") || s.equals("failed") || s.equals("cancelled")) return r.json();
      if (System.nanoTime() > deadline) {
        throw new HostException("job " + jobId + " still " + s + " after " + timeout.toSeconds() + " s");
      }
      sleep(pause);
      pause = Math.min(1000, pause * 3 / 2);
    }
  }

  /** A 429's {@code Retry-After} in seconds (1 to 60; 1 when missing or not a number). */
  static long retryAfterSeconds(Reply r) {
    try {
      return Math.max(1, Math.min(60, Long.parseLong(r.headers().getOrDefault("retry-after", "1").strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private Reply send(HttpRequest request) throws IOException {
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
      JsonNode json = null;
      String type = headers.getOrDefault("content-type", "");
      if (type.contains("json") && r.body().length > 0) json = JSON.readTree(r.body());
      return new Reply(r.statusCode(), json, r.body(), headers);
    } catch (java.net.ConnectException e) {
      throw new HostException("nothing answers at " + request.uri().resolve("/")
          + " (is the host running there? start one with ./cvgen serve)", e);
    } catch (java.net.http.HttpConnectTimeoutException e) {
      throw new HostException("no connection to " + request.uri().resolve("/") + " within "
          + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new HostException(request.method() + " " + request.uri().getPath() + " was not answered within "
          + request.timeout().map(Duration::toSeconds).orElse(0L) + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
