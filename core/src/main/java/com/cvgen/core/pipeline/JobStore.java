package com.cvgen.core.pipeline;

import com.cvgen.core.model.Job;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Job documents: Cosmos DB in Azure (container {@code jobs}, partition key {@code /userId}), the
 * embedded database on one machine. Every lookup names the user, so one user's job is invisible to
 * another (a point read in the user's partition).
 */
public interface JobStore {
  /** Stores a new job; {@link IllegalStateException} if its id exists. */
  void create(Job job);

  Optional<Job> find(String userId, String jobId);

  /**
   * Applies {@code change} to the stored job atomically: with optimistic concurrency the change is
   * re-applied to the newest version after a conflict, so it must be a pure function of its input.
   * Returns the job as stored, or empty when it does not exist. A change returning the same object
   * writes nothing.
   */
  Optional<Job> update(String userId, String jobId, UnaryOperator<Job> change);

  /** The user's jobs, newest first, {@code limit} at a time; pass the returned token for more. */
  Page list(String userId, int limit, String continuationToken);

  record Page(List<Job> jobs, String continuationToken) {}
}
