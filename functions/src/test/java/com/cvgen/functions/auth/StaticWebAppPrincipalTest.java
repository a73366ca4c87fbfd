package com.cvgen.functions.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticWebAppPrincipalTest {
  /** What a Static Web App sends for a user signed in with Entra ID (its documented shape). */
  static final String SIGNED_IN = "{\"identityProvider\":\"aad\",\"userId\":\"d75b260a64504067bfc5b2905e3b8182\","
      + "\"userDetails\":\"dora@example.com\",\"userRoles\":[\"anonymous\",\"authenticated\"],"
      + "\"claims\":[{\"typ\":\"name\",\"val\":\"Dora\"}]}";

  static String encode(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A verifier that must not be asked: the bearer path is not taken. */
  private static final TokenVerifier NEVER = token -> {
    throw new AssertionError("the token verifier was asked for " + token);
  };

  @Test
  void aSignedInUserIsThePrincipalWithAPrefixedSubject() throws Exception {
    Principal p = StaticWebAppPrincipal.parse(encode(SIGNED_IN));
    assertThat(p.subject()).isEqualTo("swa:aad:d75b260a64504067bfc5b2905e3b8182");
    assertThat(p.name()).isEqualTo("dora@example.com");
    // without padding, as some proxies pass it
    assertThat(StaticWebAppPrincipal.parse(encode(SIGNED_IN).replace("=", "")).subject()).startsWith("swa:aad:");
  }

  @Test
  void aUserWithoutTheAuthenticatedRoleIsRefused() {
    String anonymous = SIGNED_IN.replace("\"anonymous\",\"authenticated\"", "\"anonymous\"");
    AuthException e = catchThrowableOfType(AuthException.class, () -> StaticWebAppPrincipal.parse(encode(anonymous)));
    assertThat(e.code()).isEqualTo(AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("authenticated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64 at all!", "bm90IGpzb24=", "WzEsMl0=", "e30=",
      "eyJpZGVudGl0eVByb3ZpZGVyIjoiYWFkIiwidXNlclJvbGVzIjpbImF1dGhlbnRpY2F0ZWQiXX0="})
  void malformedPrincipalsAreInvalid(String value) {
    // "not json", "[1,2]", "{}", a principal without userId
    AuthException e = catchThrowableOfType(AuthException.class, () -> StaticWebAppPrincipal.parse(value));
    assertThat(e.code()).isEqualTo(AuthException.INVALID_TOKEN);
  }

  @Test
  void anOverlongHeaderIsNotDecoded() {
    AuthException e = catchThrowableOfType(AuthException.class,
        () -> StaticWebAppPrincipal.parse("A".repeat(StaticWebAppPrincipal.MAX_HEADER_LENGTH + 1)));
    assertThat(e.getMessage()).contains("too long");
  }

  @Test
  void trustedOnlyWhenConfiguredAndOnlyWithoutABearerToken() throws Exception {
    Map<String, String> forged = Map.of("x-ms-client-principal", encode(SIGNED_IN));
    // not trusted: the header means nothing, the request has no token
    AuthException refused = catchThrowableOfType(AuthException.class,
        () -> new BearerAuth(NEVER).authenticate(forged));
    assertThat(refused.code()).isEqualTo(AuthException.MISSING_TOKEN);
    refused = catchThrowableOfType(AuthException.class, () -> new BearerAuth(NEVER, false).authenticate(forged));
    assertThat(refused.code()).isEqualTo(AuthException.MISSING_TOKEN);

    BearerAuth trusting = new BearerAuth(token -> new Principal("bearer-" + token, null), true);
    assertThat(trusting.authenticate(Map.of("X-MS-CLIENT-PRINCIPAL", encode(SIGNED_IN))).subject())
        .isEqualTo("swa:aad:d75b260a64504067bfc5b2905e3b8182");
    // a bearer token wins over the header
    assertThat(trusting.authenticate(Map.of("x-ms-client-principal", encode(SIGNED_IN),
        "Authorization", "Bearer tok")).subject()).isEqualTo("bearer-tok");
    // neither: missing token, as before
    assertThat(catchThrowableOfType(AuthException.class, () -> trusting.authenticate(Map.of())).code())
        .isEqualTo(AuthException.MISSING_TOKEN);
    // a bad header is a bad credential
    assertThat(catchThrowableOfType(AuthException.class,
        () -> trusting.authenticate(Map.of("x-ms-client-principal", "e30="))).code())
        .isEqualTo(AuthException.INVALID_TOKEN);
  }
}
