package com.cvgen.local.durable;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.local.db.Database;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend killed mid-flight resumes on the next start from what it had committed. */
class DurableRecoveryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int INSTANCES = 5;
  private static final int WORK_ITEMS = 4;

  @TempDir Path dir;

  /** quick (#0), then work 1..4 (#1..#4) in parallel. */
  private static TestFunctions crashy(TestFunctions f) {
    return f.orchestrator(
        "crashy",
        ctx -> {
          String q = ctx.callActivity("quick", ctx.getInstanceId(), String.class).await();
          List<Task<String>> work =
              IntStream.rangeClosed(1, WORK_ITEMS)
                  .mapToObj(k -> ctx.callActivity("work", ctx.getInstanceId() + "/" + k, String.class))
                  .toList();
          return q + " " + String.join(",", ctx.allOf(work).await());
        });
  }

  /** The (instance, task id) an activity input stands for. */
  private static BackendStats.TaskRef task(String activity, String input) {
    String plain = input.substring(1, input.length() - 1); // JSON string
    if (activity.equals("quick")) return new BackendStats.TaskRef(plain, 0);
    int slash = plain.lastIndexOf('/');
    return new BackendStats.TaskRef(plain.substring(0, slash), Integer.parseInt(plain.substring(slash + 1)));
  }

  @Test
  void activitiesCommittedBeforeACrashAreNeverRunAgain() throws Exception {
    int concurrency = 3;
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger blocked = new AtomicInteger();
    List<BackendStats.TaskRef> phase1 = new ArrayList<>();
    TestFunctions before =
        crashy(new TestFunctions())
            .activity(
                "quick",
                (in, id) -> {
                  synchronized (phase1) {
                    phase1.add(task("quick", in));
                  }
                  return in;
                })
            .activity(
                "work",
                (in, id) -> {
                  synchronized (phase1) {
                    phase1.add(task("work", in));
                  }
                  if (task("work", in).taskScheduledId() % 2 == 1) { // odd ones hang until the crash
                    blocked.incrementAndGet();
                    never.await();
                  }
                  return "\"w" + task("work", in).taskScheduledId() + "\"";
                });
    Harness first = new Harness(dir, before, concurrency);
    for (int i = 0; i < INSTANCES; i++) first.client.scheduleNewOrchestrationInstance("crashy", null, "c" + i);
    // every slot ends up held by a hanging activity: nothing can move any more
    Harness.await("all activity slots hanging", () -> blocked.get() == concurrency);
    first.crash();

    Map<BackendStats.TaskRef, Integer> committedAtCrash;
    try (Database db = Database.open(dir)) {
      committedAtCrash = new DurableStore(db).stats().completionCommits();
    }
    assertThat(committedAtCrash).isNotEmpty().allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    assertThat(committedAtCrash.keySet()).allSatisfy(k -> assertThat(phase1).contains(k));

    Map<BackendStats.TaskRef, AtomicInteger> phase2 = new ConcurrentHashMap<>();
    TestFunctions after =
        crashy(new TestFunctions())
            .activity(
                "quick",
                (in, id) -> {
                  phase2.computeIfAbsent(task("quick", in), k -> new AtomicInteger()).incrementAndGet();
                  return in;
                })
            .activity(
                "work",
                (in, id) -> {
                  phase2.computeIfAbsent(task("work", in), k -> new AtomicInteger()).incrementAndGet();
                  return "\"w" + task("work", in).taskScheduledId() + "\"";
                });
    try (Harness second = new Harness(dir, after, concurrency)) {
      for (int i = 0; i < INSTANCES; i++) {
        OrchestrationMetadata m = second.client.waitForInstanceCompletion("c" + i, WAIT, true);
        assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
        assertThat(m.readOutputAs(String.class)).isEqualTo("c" + i + " w1,w2,w3,w4");
      }
      BackendStats stats = second.backend.stats();
      // every activity call's completion was committed exactly once, across the crash
      assertThat(stats.completionCommits()).hasSize(INSTANCES * (1 + WORK_ITEMS));
      assertThat(stats.completionCommits()).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
      assertThat(stats.activitiesCompleted()).isEqualTo(INSTANCES * (1 + WORK_ITEMS));
      assertThat(stats.activitiesQueued()).isZero();
      // what was committed before the crash did not run again; everything else ran once more
      assertThat(phase2.keySet()).doesNotContainAnyElementsOf(committedAtCrash.keySet());
      Set<BackendStats.TaskRef> all = new HashSet<>(stats.completionCommits().keySet());
      all.removeAll(committedAtCrash.keySet());
      assertThat(phase2.keySet()).isEqualTo(all);
      assertThat(phase2.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    }
  }

  @Test
  void instancesWhoseFirstEpisodeNeverCommittedRunAfterRestart() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    TestFunctions hanging =
        new TestFunctions()
            .orchestrator(
                "hello",
                ctx -> {
                  entered.countDown();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException("killed", e);
                  }
                  return "unreachable";
                });
    Harness first = new Harness(dir, hanging);
    first.client.scheduleNewOrchestrationInstance("hello", "world", "h1");
    assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    first.crash();

    TestFunctions fine =
        new TestFunctions()
            .activity("greet", (in, id) -> "\"hello " + in.substring(1)) // JSON string in, JSON string out
            .orchestrator("hello", ctx -> ctx.callActivity("greet", ctx.getInput(String.class), String.class).await());
    try (Harness second = new Harness(dir, fine)) {
      OrchestrationMetadata m = second.client.waitForInstanceCompletion("h1", WAIT, true);
      assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
      assertThat(m.readOutputAs(String.class)).isEqualTo("hello world");
    }
  }

  @Test
  void timersAreReArmedAfterRestart() throws Exception {
    TestFunctions f =
        new TestFunctions()
            .activity("after", (in, id) -> "\"rang\"")
            .orchestrator(
                "alarm",
                ctx -> {
                  ctx.createTimer(Duration.ofSeconds(1)).await();
                  return ctx.callActivity("after", null, String.class).await();
                });
    Harness first = new Harness(dir, f);
    first.client.scheduleNewOrchestrationInstance("alarm", null, "a1");
    Harness.await("the timer", () -> first.backend.stats().timersPending() == 1);
    first.crash();
    try (Database db = Database.open(dir)) {
      assertThat(new DurableStore(db).stats().timersPending()).isEqualTo(1);
    }

    try (Harness second = new Harness(dir, f)) {
      OrchestrationMetadata m = second.client.waitForInstanceCompletion("a1", WAIT, true);
      assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
      assertThat(m.readOutputAs(String.class)).isEqualTo("rang");
      assertThat(second.backend.stats().timersPending()).isZero();
    }
  }

  @Test
  void aCleanCloseLetsRunningActivitiesFinishAndKeepsTheirResults() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TestFunctions f =
        new TestFunctions()
            .activity(
                "slow",
                (in, id) -> {
                  started.countDown();
                  release.await();
                  return "\"finished\"";
                })
            .orchestrator("one", ctx -> ctx.callActivity("slow", null, String.class).await());
    Harness first = new Harness(dir, f);
    first.client.scheduleNewOrchestrationInstance("one", null, "o1");
    assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                return;
              }
              release.countDown();
            });
    releaser.start();
    first.close(); // waits for the running activity, commits its completion
    releaser.join();
    assertThat(f.activityRuns("slow")).isEqualTo(1);

    try (Harness second = new Harness(dir, f)) {
      OrchestrationMetadata m = second.client.waitForInstanceCompletion("o1", WAIT, true);
      assertThat(m.readOutputAs(String.class)).isEqualTo("finished");
      assertThat(f.activityRuns("slow")).isEqualTo(1);
      assertThat(second.backend.stats().commits("o1", 0)).isEqualTo(1);
    }
  }
}
