package com.cvgen.functions.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Verifies Entra ID (Azure AD) access tokens for this API, in one tenant.
 *
 * <ul>
 *   <li>Signature: RS256 only, with a key of the tenant's JWKS picked by the token's {@code kid}.
 *       The key set is cached for 60 min and fetched again at once when a token names a key id
 *       it does not hold (key rotation), at most twice per 30 s. If the endpoint is down, the last
 *       key set fetched stays in use for up to 6 h. Each fetch gives up after 3 s to connect and
 *       3 s to read.
 *   <li>Issuer: {@code https://login.microsoftonline.com/{tenant}/v2.0} (v2 tokens) or {@code
 *       https://sts.windows.net/{tenant}/} (v1 tokens); {@code tid}, when present, the tenant.
 *   <li>Audience: the configured one. An app's tokens carry its client id in v2 and its
 *       Application ID URI, by default {@code api://{client id}}, in v1; so a bare GUID audience
 *       also accepts {@code api://} + the GUID, and {@code api://{GUID}} also accepts the bare
 *       GUID. GUIDs compare in lower case.
 *   <li>{@code exp} required, {@code exp}/{@code nbf} at the given clock's time with {@value
 *       Jwts#MAX_CLOCK_SKEW_SECONDS} s of skew.
 * </ul>
 *
 * The principal's subject is the {@code oid} claim (the user's object id, the same for every app
 * of the tenant) when present, else {@code sub}; its name is {@code name}, else {@code
 * preferred_username}, else {@code upn}, else the subject. Single-tenant only: the tenant is a
 * directory id, not {@code common} or {@code organizations}.
 */
public final class EntraTokenVerifier implements TokenVerifier {
  static final long CACHE_TTL_MINUTES = 60;
  static final long RATE_LIMIT_SECONDS = 30;
  static final long OUTAGE_TTL_HOURS = 6;
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);
  /** Entra's key set is a few KB; Nimbus's default limit is 50 KB. */
  static final int JWKS_SIZE_LIMIT = 256 * 1024;

  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String tenantId;
  private final Set<String> issuers;
  private final Set<String> audiences;
  private final DefaultJWTProcessor<SecurityContext> processor;

  /**
   * @param tenantId the directory (tenant) id, a GUID
   * @param audience the API's client id or Application ID URI
   * @param jwksUrl the tenant's keys, normally {@code
   *     https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys} (see {@link #forTenant})
   */
  public EntraTokenVerifier(String tenantId, String audience, URL jwksUrl, Clock clock) {
    this(tenantId, audience, jwksUrl, clock, HTTP_TIMEOUT);
  }

  /** With another timeout for each connect and read of the key set (tests). */
  EntraTokenVerifier(String tenantId, String audience, URL jwksUrl, Clock clock, Duration httpTimeout) {
    this.tenantId = tenant(tenantId);
    this.audiences = audiences(audience);
    this.issuers = Set.of(
        "https://login.microsoftonline.com/" + this.tenantId + "/v2.0",
        "https://sts.windows.net/" + this.tenantId + "/");
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    Objects.requireNonNull(clock, "clock");
    int timeout = Math.toIntExact(httpTimeout.toMillis());
    JWKSetSource<SecurityContext> source = new URLBasedJWKSetSource<>(
        jwksUrl, new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT));
    source = new OutageTolerantJWKSetSource<>(source, Duration.ofHours(OUTAGE_TTL_HOURS).toMillis(), null);
    source = new RateLimitedJWKSetSource<>(source, Duration.ofSeconds(RATE_LIMIT_SECONDS).toMillis(), null);
    source = new CachingJWKSetSource<>(source, Duration.ofMinutes(CACHE_TTL_MINUTES).toMillis(),
        httpTimeout.multipliedBy(2).toMillis(), null);
    JWKSource<SecurityContext> keys = new ClockedJWKSource(source, clock);
    this.processor = Jwts.processor(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), this::checkClaims, clock);
  }

  /** For {@code tenantId}'s public key endpoint and the system clock. */
  public static EntraTokenVerifier forTenant(String tenantId, String audience) {
    String tenant = tenant(tenantId);
    URL url;
    try {
      url = URI.create("https://login.microsoftonline.com/" + tenant + "/discovery/v2.0/keys").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    return new EntraTokenVerifier(tenant, audience, url, Clock.systemUTC());
  }

  @Override
  public Principal verify(String token) throws AuthException {
    JWTClaimsSet claims = Jwts.process(processor, JWSAlgorithm.RS256, token);
    String oid = string(claims, "oid");
    String subject = oid != null ? oid : claims.getSubject();
    String name = first(string(claims, "name"), string(claims, "preferred_username"), string(claims, "upn"));
    return new Principal(subject, name);
  }

  private void checkClaims(JWTClaimsSet claims) throws Jwts.Rejected {
    if (claims.getIssuer() == null || !issuers.contains(claims.getIssuer())) {
      throw Jwts.Rejected.invalid("the token was not issued by Entra ID for tenant " + tenantId);
    }
    Object tid = claims.getClaim("tid");
    if (tid != null && !tenantId.equalsIgnoreCase(tid.toString())) {
      throw Jwts.Rejected.invalid("the token belongs to another tenant (tid claim)");
    }
    List<String> aud = claims.getAudience();
    if (aud == null || aud.stream().noneMatch(audiences::contains)) {
      throw Jwts.Rejected.invalid("the token is not meant for this API (aud claim); expected "
          + String.join(" or ", new TreeSet<>(audiences)));
    }
    if (string(claims, "oid") == null && (claims.getSubject() == null || claims.getSubject().isBlank())) {
      throw Jwts.Rejected.invalid("the token names no user (neither oid nor sub claim)");
    }
  }

  private static String tenant(String tenantId) {
    if (tenantId == null || !GUID.matcher(tenantId.strip()).matches()) {
      throw new IllegalArgumentException(
          "the Entra tenant id must be the directory (tenant) id, a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47");
    }
    return tenantId.strip().toLowerCase(Locale.ROOT);
  }

  private static Set<String> audiences(String audience) {
    if (audience == null || audience.isBlank()) throw new IllegalArgumentException("the token audience is blank");
    String a = audience.strip();
    if (GUID.matcher(a).matches()) {
      String guid = a.toLowerCase(Locale.ROOT);
      return Set.of(guid, "api://" + guid);
    }
    if (a.regionMatches(true, 0, "api://", 0, 6) && GUID.matcher(a.substring(6)).matches()) {
      String guid = a.substring(6).toLowerCase(Locale.ROOT);
      return Set.of(guid, "api://" + guid);
    }
    return Set.of(a);
  }

  /** A string claim, or null when absent, blank or of another type. */
  private static String string(JWTClaimsSet claims, String name) {
    try {
      String value = claims.getStringClaim(name);
      return value == null || value.isBlank() ? null : value;
    } catch (ParseException e) {
      return null;
    }
  }

  private static String first(String... values) {
    for (String v : values) if (v != null) return v;
    return null;
  }

  /**
   * Nimbus's {@code JWKSetBasedJWKSource} with the clock injected: the cache, the rate limit and
   * the outage tolerance below it all go by the time passed in here, not the system's.
   */
  private record ClockedJWKSource(JWKSetSource<SecurityContext> source, Clock clock)
      implements JWKSource<SecurityContext> {
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
      long now = clock.millis();
      JWKSet keys;
      try {
        keys = source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
      } catch (RateLimitReachedException e) {
        // no usable key set, and the fetches just before this one failed
        throw new JWKSetUnavailableException("the last attempts failed; the next one within " + RATE_LIMIT_SECONDS + " s");
      }
      List<JWK> found = selector.select(keys);
      if (found.isEmpty()) {
        // an unknown key id: fetch again, unless another thread already has since we read
        try {
          found = selector.select(source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(keys), now, context));
        } catch (RateLimitReachedException e) {
          // the key set was fetched moments ago and did not have it either
        }
      }
      return found;
    }
  }
}
