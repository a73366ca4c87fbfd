package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.testing.Corpus;
import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.wiring.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's protections over real HTTP against the embedded host (in this JVM), with the product's
 * own functions: the per-address upload limit, the per-user request limit, CORS, body limits,
 * security headers and the Static Web Apps principal.
 */
class ApiProtectionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALLOWED = "https://cv.example.com";

  @TempDir Path data;

  @Test
  void theEleventhUploadFromOneAddressInAMinuteIs429WithRetryAfter() throws Exception {
    try (EmbeddedHost host = host(Map.of(Settings.CORS_ORIGINS, ALLOWED))) {
      byte[] pdf = Files.readAllBytes(Corpus.devPdfs().get(0));
      HttpClient fromLoopback = HttpClient.newHttpClient();
      String alice = token("alice");
      for (int i = 1; i <= 10; i++) {
        // a client's own X-Forwarded-For changes nothing: the host is the edge and sets it
        HttpResponse<String> r = fromLoopback.send(upload(host, alice, pdf)
            .header("X-Forwarded-For", "198.51.100." + i).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("upload %d: %s", i, r.body()).isEqualTo(202);
        assertSecurityHeaders(r);
      }
      HttpResponse<String> eleventh = fromLoopback.send(upload(host, alice, pdf)
          .header("X-Forwarded-For", "198.51.100.11").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(eleventh.statusCode()).isEqualTo(429);
      assertThat(eleventh.headers().firstValue("retry-after")).isPresent();
      long retryAfter = Long.parseLong(eleventh.headers().firstValue("retry-after").get());
      assertThat(retryAfter).isBetween(1L, 60L);
      assertError(eleventh, 429, "rate_limited");
      assertThat(JSON.readTree(eleventh.body()).at("/error/message").asText()).contains("at most 10 a minute");

      // the address counts, not the user: another user from the same address is limited too
      HttpResponse<String> bob = fromLoopback.send(upload(host, token("bob"), pdf).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(bob.statusCode()).isEqualTo(429);
      // and requests without a token count against the address as well (before authentication)
      HttpResponse<String> anonymous = fromLoopback.send(upload(host, null, pdf).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(429);

      // another address has its own allowance (a second loopback address as the client's)
      HttpClient fromElsewhere = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
      HttpResponse<String> other = fromElsewhere.send(upload(host, alice, pdf).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
      // other routes are not upload-limited
      assertThat(fromLoopback.send(get(host, "api/v1/cv/jobs", alice), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  void eachUserHasARequestLimitOfItsOwnAndTheUploadLimitCanBeTurnedOff() throws Exception {
    try (EmbeddedHost host = host(Map.of(Settings.RATE_LIMIT_REQUESTS_PER_MINUTE, "30",
        Settings.RATE_LIMIT_UPLOADS_PER_MINUTE, "0"))) {
      HttpClient http = HttpClient.newHttpClient();
      String carol = token("carol");
      for (int i = 1; i <= 30; i++) {
        HttpResponse<String> r = http.send(get(host, "api/v1/job-profiles", carol), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("request %d", i).isEqualTo(200);
      }
      HttpResponse<String> over = http.send(get(host, "api/v1/cv/jobs", carol), HttpResponse.BodyHandlers.ofString());
      assertError(over, 429, "rate_limited");
      assertThat(Long.parseLong(over.headers().firstValue("retry-after").orElseThrow())).isBetween(1L, 60L);
      // another user is not affected
      assertThat(http.send(get(host, "api/v1/cv/jobs", token("dave")), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(200);
      // health needs no user and has no user limit
      assertThat(http.send(get(host, "api/health/live", null), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      // uploads off: twelve bad uploads in a row are all answered by the function, none limited
      String erin = token("erin");
      for (int i = 0; i < 12; i++) {
        HttpResponse<String> r = http.send(upload(host, erin, "not a pdf".getBytes(StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertError(r, 415, "not_pdf");
      }
    }
  }

  @Test
  void corsOnlyForTheConfiguredOrigin() throws Exception {
    try (EmbeddedHost host = host(Map.of(Settings.CORS_ORIGINS, ALLOWED + ", http://localhost:5173"))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> preflight = http.send(preflight(host, ALLOWED), HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).isBetween(200, 204);
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(ALLOWED);
      assertThat(list(preflight, "access-control-allow-methods")).contains("POST", "GET");
      assertThat(list(preflight, "access-control-allow-headers")).map(String::toLowerCase)
          .contains("authorization", "content-type");
      assertThat(preflight.headers().firstValue("access-control-max-age")).hasValue("600");
      assertThat(preflight.headers().firstValue("access-control-allow-credentials")).isEmpty();
      assertThat(list(preflight, "vary")).contains("Origin");

      HttpResponse<String> evil = http.send(preflight(host, "https://evil.example"), HttpResponse.BodyHandlers.ofString());
      assertThat(evil.headers().firstValue("access-control-allow-origin")).isEmpty();
      assertThat(evil.headers().firstValue("access-control-allow-methods")).isEmpty();
      assertThat(evil.headers().firstValue("access-control-allow-headers")).isEmpty();
      // a look-alike of an allowed origin is not allowed (exact match, no patterns)
      HttpResponse<String> lookAlike = http.send(preflight(host, "https://cv.example.com.evil.example"),
          HttpResponse.BodyHandlers.ofString());
      assertThat(lookAlike.headers().firstValue("access-control-allow-origin")).isEmpty();

      // the actual request from the allowed origin: its origin, and the headers a script may read
      HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/jobs"))
          .header("Origin", ALLOWED).header("Authorization", "Bearer " + token("frank")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(jobs.statusCode()).isEqualTo(200);
      assertThat(jobs.headers().firstValue("access-control-allow-origin")).hasValue(ALLOWED);
      assertThat(list(jobs, "access-control-expose-headers")).map(String::toLowerCase)
          .contains("retry-after", "location");
      assertThat(list(jobs, "vary")).contains("Origin");
      // from another origin it is answered (the token decides), but the browser may not read it
      HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/jobs"))
          .header("Origin", "https://evil.example").header("Authorization", "Bearer " + token("frank")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();
    }
    // without the setting nobody gets CORS headers
    try (EmbeddedHost host = host(Map.of())) {
      HttpResponse<String> preflight = HttpClient.newHttpClient().send(preflight(host, ALLOWED),
          HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
      assertThat(preflight.statusCode()).isGreaterThanOrEqualTo(400);
    }
  }

  @Test
  void oversizedBodiesAre413JsonAndHugeChunkedBodiesAreCutOff() throws Exception {
    try (EmbeddedHost host = host(Map.of(Settings.MAX_UPLOAD_MB, "1"))) {
      HttpClient http = HttpClient.newHttpClient();
      String gina = token("gina");
      // the CV over the file limit, within the body limit: the function refuses it
      byte[] big = new byte[1024 * 1024 + 1];
      System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
      assertError(http.send(upload(host, gina, big).build(), HttpResponse.BodyHandlers.ofString()), 413,
          "file_too_large");
      // a declared length over the body limit: refused before anything is read
      HttpResponse<String> declared = http.send(upload(host, gina, new byte[4 * 1024 * 1024]).build(),
          HttpResponse.BodyHandlers.ofString());
      assertError(declared, 413, "file_too_large");
      // no declared length (chunked), 64 MB streamed: cut off at the limit with the same answer
      HttpRequest chunked = HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/upload"))
          .header("Authorization", "Bearer " + gina)
          .header("Content-Type", "multipart/form-data; boundary=xyz")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(64L * 1024 * 1024))).build();
      HttpResponse<String> cut = http.send(chunked, HttpResponse.BodyHandlers.ofString());
      assertError(cut, 413, "file_too_large");

      // a job profile sent as text is small: 256 KB at most
      HttpResponse<String> text = http.send(HttpRequest.newBuilder(host.baseUri().resolve("api/v1/job-profiles"))
          .header("Authorization", "Bearer " + gina).header("Content-Type", "text/plain; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString("Java developer. ".repeat(20_000))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertError(text, 413, "file_too_large");
      assertThat(JSON.readTree(text.body()).at("/error/message").asText()).contains("256 KB");
    }
  }

  @Test
  void everyApiResponseCarriesTheSecurityHeaders() throws Exception {
    try (EmbeddedHost host = host(Map.of())) {
      HttpClient http = HttpClient.newHttpClient();
      String hal = token("hal");
      HttpResponse<String> ok = http.send(get(host, "api/v1/cv/jobs", hal), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertSecurityHeaders(ok);
      assertSecurityHeaders(http.send(get(host, "api/health/ready", null), HttpResponse.BodyHandlers.ofString()));
      // errors of the functions: 401, a job that is not there
      assertError(http.send(get(host, "api/v1/cv/jobs", null), HttpResponse.BodyHandlers.ofString()), 401,
          "missing_token");
      assertError(http.send(get(host, "api/v1/cv/status/" + UUID.randomUUID(), hal),
          HttpResponse.BodyHandlers.ofString()), 404, "not_found");
      // errors of the host: no such function, wrong method
      assertError(http.send(get(host, "api/v1/nothing-here", hal), HttpResponse.BodyHandlers.ofString()), 404,
          "not_found");
      assertError(http.send(HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/jobs"))
          .DELETE().build(), HttpResponse.BodyHandlers.ofString()), 405, "method_not_allowed");
    }
  }

  @Test
  void aStaticWebAppPrincipalCountsOnlyWhenTrusted() throws Exception {
    String principal = Base64.getEncoder().encodeToString(("{\"identityProvider\":\"github\",\"userId\":\"u-42\","
        + "\"userDetails\":\"ivy\",\"userRoles\":[\"anonymous\",\"authenticated\"]}").getBytes(StandardCharsets.UTF_8));
    HttpRequest withPrincipal = null;
    // by default a forged principal header is refused: it is no credential
    try (EmbeddedHost host = host(Map.of())) {
      withPrincipal = HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/jobs"))
          .header("x-ms-client-principal", principal).GET().build();
      assertError(HttpClient.newHttpClient().send(withPrincipal, HttpResponse.BodyHandlers.ofString()), 401,
          "missing_token");
    }
    try (EmbeddedHost host = host(Map.of(Settings.AUTH_TRUST_STATIC_WEB_APP, "true"))) {
      HttpClient http = HttpClient.newHttpClient();
      withPrincipal = HttpRequest.newBuilder(host.baseUri().resolve("api/v1/job-profiles"))
          .header("x-ms-client-principal", principal).header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("Java Developer\nAcme\n\nRequirements:\n- Java\n")).build();
      HttpResponse<String> saved = http.send(withPrincipal, HttpResponse.BodyHandlers.ofString());
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
      String id = JSON.readTree(saved.body()).get("id").asText();
      // the profile is the Static Web Apps user's: listed for them, not for a bearer-token user
      HttpResponse<String> mine = http.send(HttpRequest.newBuilder(host.baseUri().resolve("api/v1/job-profiles/" + id))
          .header("x-ms-client-principal", principal).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(mine.statusCode()).isEqualTo(200);
      assertThat(http.send(get(host, "api/v1/job-profiles/" + id, token("u-42")), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(404);
      // a signed-out Static Web Apps user is refused
      String anonymous = Base64.getEncoder().encodeToString(("{\"identityProvider\":\"github\",\"userId\":\"u-42\","
          + "\"userRoles\":[\"anonymous\"]}").getBytes(StandardCharsets.UTF_8));
      assertError(http.send(HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/jobs"))
          .header("x-ms-client-principal", anonymous).GET().build(), HttpResponse.BodyHandlers.ofString()), 401,
          "invalid_token");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private EmbeddedHost host(Map<String, String> values) throws IOException {
    Settings settings = LocalSettings.load(null, data, Map.of(), values);
    return EmbeddedHost.start(new EmbeddedHost.Options(data, 0, "127.0.0.1", null, settings, null));
  }

  private String token(String user) throws IOException {
    Settings settings = LocalSettings.load(null, data, Map.of(), Map.of());
    return new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8),
        Clock.systemUTC()).mint(user, Duration.ofHours(1));
  }

  private static HttpRequest.Builder upload(EmbeddedHost host, String token, byte[] pdf) {
    String boundary = "b-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private static HttpRequest get(EmbeddedHost host, String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(host.baseUri().resolve(path)).GET();
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b.build();
  }

  private static HttpRequest preflight(EmbeddedHost host, String origin) {
    return HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/upload"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
  }

  /** A header's values, comma-separated lists split. */
  private static List<String> list(HttpResponse<?> r, String name) {
    return r.headers().allValues(name).stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private static void assertError(HttpResponse<String> r, int status, String code) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    JsonNode error = JSON.readTree(r.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).isNotBlank();
    assertSecurityHeaders(r);
  }

  private static void assertSecurityHeaders(HttpResponse<?> r) {
    Map<String, String> h = new HashMap<>();
    r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
    assertThat(h).as("headers of %s %s", r.statusCode(), r.uri())
        .containsEntry("x-content-type-options", "nosniff")
        .containsEntry("referrer-policy", "no-referrer")
        .containsEntry("content-security-policy", "default-src 'none'; frame-ancestors 'none'")
        .containsEntry("cache-control", "no-store")
        .doesNotContainKey("strict-transport-security"); // plain HTTP on loopback
  }

  /** {@code length} zero bytes, made as they are read. */
  private static final class Zeros extends InputStream {
    private long left;

    Zeros(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      if (left <= 0) return -1;
      left--;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) return -1;
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
