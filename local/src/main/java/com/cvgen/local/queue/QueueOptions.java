package com.cvgen.local.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded queue; {@link #defaults()} matches the Service Bus queue the app uses
 * in Azure (3 deliveries, duplicate detection over 10 minutes).
 *
 * @param concurrency deliveries running at once (worker threads)
 * @param maxDeliveries deliveries before a message is dead-lettered (Service Bus {@code
 *     maxDeliveryCount})
 * @param duplicateWindow how long a message id is remembered; {@link Duration#ZERO} turns duplicate
 *     detection off
 * @param backoffStep a failed message waits {@code backoffStep x deliveryCount} before it is
 *     delivered again
 * @param shutdownGrace how long {@link EmbeddedQueue#close()} waits for running deliveries; a
 *     delivery still running after that keeps its lock until the next start releases it
 * @param clock time of enqueueing, duplicate detection and backoff
 */
public record QueueOptions(
    int concurrency,
    int maxDeliveries,
    Duration duplicateWindow,
    Duration backoffStep,
    Duration shutdownGrace,
    Clock clock) {
  public QueueOptions {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
    if (maxDeliveries < 1) throw new IllegalArgumentException("maxDeliveries must be at least 1");
    Objects.requireNonNull(duplicateWindow);
    if (duplicateWindow.isNegative()) throw new IllegalArgumentException("negative duplicate window");
    Objects.requireNonNull(backoffStep);
    if (backoffStep.isNegative()) throw new IllegalArgumentException("negative backoff");
    Objects.requireNonNull(shutdownGrace);
    Objects.requireNonNull(clock);
  }

  public static QueueOptions defaults() {
    return new QueueOptions(4, 3, Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  public QueueOptions withConcurrency(int n) {
    return new QueueOptions(n, maxDeliveries, duplicateWindow, backoffStep, shutdownGrace, clock);
  }

  public QueueOptions withMaxDeliveries(int n) {
    return new QueueOptions(concurrency, n, duplicateWindow, backoffStep, shutdownGrace, clock);
  }

  public QueueOptions withDuplicateWindow(Duration d) {
    return new QueueOptions(concurrency, maxDeliveries, d, backoffStep, shutdownGrace, clock);
  }

  /** Duplicate detection off: every send is enqueued. */
  public QueueOptions withoutDuplicateDetection() {
    return withDuplicateWindow(Duration.ZERO);
  }

  public QueueOptions withBackoffStep(Duration d) {
    return new QueueOptions(concurrency, maxDeliveries, duplicateWindow, d, shutdownGrace, clock);
  }

  public QueueOptions withShutdownGrace(Duration d) {
    return new QueueOptions(concurrency, maxDeliveries, duplicateWindow, backoffStep, d, clock);
  }

  public QueueOptions withClock(Clock c) {
    return new QueueOptions(concurrency, maxDeliveries, duplicateWindow, backoffStep, shutdownGrace, c);
  }

  public boolean duplicateDetection() {
    return !duplicateWindow.isZero();
  }
}
