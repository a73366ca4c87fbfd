package com.cvgen.functions.azure.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.PartitionKey;
import com.cvgen.core.model.Job;
import com.cvgen.core.pipeline.JobStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Job documents in the Cosmos DB container {@code jobs} (partition key {@code /userId}, item id =
 * job id). The document is the job's JSON (its {@code ttl} is Cosmos DB's per-item time to live)
 * plus {@code id} and {@code createdAtEpochMs} for sorting.
 *
 * <p>{@link #update} is optimistic: read with the ETag, apply the change, replace if the ETag still
 * matches; on 412 Precondition Failed read again and re-apply, with a short random back-off, at most
 * {@link #DEFAULT_MAX_ATTEMPTS} times. Concurrent activities thus never overwrite each other's
 * progress.
 *
 * <p>{@link #list} queries the user's partition {@code ORDER BY c.createdAtEpochMs DESC} and pages
 * with the SDK's continuation token (wrapped as URL-safe base64); in Cosmos DB a single-property
 * ORDER BY needs only the default range index.
 */
public final class CosmosJobStore implements JobStore {
  public static final int DEFAULT_MAX_ATTEMPTS = 30;

  private final CosmosContainer container;
  private final int maxAttempts;

  public CosmosJobStore(CosmosContainer container) {
    this(container, DEFAULT_MAX_ATTEMPTS);
  }

  CosmosJobStore(CosmosContainer container, int maxAttempts) {
    this.container = Objects.requireNonNull(container, "container");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    this.maxAttempts = maxAttempts;
  }

  @Override
  public void create(Job job) {
    try {
      container.createItem(doc(job), new PartitionKey(job.userId()), new CosmosItemRequestOptions());
    } catch (CosmosException e) {
      if (CosmosDocs.is(e, CosmosDocs.CONFLICT)) throw new IllegalStateException("job " + job.jobId() + " exists");
      throw e;
    }
  }

  @Override
  public Optional<Job> find(String userId, String jobId) {
    return read(userId, jobId).map(r -> parse(r.getItem()));
  }

  @Override
  public Optional<Job> update(String userId, String jobId, UnaryOperator<Job> change) {
    for (int attempt = 1; ; attempt++) {
      Optional<CosmosItemResponse<ObjectNode>> read = read(userId, jobId);
      if (read.isEmpty()) return Optional.empty();
      Job current = parse(read.get().getItem());
      Job next = change.apply(current);
      if (next == current) return Optional.of(current);
      if (next == null || !jobId.equals(next.jobId()) || !userId.equals(next.userId())) {
        throw new IllegalArgumentException("an update may not change a job's id or owner");
      }
      try {
        container.replaceItem(doc(next), jobId, new PartitionKey(userId),
            new CosmosItemRequestOptions().setIfMatchETag(read.get().getETag()));
        return Optional.of(next);
      } catch (CosmosException e) {
        if (CosmosDocs.is(e, CosmosDocs.NOT_FOUND)) return Optional.empty(); // deleted (expired) meanwhile
        if (!CosmosDocs.is(e, CosmosDocs.PRECONDITION_FAILED)) throw e;
        if (attempt >= maxAttempts) {
          throw new IllegalStateException("job " + jobId + " changed concurrently " + attempt
              + " times in a row; the update was not applied", e);
        }
        backOff(attempt);
      }
    }
  }

  @Override
  public Page list(String userId, int limit, String continuationToken) {
    CosmosDocs.Page page = CosmosDocs.newestFirst(container, "userId", userId, limit, continuationToken);
    List<Job> jobs = new ArrayList<>(page.items().size());
    for (ObjectNode item : page.items()) jobs.add(parse(item));
    return new Page(jobs, page.continuationToken());
  }

  private Optional<CosmosItemResponse<ObjectNode>> read(String userId, String jobId) {
    try {
      return Optional.of(container.readItem(jobId, new PartitionKey(userId), ObjectNode.class));
    } catch (CosmosException e) {
      if (CosmosDocs.is(e, CosmosDocs.NOT_FOUND)) return Optional.empty();
      throw e;
    }
  }

  /**
   * A random pause up to a bound doubling with each attempt (10, 20, 40 ... at most 500 ms): racers
   * spread out, so a crowd of writers to one job still gets through.
   */
  private static void backOff(int attempt) {
    long cap = Math.min(500, 5L << Math.min(attempt, 7));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while updating a job", e);
    }
  }

  private static ObjectNode doc(Job job) {
    return CosmosDocs.toDoc(job, job.jobId(), job.createdAt());
  }

  private static Job parse(ObjectNode doc) {
    return CosmosDocs.fromDoc(doc, Job.class, "job");
  }
}
