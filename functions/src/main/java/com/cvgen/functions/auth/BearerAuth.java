package com.cvgen.functions.auth;

import java.util.Map;
import java.util.Objects;

/** Authenticates an HTTP request by its {@code Authorization: Bearer <token>} header. */
public final class BearerAuth {
  private final TokenVerifier verifier;

  public BearerAuth(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /**
   * From the request headers (header names in any case): the principal, or {@link AuthException}
   * {@code missing_token} when there is no Authorization header or it is not {@code Bearer
   * <token>} (scheme in any case, any spaces around the token), else the verifier's verdict.
   */
  public Principal authenticate(Map<String, String> headers) throws AuthException {
    return verifier.verify(token(headers));
  }

  /** The token of the Authorization header. */
  static String token(Map<String, String> headers) throws AuthException {
    String value = null;
    if (headers != null) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey() == null || !e.getKey().equalsIgnoreCase("Authorization")) continue;
        if (value != null) throw missing("more than one Authorization header");
        value = e.getValue() == null ? "" : e.getValue();
      }
    }
    if (value == null) throw missing("no Authorization header; send 'Authorization: Bearer <token>'");
    String[] parts = value.strip().split("[ \t]+");
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw missing("the Authorization header is not of the form 'Bearer <token>'");
    }
    return parts[1];
  }

  private static AuthException missing(String message) {
    return new AuthException(AuthException.MISSING_TOKEN, message);
  }
}
