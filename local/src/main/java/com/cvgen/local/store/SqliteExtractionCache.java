package com.cvgen.local.store;

import com.cvgen.core.json.Json;
import com.cvgen.core.model.Resume;
import com.cvgen.core.pipeline.ExtractionCache;
import com.cvgen.local.db.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The extraction cache in the embedded database; entries live 30 days, like the Cosmos DB TTL. */
public final class SqliteExtractionCache implements ExtractionCache {
  public static final Duration TTL = Duration.ofDays(30);

  private final Database db;
  private final Clock clock;

  public SqliteExtractionCache(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    db.schema("""
        CREATE TABLE IF NOT EXISTS extraction_cache (
          cache_key TEXT PRIMARY KEY,
          created_at INTEGER NOT NULL,
          doc TEXT NOT NULL)""");
  }

  @Override
  public Optional<Resume> get(String key) {
    long oldest = clock.instant().minus(TTL).toEpochMilli();
    return db.tx(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT doc FROM extraction_cache WHERE cache_key = ? AND created_at >= ?")) {
        s.setString(1, key);
        s.setLong(2, oldest);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) return Optional.empty();
          try {
            return Optional.of(Json.mapper().readValue(r.getString(1), Resume.class));
          } catch (JsonProcessingException e) {
            return Optional.empty(); // an entry of an older model: structure again
          }
        }
      }
    });
  }

  @Override
  public void put(String key, Resume resume) {
    Instant now = clock.instant();
    String doc = SqliteJobStore.write(resume);
    db.tx(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT OR REPLACE INTO extraction_cache(cache_key, created_at, doc) VALUES (?, ?, ?)")) {
        s.setString(1, key);
        s.setLong(2, now.toEpochMilli());
        s.setString(3, doc);
        s.executeUpdate();
      }
      try (PreparedStatement d = c.prepareStatement("DELETE FROM extraction_cache WHERE created_at < ?")) {
        d.setLong(1, now.minus(TTL).toEpochMilli());
        d.executeUpdate();
      }
      return null;
    });
  }
}
