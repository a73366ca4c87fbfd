package com.cvgen.functions.auth;

import com.cvgen.core.testing.TestClock;
import static com.cvgen.functions.auth.LocalTokensTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntraTokenVerifierTest {
  private static final String TENANT = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
  private static final String OTHER_TENANT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  private static final String CLIENT_ID = "0e1d2c3b-4a59-6877-8695-a4b3c2d1e0f9";
  private static final String V2_ISSUER = "https://login.microsoftonline.com/" + TENANT + "/v2.0";
  private static final String V1_ISSUER = "https://sts.windows.net/" + TENANT + "/";
  private static final String OID = "11111111-2222-3333-4444-555555555555";
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  /** Short, so that a JWKS endpoint that never answers fails the test fast. */
  private static final Duration HTTP_TIMEOUT = Duration.ofMillis(300);

  private static RSAKey key1;
  private static RSAKey key2;
  private static RSAKey key3;

  private final TestClock clock = new TestClock(T0);
  private JwksServer jwks;
  private EntraTokenVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    key1 = rsa("k1");
    key2 = rsa("k2");
    key3 = rsa("k3");
  }

  @BeforeEach
  void start() throws Exception {
    jwks = new JwksServer().serve(key1, key2);
    verifier = new EntraTokenVerifier(TENANT, CLIENT_ID, jwks.url(), clock, HTTP_TIMEOUT);
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  @Test
  void v2AccessTokenVerifies() throws Exception {
    assertThat(verifier.verify(token(key1, c -> c))).isEqualTo(new Principal(OID, "Erin Example"));
    assertThat(verifier.verify(token(key2, c -> c)).subject()).isEqualTo(OID);
    assertThat(jwks.requests()).isEqualTo(1); // cached
  }

  @Test
  void v1AccessTokenVerifies() throws Exception {
    Principal p = verifier.verify(token(key1, c -> c.issuer(V1_ISSUER).audience("api://" + CLIENT_ID)));
    assertThat(p.subject()).isEqualTo(OID);
  }

  @Test
  void audienceAsApiUriAcceptsTheBareClientIdToo() throws Exception {
    EntraTokenVerifier byUri = new EntraTokenVerifier(TENANT, "api://" + CLIENT_ID.toUpperCase(), jwks.url(), clock, HTTP_TIMEOUT);
    assertThat(byUri.verify(token(key1, c -> c)).subject()).isEqualTo(OID);
    assertThat(byUri.verify(token(key1, c -> c.audience("api://" + CLIENT_ID))).subject()).isEqualTo(OID);
  }

  @Test
  void nonGuidAudienceMatchesExactly() throws Exception {
    EntraTokenVerifier named = new EntraTokenVerifier(TENANT, "https://cvgen.example.com/api", jwks.url(), clock, HTTP_TIMEOUT);
    assertThat(named.verify(token(key1, c -> c.audience("https://cvgen.example.com/api"))).subject()).isEqualTo(OID);
    rejected(named, token(key1, c -> c), AuthException.INVALID_TOKEN);
  }

  @Test
  void subjectIsOidElseSubAndNameFallsBack() throws Exception {
    assertThat(verifier.verify(token(key1, c -> c.claim("oid", null))))
        .isEqualTo(new Principal("pairwise-sub-123", "Erin Example"));
    assertThat(verifier.verify(token(key1, c -> c.claim("name", null))).name()).isEqualTo("erin@contoso.example");
    assertThat(verifier.verify(token(key1, c -> c.claim("name", null).claim("preferred_username", null))).name())
        .isEqualTo(OID);
    rejected(verifier, token(key1, c -> c.claim("oid", null).subject(null)), AuthException.INVALID_TOKEN);
  }

  @Test
  void unknownKeyIdIsInvalidAfterOneRefetch() throws Exception {
    AuthException e = rejected(verifier, token(key3, c -> c), AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("kid");
    assertThat(jwks.requests()).isEqualTo(2); // the first load, then once more for the unknown kid

    // more unknown kids right away: no more requests (rate limit), still invalid, known keys fine
    rejected(verifier, token(key3, c -> c), AuthException.INVALID_TOKEN);
    rejected(verifier, token(key3, c -> c.subject("other")), AuthException.INVALID_TOKEN);
    assertThat(verifier.verify(token(key1, c -> c)).subject()).isEqualTo(OID);
    assertThat(jwks.requests()).isEqualTo(2);

    // once the rate-limit window has passed, an unknown kid is looked up again
    clock.advance(Duration.ofSeconds(31));
    rejected(verifier, token(key3, c -> c), AuthException.INVALID_TOKEN);
    assertThat(jwks.requests()).isEqualTo(3);
  }

  @Test
  void rotatedKeyIsFoundByRefetching() throws Exception {
    assertThat(verifier.verify(token(key1, c -> c)).subject()).isEqualTo(OID);
    assertThat(jwks.requests()).isEqualTo(1);

    jwks.serve(key2, key3); // key1 retired, key3 new
    assertThat(verifier.verify(token(key3, c -> c)).subject()).isEqualTo(OID);
    assertThat(jwks.requests()).isEqualTo(2);
    // the refreshed set replaced the old one
    rejected(verifier, token(key1, c -> c), AuthException.INVALID_TOKEN);
  }

  @Test
  void cacheExpiresAfterAnHour() throws Exception {
    verifier.verify(token(key1, c -> c.expirationTime(Date.from(T0.plus(Duration.ofHours(3))))));
    clock.advance(Duration.ofMinutes(59));
    verifier.verify(token(key1, c -> c.expirationTime(Date.from(T0.plus(Duration.ofHours(3))))));
    assertThat(jwks.requests()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(2));
    verifier.verify(token(key1, c -> c.expirationTime(Date.from(T0.plus(Duration.ofHours(3))))));
    assertThat(jwks.requests()).isEqualTo(2);
  }

  @Test
  void lastKeySetOutlivesAnOutageOfTheEndpoint() throws Exception {
    UnaryOperator<JWTClaimsSet.Builder> long3h = c -> c.expirationTime(Date.from(T0.plus(Duration.ofHours(3))));
    verifier.verify(token(key1, long3h));
    jwks.close();
    clock.advance(Duration.ofHours(2)); // cache expired, endpoint gone
    assertThat(verifier.verify(token(key1, long3h)).subject()).isEqualTo(OID);
  }

  @Test
  void wrongTenantIsInvalid() throws Exception {
    String otherIssuer = "https://login.microsoftonline.com/" + OTHER_TENANT + "/v2.0";
    assertThat(rejected(verifier, token(key1, c -> c.issuer(otherIssuer).claim("tid", OTHER_TENANT)),
        AuthException.INVALID_TOKEN).getMessage()).contains("tenant");
    rejected(verifier, token(key1, c -> c.claim("tid", OTHER_TENANT)), AuthException.INVALID_TOKEN);
    rejected(verifier, token(key1, c -> c.issuer("https://sts.windows.net/" + OTHER_TENANT + "/")), AuthException.INVALID_TOKEN);
    rejected(verifier, token(key1, c -> c.issuer("https://evil.example/" + TENANT + "/v2.0")), AuthException.INVALID_TOKEN);
    rejected(verifier, token(key1, c -> c.issuer(null)), AuthException.INVALID_TOKEN);
    // without tid the issuer alone decides
    assertThat(verifier.verify(token(key1, c -> c.claim("tid", null))).subject()).isEqualTo(OID);
  }

  @Test
  void wrongAudienceIsInvalid() throws Exception {
    AuthException e = rejected(verifier, token(key1, c -> c.audience("00000003-0000-0000-c000-000000000000")),
        AuthException.INVALID_TOKEN);
    assertThat(e.getMessage()).contains("aud").contains(CLIENT_ID);
    rejected(verifier, token(key1, c -> c.audience("api://someone-else")), AuthException.INVALID_TOKEN);
    rejected(verifier, token(key1, c -> c.audience((String) null)), AuthException.INVALID_TOKEN);
  }

  @Test
  void expiredAndNotYetValid() throws Exception {
    String token = token(key1, c -> c); // nbf T0 - 5 min, exp T0 + 1 h
    clock.advance(Duration.ofHours(1).plusSeconds(59));
    assertThat(verifier.verify(token).subject()).isEqualTo(OID);
    clock.advance(Duration.ofSeconds(2));
    rejected(verifier, token, AuthException.TOKEN_EXPIRED);

    clock.set(T0.minus(Duration.ofMinutes(7)));
    assertThat(rejected(verifier, token, AuthException.INVALID_TOKEN).getMessage()).contains("not valid before");
  }

  @Test
  void signatureByAnotherKeyUnderAKnownKidIsInvalid() throws Exception {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID("k1").generate();
    assertThat(rejected(verifier, token(impostor, c -> c), AuthException.INVALID_TOKEN).getMessage()).contains("signature");
  }

  @Test
  void hmacTokensAreRejected() throws Exception {
    // the classic confusion: HS256 keyed with the RSA public key's bytes
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
    jwt.sign(new MACSigner(key1.toRSAPublicKey().getEncoded()));
    assertThat(rejected(verifier, jwt.serialize(), AuthException.INVALID_TOKEN).getMessage()).contains("only RS256");
    assertThat(jwks.requests()).isZero();
  }

  @Test
  void tokenWithoutKidIsCheckedAgainstEveryKey() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims().build());
    jwt.sign(new RSASSASigner(key2));
    assertThat(verifier.verify(jwt.serialize()).subject()).isEqualTo(OID);

    SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims().build());
    foreign.sign(new RSASSASigner(key3));
    assertThat(rejected(verifier, foreign.serialize(), AuthException.INVALID_TOKEN).getMessage()).contains("signature");
  }

  @Test
  void jwksEndpointDownIsInvalidTokenWithAClearMessage() throws Exception {
    URL url = jwks.url();
    jwks.close();
    EntraTokenVerifier down = new EntraTokenVerifier(TENANT, CLIENT_ID, url, clock, HTTP_TIMEOUT);
    String token = token(key1, c -> c);

    AuthException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> rejected(down, token, AuthException.INVALID_TOKEN));
    assertThat(e.getMessage()).contains("signing keys could not be fetched");
  }

  @Test
  void failingJwksEndpointIsRetriedAtMostTwicePerWindow() throws Exception {
    jwks.fail(true);
    String token = token(key1, c -> c);
    for (int i = 0; i < 4; i++) {
      assertThat(rejected(verifier, token, AuthException.INVALID_TOKEN).getMessage())
          .contains("signing keys could not be fetched");
    }
    assertThat(jwks.requests()).isEqualTo(2);

    jwks.fail(false);
    clock.advance(Duration.ofSeconds(31));
    assertThat(verifier.verify(token).subject()).isEqualTo(OID);
    assertThat(jwks.requests()).isEqualTo(3);
  }

  @Test
  void jwksEndpointThatNeverAnswersTimesOut() throws Exception {
    jwks.hang();
    String token = token(key1, c -> c);

    AuthException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> rejected(verifier, token, AuthException.INVALID_TOKEN));
    assertThat(e.getMessage()).contains("signing keys could not be fetched");
  }

  @Test
  void constructorChecksTenantAndAudience() {
    assertThatThrownBy(() -> EntraTokenVerifier.forTenant("contoso.onmicrosoft.com", CLIENT_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GUID");
    assertThatThrownBy(() -> EntraTokenVerifier.forTenant("common", CLIENT_ID)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntraTokenVerifier.forTenant(TENANT, " ")).isInstanceOf(IllegalArgumentException.class);
    // no network until the first token
    assertThat(EntraTokenVerifier.forTenant(TENANT.toUpperCase(), CLIENT_ID)).isNotNull();
  }

  @Test
  void tenantInUpperCaseStillMatchesTheIssuer() throws Exception {
    EntraTokenVerifier upper = new EntraTokenVerifier(TENANT.toUpperCase(), CLIENT_ID.toUpperCase(), jwks.url(), clock, HTTP_TIMEOUT);
    assertThat(upper.verify(token(key1, c -> c)).subject()).isEqualTo(OID);
  }

  private static RSAKey rsa(String kid) throws Exception {
    return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
  }

  /** Claims of an Entra v2 access token for this API, valid from T0 - 5 min to T0 + 1 h. */
  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(V2_ISSUER)
        .audience(CLIENT_ID)
        .subject("pairwise-sub-123")
        .claim("oid", OID)
        .claim("tid", TENANT)
        .claim("name", "Erin Example")
        .claim("preferred_username", "erin@contoso.example")
        .claim("scp", "Jobs.ReadWrite")
        .claim("ver", "2.0")
        .issueTime(Date.from(T0.minus(Duration.ofMinutes(5))))
        .notBeforeTime(Date.from(T0.minus(Duration.ofMinutes(5))))
        .expirationTime(Date.from(T0.plus(Duration.ofHours(1))));
  }

  private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
        change.apply(claims()).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
