package com.cvgen.functions.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The headers every API response carries (the functions' own and the embedded host's errors): the
 * body is data, never a page to render, sniff, frame or cache.
 */
public final class SecurityHeaders {
  /** Sent on every API response. */
  public static final Map<String, String> ALWAYS;

  static {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    h.put("Cache-Control", "no-store");
    ALWAYS = java.util.Collections.unmodifiableMap(h);
  }

  /** Only on responses to HTTPS requests: a browser ignores it over plain HTTP (loopback). */
  public static final String HSTS_NAME = "Strict-Transport-Security";
  public static final String HSTS_VALUE = "max-age=31536000";

  private SecurityHeaders() {}

  /**
   * The headers for a response to a request made over {@code uri} with {@code forwardedProto} (the
   * {@code X-Forwarded-Proto} header, or null): {@link #ALWAYS}, plus HSTS when either says https.
   */
  public static Map<String, String> forRequest(URI uri, String forwardedProto) {
    boolean https = uri != null && "https".equalsIgnoreCase(uri.getScheme());
    if (forwardedProto != null) {
      String first = forwardedProto.split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
      https = https || first.equals("https");
    }
    if (!https) return ALWAYS;
    Map<String, String> h = new LinkedHashMap<>(ALWAYS);
    h.put(HSTS_NAME, HSTS_VALUE);
    return h;
  }
}
