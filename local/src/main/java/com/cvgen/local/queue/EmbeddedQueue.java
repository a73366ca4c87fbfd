package com.cvgen.local.queue;

import com.cvgen.local.db.Database;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable queue on the host's SQLite database, standing in for the Service Bus queue of the
 * Azure deployment: the same peek-lock delivery rules, so the function code sees what it sees in
 * Azure.
 *
 * <ul>
 *   <li>{@link #send} stores a message (committed before it returns). With duplicate detection on,
 *       a message id seen on the same queue within the window is dropped, like Service Bus {@code
 *       requiresDuplicateDetection}: the send succeeds and returns false.
 *   <li>Worker threads lock the oldest ready message of a queue that has a handler, count the
 *       delivery (before the handler runs) and hand it over. The handler returns: the message is
 *       deleted. It throws: the lock is released and the message comes back after {@code
 *       backoffStep x deliveryCount}, until its delivery count reaches {@code maxDeliveries}; then
 *       it moves to {@code queue/$deadletterqueue} with {@code DeadLetterReason =
 *       MaxDeliveryCountExceeded} and {@code DeadLetterErrorDescription = <the last exception's
 *       message>}, its delivery count starting again at 0.
 *   <li>A dead-letter queue with a handler has its messages delivered by the same rules, except
 *       that a dead letter is never dead-lettered again: after its deliveries it stays, parked.
 *       Without a handler dead letters just stay.
 *   <li>A message for a queue without a handler stays queued (a warning is logged once per queue).
 *   <li>A process that dies keeps its messages: the next {@link #open} releases the locks it held;
 *       the delivery each of them was in stays counted (and may dead-letter it).
 * </ul>
 *
 * <p>Tables are prefixed {@code queue_}.
 */
public final class EmbeddedQueue implements AutoCloseable {
  /** The suffix of a queue's dead-letter queue, as in Service Bus entity paths. */
  public static final String DEAD_LETTER_SUFFIX = "/$deadletterqueue";
  public static final String DEAD_LETTER_REASON = "DeadLetterReason";
  public static final String DEAD_LETTER_ERROR_DESCRIPTION = "DeadLetterErrorDescription";
  public static final String MAX_DELIVERY_COUNT_EXCEEDED = "MaxDeliveryCountExceeded";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedQueue.class);
  private static final Gson GSON = new Gson();
  private static final java.lang.reflect.Type PROPERTIES = new TypeToken<Map<String, String>>() {}.getType();
  private static final int MAX_DESCRIPTION = 4096;
  private static final long IDLE_WAIT_MILLIS = 60_000;

  private final Database db;
  private final Map<String, MessageHandler> handlers;
  private final QueueOptions options;
  private final String handledQueuesSql;
  private final Set<String> warnedQueues = ConcurrentHashMap.newKeySet();
  private final Semaphore permits;
  private final ExecutorService workers;
  private final Thread dispatcher;
  private final ReentrantLock wakeLock = new ReentrantLock();
  private final Condition wake = wakeLock.newCondition();
  private long wakeups;
  private volatile boolean running = true;

  private EmbeddedQueue(Database db, Map<String, ? extends MessageHandler> handlers, QueueOptions options) {
    this.db = Objects.requireNonNull(db);
    this.handlers = Map.copyOf(handlers);
    this.options = Objects.requireNonNull(options);
    this.handledQueuesSql = String.join(",", Collections.nCopies(Math.max(1, this.handlers.size()), "?"));
    this.permits = new Semaphore(options.concurrency());
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(options.concurrency(), r -> {
      Thread t = new Thread(r, "queue-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.dispatcher = new Thread(this::dispatch, "queue-dispatcher");
    this.dispatcher.setDaemon(true);
  }

  /**
   * Opens the queue on {@code db} (creating its tables), releases locks left by a previous process
   * and starts delivering to {@code handlers} (queue name to handler; a dead-letter queue is named
   * {@code queue + "/$deadletterqueue"}).
   */
  public static EmbeddedQueue open(Database db, Map<String, ? extends MessageHandler> handlers, QueueOptions options) {
    EmbeddedQueue q = new EmbeddedQueue(db, handlers, options);
    q.createSchema();
    q.releaseStaleLocks();
    q.warnAboutUnhandledQueues();
    q.dispatcher.start();
    return q;
  }

  /** The dead-letter queue of {@code queue}. */
  public static String deadLetterQueue(String queue) {
    return queue + DEAD_LETTER_SUFFIX;
  }

  public static boolean isDeadLetterQueue(String queue) {
    return queue.endsWith(DEAD_LETTER_SUFFIX);
  }

  public QueueOptions options() {
    return options;
  }

  /**
   * Enqueues a message (durably, when this returns).
   *
   * @param messageId the id duplicate detection works on; null for a random one
   * @return true when enqueued, false when dropped as a duplicate of a message sent within the
   *     duplicate-detection window
   */
  public boolean send(String queue, String messageId, String body, Map<String, String> applicationProperties) {
    if (queue == null || queue.isBlank()) throw new IllegalArgumentException("queue name required");
    if (isDeadLetterQueue(queue)) throw new IllegalArgumentException("cannot send to a dead-letter queue: " + queue);
    Objects.requireNonNull(body, "body");
    String id = messageId == null || messageId.isEmpty() ? UUID.randomUUID().toString() : messageId;
    Map<String, String> props = applicationProperties == null ? Map.of() : new LinkedHashMap<>(applicationProperties);
    long now = options.clock().millis();
    boolean enqueued = db.tx(c -> {
      if (options.duplicateDetection()) {
        long horizon = now - options.duplicateWindow().toMillis();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM queue_duplicates WHERE sent_at <= ?")) {
          ps.setLong(1, horizon);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT OR IGNORE INTO queue_duplicates(queue, message_id, sent_at) VALUES (?, ?, ?)")) {
          ps.setString(1, queue);
          ps.setString(2, id);
          ps.setLong(3, now);
          if (ps.executeUpdate() == 0) return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_messages"
          + "(queue, message_id, body, properties, enqueued_at, delivery_count, state, visible_at)"
          + " VALUES (?, ?, ?, ?, ?, 0, 'active', ?)")) {
        ps.setString(1, queue);
        ps.setString(2, id);
        ps.setString(3, body);
        ps.setString(4, GSON.toJson(props));
        ps.setLong(5, now);
        ps.setLong(6, now);
        ps.executeUpdate();
      }
      return true;
    });
    if (!enqueued) {
      LOG.info("Message {} on queue {} dropped as a duplicate", id, queue);
      return false;
    }
    if (!handlers.containsKey(queue)) warnOnce(queue);
    signal();
    return true;
  }

  /** Message counts per queue (dead-letter queues under their own names), sorted by name. */
  public Map<String, QueueStats> stats() {
    return db.tx(c -> {
      Map<String, int[]> counts = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT queue, state, COUNT(*) FROM queue_messages GROUP BY queue, state");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int[] n = counts.computeIfAbsent(rs.getString(1), k -> new int[4]);
          int v = rs.getInt(3);
          switch (rs.getString(2)) {
            case "active" -> n[0] += v;
            case "locked" -> n[1] += v;
            default -> n[2] += v;
          }
        }
      }
      for (Map.Entry<String, int[]> e : new ArrayList<>(counts.entrySet())) {
        if (!isDeadLetterQueue(e.getKey())) continue;
        String main = e.getKey().substring(0, e.getKey().length() - DEAD_LETTER_SUFFIX.length());
        int[] d = e.getValue();
        counts.computeIfAbsent(main, k -> new int[4])[3] += d[0] + d[1] + d[2];
      }
      Map<String, QueueStats> out = new TreeMap<>();
      counts.forEach((k, n) -> out.put(k, new QueueStats(n[0], n[1], n[2], n[3])));
      return Collections.unmodifiableMap(out);
    });
  }

  /** The counts of one queue ({@link QueueStats#EMPTY} when it holds nothing). */
  public QueueStats stats(String queue) {
    return stats().getOrDefault(queue, QueueStats.EMPTY);
  }

  /** The messages now in {@code queue}'s dead-letter queue, oldest first (for inspection). */
  public List<QueueMessage> deadLetters(String queue) {
    String dlq = isDeadLetterQueue(queue) ? queue : deadLetterQueue(queue);
    return db.tx(c -> {
      List<QueueMessage> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, queue, message_id, body, properties,"
          + " delivery_count, enqueued_at FROM queue_messages WHERE queue = ? ORDER BY seq")) {
        ps.setString(1, dlq);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(message(rs));
        }
      }
      return out;
    });
  }

  /**
   * Stops delivering: waits up to {@code shutdownGrace} for running deliveries, then interrupts
   * them. A delivery that did not finish keeps its message locked until the next {@link #open}.
   * The database stays open (it is shared).
   */
  @Override
  public void close() {
    if (!running) return;
    running = false;
    signal();
    dispatcher.interrupt();
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(10));
      workers.shutdown();
      if (!workers.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Queue deliveries still running after {}; their messages stay locked until the next start",
            options.shutdownGrace());
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void createSchema() {
    db.schema(
        "CREATE TABLE IF NOT EXISTS queue_messages ("
            + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " queue TEXT NOT NULL,"
            + " message_id TEXT NOT NULL,"
            + " body TEXT NOT NULL,"
            + " properties TEXT NOT NULL,"
            + " enqueued_at INTEGER NOT NULL,"
            + " delivery_count INTEGER NOT NULL DEFAULT 0,"
            + " state TEXT NOT NULL CHECK (state IN ('active', 'locked', 'parked')),"
            + " visible_at INTEGER NOT NULL,"
            + " lock_token TEXT,"
            + " last_error TEXT)",
        "CREATE INDEX IF NOT EXISTS queue_messages_ready ON queue_messages(state, queue, visible_at)",
        "CREATE TABLE IF NOT EXISTS queue_duplicates ("
            + " queue TEXT NOT NULL,"
            + " message_id TEXT NOT NULL,"
            + " sent_at INTEGER NOT NULL,"
            + " PRIMARY KEY (queue, message_id))",
        "CREATE INDEX IF NOT EXISTS queue_duplicates_age ON queue_duplicates(sent_at)");
  }

  /** Locks are held by this process only: any lock found at start belongs to a process that died. */
  private void releaseStaleLocks() {
    int released = db.tx(c -> {
      record Stale(long seq, String queue, String properties, int count) {}
      List<Stale> stale = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT seq, queue, properties, delivery_count FROM queue_messages WHERE state = 'locked'");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) stale.add(new Stale(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
      }
      long now = options.clock().millis();
      for (Stale s : stale) {
        if (s.count() >= options.maxDeliveries()) {
          deadLetterOrPark(c, s.seq(), s.queue(), s.properties(), s.count(),
              "The host stopped during delivery " + s.count() + " of the message");
        } else {
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE queue_messages SET state = 'active', lock_token = NULL, visible_at = ? WHERE seq = ?")) {
            ps.setLong(1, now);
            ps.setLong(2, s.seq());
            ps.executeUpdate();
          }
        }
      }
      return stale.size();
    });
    if (released > 0) LOG.info("Released {} queue message lock(s) left by a previous run", released);
  }

  private void warnAboutUnhandledQueues() {
    List<String> queues = db.tx(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT queue FROM queue_messages WHERE state = 'active' ORDER BY queue");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    });
    for (String q : queues) {
      if (!handlers.containsKey(q)) warnOnce(q);
    }
  }

  private void warnOnce(String queue) {
    if (isDeadLetterQueue(queue)) return; // dead letters without a trigger are meant to stay
    if (warnedQueues.add(queue)) {
      LOG.warn("No function is triggered by queue '{}': its messages stay queued", queue);
    }
  }

  private void dispatch() {
    while (running) {
      long seen = wakeups();
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        break;
      }
      Claim claim;
      try {
        claim = handlers.isEmpty() ? null : claimNext();
      } catch (RuntimeException e) {
        permits.release();
        if (!running) break;
        LOG.error("Queue dispatcher cannot read the database", e);
        await(seen, 1000);
        continue;
      }
      if (claim == null) {
        permits.release();
        await(seen, handlers.isEmpty() ? IDLE_WAIT_MILLIS : nextDueDelay());
        continue;
      }
      try {
        workers.execute(() -> deliver(claim));
      } catch (RuntimeException e) {
        permits.release(); // shutting down: the lock is released at the next start
        break;
      }
    }
  }

  private record Claim(QueueMessage message, String lockToken) {}

  private Claim claimNext() {
    long now = options.clock().millis();
    String token = UUID.randomUUID().toString();
    return db.tx(c -> {
      QueueMessage m;
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, queue, message_id, body, properties,"
          + " delivery_count, enqueued_at FROM queue_messages"
          + " WHERE state = 'active' AND visible_at <= ? AND queue IN (" + handledQueuesSql + ")"
          + " ORDER BY seq LIMIT 1")) {
        ps.setLong(1, now);
        bindQueues(ps, 2);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return null;
          m = message(rs);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE queue_messages SET state = 'locked',"
          + " delivery_count = delivery_count + 1, lock_token = ? WHERE seq = ?")) {
        ps.setString(1, token);
        ps.setLong(2, m.sequenceNumber());
        ps.executeUpdate();
      }
      QueueMessage delivered = new QueueMessage(m.queue(), m.messageId(), m.body(), m.applicationProperties(),
          m.deliveryCount() + 1, m.enqueuedTime(), m.sequenceNumber());
      return new Claim(delivered, token);
    });
  }

  private long nextDueDelay() {
    try {
      Long due = db.tx(c -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(visible_at) FROM queue_messages"
            + " WHERE state = 'active' AND queue IN (" + handledQueuesSql + ")")) {
          bindQueues(ps, 1);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
          }
        }
      });
      if (due == null) return IDLE_WAIT_MILLIS;
      return Math.max(0, Math.min(IDLE_WAIT_MILLIS, due - options.clock().millis()));
    } catch (RuntimeException e) {
      return 1000;
    }
  }

  private void bindQueues(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (String q : handlers.keySet()) ps.setString(i++, q);
  }

  private void deliver(Claim claim) {
    QueueMessage m = claim.message();
    try {
      MessageHandler handler = handlers.get(m.queue());
      try {
        handler.handle(m);
      } catch (Throwable t) {
        if (t instanceof InterruptedException) Thread.currentThread().interrupt();
        abandon(claim, t);
        return;
      }
      complete(claim);
    } catch (RuntimeException e) {
      LOG.error("Queue message {} on {}: cannot record the delivery outcome", m.messageId(), m.queue(), e);
    } finally {
      permits.release();
      signal();
    }
  }

  private void complete(Claim claim) {
    int deleted = db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM queue_messages WHERE seq = ? AND lock_token = ?")) {
        ps.setLong(1, claim.message().sequenceNumber());
        ps.setString(2, claim.lockToken());
        return ps.executeUpdate();
      }
    });
    if (deleted == 0) {
      LOG.warn("Queue message {} on {} was completed after its lock was lost; it may be delivered again",
          claim.message().messageId(), claim.message().queue());
    }
  }

  private void abandon(Claim claim, Throwable failure) {
    QueueMessage m = claim.message();
    String description = description(failure);
    long now = options.clock().millis();
    String outcome = db.tx(c -> {
      String properties;
      int count;
      try (PreparedStatement ps = c.prepareStatement("SELECT properties, delivery_count FROM queue_messages"
          + " WHERE seq = ? AND lock_token = ? AND state = 'locked'")) {
        ps.setLong(1, m.sequenceNumber());
        ps.setString(2, claim.lockToken());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return "lost";
          properties = rs.getString(1);
          count = rs.getInt(2);
        }
      }
      if (count >= options.maxDeliveries()) {
        return deadLetterOrPark(c, m.sequenceNumber(), m.queue(), properties, count, description);
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE queue_messages SET state = 'active',"
          + " lock_token = NULL, visible_at = ?, last_error = ? WHERE seq = ?")) {
        ps.setLong(1, now + options.backoffStep().toMillis() * count);
        ps.setString(2, description);
        ps.setLong(3, m.sequenceNumber());
        ps.executeUpdate();
      }
      return "retry";
    });
    switch (outcome) {
      case "retry" -> LOG.warn("Queue message {} on {} failed at delivery {} of {}; it will be retried",
          m.messageId(), m.queue(), m.deliveryCount(), options.maxDeliveries(), failure);
      case "dead-lettered" -> LOG.warn("Queue message {} on {} failed at delivery {} of {}; dead-lettered",
          m.messageId(), m.queue(), m.deliveryCount(), options.maxDeliveries(), failure);
      case "parked" -> LOG.warn("Dead letter {} on {} failed at delivery {} of {}; it stays parked",
          m.messageId(), m.queue(), m.deliveryCount(), options.maxDeliveries(), failure);
      default -> LOG.warn("Queue message {} on {} failed after its lock was lost", m.messageId(), m.queue(), failure);
    }
  }

  /** Moves a message that used its deliveries to its dead-letter queue, or parks a dead letter. */
  private String deadLetterOrPark(Connection c, long seq, String queue, String properties, int count,
      String description) throws SQLException {
    if (isDeadLetterQueue(queue)) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE queue_messages SET state = 'parked',"
          + " lock_token = NULL, last_error = ? WHERE seq = ?")) {
        ps.setString(1, description);
        ps.setLong(2, seq);
        ps.executeUpdate();
      }
      return "parked";
    }
    Map<String, String> props = new LinkedHashMap<>(parseProperties(properties));
    props.put(DEAD_LETTER_REASON, MAX_DELIVERY_COUNT_EXCEEDED);
    props.put(DEAD_LETTER_ERROR_DESCRIPTION, description);
    try (PreparedStatement ps = c.prepareStatement("UPDATE queue_messages SET queue = ?, state = 'active',"
        + " delivery_count = 0, lock_token = NULL, visible_at = ?, properties = ?, last_error = ? WHERE seq = ?")) {
      ps.setString(1, deadLetterQueue(queue));
      ps.setLong(2, options.clock().millis());
      ps.setString(3, GSON.toJson(props));
      ps.setString(4, description);
      ps.setLong(5, seq);
      ps.executeUpdate();
    }
    return "dead-lettered";
  }

  private static String description(Throwable t) {
    String d = t.getMessage();
    if (d == null || d.isBlank()) d = t.getClass().getName();
    return d.length() > MAX_DESCRIPTION ? d.substring(0, MAX_DESCRIPTION) : d;
  }

  private static QueueMessage message(ResultSet rs) throws SQLException {
    return new QueueMessage(rs.getString("queue"), rs.getString("message_id"), rs.getString("body"),
        parseProperties(rs.getString("properties")), rs.getInt("delivery_count"),
        Instant.ofEpochMilli(rs.getLong("enqueued_at")), rs.getLong("seq"));
  }

  private static Map<String, String> parseProperties(String json) {
    Map<String, String> m = json == null ? null : GSON.fromJson(json, PROPERTIES);
    if (m == null) return Map.of();
    m.values().removeIf(Objects::isNull);
    return m;
  }

  private long wakeups() {
    wakeLock.lock();
    try {
      return wakeups;
    } finally {
      wakeLock.unlock();
    }
  }

  private void signal() {
    wakeLock.lock();
    try {
      wakeups++;
      wake.signalAll();
    } finally {
      wakeLock.unlock();
    }
  }

  /** Waits until something changed since {@code seen} (a send, a finished delivery) or the delay passed. */
  private void await(long seen, long millis) {
    if (millis <= 0) return;
    wakeLock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
      while (running && wakeups == seen && nanos > 0) nanos = wake.awaitNanos(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      wakeLock.unlock();
    }
  }
}
