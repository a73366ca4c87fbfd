package com.cvgen.functions.azure.cosmos;

import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.cvgen.core.pipeline.ExtractionCache;
import com.cvgen.core.pipeline.JobProfileStore;
import com.cvgen.core.pipeline.JobStore;
import java.time.Clock;
import java.util.Objects;

/**
 * The Cosmos DB side of the app: one client, one database (default {@value #DEFAULT_DATABASE}) and
 * its three containers, and the stores on them.
 *
 * <ul>
 *   <li>{@value #JOBS}: partition key {@code /userId}, default time to live 30 days (a job's own
 *       {@code ttl} overrides it);
 *   <li>{@value #JOB_PROFILES}: partition key {@code /userId}, no time to live;
 *   <li>{@value #EXTRACTION_CACHE}: partition key {@code /id}, default time to live 30 days.
 * </ul>
 *
 * <p>With a key ({@link #withKey}: the emulator, the test server, local runs) the database and the
 * containers can be created when missing. With Entra ID ({@link #withCredential}, e.g. {@code
 * DefaultAzureCredential} and a managed identity) the data plane may not create them: the
 * infrastructure (Bicep) does, with the same names, partition keys and time to live.
 */
public final class CosmosStores implements AutoCloseable {
  public static final String DEFAULT_DATABASE = "cvgen";
  public static final String JOBS = "jobs";
  public static final String JOB_PROFILES = "jobProfiles";
  public static final String EXTRACTION_CACHE = "extractionCache";
  /** Thirty days in seconds: the default time to live of jobs and cached extractions. */
  public static final int THIRTY_DAYS = 30 * 24 * 3600;

  private final CosmosClient client;
  private final CosmosDatabase database;
  private final CosmosJobStore jobs;
  private final CosmosJobProfileStore profiles;
  private final CosmosExtractionCache cache;

  private CosmosStores(CosmosClient client, String databaseName, boolean createIfMissing, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    if (databaseName == null || databaseName.isBlank()) databaseName = DEFAULT_DATABASE;
    if (createIfMissing) createIfMissing(client, databaseName);
    this.database = client.getDatabase(databaseName);
    this.jobs = new CosmosJobStore(database.getContainer(JOBS));
    this.profiles = new CosmosJobProfileStore(database.getContainer(JOB_PROFILES));
    this.cache = new CosmosExtractionCache(database.getContainer(EXTRACTION_CACHE), clock);
  }

  /**
   * Stores on an account reached with its key: gateway mode, endpoint discovery off (the emulator
   * and the test server name no other regions). {@code createIfMissing} creates the database and
   * the containers.
   */
  public static CosmosStores withKey(String endpoint, String key, String database, boolean createIfMissing,
      Clock clock) {
    CosmosClient client = new CosmosClientBuilder()
        .endpoint(requireText(endpoint, "endpoint"))
        .key(requireText(key, "key"))
        .gatewayMode()
        .endpointDiscoveryEnabled(false)
        .buildClient();
    return open(client, database, createIfMissing, clock);
  }

  /**
   * Stores on an account reached with Entra ID (in Azure: {@code new
   * DefaultAzureCredentialBuilder().build()}, the app's managed identity holding the Cosmos DB Built-in
   * Data Contributor role). Creates nothing: the database and containers must exist.
   */
  public static CosmosStores withCredential(String endpoint, TokenCredential credential, String database,
      Clock clock) {
    CosmosClient client = new CosmosClientBuilder()
        .endpoint(requireText(endpoint, "endpoint"))
        .credential(Objects.requireNonNull(credential, "credential"))
        .gatewayMode()
        .buildClient();
    return open(client, database, false, clock);
  }

  /** Stores on a client built elsewhere; closing the stores closes the client. */
  public static CosmosStores of(CosmosClient client, String database, boolean createIfMissing, Clock clock) {
    return open(client, database, createIfMissing, clock);
  }

  private static CosmosStores open(CosmosClient client, String database, boolean createIfMissing, Clock clock) {
    try {
      return new CosmosStores(client, database, createIfMissing, clock);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Creates the database and the three containers when they are missing; leaves existing ones be. */
  static void createIfMissing(CosmosClient client, String databaseName) {
    client.createDatabaseIfNotExists(databaseName);
    CosmosDatabase db = client.getDatabase(databaseName);
    db.createContainerIfNotExists(new CosmosContainerProperties(JOBS, "/userId")
        .setDefaultTimeToLiveInSeconds(THIRTY_DAYS));
    db.createContainerIfNotExists(new CosmosContainerProperties(JOB_PROFILES, "/userId"));
    db.createContainerIfNotExists(new CosmosContainerProperties(EXTRACTION_CACHE, "/id")
        .setDefaultTimeToLiveInSeconds(THIRTY_DAYS));
  }

  public JobStore jobs() {
    return jobs;
  }

  public JobProfileStore profiles() {
    return profiles;
  }

  public ExtractionCache extractionCache() {
    return cache;
  }

  public CosmosDatabase database() {
    return database;
  }

  public CosmosContainer container(String name) {
    return database.getContainer(name);
  }

  /**
   * Readiness: reads the database and the jobs container (metadata only, no items); throws when
   * the account cannot be reached, the credentials are refused or either is missing.
   */
  public void check() {
    database.read();
    database.getContainer(JOBS).read();
  }

  @Override
  public void close() {
    client.close();
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("the Cosmos DB " + name + " is missing");
    return value;
  }
}
