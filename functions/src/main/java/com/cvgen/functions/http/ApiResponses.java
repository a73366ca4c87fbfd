package com.cvgen.functions.http;

import com.cvgen.core.CvInputException;
import com.cvgen.core.json.Json;
import com.cvgen.functions.auth.AuthException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Responses of the API: JSON bodies written by Jackson (as text, so every host sends the same
 * bytes), never cached, with the {@link SecurityHeaders}, and errors always as {@code
 * {"error":{"code","message"}}}.
 */
public final class ApiResponses {
  private ApiResponses() {}

  public static HttpResponseMessage json(HttpRequestMessage<?> request, HttpStatus status, Object body) {
    return json(request, status, body, Map.of());
  }

  /** A JSON response with further headers (Location, WWW-Authenticate, ...). */
  public static HttpResponseMessage json(HttpRequestMessage<?> request, HttpStatus status, Object body,
      Map<String, String> headers) {
    String text;
    try {
      text = Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
    HttpResponseMessage.Builder b = builder(request, status)
        .header("Content-Type", "application/json; charset=utf-8");
    headers.forEach(b::header);
    return b.body(text).build();
  }

  /** A response builder with the security headers already set (for responses without a JSON body). */
  public static HttpResponseMessage.Builder builder(HttpRequestMessage<?> request, HttpStatus status) {
    HttpResponseMessage.Builder b = request.createResponseBuilder(status);
    SecurityHeaders.forRequest(request.getUri(), CvApi.header(request, "x-forwarded-proto")).forEach(b::header);
    return b;
  }

  /** 429 {@code rate_limited} with {@code Retry-After} in whole seconds. */
  public static HttpResponseMessage tooManyRequests(HttpRequestMessage<?> request, long retryAfterSeconds,
      String message) {
    return json(request, HttpStatus.TOO_MANY_REQUESTS, errorBody("rate_limited", message),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  public static HttpResponseMessage error(HttpRequestMessage<?> request, HttpStatus status, String code,
      String message) {
    return json(request, status, errorBody(code, message));
  }

  private static Map<String, Object> errorBody(String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    return Map.of("error", error);
  }

  /** 401 with the challenge a bearer-token API sends (RFC 6750). */
  public static HttpResponseMessage unauthorized(HttpRequestMessage<?> request, AuthException e) {
    return json(request, HttpStatus.UNAUTHORIZED, errorBody(e.code(), e.getMessage()),
        Map.of("WWW-Authenticate", e.wwwAuthenticate()));
  }

  public static HttpResponseMessage notFound(HttpRequestMessage<?> request, String what) {
    return error(request, HttpStatus.NOT_FOUND, "not_found", what);
  }

  /** The status for a problem with the uploaded input. */
  public static HttpStatus statusOf(CvInputException.Code code) {
    return switch (code) {
      case FILE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case NOT_PDF -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case EMPTY_FILE, UNSUPPORTED_LANGUAGE -> HttpStatus.BAD_REQUEST;
      default -> HttpStatus.UNPROCESSABLE_ENTITY;
    };
  }

  public static HttpResponseMessage inputError(HttpRequestMessage<?> request, CvInputException e) {
    return error(request, statusOf(e.code()), e.code().id(), e.getMessage());
  }
}
