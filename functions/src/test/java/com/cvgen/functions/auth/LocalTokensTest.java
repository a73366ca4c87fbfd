package com.cvgen.functions.auth;

import com.cvgen.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalTokensTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-local-test".getBytes(StandardCharsets.UTF_8);

  private final TestClock clock = new TestClock(T0);
  private final LocalTokens tokens = new LocalTokens(SECRET, clock);

  @Test
  void mintedTokenVerifiesToItsUser() throws Exception {
    String token = tokens.mint("alice.smith@example-1", Duration.ofHours(1));

    assertThat(tokens.verify(token)).isEqualTo(new Principal("alice.smith@example-1", "alice.smith@example-1"));
    // another instance with the same secret (a restarted host) accepts it too
    assertThat(new LocalTokens(SECRET.clone(), clock).verify(token).subject()).isEqualTo("alice.smith@example-1");
  }

  @Test
  void mintedTokenCarriesTheDocumentedClaims() throws Exception {
    SignedJWT jwt = SignedJWT.parse(tokens.mint("bob", Duration.ofMinutes(30)));
    JWTClaimsSet c = jwt.getJWTClaimsSet();

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(c.getSubject()).isEqualTo("bob");
    assertThat(c.getStringClaim("name")).isEqualTo("bob");
    assertThat(c.getIssuer()).isEqualTo(LocalTokens.ISSUER);
    assertThat(c.getAudience()).containsExactly(LocalTokens.AUDIENCE);
    assertThat(c.getIssueTime().toInstant()).isEqualTo(T0);
    assertThat(c.getNotBeforeTime().toInstant()).isEqualTo(T0);
    assertThat(c.getExpirationTime().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(c.getJWTID()).isNotBlank();
    assertThat(SignedJWT.parse(tokens.mint("bob", Duration.ofMinutes(30))).getJWTClaimsSet().getJWTID())
        .isNotEqualTo(c.getJWTID());
  }

  @Test
  void wrongSecretIsInvalid() {
    String token = tokens.mint("alice", Duration.ofHours(1));
    byte[] other = SECRET.clone();
    other[0] ^= 1;

    AuthException e = rejected(new LocalTokens(other, clock), token, AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("signature");
  }

  @Test
  void tamperedPayloadIsInvalid() throws Exception {
    String[] parts = tokens.mint("alice", Duration.ofHours(1)).split("\\.");
    String json = new Base64URL(parts[1]).decodeToString();
    String payload = Base64URL.encode(json.replace("\"sub\":\"alice\"", "\"sub\":\"mallory\"")).toString();
    assertThat(payload).isNotEqualTo(parts[1]);

    rejected(tokens, parts[0] + "." + payload + "." + parts[2], AuthException.INVALID_TOKEN);
  }

  @Test
  void expiredWithSixtySecondsOfSkew() throws Exception {
    String token = tokens.mint("alice", Duration.ofMinutes(10));

    clock.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(59));
    assertThat(tokens.verify(token).subject()).isEqualTo("alice");

    clock.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(61));
    AuthException e = rejected(tokens, token, AuthException.TOKEN_EXPIRED);
    assertThat(e.getMessage()).contains("expired").contains("2026-03-01T10:10:00Z");
  }

  @Test
  void notYetValidWithSixtySecondsOfSkew() throws Exception {
    String token = tokens.mint("alice", Duration.ofMinutes(10));

    clock.set(T0.minusSeconds(59));
    assertThat(tokens.verify(token).subject()).isEqualTo("alice");

    clock.set(T0.minusSeconds(61));
    AuthException e = rejected(tokens, token, AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("not valid before");
  }

  @Test
  void wrongIssuerIsInvalid() throws Exception {
    AuthException e = rejected(tokens, hs256(c -> c.issuer("someone-else")), AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("issued");
    rejected(tokens, hs256(c -> c.issuer(null)), AuthException.INVALID_TOKEN);
  }

  @Test
  void wrongAudienceIsInvalid() throws Exception {
    AuthException e = rejected(tokens, hs256(c -> c.audience("other-api")), AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("aud");
    rejected(tokens, hs256(c -> c.audience((String) null)), AuthException.INVALID_TOKEN);
    // one of several audiences is enough
    assertThat(tokens.verify(hs256(c -> c.audience(Arrays.asList("other-api", LocalTokens.AUDIENCE)))).subject())
        .isEqualTo("carol");
  }

  @Test
  void missingExpiryOrSubjectIsInvalid() throws Exception {
    assertThat(rejected(tokens, hs256(c -> c.expirationTime(null)), AuthException.INVALID_TOKEN).getMessage())
        .contains("exp");
    rejected(tokens, hs256(c -> c.subject(null)), AuthException.INVALID_TOKEN);
    rejected(tokens, hs256(c -> c.subject("has space")), AuthException.INVALID_TOKEN);
  }

  @Test
  void craftedTokenWithTheRightClaimsVerifies() throws Exception {
    // the baseline the rejection tests change one thing of
    assertThat(tokens.verify(hs256(c -> c))).isEqualTo(new Principal("carol", "Carol"));
  }

  @Test
  void unsignedTokenIsRejected() throws Exception {
    String plain = new PlainJWT(claims().build()).serialize();
    AuthException e = rejected(tokens, plain, AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("none");

    // alg none with the signature of a real token kept
    String[] real = hs256(c -> c).split("\\.");
    String noneHeader = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    rejected(tokens, noneHeader + "." + real[1] + "." + real[2], AuthException.INVALID_TOKEN);
    rejected(tokens, noneHeader + "." + real[1] + ".", AuthException.INVALID_TOKEN);
    // alg in another case
    String noneUpper = Base64URL.encode("{\"alg\":\"NONE\"}").toString();
    rejected(tokens, noneUpper + "." + real[1] + "." + real[2], AuthException.INVALID_TOKEN);
  }

  @Test
  void otherHmacAlgorithmIsRejected() throws Exception {
    byte[] longSecret = new byte[64];
    Arrays.fill(longSecret, (byte) 7);
    LocalTokens verifier = new LocalTokens(longSecret, clock);
    SignedJWT hs384 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims().build());
    hs384.sign(new MACSigner(longSecret));

    AuthException e = rejected(verifier, hs384.serialize(), AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("HS384").contains("only HS256");
  }

  @Test
  void rsaSignedTokenIsRejected() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).generate();
    SignedJWT rs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
    rs256.sign(new RSASSASigner(rsa));

    assertThat(rejected(tokens, rs256.serialize(), AuthException.INVALID_TOKEN).getMessage()).contains("RS256");
  }

  @Test
  void unexpectedTypeIsRejected() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("secevent+jwt")).build(),
        claims().build());
    jwt.sign(new MACSigner(SECRET));
    assertThat(rejected(tokens, jwt.serialize(), AuthException.INVALID_TOKEN).getMessage()).contains("typ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "a.b", "a.b.c", "....", "e30.e30.e30", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln",
      "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOiJzb29uIn0.c2ln", "Bearer x.y.z", "{\"alg\":\"HS256\"}"})
  void malformedStringsAreInvalid(String token) {
    AuthException e = rejected(tokens, token, AuthException.INVALID_TOKEN);
    if (token.length() > 3) assertThat(e.getMessage()).doesNotContain(token);
  }

  @Test
  void nullAndHugeTokensAreInvalid() throws Exception {
    rejected(tokens, null, AuthException.INVALID_TOKEN);
    String valid = tokens.mint("alice", Duration.ofHours(1));
    String huge = valid + "A".repeat(20_000);
    assertThat(rejected(tokens, huge, AuthException.INVALID_TOKEN).getMessage()).contains("longer");
  }

  @Test
  void messagesNeverEchoTheToken() throws Exception {
    String token = tokens.mint("alice", Duration.ofMinutes(1));
    String[] parts = token.split("\\.");
    clock.advance(Duration.ofHours(1));
    AuthException expired = rejected(tokens, token, AuthException.TOKEN_EXPIRED);
    AuthException badSig = rejected(new LocalTokens(new byte[32], clock), token, AuthException.INVALID_TOKEN);
    for (AuthException e : new AuthException[] {expired, badSig}) {
      assertThat(e.getMessage()).doesNotContain(parts[0]).doesNotContain(parts[1]).doesNotContain(parts[2]);
      assertThat(e.wwwAuthenticate()).doesNotContain(parts[1]);
    }
  }

  @Test
  void secretMustHave32Bytes() {
    assertThatThrownBy(() -> new LocalTokens(new byte[31], clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThat(new LocalTokens(new byte[32], Clock.fixed(T0, ZoneOffset.UTC))).isNotNull();
  }

  @Test
  void secretIsCopied() throws Exception {
    byte[] secret = SECRET.clone();
    LocalTokens t = new LocalTokens(secret, clock);
    String token = t.mint("alice", Duration.ofHours(1));
    Arrays.fill(secret, (byte) 0);
    assertThat(t.verify(token).subject()).isEqualTo("alice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "ümlaut", "a/b", "semi;colon", "x\n"})
  void mintRejectsBadUserNames(String user) {
    assertThatThrownBy(() -> tokens.mint(user, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 64");
  }

  @Test
  void mintChecksLengthAndLifetime() {
    assertThat(tokens.mint("a".repeat(64), Duration.ofHours(1))).isNotBlank();
    assertThatThrownBy(() -> tokens.mint("a".repeat(65), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.mint(null, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.mint("alice", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.mint("alice", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  static AuthException rejected(TokenVerifier verifier, String token, String code) {
    AuthException e = catchThrowableOfType(AuthException.class, () -> verifier.verify(token));
    assertThat(e).as("token should be rejected").isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.getMessage()).isNotBlank();
    return e;
  }

  /** Claims as {@link LocalTokens#mint} writes them, for carol, valid for an hour from T0. */
  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(LocalTokens.ISSUER)
        .audience(LocalTokens.AUDIENCE)
        .subject("carol")
        .claim("name", "Carol")
        .issueTime(Date.from(T0))
        .notBeforeTime(Date.from(T0))
        .expirationTime(Date.from(T0.plus(Duration.ofHours(1))));
  }

  /** An HS256 token with the test secret and the claims changed by {@code change}. */
  private static String hs256(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
        change.apply(claims()).build());
    jwt.sign(new MACSigner(SECRET));
    return jwt.serialize();
  }
}
