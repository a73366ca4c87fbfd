package com.cvgen.local.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded host's database: one SQLite file in the data directory (write-ahead log, so a
 * committed transaction survives the process being killed), shared by the durable task backend,
 * the queue and the job store. All work goes through one connection, one transaction at a time:
 * SQLite has a single writer anyway, and the host's transactions are short.
 */
public final class Database implements AutoCloseable {
  /** Work inside a transaction; return a value or throw to roll back. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating if needed) {@code dir/cvgen.db}. */
  public static Database open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
    Path file = dir.resolve("cvgen.db");
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        // NORMAL: a commit is in the log before it returns; only a power cut may lose the last ones
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=10000");
      }
      c.setAutoCommit(false);
      return new Database(file, c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T tx(Work<T> work) {
    lock.lock();
    try {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(e);
        if (e instanceof RuntimeException re) throw re;
        throw new DatabaseException(e.getMessage(), e);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs DDL statements (CREATE TABLE IF NOT EXISTS ...) in one transaction. */
  public void schema(String... statements) {
    tx(c -> {
      try (Statement s = c.createStatement()) {
        for (String sql : statements) s.execute(sql);
      }
      return null;
    });
  }

  private void rollbackQuietly(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new DatabaseException("cannot close the database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** A database failure: the host's own fault, never the user's. */
  public static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
