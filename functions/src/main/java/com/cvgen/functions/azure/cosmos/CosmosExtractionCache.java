package com.cvgen.functions.azure.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.Resume;
import com.cvgen.core.pipeline.ExtractionCache;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The extraction cache in the Cosmos DB container {@code extractionCache} (partition key {@code
 * /id}, default time to live 30 days, counted from the last write). A cache key may hold characters
 * Cosmos DB ids must not ({@code / \ ? #}, from a structurer's id), so the item id is the key's
 * SHA-256 in hex; the key itself is stored beside the resume and checked on read.
 */
public final class CosmosExtractionCache implements ExtractionCache {
  private final CosmosContainer container;
  private final Clock clock;

  public CosmosExtractionCache(CosmosContainer container, Clock clock) {
    this.container = Objects.requireNonNull(container, "container");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The item id of a cache key: 64 hex digits, always a valid Cosmos DB id. */
  public static String itemId(String key) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public Optional<Resume> get(String key) {
    String id = itemId(key);
    ObjectNode doc;
    try {
      doc = container.readItem(id, new PartitionKey(id), ObjectNode.class).getItem();
    } catch (CosmosException e) {
      if (CosmosDocs.is(e, CosmosDocs.NOT_FOUND)) return Optional.empty();
      throw e;
    }
    JsonNode resume = doc.get("resume");
    if (!key.equals(doc.path("key").asText(null)) || resume == null || !resume.isObject()) return Optional.empty();
    try {
      return Optional.of(Json.mapper().treeToValue(resume, Resume.class));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // an entry of an older model: structure again
    }
  }

  @Override
  public void put(String key, Resume resume) {
    String id = itemId(key);
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("id", id);
    doc.put("key", key);
    doc.put("createdAt", clock.instant().toString());
    doc.set("resume", Json.mapper().valueToTree(resume));
    container.upsertItem(doc, new PartitionKey(id), new CosmosItemRequestOptions());
  }
}
