package com.cvgen.local.host;

import com.cvgen.functions.http.SecurityHeaders;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Error responses of the host: {@code {"error":{"code":"...","message":"..."}}}, never a stack
 * trace, with the API's {@link SecurityHeaders}. Also the server's error handler, so Jetty's own
 * errors (bad URIs, unknown paths) look the same.
 */
public final class JsonErrors extends ErrorHandler {
  static final String JSON = "application/json; charset=utf-8";

  static String body(String code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return root.toString();
  }

  /**
   * Completes the exchange with a JSON error. When the request has a body the handler did not read,
   * the connection is closed after the response (and the client told so), so that a keep-alive
   * client never reuses a connection the server is about to drop.
   */
  static void write(Request request, Response response, Callback callback, int status, String code,
      String message) {
    if (hasBody(request)) response.getHeaders().put(HttpHeader.CONNECTION, "close");
    write(response, callback, status, code, message);
  }

  static boolean hasBody(Request request) {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  /** Completes the exchange with a JSON error (the request body, if any, was read). */
  public static void write(Response response, Callback callback, int status, String code, String message) {
    response.setStatus(status);
    secure(response);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    byte[] bytes = body(code, message).getBytes(StandardCharsets.UTF_8);
    response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
  }

  /** The security headers (HSTS only on a secure connection). */
  public static void secure(Response response) {
    SecurityHeaders.ALWAYS.forEach(response.getHeaders()::put);
    if (response.getRequest().isSecure()) {
      response.getHeaders().put(SecurityHeaders.HSTS_NAME, SecurityHeaders.HSTS_VALUE);
    }
  }

  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 413 -> "file_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 431 -> "headers_too_large";
      case 500 -> "internal_error";
      case 501 -> "not_implemented";
      case 503 -> "unavailable";
      default -> "http_" + status;
    };
  }

  static String messageFor(int status) {
    String m = org.eclipse.jetty.http.HttpStatus.getMessage(status);
    return m == null ? "HTTP " + status : m;
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    secure(response);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    Content.Sink.write(response, true, body(codeFor(code), messageFor(code)), callback);
  }
}
