package com.cvgen.functions.azure.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.cvgen.core.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/** What the three stores share: documents as Jackson trees, status codes, newest-first paging. */
final class CosmosDocs {
  /** Epoch milliseconds of {@code createdAt}: ISO strings of varying precision do not sort as text. */
  static final String CREATED_AT_MS = "createdAtEpochMs";

  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;
  static final int PRECONDITION_FAILED = 412;

  private CosmosDocs() {}

  /** {@code value} as the product's mapper writes it, plus {@code id} and the sortable creation time. */
  static ObjectNode toDoc(Object value, String id, Instant createdAt) {
    ObjectNode doc = Json.mapper().valueToTree(value);
    doc.put("id", id);
    if (createdAt != null) doc.put(CREATED_AT_MS, createdAt.toEpochMilli());
    return doc;
  }

  static <T> T fromDoc(JsonNode doc, Class<T> type, String what) {
    try {
      return Json.mapper().treeToValue(doc, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + what + " cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  static boolean is(CosmosException e, int status) {
    return e.getStatusCode() == status;
  }

  /** One page of a partition's items, newest first. */
  record Page(List<ObjectNode> items, String continuationToken) {}

  /**
   * Up to {@code limit} of the partition's items ({@code field = value}), newest first, from where
   * {@code token} (one this method returned, or null) left off. Collects across service pages, since
   * Cosmos DB may answer with fewer items than asked for.
   */
  static Page newestFirst(CosmosContainer container, String field, String value, int limit, String token) {
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    String sdkToken = decode(token);
    SqlQuerySpec query = new SqlQuerySpec(
        "SELECT * FROM c WHERE c." + field + " = @value ORDER BY c." + CREATED_AT_MS + " DESC",
        List.of(new SqlParameter("@value", value)));
    CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(value));
    List<ObjectNode> items = new ArrayList<>(limit);
    String next = sdkToken;
    boolean first = true;
    do {
      FeedResponse<ObjectNode> page;
      try {
        Iterator<FeedResponse<ObjectNode>> pages = container.queryItems(query, options, ObjectNode.class)
            .iterableByPage(next, limit - items.size()).iterator();
        if (!pages.hasNext()) {
          next = null;
          break;
        }
        page = pages.next();
      } catch (CosmosException e) {
        if (first && sdkToken != null && e.getStatusCode() == 400) throw invalidToken(e);
        throw e;
      } catch (RuntimeException e) {
        if (first && sdkToken != null) throw invalidToken(e); // the SDK could not parse the token
        throw e;
      }
      first = false;
      items.addAll(page.getResults());
      next = page.getContinuationToken();
    } while (next != null && items.size() < limit);
    return new Page(items, encode(next));
  }

  private static IllegalArgumentException invalidToken(Exception cause) {
    return new IllegalArgumentException("the continuation token is not valid", cause);
  }

  /** The SDK's token (JSON) made opaque and URL-safe. */
  private static String encode(String sdkToken) {
    if (sdkToken == null) return null;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sdkToken.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    if (token == null || token.isBlank()) return null;
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      Json.mapper().readTree(s); // the SDK's tokens are JSON; anything else was not made here
      return s;
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new IllegalArgumentException("the continuation token is not valid");
    }
  }
}
