package com.cvgen.functions.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for the embedded host and development: HS256 JWTs signed with a secret from the
 * settings, issuer {@value #ISSUER}, audience {@value #AUDIENCE}. {@link #verify} accepts exactly
 * what {@link #mint} makes: HS256 only (no {@code alg: none}, no other HMAC or RSA algorithm), this
 * issuer and audience, and {@code exp}/{@code nbf} at the given clock's time with {@value
 * Jwts#MAX_CLOCK_SKEW_SECONDS} s of skew.
 */
public final class LocalTokens implements TokenVerifier {
  public static final String ISSUER = "cvgen-local";
  public static final String AUDIENCE = "cvgen-api";

  /** A user name: 1 to 64 of letters, digits and {@code . _ @ -}. */
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final MACSigner signer;
  private final Clock clock;
  private final DefaultJWTProcessor<SecurityContext> processor;

  /**
   * @param secret at least 32 bytes (HS256 wants a key as long as its hash)
   */
  public LocalTokens(byte[] secret, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 32) {
      throw new IllegalArgumentException(
          "the token secret needs at least 32 bytes (256 bits) for HS256; got " + secret.length);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    SecretKey key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    try {
      this.signer = new MACSigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable token secret: " + e.getMessage(), e);
    }
    List<SecretKey> keys = List.of(key);
    this.processor = Jwts.processor(
        (header, context) -> JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? keys : List.of(),
        LocalTokens::checkClaims,
        clock);
  }

  /**
   * A token for {@code user}, valid from now for {@code ttl}: {@code sub} and {@code name} are the
   * user, with {@code iss}, {@code aud}, {@code iat}, {@code nbf}, {@code exp} and a random {@code
   * jti}.
   *
   * @param user 1 to 64 of letters, digits and {@code . _ @ -}
   * @param ttl positive
   */
  public String mint(String user, Duration ttl) {
    if (user == null || !USER.matcher(user).matches()) {
      throw new IllegalArgumentException("a user name is 1 to 64 of the characters A-Z a-z 0-9 . _ @ -");
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the token lifetime must be positive");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(user)
        .claim("name", user)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return jwt.serialize();
  }

  @Override
  public Principal verify(String token) throws AuthException {
    JWTClaimsSet claims = Jwts.process(processor, JWSAlgorithm.HS256, token);
    String name;
    try {
      name = claims.getStringClaim("name");
    } catch (ParseException e) {
      name = null;
    }
    return new Principal(claims.getSubject(), name);
  }

  private static void checkClaims(JWTClaimsSet claims) throws Jwts.Rejected {
    if (!ISSUER.equals(claims.getIssuer())) {
      throw Jwts.Rejected.invalid("the token was not issued by " + ISSUER);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
      throw Jwts.Rejected.invalid("the token is not meant for " + AUDIENCE + " (aud claim)");
    }
    String subject = claims.getSubject();
    if (subject == null || !USER.matcher(subject).matches()) {
      throw Jwts.Rejected.invalid("the token has no valid subject (sub claim)");
    }
  }
}
