package com.cvgen.functions.auth;

import com.cvgen.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthTest {
  /** A verifier that accepts any token and names the principal after it. */
  private final BearerAuth echo = new BearerAuth(token -> new Principal(token, "echo"));

  @Test
  void readsTheBearerToken() throws Exception {
    assertThat(echo.authenticate(Map.of("Authorization", "Bearer abc.def.ghi")).subject()).isEqualTo("abc.def.ghi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer tok", "BEARER tok", "BeArEr tok", "Bearer   tok", "  Bearer tok  ", "Bearer\ttok",
      "Bearer tok\t"})
  void schemeInAnyCaseAndSpacesAroundTheToken(String header) throws Exception {
    assertThat(echo.authenticate(Map.of("Authorization", header)).subject()).isEqualTo("tok");
  }

  @ParameterizedTest
  @ValueSource(strings = {"authorization", "AUTHORIZATION", "AuThOrIzAtIoN"})
  void headerNameInAnyCase(String name) throws Exception {
    assertThat(echo.authenticate(Map.of(name, "Bearer tok", "Content-Type", "text/plain")).subject()).isEqualTo("tok");
  }

  @Test
  void missingHeaderIsMissingToken() {
    assertMissing(Map.of());
    assertMissing(null);
    assertMissing(Map.of("Content-Type", "application/json", "X-Authorization", "Bearer tok"));
    Map<String, String> nulls = new HashMap<>();
    nulls.put(null, "HTTP/1.1 200 OK");
    nulls.put("Authorization", null);
    assertMissing(nulls);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "Bearertok", "tok",
      "Token tok", "Bearer: tok"})
  void otherSchemesAndShapesAreMissingToken(String header) {
    AuthException e = assertMissing(Map.of("Authorization", header));
    if (header.contains("dXNl")) assertThat(e.getMessage()).doesNotContain("dXNl");
  }

  @Test
  void twoAuthorizationHeadersAreRefused() {
    Map<String, String> headers = new TreeMap<>();
    headers.put("Authorization", "Bearer a");
    headers.put("authorization", "Bearer b");
    assertThat(assertMissing(headers).getMessage()).contains("more than one");
  }

  @Test
  void verifierVerdictPassesThrough() {
    BearerAuth auth = new BearerAuth(token -> {
      throw new AuthException(AuthException.TOKEN_EXPIRED, "the token expired");
    });
    AuthException e = catchThrowableOfType(AuthException.class, () -> auth.authenticate(Map.of("authorization", "Bearer x")));
    assertThat(e.code()).isEqualTo(AuthException.TOKEN_EXPIRED);
  }

  @Test
  void withLocalTokens() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    LocalTokens tokens = new LocalTokens(new byte[48], clock);
    BearerAuth auth = new BearerAuth(tokens);
    String token = tokens.mint("dave", Duration.ofMinutes(5));

    assertThat(auth.authenticate(Map.of("authorization", "Bearer " + token))).isEqualTo(new Principal("dave", "dave"));
    AuthException e = catchThrowableOfType(AuthException.class,
        () -> auth.authenticate(Map.of("Authorization", "Bearer " + token + "x")));
    assertThat(e.code()).isEqualTo(AuthException.INVALID_TOKEN);
  }

  @Test
  void wwwAuthenticateFollowsRfc6750() {
    assertThat(new AuthException(AuthException.MISSING_TOKEN, "no header").wwwAuthenticate()).isEqualTo("Bearer");
    assertThat(new AuthException(AuthException.TOKEN_EXPIRED, "the token expired at \"x\"\n").wwwAuthenticate())
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"the token expired at 'x' \"");
    assertThatThrownBy(() -> new AuthException("forbidden", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void principalDefaultsItsNameToTheSubject() {
    assertThat(new Principal("u1", null).name()).isEqualTo("u1");
    assertThat(new Principal("u1", " ").name()).isEqualTo("u1");
    assertThatThrownBy(() -> new Principal(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Principal("", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  private AuthException assertMissing(Map<String, String> headers) {
    AuthException e = catchThrowableOfType(AuthException.class, () -> echo.authenticate(headers));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(AuthException.MISSING_TOKEN);
    return e;
  }
}
