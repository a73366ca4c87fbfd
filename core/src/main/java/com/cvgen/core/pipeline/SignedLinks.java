package com.cvgen.core.pipeline;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download links signed with a local secret (HMAC-SHA256 over container, blob name and expiry),
 * for hosts without Blob Storage SAS. A link is {@code {base}files/{container}/{name}?exp={epoch
 * seconds}&sig={base64url}}; the host that serves {@code /files/} checks it with {@link #verify}.
 * A link cannot be widened: changing the name or the expiry breaks the signature.
 */
public final class SignedLinks implements DownloadLinks {
  /** The path prefix the links live under, below the base URL. */
  public static final String PATH_PREFIX = "files/";

  /** Outcome of checking a link. */
  public enum Verdict {
    VALID, EXPIRED, INVALID
  }

  private final SecretKeySpec key;
  private final URI base;
  private final Clock clock;

  /**
   * @param secret at least 32 bytes
   * @param base the host's public base URL, ending in {@code /}
   */
  public SignedLinks(byte[] secret, URI base, Clock clock) {
    if (secret.length < 32) throw new IllegalArgumentException("the link secret needs at least 32 bytes");
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Link link(String container, String name, Duration ttl) {
    Instant expires = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    long exp = expires.getEpochSecond();
    String path = PATH_PREFIX + encodePath(container) + "/" + encodePath(name);
    URI url = base.resolve(path + "?exp=" + exp + "&sig=" + sign(container, name, exp));
    return new Link(url, expires);
  }

  /** Checks a link's parts as the host received them (path decoded, query values as sent). */
  public Verdict verify(String container, String name, String exp, String sig) {
    if (container == null || name == null || exp == null || sig == null) return Verdict.INVALID;
    long expiry;
    try {
      expiry = Long.parseLong(exp);
    } catch (NumberFormatException e) {
      return Verdict.INVALID;
    }
    byte[] expected = sign(container, name, expiry).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) return Verdict.INVALID;
    return clock.instant().getEpochSecond() >= expiry ? Verdict.EXPIRED : Verdict.VALID;
  }

  private String sign(String container, String name, long exp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] sig = mac.doFinal((container + "\n" + name + "\n" + exp).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Encodes each segment of a blob name for a URL path, keeping the slashes between them. */
  private static String encodePath(String name) {
    StringBuilder out = new StringBuilder();
    for (String seg : name.split("/", -1)) {
      if (!out.isEmpty()) out.append('/');
      out.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }
}
