package com.cvgen.functions.auth;

import java.util.Objects;
import java.util.Set;

/**
 * A request that is not authenticated: HTTP 401. The {@link #code()} is one of {@link
 * #MISSING_TOKEN}, {@link #INVALID_TOKEN}, {@link #TOKEN_EXPIRED}; the message is for people and
 * never contains the token.
 */
public final class AuthException extends Exception {
  /** No {@code Authorization: Bearer <token>} header. */
  public static final String MISSING_TOKEN = "missing_token";
  /** A token that is malformed, wrongly signed, for another issuer or audience, or not valid yet. */
  public static final String INVALID_TOKEN = "invalid_token";
  /** A well-formed, correctly signed token past its expiry. */
  public static final String TOKEN_EXPIRED = "token_expired";

  private static final Set<String> CODES = Set.of(MISSING_TOKEN, INVALID_TOKEN, TOKEN_EXPIRED);

  private final String code;

  public AuthException(String code, String message) {
    this(code, message, null);
  }

  public AuthException(String code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    if (!CODES.contains(code)) throw new IllegalArgumentException("unknown auth error code: " + code);
    this.code = code;
  }

  /** {@code missing_token}, {@code invalid_token} or {@code token_expired}. */
  public String code() {
    return code;
  }

  /**
   * The {@code WWW-Authenticate} header value for the 401 response (RFC 6750 section 3): no error
   * code when the token is missing, {@code error="invalid_token"} otherwise (expiry included).
   */
  public String wwwAuthenticate() {
    if (code.equals(MISSING_TOKEN)) return "Bearer";
    String description = getMessage().replaceAll("[^\\x20-\\x7e]", " ").replace("\\", "/").replace('"', '\'');
    return "Bearer error=\"invalid_token\", error_description=\"" + description + "\"";
  }
}
