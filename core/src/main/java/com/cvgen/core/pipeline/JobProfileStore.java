package com.cvgen.core.pipeline;

import com.cvgen.core.model.JobProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Saved job profiles of a user, reusable for later uploads (Cosmos DB container {@code jobProfiles}). */
public interface JobProfileStore {
  void save(SavedJobProfile profile);

  Optional<SavedJobProfile> find(String userId, String id);

  /** The user's profiles, newest first, at most {@code limit}. */
  List<SavedJobProfile> list(String userId, int limit);

  /** A stored profile: its id, owner, a title for lists, where it came from, and the profile. */
  record SavedJobProfile(String id, String userId, String title, String sourceName, Instant createdAt,
      JobProfile profile) {}
}
