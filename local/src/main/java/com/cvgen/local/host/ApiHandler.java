package com.cvgen.local.host;

import com.cvgen.local.host.FunctionCatalog.BindingException;
import com.cvgen.local.host.FunctionCatalog.Fn;
import com.cvgen.local.host.FunctionCatalog.HttpInput;
import com.google.gson.Gson;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/...}: finds the HTTP function whose route matches, reads the body (up to the limit),
 * calls the function on this thread and writes what it returns, the way the Functions host does.
 */
final class ApiHandler extends Handler.Abstract {
  static final String PREFIX = "/api";

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Set<String> HOST_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

  private final FunctionCatalog catalog;
  private final long maxRequestBytes;
  private final Gson gson = new Gson();

  ApiHandler(FunctionCatalog catalog, long maxRequestBytes) {
    this.catalog = catalog;
    this.maxRequestBytes = maxRequestBytes;
  }

  static boolean isApiPath(String rawPath) {
    return rawPath.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        && (rawPath.length() == PREFIX.length() || rawPath.charAt(PREFIX.length()) == '/');
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String rawPath = request.getHttpURI().getPath();
    if (rawPath == null || !isApiPath(rawPath)) return false;
    List<String> segments;
    try {
      segments = PathCodec.segments(rawPath.length() <= PREFIX.length() ? "" : rawPath.substring(PREFIX.length() + 1));
    } catch (IllegalArgumentException e) {
      JsonErrors.write(request, response, callback, 400, "bad_request", "The request path is not valid");
      return true;
    }
    HttpMethod method = method(request.getMethod());
    Set<HttpMethod> allowed = EnumSet.noneOf(HttpMethod.class);
    boolean pathMatched = false;
    for (Fn fn : catalog.httpFunctions()) {
      Map<String, String> params = fn.route.match(segments);
      if (params == null) continue;
      pathMatched = true;
      if (method != null && (fn.methods().isEmpty() || fn.methods().contains(method))) {
        run(fn, params, method, request, response, callback);
        return true;
      }
      allowed.addAll(fn.methods().isEmpty() ? EnumSet.allOf(HttpMethod.class) : fn.methods());
    }
    if (pathMatched) {
      response.getHeaders().put(HttpHeader.ALLOW,
          allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
      JsonErrors.write(request, response, callback, 405, "method_not_allowed",
          "Method " + request.getMethod() + " is not allowed here");
    } else {
      JsonErrors.write(request, response, callback, 404, "not_found", "No function serves this path");
    }
    return true;
  }

  private static HttpMethod method(String name) {
    try {
      return HttpMethod.value(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void run(Fn fn, Map<String, String> params, HttpMethod method, Request request, Response response,
      Callback callback) {
    long declared = request.getLength();
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared > maxRequestBytes) {
        tooLarge(request, in, declared, response, callback);
        return;
      }
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxRequestBytes + 1));
      if (body.length > maxRequestBytes) {
        tooLarge(request, in, declared, response, callback);
        return;
      }
    } catch (IOException e) {
      LOG.debug("Cannot read the request body", e);
      callback.failed(e);
      return;
    }
    HttpInput input;
    try {
      input = new HttpInput(uri(request), method, headers(request, Request.getRemoteAddr(request)), query(request),
          body);
    } catch (RuntimeException e) {
      JsonErrors.write(response, callback, 400, "bad_request", "The request URI is not valid");
      return;
    }
    long start = System.nanoTime();
    Object result;
    try {
      result = catalog.invokeHttp(fn, input, params);
    } catch (BindingException e) {
      JsonErrors.write(response, callback, 400, "bad_request", e.getMessage());
      return;
    } catch (Throwable t) {
      if (t instanceof InterruptedException) Thread.currentThread().interrupt();
      LOG.error("Function '{}' failed on {} {}", fn.info.name(), method, input.uri().getRawPath(), t);
      JsonErrors.write(response, callback, 500, "internal_error", "The request could not be processed");
      return;
    }
    try {
      write(result, request, response, callback);
    } catch (RuntimeException e) {
      LOG.error("Function '{}' returned a response that cannot be written", fn.info.name(), e);
      if (!response.isCommitted()) {
        response.reset();
        JsonErrors.write(response, callback, 500, "internal_error", "The request could not be processed");
      } else {
        callback.failed(e);
      }
      return;
    }
    if (LOG.isInfoEnabled()) {
      LOG.info("Executed '{}' ({} {}, {}, {} ms)", fn.info.name(), method, input.uri().getRawPath(),
          response.getStatus(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * 413 for a body over the limit. Nothing more of it is kept; but a client that sends the whole
   * body before it reads the answer (most do) would lose the answer if the connection were closed
   * under it, so the rest is read and dropped first, up to {@link #DRAIN_MAX_BYTES} in all. A
   * larger body, or one the client waits to send until told to ({@code Expect: 100-continue}), is
   * answered at once and the connection closed.
   */
  private void tooLarge(Request request, InputStream in, long declared, Response response, Callback callback) {
    String message = "The request body is larger than " + size(maxRequestBytes);
    boolean waitsToSend = "100-continue".equalsIgnoreCase(request.getHeaders().get(HttpHeader.EXPECT));
    if (!waitsToSend && declared <= DRAIN_MAX_BYTES && drain(in)) {
      JsonErrors.write(response, callback, 413, "file_too_large", message);
    } else {
      JsonErrors.write(request, response, callback, 413, "file_too_large", message);
    }
  }

  /** The most of a refused body that is read (and dropped) so that the client gets the answer. */
  static final long DRAIN_MAX_BYTES = 100L * 1024 * 1024;

  /** Reads the rest of the body; false when it goes past {@link #DRAIN_MAX_BYTES} or breaks off. */
  private static boolean drain(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      for (int n; (n = in.read(buffer)) >= 0;) {
        total += n;
        if (total > DRAIN_MAX_BYTES) return false;
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String size(long bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
  }

  /** The absolute URI with the authority the client used (its Host header). */
  private static URI uri(Request request) {
    HttpURI u = request.getHttpURI();
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null || host.isBlank()) {
      host = Request.getServerName(request) + ":" + Request.getServerPort(request);
    }
    String scheme = u.getScheme() != null ? u.getScheme() : (request.isSecure() ? "https" : "http");
    String query = u.getQuery();
    return URI.create(scheme + "://" + host + u.getPath() + (query == null ? "" : "?" + query));
  }

  /**
   * Header names lower-cased, repeated headers joined with ", ". {@code x-forwarded-for} is the
   * socket's remote address, whatever the client sent: the host is the edge, as the Azure front end
   * is for the Functions host, and the functions read the client's address there.
   */
  static Map<String, String> headers(Request request, String remoteAddress) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HttpField f : request.getHeaders()) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      if (name.equals(FORWARDED_FOR)) continue;
      String value = f.getValue() == null ? "" : f.getValue();
      out.merge(name, value, (a, b) -> a + ", " + b);
    }
    if (remoteAddress != null && !remoteAddress.isBlank()) out.put(FORWARDED_FOR, remoteAddress);
    return out;
  }

  static final String FORWARDED_FOR = "x-forwarded-for";

  /** Query parameters decoded; a repeated name has its values joined with ",". */
  private static Map<String, String> query(Request request) {
    Map<String, String> out = new LinkedHashMap<>();
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    for (Fields.Field f : fields) out.put(f.getName(), String.join(",", f.getValues()));
    return out;
  }

  private void write(Object result, Request request, Response response, Callback callback) {
    int status;
    Map<String, String> headers = new LinkedHashMap<>();
    Object body;
    if (result instanceof HttpResponseMessage r) {
      status = r.getStatusCode();
      if (r instanceof HostHttpResponse h) {
        headers.putAll(h.headers());
      } else {
        String type = r.getHeader("Content-Type");
        if (type != null) headers.put("Content-Type", type);
      }
      body = r.getBody();
    } else if (result == null) {
      status = 204;
      body = null;
    } else {
      status = 200;
      body = result;
    }
    byte[] bytes;
    String defaultType;
    if (body == null) {
      bytes = new byte[0];
      defaultType = null;
    } else if (body instanceof byte[] b) {
      bytes = b;
      defaultType = "application/octet-stream";
    } else if (body instanceof String s) {
      bytes = s.getBytes(StandardCharsets.UTF_8);
      defaultType = "text/plain; charset=utf-8";
    } else {
      bytes = gson.toJson(body).getBytes(StandardCharsets.UTF_8);
      defaultType = "application/json; charset=utf-8";
    }
    response.setStatus(status);
    boolean typed = false;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (HOST_HEADERS.contains(name)) continue;
      if (name.equals("content-type")) typed = true;
      response.getHeaders().put(h.getKey(), h.getValue());
    }
    boolean noBody = status == 204 || status == 304 || status < 200;
    if (noBody) {
      response.write(true, null, callback);
      return;
    }
    if (!typed && defaultType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, defaultType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
