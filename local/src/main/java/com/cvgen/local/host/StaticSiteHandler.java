package com.cvgen.local.host;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The static web app ({@code static-web/}) as Azure Static Web Apps serves it, read from the same
 * {@value #CONFIG} the deployment uses, so the two cannot drift:
 *
 * <ul>
 *   <li>every static response carries the config's {@code globalHeaders}, plus the {@code headers}
 *       of each {@code routes[]} entry whose {@code route} matches (exact, or a prefix ending in
 *       {@code *}), later ones winning, as SWA merges them;
 *   <li>{@code navigationFallback}: a GET for a file that does not exist, whose path matches none of
 *       the {@code exclude} globs ({@code *} any characters, {@code {a,b}} alternatives), is answered
 *       with the {@code rewrite} file (the single-page app's {@code index.html});
 *   <li>the config file itself is not served (SWA does not serve it either);
 *   <li>directories answer their {@code index.html}; no listings.
 * </ul>
 *
 * Without a config file the folder is served plainly (no extra headers, no fallback).
 */
final class StaticSiteHandler extends Handler.Wrapper {
  static final String CONFIG = "staticwebapp.config.json";

  private final ResourceHandler files;
  private final Map<String, String> globalHeaders;
  private final List<RouteHeaders> routeHeaders;
  private final String fallback;
  private final List<Pattern> fallbackExcludes;

  private record RouteHeaders(String route, Map<String, String> headers) {
    boolean matches(String path) {
      return route.endsWith("*") ? path.startsWith(route.substring(0, route.length() - 1)) : path.equals(route);
    }
  }

  StaticSiteHandler(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(files).newResource(root));
    files.setDirAllowed(false);
    files.setWelcomeFiles("index.html");
    files.setEtags(true);
    setHandler(files);

    Path configFile = root.resolve(CONFIG);
    JsonObject config = new JsonObject();
    if (Files.isRegularFile(configFile)) {
      try {
        config = JsonParser.parseString(Files.readString(configFile, StandardCharsets.UTF_8)).getAsJsonObject();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + configFile, e);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(configFile + " is not a JSON object: " + e.getMessage(), e);
      }
    }
    globalHeaders = headers(config.get("globalHeaders"));
    List<RouteHeaders> routes = new ArrayList<>();
    if (config.get("routes") instanceof JsonArray array) {
      for (JsonElement e : array) {
        if (e instanceof JsonObject r && r.has("route") && r.has("headers")) {
          routes.add(new RouteHeaders(r.get("route").getAsString(), headers(r.get("headers"))));
        }
      }
    }
    routeHeaders = List.copyOf(routes);
    String rewrite = null;
    List<Pattern> excludes = new ArrayList<>();
    if (config.get("navigationFallback") instanceof JsonObject nav && nav.has("rewrite")) {
      rewrite = nav.get("rewrite").getAsString();
      if (nav.get("exclude") instanceof JsonArray ex) {
        for (JsonElement g : ex) excludes.add(glob(g.getAsString()));
      }
    }
    fallback = rewrite;
    fallbackExcludes = List.copyOf(excludes);
  }

  /** The headers every static response gets ({@code globalHeaders} of the config). */
  Map<String, String> globalHeaders() {
    return globalHeaders;
  }

  /** The headers a static response for {@code path} gets: the global ones, then matching routes'. */
  Map<String, String> headersFor(String path) {
    Map<String, String> h = new LinkedHashMap<>(globalHeaders);
    for (RouteHeaders r : routeHeaders) {
      if (r.matches(path)) h.putAll(r.headers());
    }
    return h;
  }

  /** The fallback file for a path that names no file, if the config's navigation fallback applies. */
  Optional<String> fallbackFor(String path) {
    if (fallback == null) return Optional.empty();
    for (Pattern p : fallbackExcludes) {
      if (p.matcher(path).matches()) return Optional.empty();
    }
    return Optional.of(fallback);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) return false;
    String path = Request.getPathInContext(request);
    if (path == null || path.equals("/" + CONFIG)) return false;
    Map<String, String> headers = headersFor(path);
    headers.forEach(response.getHeaders()::put);
    if (files.handle(request, response, callback)) return true;
    Optional<String> rewrite = fallbackFor(path);
    if (rewrite.isPresent()) {
      Map<String, String> rewritten = headersFor(rewrite.get());
      rewritten.forEach(response.getHeaders()::put);
      HttpURI uri = HttpURI.build(request.getHttpURI()).path(rewrite.get()).query(null).asImmutable();
      Request inner = new Request.Wrapper(request) {
        @Override
        public HttpURI getHttpURI() {
          return uri;
        }
      };
      if (files.handle(inner, response, callback)) return true;
      rewritten.keySet().forEach(response.getHeaders()::remove);
    }
    headers.keySet().forEach(response.getHeaders()::remove);
    return false;
  }

  private static Map<String, String> headers(JsonElement e) {
    Map<String, String> m = new LinkedHashMap<>();
    if (e instanceof JsonObject o) {
      for (Map.Entry<String, JsonElement> h : o.entrySet()) m.put(h.getKey(), h.getValue().getAsString());
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** An SWA exclude glob as a regex: {@code *} any characters, {@code {a,b}} alternatives. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    boolean inGroup = false;
    StringBuilder literal = new StringBuilder();
    Runnable flush = () -> {
      if (!literal.isEmpty()) {
        re.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
      }
    };
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> {
          flush.run();
          re.append(".*");
        }
        case '{' -> {
          flush.run();
          re.append("(?:");
          inGroup = true;
        }
        case '}' -> {
          if (inGroup) {
            flush.run();
            re.append(')');
            inGroup = false;
          } else {
            literal.append(c);
          }
        }
        case ',' -> {
          if (inGroup) {
            flush.run();
            re.append('|');
          } else {
            literal.append(c);
          }
        }
        default -> literal.append(c);
      }
    }
    flush.run();
    return Pattern.compile(re.toString());
  }
}
