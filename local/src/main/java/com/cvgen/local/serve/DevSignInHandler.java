package com.cvgen.local.serve;

import com.cvgen.core.json.Json;
import com.cvgen.functions.auth.LocalTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import com.cvgen.local.host.JsonErrors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The embedded host's development sign-in, the local stand-in for Static Web Apps' {@code /.auth}
 * (mounted only when {@code CVGEN_AUTH_MODE} is {@code local}):
 *
 * <ul>
 *   <li>{@code GET /.auth/me}: {@code {"clientPrincipal":null,"devSignIn":"/_host/signin"}}: where
 *       Static Web Apps names the signed-in user, the embedded host names its sign-in (the token is
 *       the tab's, the host does not know it), so the web app learns that it runs here;
 *   <li>{@code GET /_host/signin}: {@code {"signIn":"local"}};
 *   <li>{@code POST /_host/signin} with {@code {"user":"NAME"}} (JSON): a bearer token for that
 *       user, minted exactly as {@code ./cvgen token} does ({@link LocalTokens}, 8 hours): {@code
 *       {"token","user","expiresAt"}}.
 * </ul>
 *
 * There is no password: whoever can reach it can be anyone, so it answers callers on this machine
 * only (403 otherwise), like {@code ./cvgen token}, which needs the data directory. The token is in
 * the response body only: a page of another origin cannot read it, and a JSON body cannot be sent
 * by a plain cross-site form.
 */
final class DevSignInHandler extends Handler.Abstract {
  static final String PATH = "/_host/signin";
  /** Static Web Apps' "who am I" address; here it tells the web app to use the development sign-in. */
  static final String ME = "/.auth/me";
  static final Duration TTL = Duration.ofHours(8);
  private static final int MAX_BODY = 4096;

  private final LocalTokens tokens;
  private final Clock clock;

  DevSignInHandler(LocalTokens tokens, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (ME.equals(path) && (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
      Map<String, Object> me = new LinkedHashMap<>();
      me.put("clientPrincipal", null);
      me.put("devSignIn", PATH);
      write(response, callback, 200, me);
      return true;
    }
    if (!PATH.equals(path)) return false;
    if (!fromThisMachine(request)) {
      error(response, callback, 403, "forbidden", "the development sign-in is only offered to callers on this machine");
      return true;
    }
    switch (request.getMethod()) {
      case "GET", "HEAD" -> write(response, callback, 200, Map.of("signIn", "local"));
      case "POST" -> signIn(request, response, callback);
      default -> {
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
        error(response, callback, 405, "method_not_allowed", "Method " + request.getMethod() + " is not allowed here");
      }
    }
    return true;
  }

  private void signIn(Request request, Response response, Callback callback) throws Exception {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      error(response, callback, 415, "unsupported_media_type", "send {\"user\": \"NAME\"} as application/json");
      return;
    }
    if (request.getLength() > MAX_BODY) {
      error(response, callback, 413, "payload_too_large", "the sign-in request is too large");
      return;
    }
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    if (body.length() > MAX_BODY) {
      error(response, callback, 413, "payload_too_large", "the sign-in request is too large");
      return;
    }
    String user;
    try {
      JsonNode json = Json.mapper().readTree(body);
      user = json == null ? null : json.path("user").asText(null);
    } catch (java.io.IOException e) {
      error(response, callback, 400, "bad_request", "the body is not JSON: send {\"user\": \"NAME\"}");
      return;
    }
    user = user == null ? "" : user.strip();
    String token;
    try {
      token = tokens.mint(user, TTL);
    } catch (IllegalArgumentException e) {
      error(response, callback, 400, "invalid_user", e.getMessage());
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", token);
    out.put("user", user);
    out.put("expiresAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(TTL).toString());
    write(response, callback, 200, out);
  }

  private static boolean fromThisMachine(Request request) {
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    return address != null && address.isLoopbackAddress();
  }

  private static void error(Response response, Callback callback, int status, String code, String message) {
    JsonErrors.write(response, callback, status, code, message);
  }

  private static void write(Response response, Callback callback, int status, Object body) throws Exception {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    JsonErrors.secure(response); // no-store, nosniff, the API's CSP
    response.write(true, ByteBuffer.wrap(Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8)),
        callback);
  }
}
