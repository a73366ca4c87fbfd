package com.cvgen.local.durable;

import com.cvgen.local.db.Database;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.EventRaisedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The backend's tables in the embedded database. Every method is one transaction; the state of
 * an instance only ever moves forward in whole steps (an episode, an activity completion, a timer
 * firing, a termination), so a process killed at any point resumes from the last committed step.
 *
 * <ul>
 *   <li>{@code durable_instances}: one row per instance (status, input, output, failure, times)
 *   <li>{@code durable_history}: the instance's history events (protobuf), in order
 *   <li>{@code durable_inbox}: events not yet seen by the orchestrator (ExecutionStarted,
 *       TaskCompleted/Failed, TimerFired, EventRaised)
 *   <li>{@code durable_activities}: activity work items scheduled and not yet completed
 *   <li>{@code durable_timers}: durable timers not yet fired
 *   <li>{@code durable_completions}: how many times a completion of (instance, task) was committed
 * </ul>
 */
final class DurableStore {
  static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS durable_instances (
      instance_id TEXT PRIMARY KEY,
      execution_id TEXT NOT NULL,
      name TEXT NOT NULL,
      status TEXT NOT NULL,
      input TEXT,
      output TEXT,
      custom_status TEXT,
      failure BLOB,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      completed_at INTEGER,
      last_episode_at INTEGER NOT NULL DEFAULT 0,
      history_size INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX IF NOT EXISTS durable_instances_status ON durable_instances(status)",
    """
    CREATE TABLE IF NOT EXISTS durable_history (
      instance_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      event BLOB NOT NULL,
      PRIMARY KEY (instance_id, seq))""",
    """
    CREATE TABLE IF NOT EXISTS durable_inbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      instance_id TEXT NOT NULL,
      event BLOB NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS durable_inbox_instance ON durable_inbox(instance_id, id)",
    """
    CREATE TABLE IF NOT EXISTS durable_activities (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      instance_id TEXT NOT NULL,
      execution_id TEXT NOT NULL,
      task_id INTEGER NOT NULL,
      name TEXT NOT NULL,
      input TEXT,
      UNIQUE (instance_id, execution_id, task_id))""",
    """
    CREATE TABLE IF NOT EXISTS durable_timers (
      instance_id TEXT NOT NULL,
      execution_id TEXT NOT NULL,
      timer_id INTEGER NOT NULL,
      fire_at INTEGER NOT NULL,
      fire_at_ts BLOB NOT NULL,
      PRIMARY KEY (instance_id, execution_id, timer_id))""",
    """
    CREATE TABLE IF NOT EXISTS durable_completions (
      instance_id TEXT NOT NULL,
      task_id INTEGER NOT NULL,
      commits INTEGER NOT NULL,
      PRIMARY KEY (instance_id, task_id))""",
  };

  record InstanceRow(
      String instanceId,
      String executionId,
      String name,
      OrchestrationRuntimeStatus status,
      String input,
      String output,
      String customStatus,
      TaskFailureDetails failure,
      long createdAt,
      long updatedAt,
      long lastEpisodeAt,
      int historySize) {}

  /** What an episode needs: the instance, its history, and its inbox (ids to consume). */
  record Episode(InstanceRow instance, List<HistoryEvent> history, List<Long> inboxIds, List<HistoryEvent> inbox) {}

  record WorkItem(long seq, String instanceId, String executionId, int taskId, String name, String input) {}

  record TimerRow(String instanceId, String executionId, int timerId, Timestamp fireAt) {
    long fireAtMillis() {
      return Events.millis(fireAt);
    }
  }

  /** The result of one episode, committed at once. */
  record EpisodeCommit(
      String instanceId,
      String executionId,
      List<Long> consumedInbox,
      List<HistoryEvent> append,
      List<WorkItem> activities,
      List<TimerRow> timers,
      OrchestrationRuntimeStatus status,
      String output,
      TaskFailureDetails failure,
      String customStatus,
      long episodeAt) {}

  enum StartResult { CREATED, ALREADY_EXISTS }

  enum ChangeResult { NOT_FOUND, NOT_RUNNING, DONE }

  /** Thrown inside a transaction once the store is halted: nothing more is committed. */
  static final class HaltedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HaltedException() {
      super("the durable backend is stopped", null, false, false);
    }
  }

  /** Rolls a transaction back when what it read no longer holds. */
  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  private final Database db;
  private volatile boolean halted;

  DurableStore(Database db) {
    this.db = db;
  }

  void createTables() {
    db.schema(SCHEMA);
  }

  /** From now on no transaction of this store commits (a simulated crash, or the end of close). */
  void halt() {
    halted = true;
  }

  boolean halted() {
    return halted;
  }

  private <T> T write(Database.Work<T> work) {
    if (halted) throw new HaltedException();
    return db.tx(
        c -> {
          if (halted) throw new HaltedException();
          return work.run(c);
        });
  }

  private <T> T read(Database.Work<T> work) {
    return db.tx(work);
  }

  // ---- instances -------------------------------------------------------------------------

  /**
   * Creates an instance (PENDING, its ExecutionStarted in the inbox). An instance with that id that
   * has not finished is left alone; a finished one is replaced by the new execution.
   */
  StartResult create(String instanceId, String name, String input, long now) {
    return write(
        c -> {
          InstanceRow existing = instance(c, instanceId);
          if (existing != null && !Events.isTerminal(existing.status())) return StartResult.ALREADY_EXISTS;
          if (existing != null) deleteInstance(c, instanceId);
          String executionId = UUID.randomUUID().toString().replace("-", "");
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO durable_instances (instance_id, execution_id, name, status, input, created_at,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, instanceId);
            s.setString(2, executionId);
            s.setString(3, name);
            s.setString(4, OrchestrationRuntimeStatus.PENDING.name());
            s.setString(5, input);
            s.setLong(6, now);
            s.setLong(7, now);
            s.executeUpdate();
          }
          addToInbox(c, instanceId, Events.executionStarted(instanceId, executionId, name, input, now));
          return StartResult.CREATED;
        });
  }

  InstanceRow instance(String instanceId) {
    return read(c -> instance(c, instanceId));
  }

  private static final String INSTANCE_COLUMNS =
      "instance_id, execution_id, name, status, input, output, custom_status, failure, created_at,"
          + " updated_at, last_episode_at, history_size";

  private static InstanceRow instance(Connection c, String instanceId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + INSTANCE_COLUMNS + " FROM durable_instances WHERE instance_id = ?")) {
      s.setString(1, instanceId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? instanceRow(r) : null;
      }
    }
  }

  private static InstanceRow instanceRow(ResultSet r) throws SQLException {
    byte[] failure = r.getBytes(8);
    return new InstanceRow(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        OrchestrationRuntimeStatus.valueOf(r.getString(4)),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        failure == null ? null : parseFailure(failure),
        r.getLong(9),
        r.getLong(10),
        r.getLong(11),
        r.getInt(12));
  }

  /**
   * Instances matching a query, ordered by id, after {@code afterId} (exclusive, null: from the
   * start); null bounds and an empty status list mean "any".
   */
  List<InstanceRow> query(
      Collection<OrchestrationRuntimeStatus> statuses,
      Long createdFrom,
      Long createdTo,
      String idPrefix,
      String afterId,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + INSTANCE_COLUMNS + " FROM durable_instances WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    where(sql, args, statuses, createdFrom, createdTo);
    if (idPrefix != null && !idPrefix.isEmpty()) {
      sql.append(" AND substr(instance_id, 1, ?) = ?");
      args.add(idPrefix.length());
      args.add(idPrefix);
    }
    if (afterId != null && !afterId.isEmpty()) {
      sql.append(" AND instance_id > ?");
      args.add(afterId);
    }
    sql.append(" ORDER BY instance_id LIMIT ?");
    args.add(limit);
    return read(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            bind(s, args);
            List<InstanceRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) rows.add(instanceRow(r));
            }
            return rows;
          }
        });
  }

  private static void where(
      StringBuilder sql,
      List<Object> args,
      Collection<OrchestrationRuntimeStatus> statuses,
      Long createdFrom,
      Long createdTo) {
    if (statuses != null && !statuses.isEmpty()) {
      sql.append(" AND status IN (").append("?, ".repeat(statuses.size() - 1)).append("?)");
      for (OrchestrationRuntimeStatus st : statuses) args.add(st.name());
    }
    if (createdFrom != null) {
      sql.append(" AND created_at >= ?");
      args.add(createdFrom);
    }
    if (createdTo != null) {
      sql.append(" AND created_at <= ?");
      args.add(createdTo);
    }
  }

  private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
  }

  /** Deletes a finished instance and everything about it. */
  ChangeResult purge(String instanceId) {
    return write(
        c -> {
          InstanceRow row = instance(c, instanceId);
          if (row == null) return ChangeResult.NOT_FOUND;
          if (!Events.isTerminal(row.status())) return ChangeResult.NOT_RUNNING;
          deleteInstance(c, instanceId);
          return ChangeResult.DONE;
        });
  }

  /** Deletes the finished instances matching a filter; returns how many. */
  int purge(Collection<OrchestrationRuntimeStatus> statuses, Long createdFrom, Long createdTo) {
    StringBuilder sql = new StringBuilder("SELECT instance_id, status FROM durable_instances WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    where(sql, args, statuses, createdFrom, createdTo);
    return write(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                if (Events.isTerminal(OrchestrationRuntimeStatus.valueOf(r.getString(2)))) ids.add(r.getString(1));
              }
            }
          }
          for (String id : ids) deleteInstance(c, id);
          return ids.size();
        });
  }

  private static void deleteInstance(Connection c, String instanceId) throws SQLException {
    for (String table :
        List.of(
            "durable_history",
            "durable_inbox",
            "durable_activities",
            "durable_timers",
            "durable_completions",
            "durable_instances")) {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE instance_id = ?")) {
        s.setString(1, instanceId);
        s.executeUpdate();
      }
    }
  }

  private static void deletePendingWork(Connection c, String instanceId) throws SQLException {
    for (String table : List.of("durable_inbox", "durable_activities", "durable_timers")) {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE instance_id = ?")) {
        s.setString(1, instanceId);
        s.executeUpdate();
      }
    }
  }

  // ---- episodes --------------------------------------------------------------------------

  /** The instance with its history and inbox; null when it does not exist. */
  Episode episode(String instanceId) {
    return read(
        c -> {
          InstanceRow row = instance(c, instanceId);
          if (row == null) return null;
          List<HistoryEvent> history = new ArrayList<>(row.historySize());
          try (PreparedStatement s =
              c.prepareStatement("SELECT event FROM durable_history WHERE instance_id = ? ORDER BY seq")) {
            s.setString(1, instanceId);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) history.add(parseEvent(r.getBytes(1)));
            }
          }
          List<Long> ids = new ArrayList<>();
          List<HistoryEvent> inbox = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement("SELECT id, event FROM durable_inbox WHERE instance_id = ? ORDER BY id")) {
            s.setString(1, instanceId);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                ids.add(r.getLong(1));
                inbox.add(parseEvent(r.getBytes(2)));
              }
            }
          }
          return new Episode(row, history, ids, inbox);
        });
  }

  /**
   * Commits an episode: the consumed inbox events leave the inbox, the new history is appended,
   * the work items and timers are created and the instance's status is updated, all at once.
   * Returns false (and changes nothing) when the instance moved on meanwhile (terminated, purged,
   * restarted).
   */
  boolean commit(EpisodeCommit e) {
    try {
      return write(
          c -> {
            InstanceRow row = instance(c, e.instanceId());
            if (row == null || Events.isTerminal(row.status()) || !row.executionId().equals(e.executionId())) {
              return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM durable_inbox WHERE id = ?")) {
              for (long id : e.consumedInbox()) {
                s.setLong(1, id);
                if (s.executeUpdate() != 1) throw new Conflict();
              }
            }
            int seq = appendHistory(c, e.instanceId(), row.historySize(), e.append());
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO durable_activities (instance_id, execution_id, task_id, name, input)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
              for (WorkItem w : e.activities()) {
                s.setString(1, w.instanceId());
                s.setString(2, w.executionId());
                s.setInt(3, w.taskId());
                s.setString(4, w.name());
                s.setString(5, w.input());
                s.executeUpdate();
              }
            }
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO durable_timers (instance_id, execution_id, timer_id, fire_at, fire_at_ts)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
              for (TimerRow t : e.timers()) {
                s.setString(1, t.instanceId());
                s.setString(2, t.executionId());
                s.setInt(3, t.timerId());
                s.setLong(4, t.fireAtMillis());
                s.setBytes(5, t.fireAt().toByteArray());
                s.executeUpdate();
              }
            }
            boolean finished = Events.isTerminal(e.status());
            try (PreparedStatement s =
                c.prepareStatement(
                    "UPDATE durable_instances SET status = ?, output = ?, failure = ?, custom_status = ?,"
                        + " updated_at = ?, completed_at = ?, last_episode_at = ?, history_size = ?"
                        + " WHERE instance_id = ?")) {
              s.setString(1, e.status().name());
              s.setString(2, e.output());
              setFailure(s, 3, e.failure());
              s.setString(4, e.customStatus());
              s.setLong(5, System.currentTimeMillis());
              if (finished) s.setLong(6, System.currentTimeMillis());
              else s.setNull(6, Types.INTEGER);
              s.setLong(7, e.episodeAt());
              s.setInt(8, seq);
              s.setString(9, e.instanceId());
              s.executeUpdate();
            }
            if (finished) deletePendingWork(c, e.instanceId());
            return true;
          });
    } catch (Conflict conflict) {
      return false;
    }
  }

  private static int appendHistory(Connection c, String instanceId, int from, List<HistoryEvent> events)
      throws SQLException {
    int seq = from;
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO durable_history (instance_id, seq, event) VALUES (?, ?, ?)")) {
      for (HistoryEvent ev : events) {
        s.setString(1, instanceId);
        s.setInt(2, seq++);
        s.setBytes(3, ev.toByteArray());
        s.executeUpdate();
      }
    }
    return seq;
  }

  private static void setFailure(PreparedStatement s, int index, TaskFailureDetails failure) throws SQLException {
    if (failure == null) s.setNull(index, Types.BLOB);
    else s.setBytes(index, failure.toByteArray());
  }

  private static void addToInbox(Connection c, String instanceId, HistoryEvent event) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO durable_inbox (instance_id, event) VALUES (?, ?)")) {
      s.setString(1, instanceId);
      s.setBytes(2, event.toByteArray());
      s.executeUpdate();
    }
  }

  /** Ids of the instances with events waiting in their inbox. */
  List<String> instancesWithInbox() {
    return read(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT DISTINCT instance_id FROM durable_inbox ORDER BY instance_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) ids.add(r.getString(1));
          }
          return ids;
        });
  }

  // ---- activities ------------------------------------------------------------------------

  /**
   * Up to {@code limit} work items not in {@code exclude} (those already dispatched), the oldest
   * orchestration's first: jobs finish in the order they came instead of all at once at the end.
   */
  List<WorkItem> activities(java.util.Set<Long> exclude, int limit) {
    return read(
        c -> {
          List<WorkItem> items = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT a.seq, a.instance_id, a.execution_id, a.task_id, a.name, a.input"
                      + " FROM durable_activities a LEFT JOIN durable_instances i ON i.instance_id = a.instance_id"
                      + " ORDER BY i.created_at, a.seq LIMIT ?")) {
            s.setInt(1, limit + exclude.size());
            try (ResultSet r = s.executeQuery()) {
              while (r.next() && items.size() < limit) {
                if (exclude.contains(r.getLong(1))) continue;
                items.add(
                    new WorkItem(
                        r.getLong(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5), r.getString(6)));
              }
            }
          }
          return items;
        });
  }

  /**
   * Commits an activity's completion: counts it, deletes the work item and puts the completion
   * event in the instance's inbox, at once. Returns true when the event was delivered; false when
   * the work item was already gone (a duplicate, or the instance finished meanwhile: the result is
   * then ignored) or the instance is gone or runs another execution.
   */
  boolean complete(WorkItem w, HistoryEvent completion) {
    return write(
        c -> {
          InstanceRow row = instance(c, w.instanceId());
          if (row == null || !row.executionId().equals(w.executionId())) return false;
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO durable_completions (instance_id, task_id, commits) VALUES (?, ?, 1)"
                      + " ON CONFLICT (instance_id, task_id) DO UPDATE SET commits = commits + 1")) {
            s.setString(1, w.instanceId());
            s.setInt(2, w.taskId());
            s.executeUpdate();
          }
          int deleted;
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM durable_activities WHERE instance_id = ? AND execution_id = ? AND task_id = ?")) {
            s.setString(1, w.instanceId());
            s.setString(2, w.executionId());
            s.setInt(3, w.taskId());
            deleted = s.executeUpdate();
          }
          if (deleted == 0 || Events.isTerminal(row.status())) return false;
          addToInbox(c, w.instanceId(), completion);
          return true;
        });
  }

  // ---- timers ----------------------------------------------------------------------------

  List<TimerRow> timers() {
    return read(
        c -> {
          List<TimerRow> timers = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT instance_id, execution_id, timer_id, fire_at_ts FROM durable_timers ORDER BY fire_at");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              timers.add(new TimerRow(r.getString(1), r.getString(2), r.getInt(3), parseTimestamp(r.getBytes(4))));
            }
          }
          return timers;
        });
  }

  /** Fires a timer: deletes it and puts TimerFired in the inbox, at once; false if already gone. */
  boolean fire(TimerRow t, long now) {
    return write(
        c -> {
          int deleted;
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM durable_timers WHERE instance_id = ? AND execution_id = ? AND timer_id = ?")) {
            s.setString(1, t.instanceId());
            s.setString(2, t.executionId());
            s.setInt(3, t.timerId());
            deleted = s.executeUpdate();
          }
          if (deleted == 0) return false;
          InstanceRow row = instance(c, t.instanceId());
          if (row == null || Events.isTerminal(row.status()) || !row.executionId().equals(t.executionId())) {
            return false;
          }
          addToInbox(c, t.instanceId(), Events.timerFired(t.timerId(), t.fireAt(), now));
          return true;
        });
  }

  // ---- management ------------------------------------------------------------------------

  /**
   * Terminates an instance that has not finished: ExecutionTerminated and ExecutionCompleted in
   * its history, status TERMINATED with {@code output}, its inbox, work items and timers dropped.
   */
  ChangeResult terminate(String instanceId, String output, long now) {
    return write(
        c -> {
          InstanceRow row = instance(c, instanceId);
          if (row == null) return ChangeResult.NOT_FOUND;
          if (Events.isTerminal(row.status())) return ChangeResult.NOT_RUNNING;
          int seq =
              appendHistory(
                  c,
                  instanceId,
                  row.historySize(),
                  List.of(
                      Events.executionTerminated(output, now),
                      Events.executionCompleted(OrchestrationRuntimeStatus.TERMINATED, output, null, now)));
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE durable_instances SET status = ?, output = ?, updated_at = ?, completed_at = ?,"
                      + " history_size = ? WHERE instance_id = ?")) {
            s.setString(1, OrchestrationRuntimeStatus.TERMINATED.name());
            s.setString(2, output);
            s.setLong(3, now);
            s.setLong(4, now);
            s.setInt(5, seq);
            s.setString(6, instanceId);
            s.executeUpdate();
          }
          deletePendingWork(c, instanceId);
          return ChangeResult.DONE;
        });
  }

  /** Puts an EventRaised in the inbox of an instance that has not finished. */
  ChangeResult raise(String instanceId, String name, String input, long now) {
    return write(
        c -> {
          InstanceRow row = instance(c, instanceId);
          if (row == null) return ChangeResult.NOT_FOUND;
          if (Events.isTerminal(row.status())) return ChangeResult.NOT_RUNNING;
          EventRaisedEvent.Builder b = EventRaisedEvent.newBuilder().setName(name);
          if (input != null) b.setInput(Events.text(input));
          addToInbox(
              c,
              instanceId,
              HistoryEvent.newBuilder().setEventId(-1).setTimestamp(Events.timestamp(now)).setEventRaised(b).build());
          return ChangeResult.DONE;
        });
  }

  BackendStats stats() {
    return read(
        c -> {
          Map<OrchestrationRuntimeStatus, Integer> byStatus = new EnumMap<>(OrchestrationRuntimeStatus.class);
          try (PreparedStatement s =
                  c.prepareStatement("SELECT status, count(*) FROM durable_instances GROUP BY status");
              ResultSet r = s.executeQuery()) {
            while (r.next()) byStatus.put(OrchestrationRuntimeStatus.valueOf(r.getString(1)), r.getInt(2));
          }
          Map<BackendStats.TaskRef, Integer> commits = new HashMap<>();
          long completed = 0;
          try (PreparedStatement s =
                  c.prepareStatement("SELECT instance_id, task_id, commits FROM durable_completions");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              commits.put(new BackendStats.TaskRef(r.getString(1), r.getInt(2)), r.getInt(3));
              completed += r.getInt(3);
            }
          }
          return new BackendStats(
              byStatus, completed, count(c, "durable_activities"), count(c, "durable_timers"), commits);
        });
  }

  private static int count(Connection c, String table) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table);
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  // ---- protobuf --------------------------------------------------------------------------

  private static HistoryEvent parseEvent(byte[] bytes) throws SQLException {
    try {
      return HistoryEvent.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("corrupt history event in the durable tables: " + e.getMessage(), e);
    }
  }

  private static TaskFailureDetails parseFailure(byte[] bytes) throws SQLException {
    try {
      return TaskFailureDetails.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("corrupt failure details in the durable tables: " + e.getMessage(), e);
    }
  }

  private static Timestamp parseTimestamp(byte[] bytes) throws SQLException {
    try {
      return Timestamp.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("corrupt timer in the durable tables: " + e.getMessage(), e);
    }
  }
}
