package com.cvgen.functions.wiring;

import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.extract.CvStructurer;
import com.cvgen.core.extract.OfflineCvStructurer;
import com.cvgen.core.extract.PdfLimits;
import com.cvgen.core.jobs.JobProfileReader;
import com.cvgen.core.jobs.JobProfileStructurer;
import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.CvPipelineSteps;
import com.cvgen.core.pipeline.DownloadLinks;
import com.cvgen.core.pipeline.ExtractionCache;
import com.cvgen.core.pipeline.JobIntake;
import com.cvgen.core.pipeline.JobProfileStore;
import com.cvgen.core.pipeline.JobQueue;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.core.skills.SkillVocabulary;
import com.cvgen.functions.auth.BearerAuth;
import com.cvgen.functions.auth.EntraTokenVerifier;
import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.auth.TokenVerifier;
import com.cvgen.functions.http.RateLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The composition root: builds every service the functions use from the settings and the storage
 * adapters, once per process. The Functions worker gets function instances through {@link
 * CvFunctionInstanceInjector}, which hands each the {@link #current()} composition.
 *
 * <p>Which adapters: the embedded host builds its own (files, embedded database, embedded queue)
 * and {@link #install installs} the composition before it serves; a Functions host builds the
 * composition from the environment ({@link #fromSettings}).
 */
public final class Composition {
  /** A readiness check of one dependency (storage, job store, queue): throws when it is not usable. */
  @FunctionalInterface
  public interface HealthCheck {
    void check() throws Exception;
  }

  /** The storage side: what differs between Azure and one machine. */
  public record Adapters(BlobStore blobs, JobStore jobs, JobProfileStore profiles, ExtractionCache cache,
      JobQueue queue, DownloadLinks links, Map<String, HealthCheck> readiness) {
    public Adapters {
      Objects.requireNonNull(blobs, "blobs");
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(profiles, "profiles");
      Objects.requireNonNull(cache, "cache");
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(links, "links");
      readiness = Map.copyOf(new LinkedHashMap<>(readiness));
    }
  }

  private static volatile Composition installed;

  private final Settings settings;
  private final Clock clock;
  private final Adapters adapters;
  private final BearerAuth auth;
  private final RateLimits rateLimits;
  private final PdfLimits limits;
  private final java.util.function.Supplier<Structurers> structurers;
  private volatile Services services;
  private final Duration linkTtl;
  private final String taskHub;

  public Composition(Settings settings, Clock clock, Adapters adapters, TokenVerifier tokens) {
    this(settings, clock, adapters, tokens, Structurers::offline);
  }

  /** @param structurers made on first use (a language model client is not made for a host that never structures) */
  public Composition(Settings settings, Clock clock, Adapters adapters, TokenVerifier tokens,
      java.util.function.Supplier<Structurers> structurers) {
    this.structurers = structurers;
    this.settings = settings;
    this.clock = clock;
    this.adapters = adapters;
    this.auth = new BearerAuth(tokens, settings.getBoolean(Settings.AUTH_TRUST_STATIC_WEB_APP, false));
    this.rateLimits = RateLimits.fromSettings(settings);
    long maxBytes = settings.getInt(Settings.MAX_UPLOAD_MB, 10, 1, 100) * 1024L * 1024L;
    int maxPages = settings.getInt(Settings.MAX_PAGES, 20, 1, 200);
    PdfLimits d = PdfLimits.DEFAULT;
    this.limits = new PdfLimits(maxBytes, maxPages, d.timeBudget(), d.maxMemoryBytes(), d.maxContentBytes());
    this.linkTtl = settings.getDuration(Settings.LINK_TTL, Duration.ofHours(1));
    if (linkTtl.compareTo(Duration.ofHours(1)) > 0) {
      throw new Settings.ConfigurationException("the setting " + Settings.LINK_TTL + " may be at most one hour");
    }
    this.taskHub = settings.get(Settings.TASK_HUB, "cvgen");
  }

  /** The token verifier the settings ask for: local HS256 or Entra ID. */
  public static TokenVerifier tokenVerifier(Settings settings, Clock clock) {
    String mode = settings.get(Settings.AUTH_MODE, "local");
    return switch (mode) {
      case "local" -> new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8), clock);
      case "entra" -> EntraTokenVerifier.forTenant(settings.require(Settings.ENTRA_TENANT_ID),
          settings.require(Settings.ENTRA_AUDIENCE));
      default -> throw new Settings.ConfigurationException(
          "the setting " + Settings.AUTH_MODE + " must be 'local' or 'entra', was '" + mode + "'");
    };
  }

  /** The installed composition, or one built from the environment on first use. */
  public static Composition current() {
    Composition c = installed;
    if (c != null) return c;
    synchronized (Composition.class) {
      if (installed == null) installed = fromSettings(Settings.fromEnvironment());
      return installed;
    }
  }

  /** Makes {@code c} the composition every function instance gets (the embedded host, tests). */
  public static void install(Composition c) {
    installed = c;
  }

  /**
   * Builds the composition for a Functions host from its app settings: Blob Storage, Cosmos DB and
   * Service Bus by the app's identity, Azure OpenAI when configured (see {@link AzureWiring}).
   */
  public static Composition fromSettings(Settings settings) {
    Clock clock = Clock.systemUTC();
    AzureWiring azure = new AzureWiring(settings, clock);
    return new Composition(settings, clock, azure.adapters(), tokenVerifier(settings, clock), azure::structurers);
  }

  public Settings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  public Adapters adapters() {
    return adapters;
  }

  public BearerAuth auth() {
    return auth;
  }

  /** The API's rate limits (per process). */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  public PdfLimits limits() {
    return limits;
  }

  public JobIntake intake() {
    return services().intake();
  }

  public CvPipelineSteps steps() {
    return services().steps();
  }

  /**
   * What structures CVs and job postings: both by the language model when one is configured (see
   * {@link AzureWiring#structurers()}), else both offline.
   *
   * @param jobs the job structurer, given the offline reader and the skills vocabulary
   */
  public record Structurers(CvStructurer cv,
      java.util.function.BiFunction<JobProfileReader, SkillVocabulary, JobProfileStructurer> jobs) {
    public static Structurers offline() {
      return new Structurers(new OfflineCvStructurer(), (reader, vocabulary) -> JobProfileStructurer.offline(reader));
    }
  }

  /** The domain services, made on first use: loading vocabularies and schemas need not delay a host's start. */
  private record Services(JobIntake intake, CvPipelineSteps steps) {}

  private Services services() {
    Services s = services;
    if (s != null) return s;
    synchronized (this) {
      if (services == null) {
        SkillVocabulary vocabulary = SkillVocabulary.defaults();
        Structurers made = structurers.get();
        CvExtractor extractor = new CvExtractor(limits, made.cv());
        JobProfileReader jobReader = new JobProfileReader(vocabulary, extractor);
        JobProfileStructurer jobStructurer = made.jobs().apply(jobReader, vocabulary);
        services = new Services(
            new JobIntake(adapters.blobs(), adapters.jobs(), adapters.profiles(), adapters.queue(), adapters.cache(),
                extractor, jobReader, jobStructurer, limits, clock),
            new CvPipelineSteps(adapters.blobs(), adapters.jobs(), adapters.cache(), extractor, jobStructurer,
                vocabulary, clock));
      }
      return services;
    }
  }

  public Duration linkTtl() {
    return linkTtl;
  }

  public String taskHub() {
    return taskHub;
  }
}
