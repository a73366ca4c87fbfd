package com.cvgen.functions.http;

import java.util.Locale;
import java.util.Map;

/**
 * The caller's network address, for the per-address limits. Functions see no socket: the Azure
 * front end passes the client's address in {@code X-Forwarded-For}, and the embedded host, which is
 * its own edge, sets that header from the socket (replacing whatever the client sent). The first
 * entry counts; a port ({@code 203.0.113.7:51234}, {@code [2001:db8::1]:443}) is dropped.
 *
 * <p>Behind a proxy that appends to a header the client sent, the first entry is the client's own
 * claim; limits that must hold against such clients belong in front of the app (API Management,
 * Front Door), see the README.
 */
final class ClientAddress {
  /** The key used when no address is known (every such request shares it). */
  static final String UNKNOWN = "unknown";

  private static final int MAX_LENGTH = 64;

  private ClientAddress() {}

  /** From request headers (names in any case). */
  static String of(Map<String, String> headers) {
    String forwarded = null;
    if (headers != null) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase("X-Forwarded-For")) {
          forwarded = e.getValue();
          break;
        }
      }
    }
    if (forwarded == null) return UNKNOWN;
    int comma = forwarded.indexOf(',');
    String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
    return normalise(first);
  }

  /** An address without its port, lower-cased; {@link #UNKNOWN} for anything that is not one. */
  static String normalise(String value) {
    String v = value == null ? "" : value.strip();
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      v = close < 0 ? "" : v.substring(1, close); // [v6]:port or [v6]
    } else if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':')) {
      v = v.substring(0, v.indexOf(':')); // v4:port (an IPv6 address has several colons)
    }
    if (v.isEmpty() || v.length() > MAX_LENGTH || !v.matches("[0-9A-Za-z.:%_-]+")) return UNKNOWN;
    return v.toLowerCase(Locale.ROOT);
  }
}
