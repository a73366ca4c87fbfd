package com.cvgen.local.durable;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.local.db.Database;
import com.cvgen.local.durable.DurableStore.Episode;
import com.cvgen.local.durable.DurableStore.EpisodeCommit;
import com.cvgen.local.durable.DurableStore.WorkItem;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's transactions on their own: what is committed together, and what is refused. */
class DurableStoreTest {
  @TempDir Path dir;
  Database db;
  DurableStore store;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    store = new DurableStore(db);
    store.createTables();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Runs a first episode by hand that schedules activity #0; returns its work item. */
  private WorkItem scheduleOne(String id) {
    return scheduleOne(id, 1_000);
  }

  private WorkItem scheduleOne(String id, long createdAt) {
    assertThat(store.create(id, "orch", "1", createdAt)).isEqualTo(DurableStore.StartResult.CREATED);
    Episode ep = store.episode(id);
    assertThat(ep.inbox()).hasSize(1).allSatisfy(e -> assertThat(e.hasExecutionStarted()).isTrue());
    String exec = ep.instance().executionId();
    WorkItem w = new WorkItem(0, id, exec, 0, "act", "1");
    boolean ok =
        store.commit(
            new EpisodeCommit(
                id,
                exec,
                ep.inboxIds(),
                List.of(Events.orchestratorStarted(2_000), ep.inbox().get(0), Events.taskScheduled(0, "act", "1", 2_000)),
                List.of(w),
                List.of(),
                OrchestrationRuntimeStatus.RUNNING,
                null,
                null,
                null,
                2_000));
    assertThat(ok).isTrue();
    return store.activities(java.util.Set.of(), 10).stream().filter(i -> i.instanceId().equals(id)).findFirst()
        .orElseThrow();
  }

  @Test
  void workOfTheOldestOrchestrationComesFirstAndDispatchedWorkIsSkipped() {
    WorkItem late = scheduleOne("b-started-later", 5_000);
    WorkItem early = scheduleOne("a-started-first", 1_000);
    assertThat(late.seq()).isLessThan(early.seq());
    assertThat(store.activities(java.util.Set.of(), 10)).extracting(WorkItem::instanceId)
        .containsExactly("a-started-first", "b-started-later");
    assertThat(store.activities(java.util.Set.of(early.seq()), 10)).extracting(WorkItem::instanceId)
        .containsExactly("b-started-later");
    assertThat(store.activities(java.util.Set.of(), 1)).extracting(WorkItem::instanceId)
        .containsExactly("a-started-first");
  }

  @Test
  void anEpisodeMovesItsInboxToHistoryAndCreatesItsWorkAtOnce() {
    WorkItem w = scheduleOne("i1");
    Episode ep = store.episode("i1");
    assertThat(ep.inbox()).isEmpty();
    assertThat(ep.history()).hasSize(3);
    assertThat(ep.instance().status()).isEqualTo(OrchestrationRuntimeStatus.RUNNING);
    assertThat(ep.instance().lastEpisodeAt()).isEqualTo(2_000);
    assertThat(w.taskId()).isZero();
    assertThat(store.stats().activitiesQueued()).isEqualTo(1);
  }

  @Test
  void aDuplicateCompletionIsCountedButNotAppliedTwice() {
    WorkItem w = scheduleOne("i1");
    assertThat(store.complete(w, Events.taskCompleted(0, "2", 3_000))).isTrue();
    assertThat(store.complete(w, Events.taskCompleted(0, "2", 3_001))).isFalse();
    assertThat(store.episode("i1").inbox()).hasSize(1);
    assertThat(store.stats().commits("i1", 0)).isEqualTo(2);
    assertThat(store.stats().activitiesQueued()).isZero();
  }

  @Test
  void anEpisodeOfATerminatedInstanceIsNotCommitted() {
    WorkItem w = scheduleOne("i1");
    assertThat(store.complete(w, Events.taskCompleted(0, "2", 3_000))).isTrue();
    Episode ep = store.episode("i1");
    assertThat(store.terminate("i1", "\"stop\"", 3_500)).isEqualTo(DurableStore.ChangeResult.DONE);
    boolean ok =
        store.commit(
            new EpisodeCommit(
                "i1",
                ep.instance().executionId(),
                ep.inboxIds(),
                List.of(Events.orchestratorStarted(4_000)),
                List.of(new WorkItem(0, "i1", ep.instance().executionId(), 1, "act", null)),
                List.of(),
                OrchestrationRuntimeStatus.RUNNING,
                null,
                null,
                null,
                4_000));
    assertThat(ok).isFalse();
    Episode after = store.episode("i1");
    assertThat(after.instance().status()).isEqualTo(OrchestrationRuntimeStatus.TERMINATED);
    assertThat(after.instance().output()).isEqualTo("\"stop\"");
    assertThat(after.inbox()).isEmpty();
    assertThat(after.history().getLast().hasExecutionCompleted()).isTrue();
    assertThat(store.stats().activitiesQueued()).isZero();
  }

  @Test
  void aHaltedStoreCommitsNothing() {
    WorkItem w = scheduleOne("i1");
    store.halt();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.complete(w, Events.taskCompleted(0, "2", 3_000)))
        .isInstanceOf(DurableStore.HaltedException.class);
    assertThat(new DurableStore(db).stats().activitiesQueued()).isEqualTo(1);
  }
}
