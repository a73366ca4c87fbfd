package com.cvgen.functions.auth;

import java.util.Map;
import java.util.Objects;

/**
 * Authenticates an HTTP request by its {@code Authorization: Bearer <token>} header; and, when told
 * to trust a linked Azure Static Web App, a request without that header by the Static Web App's
 * {@link StaticWebAppPrincipal} header.
 */
public final class BearerAuth {
  private final TokenVerifier verifier;
  private final boolean trustStaticWebApp;

  public BearerAuth(TokenVerifier verifier) {
    this(verifier, false);
  }

  /**
   * @param trustStaticWebApp whether a request with no Authorization header may be authenticated by
   *     {@code x-ms-client-principal}; only safe when the app takes traffic from its linked Static
   *     Web App alone (otherwise anyone can forge the header)
   */
  public BearerAuth(TokenVerifier verifier, boolean trustStaticWebApp) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.trustStaticWebApp = trustStaticWebApp;
  }

  public boolean trustsStaticWebApp() {
    return trustStaticWebApp;
  }

  /**
   * From the request headers (header names in any case): the principal, or {@link AuthException}
   * {@code missing_token} when there is no Authorization header or it is not {@code Bearer
   * <token>} (scheme in any case, any spaces around the token), else the verifier's verdict.
   *
   * <p>When trusting a Static Web App and the request has no Authorization header at all, its
   * {@code x-ms-client-principal} decides instead ({@code invalid_token} when it is malformed or
   * not a signed-in user). A bearer token, when sent, always wins; without the trust the principal
   * header is ignored.
   */
  public Principal authenticate(Map<String, String> headers) throws AuthException {
    if (trustStaticWebApp && !hasAuthorization(headers)) {
      String principal = StaticWebAppPrincipal.header(headers);
      if (principal != null) return StaticWebAppPrincipal.parse(principal);
    }
    return verifier.verify(token(headers));
  }

  private static boolean hasAuthorization(Map<String, String> headers) {
    if (headers == null) return false;
    for (String name : headers.keySet()) {
      if (name != null && name.equalsIgnoreCase("Authorization")) return true;
    }
    return false;
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
