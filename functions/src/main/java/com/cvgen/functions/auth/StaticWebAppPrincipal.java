package com.cvgen.functions.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user an Azure Static Web App signed in, from the {@code x-ms-client-principal} header it adds
 * to requests it forwards to its linked backend: base64 of {@code {"identityProvider", "userId",
 * "userDetails", "userRoles": [...]}}. Only a user with the role {@code authenticated} is accepted.
 *
 * <p>The principal's subject is {@code swa:<identityProvider>:<userId>}: it can never equal an
 * Entra {@code oid}/{@code sub} (a GUID or an opaque string without that prefix), so a Static Web
 * Apps user and a bearer-token user are always different owners of jobs, even for the same person.
 * Its name is {@code userDetails} (the user name or e-mail), else the subject.
 *
 * <p>The header is only as trustworthy as the path to the app: anyone who reaches the Function App
 * directly can send it. It is read only when {@code CVGEN_AUTH_TRUST_STATIC_WEB_APP} is true, which
 * is safe only when the Function App accepts traffic from its linked Static Web App alone.
 */
public final class StaticWebAppPrincipal {
  /** The header a Static Web App adds for a signed-in user. */
  public static final String HEADER = "x-ms-client-principal";
  /** The subject prefix of Static Web Apps users. */
  public static final String SUBJECT_PREFIX = "swa:";
  static final String AUTHENTICATED_ROLE = "authenticated";
  /** Static Web Apps' principal is well under 1 KB; longer headers are not decoded at all. */
  static final int MAX_HEADER_LENGTH = 8 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern USER_ID = Pattern.compile("[\\x21-\\x7e]{1,256}");

  private StaticWebAppPrincipal() {}

  /** The header's value (names in any case), or null when there is none. */
  static String header(Map<String, String> headers) {
    if (headers == null) return null;
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(HEADER)) return e.getValue();
    }
    return null;
  }

  /**
   * The principal of a header value.
   *
   * @throws AuthException {@code invalid_token} when it is not a base64 JSON principal of an
   *     authenticated user
   */
  public static Principal parse(String headerValue) throws AuthException {
    if (headerValue == null || headerValue.isBlank()) throw invalid("the " + HEADER + " header is empty");
    if (headerValue.length() > MAX_HEADER_LENGTH) throw invalid("the " + HEADER + " header is too long");
    JsonNode node;
    try {
      byte[] json = Base64.getDecoder().decode(headerValue.strip());
      node = JSON.readTree(json);
    } catch (IllegalArgumentException | IOException e) {
      throw invalid("the " + HEADER + " header is not base64-encoded JSON");
    }
    if (node == null || !node.isObject()) throw invalid("the " + HEADER + " header is not a JSON object");
    String provider = text(node, "identityProvider");
    String userId = text(node, "userId");
    if (provider == null || !PROVIDER.matcher(provider).matches()) {
      throw invalid("the " + HEADER + " header names no valid identityProvider");
    }
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      throw invalid("the " + HEADER + " header names no valid userId");
    }
    boolean authenticated = false;
    JsonNode roles = node.get("userRoles");
    if (roles != null && roles.isArray()) {
      for (JsonNode r : roles) authenticated |= r.isTextual() && r.asText().equals(AUTHENTICATED_ROLE);
    }
    if (!authenticated) throw invalid("the Static Web Apps user is not signed in (no role 'authenticated')");
    String name = text(node, "userDetails");
    if (name != null) name = name.replaceAll("\\p{Cntrl}", "");
    if (name != null && name.length() > 256) name = name.substring(0, 256);
    return new Principal(SUBJECT_PREFIX + provider.toLowerCase(java.util.Locale.ROOT) + ":" + userId, name);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
  }

  private static AuthException invalid(String message) {
    return new AuthException(AuthException.INVALID_TOKEN, message);
  }
}
