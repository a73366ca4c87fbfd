package com.cvgen.functions.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on loopback that serves the public halves of whatever keys it is given. */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile JWKSet keys = new JWKSet();
  private volatile boolean hang;
  private volatile boolean fail;

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "jwks-test-server");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/keys", exchange -> {
      requests.incrementAndGet();
      try (exchange) {
        if (hang) {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return;
        }
        if (fail) {
          exchange.sendResponseHeaders(500, -1);
          return;
        }
        byte[] body = keys.toString(true).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
  }

  /** Serves these keys (their public parts) from now on. */
  JwksServer serve(JWK... jwks) {
    keys = new JWKSet(List.of(jwks)).toPublicJWKSet();
    return this;
  }

  /** Accepts connections but never answers. */
  void hang() {
    hang = true;
  }

  /** Answers 500 while {@code failing}. */
  void fail(boolean failing) {
    fail = failing;
  }

  int requests() {
    return requests.get();
  }

  URL url() {
    try {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keys").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
