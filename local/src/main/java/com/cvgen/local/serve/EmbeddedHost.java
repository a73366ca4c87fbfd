package com.cvgen.local.serve;

import com.cvgen.core.json.Json;
import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.DownloadLinks;
import com.cvgen.core.pipeline.ExtractionCache;
import com.cvgen.core.pipeline.FileBlobStore;
import com.cvgen.core.pipeline.JobProfileStore;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.core.pipeline.JobQueue;
import com.cvgen.core.pipeline.SignedLinks;
import com.cvgen.functions.azure.blob.AzureBlobs;
import com.cvgen.functions.azure.cosmos.CosmosStores;
import com.cvgen.functions.http.CorsOrigins;
import com.cvgen.functions.wiring.AzureWiring;
import com.cvgen.functions.wiring.Composition;
import com.cvgen.functions.wiring.Settings;
import com.cvgen.local.db.Database;
import com.cvgen.local.durable.BackendStats;
import com.cvgen.local.durable.DurableOptions;
import com.cvgen.local.durable.EmbeddedDurableBackend;
import com.cvgen.local.host.FunctionCatalog;
import com.cvgen.local.host.HostServer;
import com.cvgen.local.queue.EmbeddedQueue;
import com.cvgen.local.queue.QueueOptions;
import com.cvgen.local.store.SqliteExtractionCache;
import com.cvgen.local.store.SqliteJobProfileStore;
import com.cvgen.local.store.SqliteJobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The embedded host: runs the functions/ classes unchanged on one machine. It wires the local
 * adapters (blobs under the data directory, the embedded database for jobs, profiles and the
 * extraction cache), installs the composition the function classes get, and starts the embedded
 * Durable Task backend, the embedded queue feeding the Service Bus triggers and the HTTP server
 * dispatching to the HTTP triggers. One host per data directory (a lock file enforces it).
 */
public final class EmbeddedHost implements AutoCloseable {
  /** How to run a host. {@code adapters} may wrap the local adapters (tests inject faults there). */
  public record Options(Path dataDir, int port, String bindAddress, Path staticDir, Settings settings,
      UnaryOperator<Composition.Adapters> adapters) {
    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(settings, "settings");
      if (bindAddress == null) bindAddress = "127.0.0.1";
      if (adapters == null) adapters = UnaryOperator.identity();
    }
  }

  private final Path dataDir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Database db;
  private final CosmosStores cosmos;
  private final EmbeddedDurableBackend backend;
  private final EmbeddedQueue queue;
  private final HostServer server;
  private final URI baseUri;
  private final FunctionCatalog catalog;
  private final String stores;

  private EmbeddedHost(Path dataDir, FileChannel lockChannel, FileLock lock, Database db, CosmosStores cosmos,
      EmbeddedDurableBackend backend, EmbeddedQueue queue, HostServer server, URI baseUri, FunctionCatalog catalog,
      String stores) {
    this.dataDir = dataDir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.db = db;
    this.cosmos = cosmos;
    this.backend = backend;
    this.queue = queue;
    this.server = server;
    this.baseUri = baseUri;
    this.catalog = catalog;
    this.stores = stores;
  }

  public static EmbeddedHost start(Options o) throws IOException {
    Path data = o.dataDir().toAbsolutePath().normalize();
    Files.createDirectories(data);
    FileChannel channel = FileChannel.open(data.resolve("host.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("another cvgen host is running on the data directory " + data);
    }
    Database db = null;
    CosmosStores cosmos = null;
    EmbeddedDurableBackend backend = null;
    EmbeddedQueue queue = null;
    try {
      Settings settings = o.settings();
      Clock clock = Clock.systemUTC();
      db = Database.open(data);
      // local Azure mode: with storage / Cosmos DB settings (Azurite, the Cosmos DB test server) the
      // functions use the Azure adapters; the queue and the Durable backend stay embedded
      AzureWiring azure = new AzureWiring(settings, clock);
      trustLocalCosmosCertificate(settings);
      Optional<AzureBlobs> azureBlobs = azure.blobs();
      cosmos = azure.cosmos().orElse(null);
      FileBlobStore files = azureBlobs.isPresent() ? null : new FileBlobStore(data.resolve("blobs"));
      BlobStore blobs = azureBlobs.<BlobStore>map(AzureBlobs::store).orElse(files);
      LinksRef signedLinks = new LinksRef();
      DownloadLinks links = azureBlobs.<DownloadLinks>map(AzureBlobs::links).orElse(signedLinks);
      JobStore jobs;
      JobProfileStore profiles;
      ExtractionCache cache;
      Map<String, Composition.HealthCheck> readiness = new LinkedHashMap<>();
      if (cosmos != null) {
        jobs = cosmos.jobs();
        profiles = cosmos.profiles();
        cache = cosmos.extractionCache();
        readiness.put("jobStore", cosmos::check);
      } else {
        SqliteJobStore sqliteJobs = new SqliteJobStore(db);
        sqliteJobs.expire(clock.instant()); // jobs past their 30 days, as Cosmos DB's TTL would remove them
        jobs = sqliteJobs;
        profiles = new SqliteJobProfileStore(db);
        cache = new SqliteExtractionCache(db, clock);
        readiness.put("jobStore", () -> sqliteJobs.find("health", "health"));
      }
      if (azureBlobs.isPresent()) readiness.put("storage", azureBlobs.get()::checkHealth);
      else readiness.put("storage", () -> files.list(BlobStore.UPLOADS, "health-"));
      QueueRef queueRef = new QueueRef();
      readiness.put("queue", () -> queueRef.get().stats(JobQueue.NAME));
      Composition.Adapters adapters = o.adapters().apply(new Composition.Adapters(blobs, jobs, profiles, cache,
          queueRef, links, readiness));
      Composition app = new Composition(settings, clock, adapters, Composition.tokenVerifier(settings, clock),
          azure::structurers);
      Composition.install(app);

      // the catalog hands functions a client of the backend, which needs the catalog to start
      AtomicReference<EmbeddedDurableBackend> backendRef = new AtomicReference<>();
      FunctionCatalog catalog = FunctionCatalog.builder()
          .packages("com.cvgen.functions")
          .durableClient(() -> started(backendRef.get()).rpcBaseUrl(), app::taskHub)
          .build();
      int cores = Runtime.getRuntime().availableProcessors();
      int activities = settings.getInt(Settings.ACTIVITY_CONCURRENCY, cores, 1, 256);
      backend = new EmbeddedDurableBackend(db, catalog,
          new DurableOptions(app.taskHub(), activities, Math.max(2, Math.min(4, cores))));
      backendRef.set(backend);
      backend.start();
      queue = EmbeddedQueue.open(db, catalog.queueHandlers(), QueueOptions.defaults());
      queueRef.set(queue);

      byte[] linkSecret = settings.require(Settings.LINK_SECRET).getBytes(StandardCharsets.UTF_8);
      HostServer.Builder http = HostServer.builder(catalog)
          .bindAddress(o.bindAddress())
          .staticDir(o.staticDir())
          .maxRequestBytes(app.limits().maxBytes() + 2L * 1024 * 1024)
          .corsOrigins(CorsOrigins.fromSettings(settings))
          .mount("/_host", new HostStatsHandler(() -> started(backendRef.get()), queueRef::get));
      // the web app's sign-in on this machine (in Azure: Static Web Apps' /.auth)
      if (settings.get(Settings.AUTH_MODE, "local").equals("local")) {
        com.cvgen.functions.auth.LocalTokens tokens = new com.cvgen.functions.auth.LocalTokens(
            settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8), clock);
        http.mount("/_host", new DevSignInHandler(tokens, clock)).mount("/.auth", new DevSignInHandler(tokens, clock));
      }
      // files on this machine are served by the host itself; Azurite serves its own SAS links
      if (files != null) http.signedFiles(files, new SignedLinks(linkSecret, URI.create("http://localhost/"), clock));
      HostServer server = http.build().start(o.port());
      URI base = URI.create(settings.get(Settings.PUBLIC_URL).orElse(
          "http://" + (o.bindAddress().equals("0.0.0.0") ? "localhost" : o.bindAddress()) + ":" + server.port() + "/"));
      signedLinks.set(new SignedLinks(linkSecret, base, clock));
      return new EmbeddedHost(data, channel, lock, db, cosmos, backend, queue, server,
          URI.create("http://" + (o.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : o.bindAddress()) + ":"
              + server.port() + "/"), catalog,
          (azureBlobs.isPresent() ? "Azure Blob Storage " + azureBlobs.get().client().getAccountUrl()
              : "files in " + data.resolve("blobs"))
          + ", " + (cosmos != null ? "Cosmos DB " + settings.require(Settings.COSMOS_ENDPOINT)
              : "SQLite " + data.resolve("cvgen.db")));
    } catch (RuntimeException e) {
      if (queue != null) queue.close();
      if (backend != null) backend.close();
      if (cosmos != null) cosmos.close();
      if (db != null) db.close();
      lock.release();
      channel.close();
      throw e;
    }
  }

  /**
   * A Cosmos DB endpoint on this machine (the Cosmos DB test server of {@code ./cvgen dev-servers},
   * or the emulator) has a self-signed certificate: the SDK is told to accept it, as Microsoft's
   * emulator documentation does, for loopback endpoints only.
   */
  static void trustLocalCosmosCertificate(Settings settings) {
    settings.get(Settings.COSMOS_ENDPOINT).map(URI::create).map(URI::getHost)
        .filter(h -> h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]"))
        .ifPresent(h -> System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true"));
  }

  /** Where blobs and job state live: the embedded stores, or the Azure services of local Azure mode. */
  public String stores() {
    return stores;
  }

  private static EmbeddedDurableBackend started(EmbeddedDurableBackend b) {
    if (b == null) throw new IllegalStateException("the durable backend is not started yet");
    return b;
  }

  public URI baseUri() {
    return baseUri;
  }

  public int port() {
    return server.port();
  }

  public Path dataDir() {
    return dataDir;
  }

  public FunctionCatalog catalog() {
    return catalog;
  }

  public BackendStats durableStats() {
    return backend.stats();
  }

  public EmbeddedQueue queue() {
    return queue;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      try {
        queue.close();
      } finally {
        try {
          backend.close();
        } finally {
          if (cosmos != null) cosmos.close();
          db.close();
          try {
            lock.release();
            lockChannel.close();
          } catch (IOException e) {
            // the lock goes with the process anyway
          }
        }
      }
    }
  }

  /** The queue sender the upload uses; the queue opens after the functions are known. */
  private static final class QueueRef implements JobQueue {
    private volatile EmbeddedQueue queue;

    void set(EmbeddedQueue q) {
      this.queue = q;
    }

    EmbeddedQueue get() {
      EmbeddedQueue q = queue;
      if (q == null) throw new IllegalStateException("the queue is not open yet");
      return q;
    }

    @Override
    public void send(JobMessage message) {
      String body;
      try {
        body = Json.mapper().writeValueAsString(message);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      get().send(JobQueue.NAME, message.jobId(), body, Map.of());
    }
  }

  /** Download links; their base URL is known once the server listens. */
  private static final class LinksRef implements DownloadLinks {
    private volatile SignedLinks links;

    void set(SignedLinks l) {
      this.links = l;
    }

    @Override
    public Link link(String container, String name, Duration ttl) {
      SignedLinks l = links;
      if (l == null) throw new IllegalStateException("the host is not listening yet");
      return l.link(container, name, ttl);
    }
  }
}
