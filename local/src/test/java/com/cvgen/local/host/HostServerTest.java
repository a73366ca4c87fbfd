package com.cvgen.local.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.FileBlobStore;
import com.cvgen.core.pipeline.SignedLinks;
import com.cvgen.local.host.testfunctions.TestInjector;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostServerTest {
  static final int LIMIT = 256 * 1024;

  @TempDir static Path dir;
  static HostServer server;
  static HttpClient http;
  static SignedLinks links;
  static BlobStore blobs;
  static byte[] docx;

  @BeforeAll
  static void start() throws IOException {
    Path web = dir.resolve("static-web");
    Files.createDirectories(web.resolve("sub"));
    Files.createDirectories(web.resolve("empty"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>CV Generator</title>");
    Files.writeString(web.resolve("app.js"), "console.log('app');");
    Files.writeString(web.resolve("style.css"), "body{}");
    Files.writeString(web.resolve("sub/index.html"), "<p>sub page</p>");
    Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");

    blobs = new FileBlobStore(dir.resolve("blobs"));
    docx = new byte[5000];
    new Random(1).nextBytes(docx);
    blobs.put(BlobStore.OUTPUTS, "job-1/cv.docx", "ignored", docx);

    FunctionCatalog catalog = FunctionCatalog.builder()
        .packages(FunctionCatalogTest.PACKAGE)
        .injector(new TestInjector())
        .durableClient(() -> "http://localhost:4001/", () -> "TestHub")
        .build();
    server = HostServer.builder(catalog)
        .staticDir(web)
        .signedFiles(blobs, links(URI.create("http://localhost:7071/")))
        .maxRequestBytes(LIMIT)
        .mount("/runtime/webhooks/durabletask", new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            Content.Sink.write(response, true, "durable " + request.getHttpURI().getPath(), callback);
            return true;
          }
        })
        .build()
        .start(0);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private static SignedLinks links(URI base) {
    links = new SignedLinks("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), base,
        Clock.systemUTC());
    return links;
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  private static URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
    HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, p).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  private static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    JsonObject error = json(r).getAsJsonObject("error");
    assertThat(error.get("code").getAsString()).isEqualTo(code);
    assertThat(error.get("message").getAsString()).isNotBlank();
    // every error of the host carries the API's security headers (no HSTS over plain HTTP)
    assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    assertThat(r.headers().firstValue("content-security-policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
    assertThat(r.headers().firstValue("strict-transport-security")).isEmpty();
  }

  // ------------------------------------------------------------------------------------- routing

  @Test
  void functionWithoutRouteIsServedUnderItsName() throws Exception {
    HttpResponse<String> r = get("/api/hello?name=J%C3%BCrgen+X");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("hello J\u00fcrgen X");
    assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    assertThat(get("/API/Hello/").body()).isEqualTo("hello world");
  }

  @Test
  void routeParametersAndConstraintsPickTheFunction() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> job = get("/api/jobs/" + id);
    assertThat(job.statusCode()).isEqualTo(200);
    assertThat(job.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    assertThat(json(job).get("id").getAsString()).isEqualTo(id);
    assertThat(json(job).get("pages").getAsInt()).isEqualTo(2);
    assertThat(get("/api/jobs/41").body()).isEqualTo("job number 42");
    assertThat(get("/api/JOBS/latest").body()).isEqualTo("latest");
    assertThat(get("/api/jobs/abc").body()).isEqualTo("job named abc");
    assertError(get("/api/jobs/abc1"), 404, "not_found");
    assertThat(get("/api/opt/1").body()).isEqualTo("1|null");
    assertThat(get("/api/opt/1/2").body()).isEqualTo("1|2");
    assertThat(get("/api/docs/a/b%20c/d.txt").body()).isEqualTo("doc a/b c/d.txt");
    assertThat(get("/api/docs").body()).isEqualTo("doc null");
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405WithAllow() throws Exception {
    assertError(get("/api/nothing/here"), 404, "not_found");
    assertError(get("/api"), 404, "not_found");
    HttpResponse<String> r = send("DELETE", "/api/hello", null);
    assertError(r, 405, "method_not_allowed");
    assertThat(r.headers().firstValue("allow")).hasValue("GET");
    String id = UUID.randomUUID().toString();
    HttpResponse<String> post = send("POST", "/api/jobs/" + id, "x");
    assertError(post, 405, "method_not_allowed");
    assertThat(post.headers().firstValue("allow")).hasValue("DELETE, GET");
    HttpResponse<String> deleted = send("DELETE", "/api/jobs/" + id, null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
  }

  @Test
  void anErrorSentBeforeTheBodyWasReadClosesTheConnection() throws Exception {
    String response = raw("POST /api/hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc");
    assertThat(response).startsWith("HTTP/1.1 405").containsIgnoringCase("connection: close");
    // a keep-alive client goes on working on a fresh connection
    for (int i = 0; i < 20; i++) {
      assertThat(send("POST", "/api/hello", "body " + i).statusCode()).isEqualTo(405);
      assertThat(send("POST", "/api/nowhere", "body " + i).statusCode()).isEqualTo(404);
    }
    assertThat(get("/api/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void aThrowingFunctionGivesA500WithoutDetails() throws Exception {
    HttpResponse<String> r = get("/api/boom");
    assertError(r, 500, "internal_error");
    assertThat(r.body()).doesNotContain("secret", "IllegalStateException", "at com.");
  }

  @Test
  void bodiesOverTheLimitGet413BeforeTheFunctionRuns() throws Exception {
    HttpResponse<String> ok = send("POST", "/api/echo/text", "a".repeat(LIMIT));
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(ok.body()).hasSize(LIMIT + 2);
    assertError(send("POST", "/api/echo/text", "a".repeat(LIMIT + 1)), 413, "file_too_large");
    // without a declared length (chunked), the limit holds too
    HttpRequest chunked = HttpRequest.newBuilder(uri("/api/echo/text"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(new byte[LIMIT + 10])))
        .build();
    assertError(http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "file_too_large");
  }

  @Test
  void headersAreLowerCasedAndQueryDecoded() throws Exception {
    HttpResponse<String> h = http.send(HttpRequest.newBuilder(uri("/api/echo/headers"))
        .header("X-Custom-Header", "Value One")
        .header("Accept-Language", "fr-CH")
        .header("X-Forwarded-For", "203.0.113.9, 10.0.0.1")
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonObject headers = json(h);
    assertThat(headers.get("x-custom-header").getAsString()).isEqualTo("Value One");
    assertThat(headers.get("accept-language").getAsString()).isEqualTo("fr-CH");
    assertThat(headers.get("host").getAsString()).isEqualTo("127.0.0.1:" + server.port());
    assertThat(headers.keySet()).allMatch(k -> k.equals(k.toLowerCase()));
    // the host is the edge: the client's own X-Forwarded-For is replaced by the socket's address
    assertThat(headers.get("x-forwarded-for").getAsString()).isEqualTo("127.0.0.1");

    JsonObject q = json(get("/api/echo/query?a=1&b=x%20y&c=%C3%A9t%C3%A9&d=a+b&e=1&e=2&empty="));
    assertThat(q.get("a").getAsString()).isEqualTo("1");
    assertThat(q.get("b").getAsString()).isEqualTo("x y");
    assertThat(q.get("c").getAsString()).isEqualTo("\u00e9t\u00e9");
    assertThat(q.get("d").getAsString()).isEqualTo("a b");
    assertThat(q.get("e").getAsString()).isEqualTo("1,2");
    assertThat(q.get("empty").getAsString()).isEmpty();
    assertThat(q.get("$method").getAsString()).isEqualTo("GET");
    assertThat(q.get("$uri").getAsString())
        .isEqualTo("http://127.0.0.1:" + server.port() + "/api/echo/query?a=1&b=x%20y&c=%C3%A9t%C3%A9&d=a+b&e=1&e=2&empty=");
  }

  @Test
  void binaryUploadRoundTrip() throws Exception {
    byte[] data = new byte[200_000];
    new Random(7).nextBytes(data);
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri("/api/uploads/scan"))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/pdf");
    assertThat(r.headers().firstValue("x-size")).hasValue("200000");
    assertThat(r.headers().firstValue("x-name")).hasValue("scan");
    byte[] back = r.body();
    assertThat(back).hasSize(data.length);
    for (int i = 0; i < data.length; i++) {
      if (back[i] != data[data.length - 1 - i]) throw new AssertionError("byte " + i + " differs");
    }
    // an empty upload is Optional.empty()
    HttpResponse<String> empty = send("POST", "/api/uploads/scan", null);
    assertThat(empty.headers().firstValue("x-size")).hasValue("0");
  }

  @Test
  void stringAndJsonBodies() throws Exception {
    HttpResponse<String> text = send("PUT", "/api/echo/text", "gr\u00fc\u00dfe");
    assertThat(text.statusCode()).isEqualTo(201);
    assertThat(text.body()).isEqualTo("<GR\u00dcSSE>");
    assertThat(text.headers().firstValue("x-echo")).hasValue("yes");
    assertThat(send("POST", "/api/echo/text", null).body()).isEqualTo("(empty)");

    HttpResponse<String> pojo = send("POST", "/api/pojo", "{\"id\":\"a\",\"status\":\"s\",\"pages\":2}");
    assertThat(pojo.statusCode()).isEqualTo(200);
    assertThat(pojo.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    assertThat(pojo.body()).isEqualTo("{\"id\":\"a\",\"status\":\"s!\",\"pages\":4}");
    assertError(send("POST", "/api/pojo", "{not json"), 400, "bad_request");
  }

  @Test
  void customStatusHeadersAndExecutionContext() throws Exception {
    HttpResponse<String> r = get("/api/teapot");
    assertThat(r.statusCode()).isEqualTo(299);
    assertThat(r.headers().firstValue("x-custom")).hasValue("1");
    assertThat(r.body()).isEmpty();
    String[] ctx = get("/api/context").body().split(" ");
    assertThat(ctx[0]).isEqualTo("context");
    assertThat(UUID.fromString(ctx[1])).isNotNull();
    assertThat(ctx[2]).isEqualTo("Function.context");
    assertThat(get("/api/context").body()).isNotEqualTo(String.join(" ", ctx));
  }

  @Test
  void durableClientInputReachesTheFunction() throws Exception {
    HttpResponse<String> r = send("POST", "/api/orchestrations", null);
    assertThat(r.body()).isEqualTo("TestHub 202 http://127.0.0.1:" + server.port()
        + "/runtime/webhooks/durabletask/instances/abc?");
  }

  @Test
  void mountedHandlersServeTheirPrefix() throws Exception {
    assertThat(get("/runtime/webhooks/durabletask/instances/abc").body())
        .isEqualTo("durable /runtime/webhooks/durabletask/instances/abc");
  }

  // ------------------------------------------------------------------------------------- static

  @Test
  void staticFilesWithIndexAndContentTypes() throws Exception {
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<title>CV Generator</title>");
    assertThat(index.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(get("/index.html").body()).isEqualTo(index.body());
    assertThat(get("/app.js").headers().firstValue("content-type").orElseThrow()).contains("javascript");
    assertThat(get("/style.css").headers().firstValue("content-type").orElseThrow()).startsWith("text/css");
    assertThat(get("/sub/").body()).isEqualTo("<p>sub page</p>");
    assertThat(get("/missing.txt").statusCode()).isEqualTo(404);
    HttpResponse<String> emptyDir = get("/empty/");
    assertThat(emptyDir.statusCode()).isIn(403, 404);
    assertThat(emptyDir.body()).doesNotContain("Directory");
  }

  @Test
  void traversalOutOfTheStaticDirectoryFails() throws Exception {
    for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/sub/..%2f..%2fsecret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/api/../../secret.txt", "//secret.txt"}) {
      String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertThat(response).as(path).doesNotContain("TOP SECRET");
      assertThat(response).as(path).doesNotStartWith("HTTP/1.1 200");
    }
  }

  @Test
  void jettysOwnErrorsAreJsonToo() throws Exception {
    String response = raw("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response).contains("{\"error\":{\"code\":\"bad_request\"");
  }

  // -------------------------------------------------------------------------------- signed files

  @Test
  void validSignedLinkDownloadsTheBlob() throws Exception {
    URI link = links.link(BlobStore.OUTPUTS, "job-1/cv.docx", Duration.ofMinutes(5)).url();
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri(link.getRawPath() + "?" + link.getRawQuery())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(docx);
    assertThat(r.headers().firstValue("content-type"))
        .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(r.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"cv.docx\"");
    assertThat(r.headers().firstValue("cache-control")).hasValue("private, max-age=0");

    // names the file store would not take still get a safe header
    assertThat(SignedFileHandler.contentDisposition("d\u00e9j\u00e0 \"vu\".txt"))
        .isEqualTo("attachment; filename=\"d_j_ _vu_.txt\"; filename*=UTF-8''d%C3%A9j%C3%A0%20%22vu%22.txt");
  }

  @Test
  void expiredTamperedAndMissingLinksAreRefused() throws Exception {
    URI expired = links.link(BlobStore.OUTPUTS, "job-1/cv.docx", Duration.ofMinutes(-1)).url();
    assertError(get(expired.getRawPath() + "?" + expired.getRawQuery()), 403, "link_expired");

    URI valid = links.link(BlobStore.OUTPUTS, "job-1/cv.docx", Duration.ofMinutes(5)).url();
    String query = valid.getRawQuery();
    String sig = query.substring(query.indexOf("sig=") + 4);
    String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
    assertError(get(valid.getRawPath() + "?" + query.replace(sig, flipped)), 403, "invalid_link");
    assertError(get(valid.getRawPath().replace("job-1", "job-2") + "?" + query), 403, "invalid_link");
    String exp = query.substring(4, query.indexOf('&'));
    assertError(get(valid.getRawPath() + "?" + query.replace(exp, Long.toString(Long.parseLong(exp) + 3600))), 403,
        "invalid_link");
    assertError(get(valid.getRawPath()), 403, "invalid_link");

    URI gone = links.link(BlobStore.OUTPUTS, "job-9/cv.docx", Duration.ofMinutes(5)).url();
    assertError(get(gone.getRawPath() + "?" + gone.getRawQuery()), 404, "not_found");
    assertError(send("POST", valid.getRawPath() + "?" + query, "x"), 405, "method_not_allowed");
  }

  // ------------------------------------------------------------------------------------- startup

  @Test
  void startsAndAnswersQuickly() throws Exception {
    long t0 = System.nanoTime();
    FunctionCatalog catalog = FunctionCatalog.builder().packages(FunctionCatalogTest.PACKAGE)
        .injector(new TestInjector()).build();
    long scanned = System.nanoTime();
    try (HostServer s = HostServer.builder(catalog).build().start(0)) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/hello"))
          .build(), HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      assertThat(r.statusCode()).isEqualTo(200);
      System.out.printf("host start: catalog %d ms, server + first answer %d ms%n",
          (scanned - t0) / 1_000_000, (answered - scanned) / 1_000_000);
      assertThat(Duration.ofNanos(answered - t0)).isLessThan(Duration.ofSeconds(5));
      assertThat(s.baseUri().toString()).isEqualTo("http://localhost:" + s.port() + "/");
      // without a static directory, other paths are plain 404s
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/index.html")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aTakenPortIsAClearError() {
    HostServer second = HostServer.builder(FunctionCatalog.builder()
        .classes(com.cvgen.local.host.testfunctions.HttpFunctions.class).constructorsOnly().build()).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.start(server.port()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot start the HTTP server on 127.0.0.1:" + server.port());
    assertThat(second.isRunning()).isFalse();
  }

  /** Sends bytes as they are (no client-side path normalization) and reads until the server closes. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    }
  }
}
