package com.cvgen.functions.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What both verifiers share: Nimbus's {@link DefaultJWTProcessor} for one signing algorithm, with
 * {@code exp}/{@code nbf} read against an injected {@link Clock}, and every failure turned into an
 * {@link AuthException} with a message of our own (Nimbus's messages quote claim values).
 */
final class Jwts {
  /** Allowed clock difference between the issuer and us, for {@code exp} and {@code nbf}. */
  static final int MAX_CLOCK_SKEW_SECONDS = 60;

  /** Longer strings are not parsed at all (Entra access tokens are a few KB). */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** {@code typ} header: absent, {@code JWT}, or {@code at+jwt} (RFC 9068 access tokens). */
  private static final JOSEObjectTypeVerifier<SecurityContext> TYPES =
      new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null, new JOSEObjectType("at+jwt"));

  private Jwts() {}

  /** Checks the claims other than the time window; throws {@link Rejected}. */
  @FunctionalInterface
  interface ClaimsRule {
    void check(JWTClaimsSet claims) throws Rejected;
  }

  /** A rejection with its code, thrown inside the processor and passed through as it is. */
  static final class Rejected extends BadJWTException {
    final String code;

    Rejected(String code, String message) {
      super(message);
      this.code = code;
    }

    static Rejected invalid(String message) {
      return new Rejected(AuthException.INVALID_TOKEN, message);
    }
  }

  /**
   * A processor that takes its keys from {@code keys} and checks the claims with {@code rule}, then
   * {@code exp} and {@code nbf} at {@code clock}'s time. Pair it with {@link #process}, which
   * checks the algorithm first.
   */
  static DefaultJWTProcessor<SecurityContext> processor(
      JWSKeySelector<SecurityContext> keys, ClaimsRule rule, Clock clock) {
    DefaultJWTProcessor<SecurityContext> processor = new KeyAwareProcessor();
    processor.setJWSTypeVerifier(TYPES);
    processor.setJWSKeySelector(keys);
    processor.setJWTClaimsSetVerifier(new ClockedClaims(rule, clock));
    return processor;
  }

  /**
   * Parses and verifies {@code token}: a signed JWT with {@code algorithm} (so never {@code alg:
   * none}, never an HMAC token passed to an RSA verifier or the reverse), a good signature and
   * claims the processor accepts.
   */
  static JWTClaimsSet process(DefaultJWTProcessor<SecurityContext> processor, JWSAlgorithm algorithm, String token)
      throws AuthException {
    if (token == null || token.isBlank()) throw invalid("the token is empty");
    if (token.length() > MAX_TOKEN_LENGTH) throw invalid("the token is longer than " + MAX_TOKEN_LENGTH + " characters");
    JWT jwt;
    try {
      jwt = JWTParser.parse(token.strip());
    } catch (ParseException e) {
      throw invalid("the token is not a well-formed JWT");
    }
    if (jwt instanceof PlainJWT) throw invalid("unsigned tokens (alg none) are not accepted");
    if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
      throw invalid("encrypted tokens are not accepted");
    }
    JWSHeader header = signed.getHeader();
    if (!algorithm.equals(header.getAlgorithm())) {
      throw invalid("the token is signed with " + printable(header.getAlgorithm().getName())
          + "; only " + algorithm.getName() + " is accepted");
    }
    try {
      TYPES.verify(header.getType(), null);
    } catch (BadJOSEException e) {
      throw invalid("the token's type (typ header) is not JWT");
    }
    try {
      signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("the token's payload is not a valid JWT claims set");
    }
    try {
      return processor.process(signed, null);
    } catch (Rejected e) {
      throw new AuthException(e.code, e.getMessage());
    } catch (BadJWSException e) {
      throw invalid("the token's signature is not valid");
    } catch (BadJOSEException e) {
      throw invalid("the token was rejected", e);
    } catch (KeySourceException e) {
      throw invalid("the issuer's signing keys could not be fetched (" + e.getMessage() + ")", e);
    } catch (JOSEException e) {
      throw invalid("the token's signature could not be checked", e);
    }
  }

  static AuthException invalid(String message) {
    return new AuthException(AuthException.INVALID_TOKEN, message);
  }

  private static AuthException invalid(String message, Throwable cause) {
    return new AuthException(AuthException.INVALID_TOKEN, message, cause);
  }

  /** A header value fit for a message: letters, digits and {@code +-_.} only, at most 20. */
  static String printable(String value) {
    if (value == null) return "(none)";
    String kept = value.replaceAll("[^A-Za-z0-9+._-]", "");
    return kept.isEmpty() ? "(unprintable)" : kept.length() > 20 ? kept.substring(0, 20) + "..." : kept;
  }

  /** Says "no key for this token" itself instead of Nimbus's catch-all message. */
  private static final class KeyAwareProcessor extends DefaultJWTProcessor<SecurityContext> {
    @Override
    protected List<? extends Key> selectKeys(JWSHeader header, JWTClaimsSet claims, SecurityContext context)
        throws KeySourceException, BadJOSEException {
      List<? extends Key> keys = super.selectKeys(header, claims, context);
      if (keys == null || keys.isEmpty()) {
        throw Rejected.invalid(header.getKeyID() == null
            ? "the issuer publishes no key the token could be signed with"
            : "no signing key of the issuer matches the token's key id (kid)");
      }
      return keys;
    }
  }

  /**
   * The caller's rule first, then Nimbus's time window ({@code exp} required) at the clock's time.
   */
  private static final class ClockedClaims extends DefaultJWTClaimsVerifier<SecurityContext> {
    private final ClaimsRule rule;
    private final Clock clock;

    ClockedClaims(ClaimsRule rule, Clock clock) {
      super(null, null, Set.of(), null);
      this.rule = Objects.requireNonNull(rule);
      this.clock = Objects.requireNonNull(clock);
      setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    }

    @Override
    protected Date currentTime() {
      return Date.from(clock.instant());
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
      rule.check(claims);
      if (claims.getExpirationTime() == null) throw Rejected.invalid("the token has no expiry (exp claim)");
      try {
        super.verify(claims, context);
      } catch (ExpiredJWTException e) {
        throw new Rejected(AuthException.TOKEN_EXPIRED,
            "the token expired at " + claims.getExpirationTime().toInstant());
      } catch (BadJWTException e) {
        // with no audience, exact-match, required or prohibited claims configured in the
        // superclass, the only other failure is the not-before time
        Date nbf = claims.getNotBeforeTime();
        throw Rejected.invalid(nbf == null ? "the token was rejected" : "the token is not valid before " + nbf.toInstant());
      }
    }
  }
}
