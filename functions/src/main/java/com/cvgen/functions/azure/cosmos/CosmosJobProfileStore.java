package com.cvgen.functions.azure.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.cvgen.core.pipeline.JobProfileStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved job profiles in the Cosmos DB container {@code jobProfiles} (partition key {@code /userId},
 * item id = profile id, no time to live). Saving an existing id replaces it.
 */
public final class CosmosJobProfileStore implements JobProfileStore {
  private final CosmosContainer container;

  public CosmosJobProfileStore(CosmosContainer container) {
    this.container = Objects.requireNonNull(container, "container");
  }

  @Override
  public void save(SavedJobProfile profile) {
    ObjectNode doc = CosmosDocs.toDoc(profile, profile.id(), profile.createdAt());
    container.upsertItem(doc, new PartitionKey(profile.userId()), new CosmosItemRequestOptions());
  }

  @Override
  public Optional<SavedJobProfile> find(String userId, String id) {
    try {
      ObjectNode doc = container.readItem(id, new PartitionKey(userId), ObjectNode.class).getItem();
      return Optional.of(CosmosDocs.fromDoc(doc, SavedJobProfile.class, "job profile"));
    } catch (CosmosException e) {
      if (CosmosDocs.is(e, CosmosDocs.NOT_FOUND)) return Optional.empty();
      throw e;
    }
  }

  @Override
  public List<SavedJobProfile> list(String userId, int limit) {
    CosmosDocs.Page page = CosmosDocs.newestFirst(container, "userId", userId, limit, null);
    List<SavedJobProfile> out = new ArrayList<>(page.items().size());
    for (ObjectNode doc : page.items()) out.add(CosmosDocs.fromDoc(doc, SavedJobProfile.class, "job profile"));
    return out;
  }
}
