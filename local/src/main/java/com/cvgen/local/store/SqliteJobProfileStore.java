package com.cvgen.local.store;

import com.cvgen.core.json.Json;
import com.cvgen.core.pipeline.JobProfileStore;
import com.cvgen.local.db.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved job profiles in the embedded database, keyed by (user, id). */
public final class SqliteJobProfileStore implements JobProfileStore {
  private final Database db;

  public SqliteJobProfileStore(Database db) {
    this.db = db;
    db.schema("""
        CREATE TABLE IF NOT EXISTS job_profiles (
          user_id TEXT NOT NULL,
          id TEXT NOT NULL,
          created_at TEXT NOT NULL,
          doc TEXT NOT NULL,
          PRIMARY KEY (user_id, id))""");
  }

  @Override
  public void save(SavedJobProfile profile) {
    db.tx(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT OR REPLACE INTO job_profiles(user_id, id, created_at, doc) VALUES (?, ?, ?, ?)")) {
        s.setString(1, profile.userId());
        s.setString(2, profile.id());
        s.setString(3, profile.createdAt().toString());
        s.setString(4, SqliteJobStore.write(profile));
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<SavedJobProfile> find(String userId, String id) {
    return db.tx(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT doc FROM job_profiles WHERE user_id = ? AND id = ?")) {
        s.setString(1, userId);
        s.setString(2, id);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(parse(r.getString(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<SavedJobProfile> list(String userId, int limit) {
    return db.tx(c -> {
      List<SavedJobProfile> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT doc FROM job_profiles WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")) {
        s.setString(1, userId);
        s.setInt(2, limit);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) out.add(parse(r.getString(1)));
        }
      }
      return out;
    });
  }

  private static SavedJobProfile parse(String json) {
    try {
      return Json.mapper().readValue(json, SavedJobProfile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored job profile cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
