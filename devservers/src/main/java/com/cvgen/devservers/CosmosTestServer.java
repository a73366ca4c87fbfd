package com.cvgen.devservers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Cosmos DB test server ({@code @vercel/cosmosdb-server}, installed in {@code tools/test-servers}
 * by {@code ./cvgen test}) on a free loopback port, behind a {@link QueryPlanProxy} that answers the
 * SDK's query-plan requests. Start one per test class, close it after. The SDK must connect in
 * gateway mode, with endpoint discovery off, any key, and without certificate validation: {@link
 * #start} sets {@code COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED}.
 *
 * <p>A missing server is a failure, not a skip: run {@code ./cvgen test} (or {@code npm ci} in
 * {@code tools/test-servers}).
 */
public final class CosmosTestServer implements AutoCloseable {
  /** The test server checks no key; this one has the shape of a real one. */
  public static final String KEY =
      "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

  private final Process process;
  private final QueryPlanProxy proxy;
  private final List<String> output;

  private CosmosTestServer(Process process, QueryPlanProxy proxy, List<String> output) {
    this.process = process;
    this.proxy = proxy;
    this.output = output;
  }

  /** Starts the server and its proxy on free ports; fails (never skips) when the server is not installed. */
  public static CosmosTestServer start() throws IOException {
    return start(Path.of(System.getProperty("test.servers.dir", "tools/test-servers")), 0);
  }

  /**
   * Starts the server from {@code toolsDir} (tools/test-servers) on a free port and its proxy on
   * {@code endpointPort} (0 for a free one): the endpoint the SDK connects to.
   */
  public static CosmosTestServer start(Path toolsDir, int endpointPort) throws IOException {
    System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
    Path pkg = toolsDir.resolve("node_modules/@vercel/cosmosdb-server");
    Path cli = pkg.resolve("lib/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException("the Cosmos DB test server is not installed (no " + cli
          + "): run ./cvgen test, or npm ci in tools/test-servers");
    }
    int port = freePort();
    // node runs the CLI directly (not the .bin shim), so destroying the process ends the server
    ProcessBuilder pb = new ProcessBuilder(node(), cli.toString(), "--port", Integer.toString(port),
        "--host", "127.0.0.1", "--no-ssl").redirectErrorStream(true);
    Process p = pb.start();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.add(line);
          if (line.contains("Ready to accept")) ready.complete(null);
        }
      } catch (IOException ignored) {
        // the process ended
      }
      ready.completeExceptionally(new IllegalStateException("the Cosmos DB test server ended: " + output));
    }, "cosmosdb-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(20, TimeUnit.SECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      p.destroyForcibly();
      throw new IllegalStateException("the Cosmos DB test server did not start: " + output, e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the Cosmos DB test server", e);
    }
    QueryPlanProxy proxy;
    try {
      proxy = new QueryPlanProxy(URI.create("http://127.0.0.1:" + port + "/"), pkg.resolve("cert.pem"),
          pkg.resolve("key.pem"), endpointPort);
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      throw e;
    }
    return new CosmosTestServer(p, proxy, output);
  }

  /** The endpoint for the SDK (the proxy), e.g. {@code https://127.0.0.1:40123/}. */
  public String endpoint() {
    return proxy.endpoint().toString();
  }

  public QueryPlanProxy proxy() {
    return proxy;
  }

  /** What the server printed (errors land here). */
  public List<String> output() {
    return List.copyOf(output);
  }

  private static String node() {
    String explicit = System.getenv("NODE");
    return explicit != null && !explicit.isBlank() ? explicit : "node";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    proxy.close();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
