package com.cvgen.local.queue;

import com.cvgen.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.local.db.Database;
import com.cvgen.local.host.FunctionCatalog;
import com.cvgen.local.host.testfunctions.QueueFunctions;
import com.cvgen.local.host.testfunctions.TestInjector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedQueueTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  Database db;
  final List<EmbeddedQueue> opened = new ArrayList<>();
  final QueueOptions fast = QueueOptions.defaults().withBackoffStep(Duration.ofMillis(20));

  @BeforeEach
  void openDatabase() {
    db = Database.open(dir);
  }

  @AfterEach
  void closeAll() {
    opened.forEach(EmbeddedQueue::close);
    db.close();
  }

  private EmbeddedQueue open(Map<String, ? extends MessageHandler> handlers, QueueOptions options) {
    EmbeddedQueue q = EmbeddedQueue.open(db, handlers, options);
    opened.add(q);
    return q;
  }

  /** Polls until the condition holds (no fixed sleeps as synchronization). */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void deliversOnceAndDeletes() {
    List<QueueMessage> seen = new CopyOnWriteArrayList<>();
    EmbeddedQueue q = open(Map.of("work", seen::add), fast);
    Instant before = Instant.now().minusMillis(1);
    assertThat(q.send("work", "m-1", "{\"n\":1}", Map.of("kind", "cv"))).isTrue();
    q.send("work", "m-2", "two", null);
    q.send("work", null, "three", Map.of());
    await("3 deliveries", () -> seen.size() == 3);
    await("empty queue", () -> q.stats("work").total() == 0);
    QueueMessage first = seen.stream().filter(m -> m.messageId().equals("m-1")).findFirst().orElseThrow();
    assertThat(first.queue()).isEqualTo("work");
    assertThat(first.body()).isEqualTo("{\"n\":1}");
    assertThat(first.applicationProperties()).containsExactly(Map.entry("kind", "cv"));
    assertThat(first.deliveryCount()).isEqualTo(1);
    assertThat(first.enqueuedTime()).isAfter(before).isBeforeOrEqualTo(Instant.now());
    assertThat(seen).extracting(QueueMessage::messageId).doesNotHaveDuplicates().allMatch(id -> !id.isEmpty());
    assertThat(q.stats()).doesNotContainKey("work");
  }

  @Test
  void failedDeliveriesComeBackAfterABackoffUntilOneSucceeds() {
    QueueOptions options = QueueOptions.defaults().withBackoffStep(Duration.ofMillis(50));
    List<long[]> deliveries = new CopyOnWriteArrayList<>();
    EmbeddedQueue q = open(Map.of("work", m -> {
      deliveries.add(new long[] {m.deliveryCount(), System.nanoTime()});
      if (m.deliveryCount() < 3) throw new IllegalStateException("not yet");
    }), options);
    q.send("work", "retry-me", "x", Map.of());
    await("3 deliveries", () -> deliveries.size() == 3);
    await("completion", () -> q.stats("work").total() == 0);
    assertThat(deliveries).extracting(d -> d[0]).containsExactly(1L, 2L, 3L);
    assertThat(Duration.ofNanos(deliveries.get(1)[1] - deliveries.get(0)[1])).isGreaterThanOrEqualTo(Duration.ofMillis(45));
    assertThat(Duration.ofNanos(deliveries.get(2)[1] - deliveries.get(1)[1])).isGreaterThanOrEqualTo(Duration.ofMillis(95));
    assertThat(q.stats("work").deadLettered()).isZero();
  }

  @Test
  void deadLettersAfterThreeDeliveriesAndTheDeadLetterTriggerGetsTheReason() throws Exception {
    QueueFunctions functions = new QueueFunctions();
    FunctionCatalog catalog = FunctionCatalog.builder().classes(QueueFunctions.class)
        .injector(new TestInjector(functions)).build();
    EmbeddedQueue q = open(catalog.queueHandlers(), fast);
    q.send(QueueFunctions.QUEUE, "job-1", "{\"key\":\"k1\",\"failTimes\":99,\"dlqFailTimes\":0}",
        Map.of("userId", "u-1"));
    await("dead-letter delivery", () -> functions.deliveries.stream().anyMatch(d -> d.function().equals("processDeadLetters")));
    await("empty queues", () -> q.stats().isEmpty());

    List<QueueFunctions.Delivery> work = functions.deliveries.stream()
        .filter(d -> d.function().equals("processWork")).toList();
    assertThat(work).extracting(QueueFunctions.Delivery::deliveryCount).containsExactly(1, 2, 3);
    assertThat(work).allMatch(d -> d.failed() && d.messageId().equals("job-1"));
    assertThat(work.get(0).enqueuedTimeUtc()).endsWith("Z");
    assertThat(work).extracting(QueueFunctions.Delivery::invocationId).doesNotHaveDuplicates();

    QueueFunctions.Delivery dead = functions.deliveries.stream()
        .filter(d -> d.function().equals("processDeadLetters")).findFirst().orElseThrow();
    assertThat(dead.messageId()).isEqualTo("job-1");
    assertThat(dead.key()).isEqualTo("k1");
    assertThat(dead.deliveryCount()).isEqualTo(1);
    assertThat(dead.properties()).containsEntry("userId", "u-1")
        .containsEntry("DeadLetterReason", "MaxDeliveryCountExceeded")
        .containsEntry("DeadLetterErrorDescription", "work k1 failed at delivery 3");
    assertThat(functions.deliveries).hasSize(4);
  }

  @Test
  void withoutADeadLetterTriggerDeadLettersStay() {
    AtomicInteger deliveries = new AtomicInteger();
    EmbeddedQueue q = open(Map.of("work", m -> {
      deliveries.incrementAndGet();
      throw new IllegalArgumentException("bad input " + m.messageId());
    }), fast);
    q.send("work", "poison", "x", Map.of("a", "1"));
    await("dead-lettered", () -> q.stats("work").deadLettered() == 1);
    assertThat(deliveries).hasValue(3);
    assertThat(q.stats("work")).isEqualTo(new QueueStats(0, 0, 0, 1));
    assertThat(q.stats("work/$deadletterqueue")).isEqualTo(new QueueStats(1, 0, 0, 0));
    List<QueueMessage> dead = q.deadLetters("work");
    assertThat(dead).singleElement().satisfies(m -> {
      assertThat(m.queue()).isEqualTo(EmbeddedQueue.deadLetterQueue("work"));
      assertThat(m.messageId()).isEqualTo("poison");
      assertThat(m.deliveryCount()).isZero();
      assertThat(m.applicationProperties()).containsEntry("a", "1")
          .containsEntry(EmbeddedQueue.DEAD_LETTER_REASON, EmbeddedQueue.MAX_DELIVERY_COUNT_EXCEEDED)
          .containsEntry(EmbeddedQueue.DEAD_LETTER_ERROR_DESCRIPTION, "bad input poison");
    });
    assertThatThrownBy(() -> q.send("work/$deadletterqueue", "m", "x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeadLetterThatKeepsFailingIsParkedNotDeadLetteredAgain() {
    AtomicInteger dlqDeliveries = new AtomicInteger();
    EmbeddedQueue q = open(Map.of(
        "work", m -> {
          throw new IllegalStateException("fails");
        },
        "work/$deadletterqueue", m -> {
          dlqDeliveries.incrementAndGet();
          throw new IllegalStateException("dead-letter handler fails too");
        }), fast);
    q.send("work", "m", "x", Map.of());
    await("parked", () -> q.stats("work/$deadletterqueue").parked() == 1);
    q.close(); // waits for running deliveries: nothing else may be delivered after this
    assertThat(dlqDeliveries).hasValue(3);
    assertThat(q.stats("work/$deadletterqueue")).isEqualTo(new QueueStats(0, 0, 1, 0));
    assertThat(q.stats("work").deadLettered()).isEqualTo(1);
    assertThat(q.deadLetters("work")).singleElement().satisfies(m -> {
      assertThat(m.deliveryCount()).isEqualTo(3);
      assertThat(m.applicationProperties()).containsEntry("DeadLetterErrorDescription", "fails");
    });
  }

  @Test
  void duplicateMessageIdsAreDroppedWithinTheWindow() {
    TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    EmbeddedQueue q = open(Map.of(), QueueOptions.defaults().withClock(clock));
    assertThat(q.send("work", "same", "1", Map.of())).isTrue();
    assertThat(q.send("work", "same", "2", Map.of())).isFalse();
    assertThat(q.send("other", "same", "3", Map.of())).isTrue();
    clock.advance(Duration.ofMinutes(9));
    assertThat(q.send("work", "same", "4", Map.of())).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(q.send("work", "same", "5", Map.of())).isTrue();
    assertThat(q.stats("work").active()).isEqualTo(2);
    assertThat(q.stats("other").active()).isEqualTo(1);

    EmbeddedQueue noDetection = open(Map.of(), QueueOptions.defaults().withoutDuplicateDetection().withClock(clock));
    assertThat(noDetection.send("loose", "same", "1", Map.of())).isTrue();
    assertThat(noDetection.send("loose", "same", "2", Map.of())).isTrue();
    assertThat(noDetection.stats("loose").active()).isEqualTo(2);
  }

  @Test
  void messagesSurviveCloseAndReopen() {
    EmbeddedQueue first = open(Map.of(), fast);
    first.send("work", "a", "A", Map.of("p", "1"));
    first.send("work", "b", "B", Map.of());
    first.close();
    db.close();

    db = Database.open(dir);
    List<QueueMessage> seen = new CopyOnWriteArrayList<>();
    open(Map.of("work", seen::add), fast);
    await("both delivered", () -> seen.size() == 2);
    assertThat(seen).extracting(QueueMessage::body).containsExactlyInAnyOrder("A", "B");
    assertThat(seen).allMatch(m -> m.deliveryCount() == 1);
  }

  @Test
  void aCrashedProcessesLockIsReleasedAndItsDeliveryStaysCounted() throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    EmbeddedQueue crashed = open(Map.of("work", m -> {
      stuck.countDown();
      release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }), fast.withConcurrency(1));
    crashed.send("work", "locked", "L", Map.of());
    assertThat(stuck.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(crashed.stats("work").locked()).isEqualTo(1);

    // a new process on the same database: the old lock belongs to a dead process
    List<QueueMessage> seen = new CopyOnWriteArrayList<>();
    EmbeddedQueue restarted = open(Map.of("work", seen::add), fast);
    await("redelivery", () -> seen.size() == 1);
    assertThat(seen.get(0).messageId()).isEqualTo("locked");
    assertThat(seen.get(0).deliveryCount()).isEqualTo(2);
    await("completion", () -> restarted.stats("work").total() == 0);

    // the old delivery finishing late changes nothing
    release.countDown();
    crashed.close();
    assertThat(restarted.stats()).isEmpty();
    assertThat(seen).hasSize(1);
  }

  @Test
  void aMessageLockedAtItsLastDeliveryWhenTheProcessDiedIsDeadLettered() throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    QueueOptions once = fast.withConcurrency(1).withMaxDeliveries(1);
    EmbeddedQueue crashed = open(Map.of("work", m -> {
      stuck.countDown();
      release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }), once);
    crashed.send("work", "last", "L", Map.of());
    assertThat(stuck.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    EmbeddedQueue restarted = open(Map.of("work", m -> {
      throw new AssertionError("must not be delivered again");
    }), once);
    assertThat(restarted.stats("work")).isEqualTo(new QueueStats(0, 0, 0, 1));
    assertThat(restarted.deadLetters("work")).singleElement().satisfies(m -> assertThat(
        m.applicationProperties().get("DeadLetterErrorDescription")).contains("host stopped during delivery 1"));
    release.countDown();
    crashed.close();
  }

  @Test
  void deliveriesRunConcurrentlyUpToTheLimit() {
    int messages = 20;
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CountDownLatch fourTogether = new CountDownLatch(4);
    Set<String> done = ConcurrentHashMap.newKeySet();
    AtomicInteger deliveries = new AtomicInteger();
    EmbeddedQueue q = open(Map.of("work", m -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      deliveries.incrementAndGet();
      try {
        fourTogether.countDown();
        if (!fourTogether.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("not concurrent");
        done.add(m.messageId());
      } finally {
        inFlight.decrementAndGet();
      }
    }), fast.withConcurrency(4));
    for (int i = 0; i < messages; i++) q.send("work", "m" + i, "x", Map.of());
    await("all done", () -> done.size() == messages);
    await("empty", () -> q.stats().isEmpty());
    assertThat(maxInFlight).hasValue(4);
    assertThat(deliveries).hasValue(messages);
  }

  @Test
  void aQueueWithoutTriggerKeepsItsMessages() {
    List<QueueMessage> seen = new CopyOnWriteArrayList<>();
    EmbeddedQueue q = open(Map.of("handled", seen::add), fast);
    q.send("orphan", "o1", "x", Map.of());
    q.send("orphan", "o2", "y", Map.of());
    q.send("handled", "h1", "z", Map.of());
    await("handled delivered", () -> seen.size() == 1);
    await("handled completed", () -> q.stats("handled").total() == 0);
    assertThat(q.stats("orphan")).isEqualTo(new QueueStats(2, 0, 0, 0));
  }

  @Test
  void optionsAreChecked() {
    assertThatThrownBy(() -> QueueOptions.defaults().withConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueueOptions.defaults().withMaxDeliveries(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(QueueOptions.defaults()).satisfies(o -> {
      assertThat(o.concurrency()).isEqualTo(4);
      assertThat(o.maxDeliveries()).isEqualTo(3);
      assertThat(o.duplicateWindow()).isEqualTo(Duration.ofMinutes(10));
      assertThat(o.duplicateDetection()).isTrue();
    });
  }

}
