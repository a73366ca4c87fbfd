package com.cvgen.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.FileBlobStore;
import com.cvgen.core.pipeline.SignedLinks;
import com.cvgen.functions.wiring.Settings;
import com.cvgen.local.host.FunctionCatalog;
import com.cvgen.local.host.HostServer;
import com.cvgen.local.serve.EmbeddedHost;
import com.cvgen.local.serve.LocalSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded host serving the web app ({@code static-web/}) the way Azure Static Web Apps does:
 * the headers of {@code staticwebapp.config.json} on every static response (read from the file, so
 * the two cannot drift), its navigation fallback, the development sign-in standing in for {@code
 * /.auth}, and download responses that let the dashboard run in the app's sandboxed frame.
 */
class WebHostTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WEB = Path.of(System.getProperty("project.root", "..")).resolve("static-web")
      .toAbsolutePath().normalize();

  @TempDir static Path data;
  static EmbeddedHost host;
  static HttpClient http;
  static JsonNode config;

  @BeforeAll
  static void start() throws Exception {
    config = JSON.readTree(WEB.resolve("staticwebapp.config.json").toFile());
    Settings settings = LocalSettings.load(null, data, Map.of(), Map.of());
    host = EmbeddedHost.start(new EmbeddedHost.Options(data, 0, "127.0.0.1", WEB, settings, null));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    if (host != null) host.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String type, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(host.baseUri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) b.header("Content-Type", type);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> globalHeaders() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = config.get("globalHeaders").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  private static void assertCarries(HttpHeaders headers, Map<String, String> expected, String what) {
    expected.forEach((name, value) ->
        assertThat(headers.allValues(name)).as(what + ": " + name).containsExactly(value));
  }

  // ------------------------------------------------------------------------- the config itself

  @Test
  void theConfigAsksForTheSecurityHeadersTheIssueNames() {
    Map<String, String> h = globalHeaders();
    String csp = h.get("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
    assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
    // the dashboard comes from this host locally and from Blob Storage in Azure
    assertThat(csp).contains("frame-src 'self' https://*.blob.core.windows.net");
    assertThat(h).containsEntry("X-Content-Type-Options", "nosniff").containsKey("Referrer-Policy");
    assertThat(config.at("/navigationFallback/rewrite").asText()).isEqualTo("/index.html");
    assertThat(config.at("/auth/identityProviders/azureActiveDirectory/registration/clientIdSettingName").asText())
        .isNotBlank();
    boolean apiNeedsSignIn = false;
    for (JsonNode r : config.get("routes")) {
      if (r.path("route").asText().equals("/api/*")) {
        apiNeedsSignIn = r.path("allowedRoles").toString().contains("authenticated");
      }
    }
    assertThat(apiNeedsSignIn).as("/api/* for signed-in users only").isTrue();
  }

  // ---------------------------------------------------------------------------- static files

  @Test
  void everyStaticResponseCarriesTheConfigsHeaders() throws Exception {
    Map<String, String> global = globalHeaders();
    for (String path : new String[] {"", "index.html", "js/app.js", "js/views/job.js", "css/app.css", "i18n/de.json",
        "favicon.svg"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertCarries(r.headers(), global, "/" + path);
    }
    // and the route headers on top
    assertThat(get("index.html").headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(get("js/app.js").headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
  }

  @Test
  void appPathsFallBackToIndexHtmlButFilesAndServerPathsDoNot() throws Exception {
    String index = get("index.html").body();
    for (String path : new String[] {"upload", "jobs", "jobs/" + UUID.randomUUID(), "signin?next=%2Fjobs"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isEqualTo(index);
      assertCarries(r.headers(), globalHeaders(), "/" + path);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }
    // excluded by the config: a missing script or stylesheet is a 404, not the page
    assertThat(get("js/missing.js").statusCode()).isEqualTo(404);
    assertThat(get("missing.css").statusCode()).isEqualTo(404);
    assertThat(get("api/v1/nothing-here").statusCode()).isEqualTo(404);
    // the config is the deployment's, not a file of the site (SWA does not serve it either)
    assertThat(get("staticwebapp.config.json").statusCode()).isEqualTo(404);
  }

  // ------------------------------------------------------------------------ development sign-in

  @Test
  void authMeNamesTheDevelopmentSignIn() throws Exception {
    HttpResponse<String> r = get(".auth/me");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode me = JSON.readTree(r.body());
    assertThat(me.has("clientPrincipal") && me.get("clientPrincipal").isNull()).isTrue();
    assertThat(me.get("devSignIn").asText()).isEqualTo("/_host/signin");
    assertThat(JSON.readTree(get("_host/signin").body()).get("signIn").asText()).isEqualTo("local");
  }

  @Test
  void signInMintsATokenTheApiTakes() throws Exception {
    HttpResponse<String> r = post("_host/signin", "application/json", "{\"user\":\"erin\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("user").asText()).isEqualTo("erin");
    assertThat(java.time.Instant.parse(body.get("expiresAt").asText()))
        .isAfter(java.time.Instant.now().plus(Duration.ofHours(7)));
    String token = body.get("token").asText();
    HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(host.baseUri().resolve("api/v1/cv/jobs"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(jobs.statusCode()).as(jobs.body()).isEqualTo(200);
    assertThat(JSON.readTree(jobs.body()).get("jobs").isArray()).isTrue();
  }

  @Test
  void badSignInRequestsAreClearErrors() throws Exception {
    HttpResponse<String> name = post("_host/signin", "application/json", "{\"user\":\"no spaces\"}");
    assertThat(name.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(name.body()).at("/error/code").asText()).isEqualTo("invalid_user");
    HttpResponse<String> empty = post("_host/signin", "application/json", "{}");
    assertThat(empty.statusCode()).isEqualTo(400);
    HttpResponse<String> notJson = post("_host/signin", "application/json", "user=x");
    assertThat(JSON.readTree(notJson.body()).at("/error/code").asText()).isEqualTo("bad_request");
    // a plain cross-site form cannot send JSON: form bodies are refused
    HttpResponse<String> form = post("_host/signin", "application/x-www-form-urlencoded", "user=mallory");
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(form.body()).at("/error/code").asText()).isEqualTo("unsupported_media_type");
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(host.baseUri().resolve("_host/signin"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(405);
  }

  @Test
  void withEntraIdThereIsNoDevelopmentSignIn(@TempDir Path other) throws Exception {
    Settings entra = LocalSettings.load(null, other, Map.of(), Map.of(Settings.AUTH_MODE, "entra",
        Settings.ENTRA_TENANT_ID, "00000000-0000-0000-0000-000000000001", Settings.ENTRA_AUDIENCE, "api://cvgen"));
    try (EmbeddedHost h = EmbeddedHost.start(new EmbeddedHost.Options(other, 0, "127.0.0.1", WEB, entra, null))) {
      for (String path : new String[] {"_host/signin", ".auth/me"}) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(h.baseUri().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(404);
      }
    }
  }

  // ------------------------------------------------------------------------------ the dashboard

  @Test
  void theDashboardIsServedInlineInASandboxAndOtherFilesAsAttachments(@TempDir Path dir) throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    blobs.put(BlobStore.OUTPUTS, "job-1/dashboard.html", "text/html; charset=utf-8",
        "<!DOCTYPE html><title>d</title><script>1</script>".getBytes(StandardCharsets.UTF_8));
    blobs.put(BlobStore.OUTPUTS, "job-1/cv.docx", "application/octet-stream", new byte[] {1, 2, 3});
    Files.createDirectories(dir.resolve("web"));
    Files.copy(WEB.resolve("staticwebapp.config.json"), dir.resolve("web/staticwebapp.config.json"));
    Files.writeString(dir.resolve("web/index.html"), "<!DOCTYPE html><title>app</title>");
    SignedLinks links = new SignedLinks("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
        URI.create("http://localhost/"), Clock.systemUTC());
    FunctionCatalog none = FunctionCatalog.builder()
        .classes(com.cvgen.local.host.testfunctions.HttpFunctions.class).constructorsOnly().build();
    try (HostServer s = HostServer.builder(none).staticDir(dir.resolve("web")).signedFiles(blobs, links).build().start(0)) {
      URI base = URI.create("http://127.0.0.1:" + s.port() + "/");
      URI html = links.link(BlobStore.OUTPUTS, "job-1/dashboard.html", Duration.ofMinutes(5)).url();
      HttpResponse<String> d = http.send(HttpRequest.newBuilder(base.resolve(html.getRawPath() + "?" + html.getRawQuery()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(d.statusCode()).isEqualTo(200);
      assertThat(d.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"dashboard.html\"");
      // its own origin (sandbox), framable by the app, and none of the app's headers that would
      // stop its inline scripts (its own meta policy allows them by hash) or its framing
      assertThat(d.headers().allValues("Content-Security-Policy"))
          .containsExactly("sandbox allow-scripts; frame-ancestors 'self'");
      assertThat(d.headers().firstValue("X-Frame-Options")).isEmpty();
      assertThat(d.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

      URI docx = links.link(BlobStore.OUTPUTS, "job-1/cv.docx", Duration.ofMinutes(5)).url();
      HttpResponse<String> w = http.send(HttpRequest.newBuilder(base.resolve(docx.getRawPath() + "?" + docx.getRawQuery()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(w.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"cv.docx\"");
      assertThat(w.headers().firstValue("Content-Security-Policy")).isEmpty();

      // while the app's page itself carries the config's headers
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
      assertCarries(page.headers(), globalHeaders(), "/");
    }
  }
}
