package com.cvgen.devservers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Azurite and the Cosmos DB test server together, with the settings that point the app at them:
 * what {@code ./cvgen dev-servers} runs so that {@code ./cvgen serve} (local Azure mode) or a Core
 * Tools host uses the Azure SDK adapters on this machine.
 */
public final class DevServers implements AutoCloseable {
  /** The Cosmos DB emulator's usual port, which {@code local.settings.json.example} names. */
  public static final int DEFAULT_COSMOS_PORT = 8081;

  /**
   * @param toolsDir tools/test-servers (its node_modules: Azurite, @vercel/cosmosdb-server)
   * @param azuritePort Azurite's Blob port (Queue and Table on the next two); 0 for free ports
   * @param cosmosPort the Cosmos DB endpoint's port; 0 for a free one
   * @param azuriteData where Azurite keeps blobs between runs; null for memory only
   */
  public record Options(Path toolsDir, int azuritePort, int cosmosPort, Path azuriteData) {
    /** The ports of local.settings.json.example: Azurite 10000-10002, Cosmos DB 8081. */
    public static Options defaults(Path toolsDir, Path azuriteData) {
      return new Options(toolsDir, AzuriteServer.DEVELOPMENT_BLOB_PORT, DEFAULT_COSMOS_PORT, azuriteData);
    }
  }

  private final AzuriteServer azurite;
  private final CosmosTestServer cosmos;
  private final boolean developmentPorts;

  private DevServers(AzuriteServer azurite, CosmosTestServer cosmos, boolean developmentPorts) {
    this.azurite = azurite;
    this.cosmos = cosmos;
    this.developmentPorts = developmentPorts;
  }

  /** Starts both; when the second fails the first is stopped again. */
  public static DevServers start(Options o) throws IOException {
    AzuriteServer azurite = AzuriteServer.start(o.toolsDir(),
        new AzuriteServer.Options(o.azuritePort(), true, o.azuriteData()));
    try {
      CosmosTestServer cosmos = CosmosTestServer.start(o.toolsDir(), o.cosmosPort());
      return new DevServers(azurite, cosmos, o.azuritePort() == AzuriteServer.DEVELOPMENT_BLOB_PORT);
    } catch (IOException | RuntimeException e) {
      azurite.close();
      throw e;
    }
  }

  public AzuriteServer azurite() {
    return azurite;
  }

  public CosmosTestServer cosmos() {
    return cosmos;
  }

  /**
   * Azurite's connection string: {@code UseDevelopmentStorage=true} on the development ports, else
   * the development account with this Azurite's three endpoints.
   */
  public String storageConnectionString() {
    if (developmentPorts) return "UseDevelopmentStorage=true";
    int port = azurite.port();
    return "DefaultEndpointsProtocol=http;AccountName=" + AzuriteServer.ACCOUNT + ";AccountKey="
        + AzuriteServer.ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + AzuriteServer.ACCOUNT
        + ";QueueEndpoint=http://127.0.0.1:" + (port + 1) + "/" + AzuriteServer.ACCOUNT
        + ";TableEndpoint=http://127.0.0.1:" + (port + 2) + "/" + AzuriteServer.ACCOUNT + ";";
  }

  /**
   * The app settings that select local Azure mode against these servers (the names the app reads;
   * {@code AzureWebJobsStorage} is the Functions host's own storage, for Core Tools).
   */
  public Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("AzureWebJobsStorage", storageConnectionString());
    s.put("CVGEN_STORAGE_CONNECTION_STRING", storageConnectionString());
    s.put("CVGEN_COSMOS_ENDPOINT", cosmos.endpoint());
    s.put("CVGEN_COSMOS_KEY", CosmosTestServer.KEY);
    return s;
  }

  @Override
  public void close() {
    try {
      cosmos.close();
    } finally {
      azurite.close();
    }
  }
}
