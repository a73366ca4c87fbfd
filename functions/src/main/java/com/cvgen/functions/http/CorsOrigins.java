package com.cvgen.functions.http;

import com.cvgen.functions.wiring.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may call the API ({@link Settings#CORS_ORIGINS}), and what they may send.
 * Origins are compared exactly, never by pattern, and no request origin is ever reflected unless it
 * is listed. Functions do not answer CORS themselves: the embedded host does it with these values,
 * and in Azure the Function App's platform CORS ({@code siteConfig.cors}) is set from the same
 * setting.
 */
public final class CorsOrigins {
  /** The methods the API uses. */
  public static final Set<String> METHODS = Set.of("GET", "POST");
  /** The request headers a browser may send beyond the CORS-safelisted ones. */
  public static final Set<String> REQUEST_HEADERS = Set.of("Authorization", "Content-Type");
  /** Response headers a script may read beyond the safelisted ones (the job's URL, the wait after a 429). */
  public static final Set<String> EXPOSED_HEADERS = Set.of("Location", "Retry-After");
  /** How long a browser may reuse a preflight answer. */
  public static final Duration MAX_AGE = Duration.ofMinutes(10);

  private CorsOrigins() {}

  /** The origins of the setting, or none. */
  public static List<String> fromSettings(Settings settings) {
    return parse(settings.get(Settings.CORS_ORIGINS).orElse(""));
  }

  /**
   * Comma-separated origins, each {@code http(s)://host[:port]} with no path, query or user info,
   * lower-cased as browsers send them. {@code *} and anything else is a configuration error.
   */
  public static List<String> parse(String value) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : value.split(",")) {
      String o = raw.strip();
      if (o.isEmpty()) continue;
      out.add(origin(o));
    }
    return List.copyOf(out);
  }

  private static String origin(String o) {
    String problem = "the setting " + Settings.CORS_ORIGINS + " must list exact origins such as "
        + "https://cv.example.com (scheme, host, optional port; no path, no wildcard), was '" + o + "'";
    URI u;
    try {
      u = new URI(o);
    } catch (URISyntaxException e) {
      throw new Settings.ConfigurationException(problem);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    boolean ok = (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null
        && u.getRawUserInfo() == null && (u.getRawPath() == null || u.getRawPath().isEmpty())
        && u.getRawQuery() == null && u.getRawFragment() == null && !o.contains("*");
    if (!ok) throw new Settings.ConfigurationException(problem);
    int port = u.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
