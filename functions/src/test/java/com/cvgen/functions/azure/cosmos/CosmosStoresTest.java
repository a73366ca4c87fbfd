package com.cvgen.functions.azure.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.PartitionKey;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.Resume;
import com.cvgen.core.pipeline.ExtractionCache;
import com.cvgen.core.pipeline.JobProfileStore;
import com.cvgen.core.pipeline.JobProfileStore.SavedJobProfile;
import com.cvgen.devservers.CosmosTestServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Containers, saved job profiles, the extraction cache and the readiness check on the test server. */
class CosmosStoresTest {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  static CosmosTestServer server;
  static CosmosStores stores;

  @BeforeAll
  static void start() throws Exception {
    server = CosmosTestServer.start();
    stores = CosmosStores.withKey(server.endpoint(), CosmosTestServer.KEY, null, true, Clock.fixed(T, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    if (stores != null) stores.close();
    if (server != null) server.close();
  }

  @Test
  void containersHaveTheirPartitionKeysAndTimeToLive() {
    assertThat(stores.database().getId()).isEqualTo(CosmosStores.DEFAULT_DATABASE);
    var jobs = stores.container(CosmosStores.JOBS).read().getProperties();
    assertThat(jobs.getPartitionKeyDefinition().getPaths()).containsExactly("/userId");
    assertThat(jobs.getDefaultTimeToLiveInSeconds()).isEqualTo(CosmosStores.THIRTY_DAYS);
    var profiles = stores.container(CosmosStores.JOB_PROFILES).read().getProperties();
    assertThat(profiles.getPartitionKeyDefinition().getPaths()).containsExactly("/userId");
    assertThat(profiles.getDefaultTimeToLiveInSeconds()).isNull();
    var cache = stores.container(CosmosStores.EXTRACTION_CACHE).read().getProperties();
    assertThat(cache.getPartitionKeyDefinition().getPaths()).containsExactly("/id");
    assertThat(cache.getDefaultTimeToLiveInSeconds()).isEqualTo(30 * 24 * 3600);
  }

  @Test
  void creatingAgainLeavesExistingContainersBe() {
    try (CosmosStores again = CosmosStores.withKey(server.endpoint(), CosmosTestServer.KEY, null, true,
        Clock.systemUTC())) {
      again.check();
      assertThat(again.container(CosmosStores.JOBS).read().getProperties().getDefaultTimeToLiveInSeconds())
          .isEqualTo(CosmosStores.THIRTY_DAYS);
    }
  }

  @Test
  void readinessFailsForAMissingDatabase() {
    stores.check();
    try (CosmosStores missing = CosmosStores.withKey(server.endpoint(), CosmosTestServer.KEY, "no-such-db", false,
        Clock.systemUTC())) {
      assertThatThrownBy(missing::check).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void savedJobProfilesBelongToTheirUserNewestFirst() throws Exception {
    JobProfileStore profiles = stores.profiles();
    JobProfile profile = Json.mapper().readValue("{\"title\":\"Backend engineer\"}", JobProfile.class);
    profiles.save(new SavedJobProfile("p1", "ann", "Backend engineer", "job.txt", T, profile));
    profiles.save(new SavedJobProfile("p2", "ann", "Second", null, T.plusMillis(1500), profile));
    profiles.save(new SavedJobProfile("p3", "ann", "Third", null, T.plusSeconds(1), profile));
    assertThat(profiles.find("ann", "p1").orElseThrow().profile().title()).isEqualTo("Backend engineer");
    assertThat(profiles.find("ann", "p1").orElseThrow().createdAt()).isEqualTo(T);
    assertThat(profiles.find("ben", "p1")).isEmpty();
    assertThat(profiles.list("ann", 10)).extracting(SavedJobProfile::id).containsExactly("p2", "p3", "p1");
    assertThat(profiles.list("ann", 2)).extracting(SavedJobProfile::id).containsExactly("p2", "p3");
    assertThat(profiles.list("ben", 10)).isEmpty();
    profiles.save(new SavedJobProfile("p1", "ann", "Renamed", "job.txt", T, profile));
    assertThat(profiles.find("ann", "p1").orElseThrow().title()).isEqualTo("Renamed");
  }

  @Test
  void extractionCachePutAndGetUnderAKeyCosmosWouldRefuseAsAnId() throws Exception {
    ExtractionCache cache = stores.extractionCache();
    byte[] pdf = "%PDF-1.7 same bytes".getBytes(StandardCharsets.ISO_8859_1);
    String key = ExtractionCache.key(pdf, "openai/gpt-4o?v=1#2\\x", "de");
    assertThat(cache.get(key)).isEmpty();
    Resume resume = Json.mapper().readValue("{\"basics\":{\"name\":\"Ann Example\"}}", Resume.class);
    cache.put(key, resume);
    assertThat(cache.get(key).orElseThrow().basics().name()).isEqualTo("Ann Example");
    assertThat(cache.get(ExtractionCache.key(pdf, "offline-v1", "de"))).isEmpty();
    cache.put(key, resume.withMeta(null));
    assertThat(cache.get(key)).isPresent();

    String id = CosmosExtractionCache.itemId(key);
    assertThat(id).matches("[0-9a-f]{64}");
    ObjectNode doc = stores.container(CosmosStores.EXTRACTION_CACHE).readItem(id, new PartitionKey(id), ObjectNode.class)
        .getItem();
    assertThat(doc.get("key").asText()).isEqualTo(key);
    assertThat(doc.get("createdAt").asText()).isEqualTo(T.toString());
  }
}
