package com.cvgen.functions.wiring;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.cvgen.core.llm.FallbackPolicy;
import com.cvgen.core.llm.LlmCvStructurer;
import com.cvgen.core.llm.LlmJobStructurer;
import com.cvgen.functions.azure.blob.AzureBlobs;
import com.cvgen.functions.azure.cosmos.CosmosStores;
import com.cvgen.functions.azure.keyvault.KeyVaultSecretStore;
import com.cvgen.functions.azure.openai.AzureOpenAiClient;
import com.cvgen.functions.azure.servicebus.ServiceBusJobQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the Azure adapters from settings: Blob Storage (by identity, or by connection string for
 * Azurite), Cosmos DB (by identity, or by key for the local test server), the Service Bus sender
 * (by identity) and the structurer (Azure OpenAI when an endpoint is set, else offline). The
 * credential is {@code DefaultAzureCredential} (the Function App's managed identity in Azure),
 * made once and only when some setting needs it.
 */
public final class AzureWiring {
  private final Settings settings;
  private final Clock clock;
  private TokenCredential credential;

  public AzureWiring(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  private synchronized TokenCredential credential() {
    if (credential == null) credential = new DefaultAzureCredentialBuilder().build();
    return credential;
  }

  /** Blob Storage when a storage setting is present. */
  public Optional<AzureBlobs> blobs() {
    Optional<String> connection = settings.get(Settings.STORAGE_CONNECTION_STRING);
    if (connection.isPresent()) return Optional.of(AzureBlobs.fromConnectionString(connection.get(), clock));
    return settings.get(Settings.STORAGE_ACCOUNT_URL).map(url -> AzureBlobs.fromAccountUrl(url, credential(), clock));
  }

  /** Cosmos DB when an endpoint is set: by key (creating what is missing) or by identity. */
  public Optional<CosmosStores> cosmos() {
    Optional<String> endpoint = settings.get(Settings.COSMOS_ENDPOINT);
    if (endpoint.isEmpty()) return Optional.empty();
    String database = settings.get(Settings.COSMOS_DATABASE, CosmosStores.DEFAULT_DATABASE);
    Optional<String> key = settings.get(Settings.COSMOS_KEY);
    return Optional.of(key.isPresent() ? CosmosStores.withKey(endpoint.get(), key.get(), database, true, clock)
        : CosmosStores.withCredential(endpoint.get(), credential(), database, clock));
  }

  /**
   * The structurers of CVs and job postings: both by the Azure OpenAI deployment (one client, so one
   * circuit breaker) when it is configured, else both offline.
   */
  public Composition.Structurers structurers() {
    Optional<String> endpoint = settings.get(Settings.OPENAI_ENDPOINT);
    if (endpoint.isEmpty()) return Composition.Structurers.offline();
    String deployment = settings.require(Settings.OPENAI_DEPLOYMENT);
    String version = settings.get(Settings.OPENAI_API_VERSION, "2024-10-21");
    AzureOpenAiClient.Options options = AzureOpenAiClient.Options.defaults();
    Optional<String> key = openAiKey();
    AzureOpenAiClient client = key.isPresent()
        ? AzureOpenAiClient.withApiKey(endpoint.get(), deployment, version, key.get(), options)
        : AzureOpenAiClient.withEntraId(endpoint.get(), deployment, version, credential(), options);
    String policy = settings.get(Settings.LLM_FALLBACK, "fallback").toLowerCase(Locale.ROOT);
    FallbackPolicy fallback = switch (policy) {
      case "fallback" -> FallbackPolicy.FALLBACK;
      case "fail" -> FallbackPolicy.FAIL;
      default -> throw new Settings.ConfigurationException(
          "the setting " + Settings.LLM_FALLBACK + " must be 'fallback' or 'fail', was '" + policy + "'");
    };
    return new Composition.Structurers(new LlmCvStructurer(client, new LlmCvStructurer.Options(deployment, fallback, null)),
        (reader, vocabulary) -> new LlmJobStructurer(client, deployment, fallback, reader, vocabulary));
  }

  /** The OpenAI key: the setting (a Key Vault reference in Azure), else the Key Vault secret, else none. */
  private Optional<String> openAiKey() {
    Optional<String> key = settings.get(Settings.OPENAI_API_KEY);
    if (key.isPresent()) return key;
    return settings.get(Settings.KEY_VAULT_URL)
        .flatMap(url -> KeyVaultSecretStore.connect(url, credential(), Duration.ofMinutes(15))
            .secret("cvgen-openai-api-key"));
  }

  /**
   * The adapters of a Functions host: everything in Azure. Storage, Cosmos DB and the Service Bus
   * namespace must be set.
   */
  public Composition.Adapters adapters() {
    AzureBlobs blobs = blobs().orElseThrow(() -> missing(Settings.STORAGE_ACCOUNT_URL));
    CosmosStores cosmos = cosmos().orElseThrow(() -> missing(Settings.COSMOS_ENDPOINT));
    String namespace = settings.get(Settings.SERVICE_BUS_NAMESPACE).orElseThrow(() ->
        missing(Settings.SERVICE_BUS_NAMESPACE));
    ServiceBusJobQueue queue = ServiceBusJobQueue.connect(namespace, credential());
    return new Composition.Adapters(blobs.store(), cosmos.jobs(), cosmos.profiles(), cosmos.extractionCache(), queue,
        blobs.links(), Map.of("storage", blobs::checkHealth, "jobStore", cosmos::check));
  }

  private static Settings.ConfigurationException missing(String name) {
    return new Settings.ConfigurationException("the setting " + name + " is missing: a Functions host keeps its files,"
        + " jobs and queue in Azure (see local.settings.json.example)");
  }
}
