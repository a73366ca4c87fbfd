package com.cvgen.local.store;

import com.cvgen.core.json.Json;
import com.cvgen.core.model.Job;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.local.db.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Job documents in the embedded database, keyed by (user, job) like the Cosmos DB container is
 * partitioned by user. An update reads, changes and writes in one transaction, so concurrent steps
 * never lose each other's changes. Jobs past their time to live are removed by {@link #expire}.
 */
public final class SqliteJobStore implements JobStore {
  private final Database db;

  public SqliteJobStore(Database db) {
    this.db = db;
    db.schema("""
        CREATE TABLE IF NOT EXISTS jobs (
          user_id TEXT NOT NULL,
          job_id TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at INTEGER,
          doc TEXT NOT NULL,
          PRIMARY KEY (user_id, job_id))""",
        "CREATE INDEX IF NOT EXISTS jobs_by_user_created ON jobs(user_id, created_at DESC, job_id DESC)");
  }

  @Override
  public void create(Job job) {
    db.tx(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO jobs(user_id, job_id, created_at, expires_at, doc) VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, job.userId());
        s.setString(2, job.jobId());
        s.setString(3, job.createdAt().toString());
        setExpiry(s, 4, job);
        s.setString(5, write(job));
        s.executeUpdate();
      } catch (SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
          throw new IllegalStateException("job " + job.jobId() + " exists");
        }
        throw e;
      }
      return null;
    });
  }

  @Override
  public Optional<Job> find(String userId, String jobId) {
    return db.tx(c -> read(c, userId, jobId));
  }

  @Override
  public Optional<Job> update(String userId, String jobId, UnaryOperator<Job> change) {
    return db.tx(c -> {
      Optional<Job> current = read(c, userId, jobId);
      if (current.isEmpty()) return current;
      Job next = change.apply(current.get());
      if (next == current.get()) return current;
      if (!next.jobId().equals(jobId) || !next.userId().equals(userId)) {
        throw new IllegalArgumentException("an update may not change a job's id or owner");
      }
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE jobs SET doc = ?, expires_at = ? WHERE user_id = ? AND job_id = ?")) {
        s.setString(1, write(next));
        setExpiry(s, 2, next);
        s.setString(3, userId);
        s.setString(4, jobId);
        s.executeUpdate();
      }
      return Optional.of(next);
    });
  }

  @Override
  public Page list(String userId, int limit, String continuationToken) {
    Cursor after = Cursor.parse(continuationToken);
    return db.tx(c -> {
      String sql = "SELECT doc, created_at, job_id FROM jobs WHERE user_id = ?"
          + (after == null ? "" : " AND (created_at < ? OR (created_at = ? AND job_id < ?))")
          + " ORDER BY created_at DESC, job_id DESC LIMIT ?";
      List<Job> jobs = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int i = 1;
        s.setString(i++, userId);
        if (after != null) {
          s.setString(i++, after.createdAt);
          s.setString(i++, after.createdAt);
          s.setString(i++, after.jobId);
        }
        s.setInt(i, limit + 1);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) jobs.add(parse(r.getString(1)));
        }
      }
      String next = null;
      if (jobs.size() > limit) {
        jobs = new ArrayList<>(jobs.subList(0, limit));
        Job last = jobs.get(limit - 1);
        next = new Cursor(last.createdAt().toString(), last.jobId()).token();
      }
      return new Page(jobs, next);
    });
  }

  /** Deletes jobs whose time to live (from their last change) has passed; returns how many. */
  public int expire(java.time.Instant now) {
    return db.tx(c -> {
      try (PreparedStatement d = c.prepareStatement("DELETE FROM jobs WHERE expires_at < ?")) {
        d.setLong(1, now.toEpochMilli());
        return d.executeUpdate();
      }
    });
  }

  /** Like Cosmos DB's per-item TTL: counted from the last write. */
  private static void setExpiry(PreparedStatement s, int index, Job job) throws SQLException {
    if (job.ttl() == null) s.setNull(index, java.sql.Types.INTEGER);
    else s.setLong(index, job.updatedAt().plusSeconds(job.ttl()).toEpochMilli());
  }

  private static Optional<Job> read(java.sql.Connection c, String userId, String jobId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT doc FROM jobs WHERE user_id = ? AND job_id = ?")) {
      s.setString(1, userId);
      s.setString(2, jobId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(parse(r.getString(1))) : Optional.empty();
      }
    }
  }

  static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise", e);
    }
  }

  private static Job parse(String json) {
    try {
      return Json.mapper().readValue(json, Job.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored job cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  /** Where a page ended: the last job's creation time and id, as an opaque token. */
  private record Cursor(String createdAt, String jobId) {
    String token() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((createdAt + "|" + jobId).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String token) {
      if (token == null || token.isBlank()) return null;
      try {
        String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int bar = s.indexOf('|');
        if (bar < 1) throw new IllegalArgumentException("bad token");
        return new Cursor(s.substring(0, bar), s.substring(bar + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the continuation token is not valid");
      }
    }
  }
}
