package com.cvgen.devservers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS front for the Cosmos DB test server. The Java SDK asks the gateway for a query plan
 * before it runs a query (a POST to {@code .../docs} with {@code x-ms-cosmos-is-query-plan-request:
 * True}); the test server has no query planner, so this proxy answers those requests itself with a
 * plan that needs no client-side work (no ORDER BY merge, aggregates, offset, limit or distinct):
 * every query here is scoped to one partition, whose server sorts and pages it. All other requests
 * are forwarded to the test server (plain HTTP on loopback), unchanged but for one server bug: a
 * point read of a missing document, which the server answers 500, is answered 404 as Cosmos DB does.
 *
 * <p>TLS uses the test server's own self-signed certificate ({@code cert.pem}, {@code key.pem} in its
 * package), so the SDK must run with {@code COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED}.
 */
public final class QueryPlanProxy implements AutoCloseable {
  /** The plan: one range covering every partition, nothing for the client to merge. */
  static final String QUERY_PLAN = """
      {"partitionedQueryExecutionInfoVersion":2,
       "queryInfo":{"distinctType":"None","top":null,"offset":null,"limit":null,
         "orderBy":[],"orderByExpressions":[],"groupByExpressions":[],"groupByAliases":[],
         "aggregates":[],"groupByAliasToAggregateType":{},"rewrittenQuery":"",
         "hasSelectValue":false,"dCountInfo":null,"hasNonStreamingOrderBy":false},
       "queryRanges":[{"min":"","max":"FF","isMinInclusive":true,"isMaxInclusive":false}]}""";

  private static final String NOT_FOUND =
      "{\"code\":\"NotFound\",\"message\":\"Entity with the specified id does not exist in the system.\"}";
  private static final java.util.regex.Pattern DOCUMENT_PATH =
      java.util.regex.Pattern.compile("/+dbs/[^/]+/colls/[^/]+/docs/[^/]+/?");

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host",
      "upgrade", "transfer-encoding", "keep-alive");

  private final HttpsServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final URI target;
  private final AtomicInteger queryPlans = new AtomicInteger();
  private final AtomicInteger missingDocumentReads = new AtomicInteger();

  /** Listens on a free loopback port, forwards to {@code target} (http://host:port). */
  public QueryPlanProxy(URI target, Path certPem, Path keyPem) throws IOException {
    this(target, certPem, keyPem, 0);
  }

  /** Listens on {@code port} of the loopback address (0 for a free one), forwards to {@code target}. */
  public QueryPlanProxy(URI target, Path certPem, Path keyPem, int port) throws IOException {
    this.target = target;
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "cosmos-query-plan-proxy");
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(sslContext(certPem, keyPem)));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Where the SDK connects: {@code https://127.0.0.1:port}. */
  public URI endpoint() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** How many reads of missing documents were answered 404 instead of the server's 500. */
  public int missingDocumentReads() {
    return missingDocumentReads.get();
  }

  /** How many query plans were answered. */
  public int queryPlans() {
    return queryPlans.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      if ("true".equalsIgnoreCase(ex.getRequestHeaders().getFirst("x-ms-cosmos-is-query-plan-request"))) {
        queryPlans.incrementAndGet();
        byte[] plan = QUERY_PLAN.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("x-ms-request-charge", "0");
        ex.getResponseHeaders().set("x-ms-activity-id", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(200, plan.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(plan);
        }
        return;
      }
      HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().getRawPath()
              + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())))
          .timeout(Duration.ofSeconds(30))
          .method(ex.getRequestMethod(), body.length == 0 && !"POST".equals(ex.getRequestMethod())
              && !"PUT".equals(ex.getRequestMethod()) ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
        if (HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) continue;
        for (String v : h.getValue()) forward.header(h.getKey(), v);
      }
      HttpResponse<InputStream> r;
      try {
        r = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ex.sendResponseHeaders(503, -1);
        return;
      } catch (IOException e) {
        ex.sendResponseHeaders(503, -1);
        return;
      }
      byte[] answer;
      try (InputStream in = r.body()) {
        answer = in.readAllBytes();
      }
      if (isMissingDocumentCrash(ex, r.statusCode(), answer)) {
        missingDocumentReads.incrementAndGet();
        byte[] notFound = NOT_FOUND.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("x-ms-request-charge", "1");
        ex.getResponseHeaders().set("x-ms-activity-id", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(404, notFound.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(notFound);
        }
        return;
      }
      for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
        String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith(":") || HOP_BY_HOP.contains(name)) continue;
        ex.getResponseHeaders().put(h.getKey(), h.getValue());
      }
      boolean noBody = r.statusCode() == 204 || r.statusCode() == 304 || "HEAD".equals(ex.getRequestMethod());
      ex.sendResponseHeaders(r.statusCode(), noBody ? -1 : (answer.length == 0 ? -1 : answer.length));
      if (!noBody && answer.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  /**
   * The test server (1.0.1) answers a point read of a missing document with 500 ("Cannot read
   * properties of undefined"): it looks the item up, then reads a field of nothing. Cosmos DB answers
   * 404, so this proxy does too.
   */
  private static boolean isMissingDocumentCrash(HttpExchange ex, int status, byte[] body) {
    return status == 500 && "GET".equals(ex.getRequestMethod())
        && DOCUMENT_PATH.matcher(ex.getRequestURI().getRawPath()).matches()
        && new String(body, StandardCharsets.UTF_8).contains("Cannot read properties of undefined");
  }

  private static SSLContext sslContext(Path certPem, Path keyPem) throws IOException {
    try {
      Certificate cert;
      try (InputStream in = Files.newInputStream(certPem)) {
        cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      PrivateKey key = KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(keyPem), "PRIVATE KEY")));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = "test".toCharArray();
      ks.setKeyEntry("proxy", key, pw, new Certificate[] {cert});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pw);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      return ssl;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot load the test server's certificate: " + e, e);
    }
  }

  private static byte[] pemBody(String pem, String type) {
    int start = pem.indexOf("-----BEGIN " + type + "-----");
    int end = pem.indexOf("-----END " + type + "-----");
    if (start < 0 || end < 0) throw new IllegalArgumentException("no " + type + " in the PEM file");
    String b64 = pem.substring(start + ("-----BEGIN " + type + "-----").length(), end).replaceAll("\\s", "");
    return Base64.getDecoder().decode(b64);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
