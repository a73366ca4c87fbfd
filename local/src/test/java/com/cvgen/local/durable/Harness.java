package com.cvgen.local.durable;

import static org.assertj.core.api.Assertions.fail;

import com.cvgen.local.db.Database;
import com.microsoft.durabletask.DurableTaskClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A backend on a database in a temporary directory, with an SDK client. */
final class Harness implements AutoCloseable {
  final Path dir;
  final TestFunctions functions;
  final Database db;
  final EmbeddedDurableBackend backend;
  final DurableTaskClient client;

  Harness(Path dir, TestFunctions functions, int activityConcurrency) {
    this.dir = dir;
    this.functions = functions;
    this.db = Database.open(dir);
    this.backend = new EmbeddedDurableBackend(db, functions, new DurableOptions("test", activityConcurrency, 2));
    backend.start();
    this.client = backend.newClient();
  }

  Harness(Path dir, TestFunctions functions) {
    this(dir, functions, 2);
  }

  /** Simulates the process being killed: nothing more is committed, nothing is cleaned up. */
  void crash() {
    backend.abort();
    client.close();
    db.close();
  }

  @Override
  public void close() {
    client.close();
    backend.close();
    db.close();
  }

  static void await(String what, BooleanSupplier condition) {
    await(what, Duration.ofSeconds(10), condition);
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) fail("timed out waiting for " + what);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }
}
