package com.cvgen.functions.wiring;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The app's settings: Functions app settings (environment variables) in Azure, {@code
 * local.settings.json} values or the environment on one machine. Every name the code reads is a
 * constant here, and {@link #NAMES} lists them all (the Bicep app settings and {@code
 * local.settings.json.example} are checked against it).
 */
public final class Settings {
  /** {@code local} (HS256 tokens signed with {@link #AUTH_SECRET}) or {@code entra} (Entra ID). */
  public static final String AUTH_MODE = "CVGEN_AUTH_MODE";
  /** The HS256 secret for local tokens (at least 32 bytes); in Azure a Key Vault reference. */
  public static final String AUTH_SECRET = "CVGEN_AUTH_SECRET";
  public static final String ENTRA_TENANT_ID = "CVGEN_ENTRA_TENANT_ID";
  /** The API's application id URI or client id that tokens must be issued for. */
  public static final String ENTRA_AUDIENCE = "CVGEN_ENTRA_AUDIENCE";
  /** The secret that signs download links served by the embedded host (at least 32 bytes). */
  public static final String LINK_SECRET = "CVGEN_LINK_SECRET";
  /** How long download links live (ISO-8601 duration such as PT1H, or minutes); default one hour. */
  public static final String LINK_TTL = "CVGEN_LINK_TTL";
  /** The base URL users reach the host at (the embedded host sets it to its own address). */
  public static final String PUBLIC_URL = "CVGEN_PUBLIC_URL";
  public static final String MAX_UPLOAD_MB = "CVGEN_MAX_UPLOAD_MB";
  public static final String MAX_PAGES = "CVGEN_MAX_PAGES";
  /** The embedded host's data directory (blobs, database). */
  public static final String DATA_DIR = "CVGEN_DATA_DIR";
  /** How many activities run at once in the embedded host; default the number of cores. */
  public static final String ACTIVITY_CONCURRENCY = "CVGEN_ACTIVITY_CONCURRENCY";
  /** The Durable task hub (also in host.json). */
  public static final String TASK_HUB = "CVGEN_TASK_HUB";

  /** Blob Storage by identity: https://ACCOUNT.blob.core.windows.net (Azure). */
  public static final String STORAGE_ACCOUNT_URL = "CVGEN_STORAGE_ACCOUNT_URL";
  /** Blob Storage by connection string with a key: Azurite on one machine (UseDevelopmentStorage=true). */
  public static final String STORAGE_CONNECTION_STRING = "CVGEN_STORAGE_CONNECTION_STRING";
  /** The Cosmos DB account endpoint; with {@link #COSMOS_KEY} a key is used (test server), else the identity. */
  public static final String COSMOS_ENDPOINT = "CVGEN_COSMOS_ENDPOINT";
  public static final String COSMOS_KEY = "CVGEN_COSMOS_KEY";
  public static final String COSMOS_DATABASE = "CVGEN_COSMOS_DATABASE";
  /** The Service Bus namespace of the queue, by identity (the trigger's connection setting too). */
  public static final String SERVICE_BUS_NAMESPACE = "ServiceBusConnection__fullyQualifiedNamespace";
  /** Key Vault for secrets the app reads itself (the OpenAI key when one is used). */
  public static final String KEY_VAULT_URL = "CVGEN_KEY_VAULT_URL";
  /** Azure OpenAI: with an endpoint the CV is structured by the model, else offline. */
  public static final String OPENAI_ENDPOINT = "CVGEN_OPENAI_ENDPOINT";
  public static final String OPENAI_DEPLOYMENT = "CVGEN_OPENAI_DEPLOYMENT";
  public static final String OPENAI_API_VERSION = "CVGEN_OPENAI_API_VERSION";
  /** An API key instead of the identity (a Key Vault reference in Azure; the stub's key locally). */
  public static final String OPENAI_API_KEY = "CVGEN_OPENAI_API_KEY";
  /** What a job does when the model is unavailable: {@code fallback} (offline structurer) or {@code fail}. */
  public static final String LLM_FALLBACK = "CVGEN_LLM_FALLBACK";
  /** Uploads a client address may start per minute (default 10; 0 turns the limit off). */
  public static final String RATE_LIMIT_UPLOADS_PER_MINUTE = "CVGEN_RATE_LIMIT_UPLOADS_PER_MINUTE";
  /** API requests a user may make per minute (default 120; 0 turns the limit off). */
  public static final String RATE_LIMIT_REQUESTS_PER_MINUTE = "CVGEN_RATE_LIMIT_REQUESTS_PER_MINUTE";
  /**
   * The origins that may call the API from a browser: comma-separated, each exactly {@code
   * scheme://host[:port]}; empty: no cross-origin access. The embedded host applies it; in Azure
   * the Function App's platform CORS is set from the same value.
   */
  public static final String CORS_ORIGINS = "CVGEN_CORS_ORIGINS";
  /**
   * {@code true}: a request without a bearer token is authenticated by the {@code
   * x-ms-client-principal} header that a linked Azure Static Web App adds (default false). Only
   * safe when the Function App takes traffic from its linked Static Web App alone.
   */
  public static final String AUTH_TRUST_STATIC_WEB_APP = "CVGEN_AUTH_TRUST_STATIC_WEB_APP";

  public static final java.util.List<String> NAMES = java.util.List.of(AUTH_MODE, AUTH_SECRET, ENTRA_TENANT_ID,
      ENTRA_AUDIENCE, LINK_SECRET, LINK_TTL, PUBLIC_URL, MAX_UPLOAD_MB, MAX_PAGES, DATA_DIR, ACTIVITY_CONCURRENCY,
      TASK_HUB, STORAGE_ACCOUNT_URL, STORAGE_CONNECTION_STRING, COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE,
      SERVICE_BUS_NAMESPACE, KEY_VAULT_URL, OPENAI_ENDPOINT, OPENAI_DEPLOYMENT, OPENAI_API_VERSION, OPENAI_API_KEY,
      LLM_FALLBACK, RATE_LIMIT_UPLOADS_PER_MINUTE, RATE_LIMIT_REQUESTS_PER_MINUTE, CORS_ORIGINS,
      AUTH_TRUST_STATIC_WEB_APP);

  private final Map<String, String> values;

  public Settings(Map<String, String> values) {
    this.values = Map.copyOf(new LinkedHashMap<>(values));
  }

  public static Settings fromEnvironment() {
    return new Settings(System.getenv());
  }

  public Optional<String> get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public String require(String name) {
    return get(name).orElseThrow(() -> new ConfigurationException("the setting " + name + " is missing"));
  }

  public int getInt(String name, int fallback, int min, int max) {
    Optional<String> v = get(name);
    if (v.isEmpty()) return fallback;
    try {
      int n = Integer.parseInt(v.get());
      if (n < min || n > max) {
        throw new ConfigurationException("the setting " + name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigurationException("the setting " + name + " must be a whole number, was '" + v.get() + "'");
    }
  }

  /** {@code true} or {@code false} (any case); missing or blank: {@code fallback}. */
  public boolean getBoolean(String name, boolean fallback) {
    Optional<String> v = get(name);
    if (v.isEmpty()) return fallback;
    if (v.get().equalsIgnoreCase("true")) return true;
    if (v.get().equalsIgnoreCase("false")) return false;
    throw new ConfigurationException("the setting " + name + " must be true or false, was '" + v.get() + "'");
  }

  /** An ISO-8601 duration (PT1H) or a number of minutes. */
  public Duration getDuration(String name, Duration fallback) {
    Optional<String> v = get(name);
    if (v.isEmpty()) return fallback;
    try {
      Duration d = v.get().matches("\\d+") ? Duration.ofMinutes(Long.parseLong(v.get())) : Duration.parse(v.get());
      if (d.isNegative() || d.isZero()) throw new ConfigurationException("the setting " + name + " must be positive");
      return d;
    } catch (DateTimeParseException e) {
      throw new ConfigurationException("the setting " + name + " must be a duration like PT1H or minutes, was '"
          + v.get() + "'");
    }
  }

  /** A setting that is missing or malformed: the app cannot start as configured. */
  public static final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
      super(message);
    }
  }
}
