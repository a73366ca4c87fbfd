package com.cvgen.local.host;

import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.SignedLinks;
import com.cvgen.functions.http.CorsOrigins;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded host's HTTP server (Jetty, no servlets), standing in for the Functions host:
 *
 * <ul>
 *   <li>{@code /api/...}: the catalog's {@code @HttpTrigger} functions, same routes and request and
 *       response types as in Azure. Unknown path: 404; known path, other method: 405 with {@code
 *       Allow}; body over the limit: 413 before the function runs; function throws: 500. Every
 *       error body is {@code {"error":{"code":"...","message":"..."}}}. Functions get the client's
 *       socket address as {@code X-Forwarded-For}. CORS for the listed origins only ({@link
 *       Builder#corsOrigins}), as the Function App's platform CORS does in Azure.
 *   <li>{@code /files/{container}/{name}?exp=&sig=}: signed downloads from a {@link BlobStore}
 *       (when {@link Builder#signedFiles} is set); 403 {@code invalid_link} / {@code
 *       link_expired}, 404 for a missing blob.
 *   <li>handlers mounted under other prefixes ({@link Builder#mount}).
 *   <li>everything else: the static directory (when set), {@code index.html} for directories, no
 *       listings; headers and SPA fallback from its {@code staticwebapp.config.json} ({@link
 *       StaticSiteHandler}).
 * </ul>
 */
public final class HostServer implements AutoCloseable {
  /** The port Core Tools uses. */
  public static final int DEFAULT_PORT = 7071;
  public static final String LOOPBACK = "127.0.0.1";
  public static final String ALL_INTERFACES = "0.0.0.0";
  public static final long DEFAULT_MAX_REQUEST_BYTES = 12L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(HostServer.class);

  private final FunctionCatalog catalog;
  private final String bindAddress;
  private final Path staticDir;
  private final BlobStore blobs;
  private final SignedLinks links;
  private final long maxRequestBytes;
  private final List<Mount> mounts;
  private final List<String> corsOrigins;
  private Server server;
  private ServerConnector connector;

  private record Mount(String prefix, Handler handler) {}

  private HostServer(Builder b) {
    this.catalog = b.catalog;
    this.bindAddress = b.bindAddress;
    this.staticDir = b.staticDir;
    this.blobs = b.blobs;
    this.links = b.links;
    this.maxRequestBytes = b.maxRequestBytes;
    this.mounts = List.copyOf(b.mounts);
    this.corsOrigins = List.copyOf(b.corsOrigins);
  }

  public static Builder builder(FunctionCatalog catalog) {
    return new Builder(catalog);
  }

  /**
   * Starts listening on {@code port} ({@code 0}: a free port, see {@link #port()}).
   *
   * @throws IllegalStateException when the port cannot be bound (in use, no permission)
   */
  public synchronized HostServer start(int port) {
    if (server != null) throw new IllegalStateException("already started");
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("host-http");
    Server s = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector c = new ServerConnector(s, new HttpConnectionFactory(config));
    c.setHost(bindAddress);
    c.setPort(port);
    c.setShutdownIdleTimeout(50); // idle keep-alive connections need not hold up stop()
    s.addConnector(c);
    s.setErrorHandler(new JsonErrors());

    Handler.Sequence handlers = new Handler.Sequence();
    handlers.addHandler(api());
    if (blobs != null) handlers.addHandler(new SignedFileHandler(blobs, links));
    for (Mount m : mounts) handlers.addHandler(new PrefixHandler(m.prefix(), m.handler()));
    if (staticDir != null) {
      if (Files.isDirectory(staticDir)) {
        // headers and navigation fallback from static-web/staticwebapp.config.json, as in Azure
        handlers.addHandler(new StaticSiteHandler(staticDir));
      } else {
        LOG.warn("Static directory {} does not exist; nothing is served at /", staticDir);
      }
    }
    // stop() lets running requests finish (up to the stop timeout), and no longer than that
    s.setHandler(new GracefulHandler(handlers));
    s.setStopTimeout(5000);
    try {
      s.start();
    } catch (Exception e) {
      try {
        s.stop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IllegalStateException("cannot start the HTTP server on " + bindAddress + ":" + port + ": "
          + e.getMessage(), e);
    }
    this.server = s;
    this.connector = c;
    LOG.info("Listening on {}", baseUri());
    return this;
  }

  /**
   * The API handler, behind Jetty's CORS handler when origins are allowed. Only listed origins
   * (exact match) get CORS headers; a preflight from any other origin gets none, and neither does
   * any request without cross-origin permission.
   */
  private Handler api() {
    ApiHandler api = new ApiHandler(catalog, maxRequestBytes);
    if (corsOrigins.isEmpty()) return api;
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(corsOrigins.stream().map(Pattern::quote).collect(Collectors.toSet()));
    cors.setAllowedMethods(CorsOrigins.METHODS);
    cors.setAllowedHeaders(CorsOrigins.REQUEST_HEADERS);
    cors.setExposedHeaders(CorsOrigins.EXPOSED_HEADERS);
    cors.setPreflightMaxAge(CorsOrigins.MAX_AGE);
    cors.setAllowCredentials(false); // bearer tokens, no cookies
    cors.setHandler(api);
    return new ApiOnly(cors);
  }

  /** Lets only {@code /api} requests through (CORS is the API's, not the static files'). */
  private static final class ApiOnly extends Handler.Wrapper {
    ApiOnly(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = request.getHttpURI().getPath();
      if (path == null || !ApiHandler.isApiPath(path)) return false;
      return super.handle(request, response, callback);
    }
  }

  /** The port listened on (the real one when started with 0). */
  public synchronized int port() {
    if (connector == null) throw new IllegalStateException("not started");
    return connector.getLocalPort();
  }

  /** {@code http://host:port/}, with {@code localhost} when bound to all interfaces or loopback. */
  public URI baseUri() {
    String host = bindAddress.equals(ALL_INTERFACES) || bindAddress.equals("::") || bindAddress.equals(LOOPBACK)
        ? "localhost" : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    return URI.create("http://" + host + ":" + port() + "/");
  }

  public synchronized boolean isRunning() {
    return server != null && server.isRunning();
  }

  /** Stops the server; running requests get up to 5 seconds to finish. */
  public synchronized void stop() {
    if (server == null) return;
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("HTTP server did not stop cleanly", e);
    } finally {
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** A handler that only sees requests below a path prefix. */
  private static final class PrefixHandler extends Handler.Wrapper {
    private final String prefix;

    PrefixHandler(String prefix, Handler handler) {
      super(handler);
      this.prefix = prefix;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = request.getHttpURI().getPath();
      if (path == null || !(path.equals(prefix) || path.startsWith(prefix + "/"))) return false;
      return super.handle(request, response, callback);
    }
  }

  /** Settings of the server; only the catalog is required. */
  public static final class Builder {
    private final FunctionCatalog catalog;
    private String bindAddress = LOOPBACK;
    private Path staticDir;
    private BlobStore blobs;
    private SignedLinks links;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private final List<Mount> mounts = new ArrayList<>();
    private List<String> corsOrigins = List.of();

    private Builder(FunctionCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** The address to listen on: {@link #LOOPBACK} (default) or {@link #ALL_INTERFACES} or any other. */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address);
      return this;
    }

    /** The directory served at {@code /} (the app's {@code static-web/}); null for none. */
    public Builder staticDir(Path dir) {
      this.staticDir = dir;
      return this;
    }

    /** Serves {@code /files/...} links made by {@code links} from {@code blobs}. */
    public Builder signedFiles(BlobStore blobs, SignedLinks links) {
      this.blobs = Objects.requireNonNull(blobs);
      this.links = Objects.requireNonNull(links);
      return this;
    }

    /**
     * The browser origins that may call {@code /api} cross-origin, each exactly {@code
     * scheme://host[:port]} (see {@link CorsOrigins}); none (default): no cross-origin access.
     */
    public Builder corsOrigins(List<String> origins) {
      this.corsOrigins = List.copyOf(origins);
      return this;
    }

    /** Request bodies above this get 413 (default 12 MiB). */
    public Builder maxRequestBytes(long bytes) {
      if (bytes < 0) throw new IllegalArgumentException("negative limit");
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * Lets {@code handler} serve the paths under {@code prefix} (e.g. the durable task HTTP API under
     * {@code /runtime/webhooks/durabletask}). {@code /api} and {@code /files} are taken.
     */
    public Builder mount(String prefix, Handler handler) {
      Objects.requireNonNull(handler);
      String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
      if (!p.startsWith("/") || p.length() < 2) throw new IllegalArgumentException("prefix must start with /: " + prefix);
      if (ApiHandler.isApiPath(p)) throw new IllegalArgumentException("/api is served by the functions");
      mounts.add(new Mount(p, handler));
      return this;
    }

    public HostServer build() {
      return new HostServer(this);
    }
  }
}
