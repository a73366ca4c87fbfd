package com.cvgen.local.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.OrchestrationStatusQuery;
import com.microsoft.durabletask.RetryPolicy;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOptions;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDurableBackendTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private static OrchestrationMetadata complete(DurableTaskClient client, String id) throws TimeoutException {
    OrchestrationMetadata m = client.waitForInstanceCompletion(id, WAIT, true);
    assertThat(m.isInstanceFound()).isTrue();
    return m;
  }

  @Test
  void chainAndFanOutCompleteWithDeterministicCurrentInstant() throws Exception {
    Map<Integer, List<Instant>> seen = new ConcurrentHashMap<>();
    TestFunctions f =
        new TestFunctions()
            .activity("inc", (in, id) -> String.valueOf(Integer.parseInt(in) + 1))
            .activity("square", (in, id) -> String.valueOf(Integer.parseInt(in) * Integer.parseInt(in)))
            .orchestrator(
                "chain",
                ctx -> {
                  step(seen, 0, ctx);
                  int a = ctx.callActivity("inc", ctx.getInput(Integer.class), Integer.class).await();
                  step(seen, 1, ctx);
                  int b = ctx.callActivity("inc", a, Integer.class).await();
                  step(seen, 2, ctx);
                  List<Task<Integer>> squares =
                      IntStream.rangeClosed(1, b).mapToObj(i -> ctx.callActivity("square", i, Integer.class)).toList();
                  int sum = ctx.allOf(squares).await().stream().mapToInt(Integer::intValue).sum();
                  step(seen, 3, ctx);
                  return sum;
                });
    try (Harness h = new Harness(dir, f)) {
      // the client exactly as a function gets it in Azure: DurableClientContext from the binding's JSON
      DurableClientContext context = new Gson().fromJson(h.backend.clientContextJson(), DurableClientContext.class);
      assertThat(context.getTaskHubName()).isEqualTo("test");
      DurableTaskClient client = context.getClient();
      try {
        String id = client.scheduleNewOrchestrationInstance("chain", 3, "chain-1");
        assertThat(id).isEqualTo("chain-1");
        OrchestrationMetadata m = complete(client, id);
        assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
        assertThat(m.readOutputAs(Integer.class)).isEqualTo(1 + 4 + 9 + 16 + 25);
        assertThat(m.readInputAs(Integer.class)).isEqualTo(3);
        assertThat(m.getName()).isEqualTo("chain");
      } finally {
        client.close();
      }
      // replays see the same instant at the same point; time only moves forward
      assertThat(seen.get(0)).hasSizeGreaterThanOrEqualTo(4);
      for (List<Instant> instants : seen.values()) assertThat(instants).containsOnly(instants.get(0));
      assertThat(seen.get(0).get(0)).isBeforeOrEqualTo(seen.get(1).get(0));
      assertThat(seen.get(1).get(0)).isBeforeOrEqualTo(seen.get(2).get(0));
      assertThat(seen.get(2).get(0)).isBeforeOrEqualTo(seen.get(3).get(0));
      assertThat(h.functions.activityRuns("inc")).isEqualTo(2);
      assertThat(h.functions.activityRuns("square")).isEqualTo(5);
      BackendStats stats = h.backend.stats();
      assertThat(stats.instances(OrchestrationRuntimeStatus.COMPLETED)).isEqualTo(1);
      assertThat(stats.activitiesCompleted()).isEqualTo(7);
      assertThat(stats.completionCommits()).hasSize(7).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
      assertThat(stats.activitiesQueued()).isZero();
    }
  }

  private static void step(Map<Integer, List<Instant>> seen, int step, TaskOrchestrationContext ctx) {
    seen.computeIfAbsent(step, k -> new CopyOnWriteArrayList<>()).add(ctx.getCurrentInstant());
  }

  @Test
  void timerDelaysTheOrchestrationByItsDuration() throws Exception {
    TestFunctions f =
        new TestFunctions()
            .orchestrator(
                "sleepy",
                ctx -> {
                  Instant before = ctx.getCurrentInstant();
                  ctx.createTimer(Duration.ofMillis(80)).await();
                  return Duration.between(before, ctx.getCurrentInstant()).toMillis();
                });
    try (Harness h = new Harness(dir, f)) {
      String id = h.client.scheduleNewOrchestrationInstance("sleepy");
      OrchestrationMetadata m = complete(h.client, id);
      assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
      assertThat(m.readOutputAs(Long.class)).isGreaterThanOrEqualTo(80);
      assertThat(h.backend.stats().timersPending()).isZero();
    }
  }

  @Test
  void activityFailingTwiceSucceedsUnderRetryPolicy() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TaskOptions retry = new TaskOptions(new RetryPolicy(3, Duration.ofMillis(10)));
    TestFunctions f =
        new TestFunctions()
            .activity(
                "flaky",
                (in, id) -> {
                  if (calls.incrementAndGet() <= 2) throw new IllegalStateException("flake " + calls.get());
                  return "\"ok after " + calls.get() + "\"";
                })
            .orchestrator("retrying", ctx -> ctx.callActivity("flaky", null, retry, String.class).await());
    try (Harness h = new Harness(dir, f)) {
      String id = h.client.scheduleNewOrchestrationInstance("retrying");
      OrchestrationMetadata m = complete(h.client, id);
      assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
      assertThat(m.readOutputAs(String.class)).isEqualTo("ok after 3");
      assertThat(calls).hasValue(3);
      // each attempt is its own task: three completions, each committed once
      assertThat(h.backend.stats().completionCommits()).hasSize(3).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    }
  }

  @Test
  void activityThatAlwaysFailsIsSeenAsTaskFailedException() throws Exception {
    TaskOptions retry = new TaskOptions(new RetryPolicy(3, Duration.ofMillis(5)));
    TestFunctions f =
        new TestFunctions()
            .activity(
                "broken",
                (in, id) -> {
                  throw new IllegalStateException("disk on fire");
                })
            .orchestrator(
                "catching",
                ctx -> {
                  try {
                    return ctx.callActivity("broken", null, retry, String.class).await();
                  } catch (TaskFailedException e) {
                    return "caught " + e.getErrorDetails().getErrorType() + ": " + e.getErrorDetails().getErrorMessage();
                  }
                })
            .orchestrator("uncaught", ctx -> ctx.callActivity("broken", "x", String.class).await());
    try (Harness h = new Harness(dir, f)) {
      String caught = h.client.scheduleNewOrchestrationInstance("catching");
      OrchestrationMetadata m = complete(h.client, caught);
      assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
      assertThat(m.readOutputAs(String.class)).isEqualTo("caught java.lang.IllegalStateException: disk on fire");
      assertThat(h.functions.activityRuns("broken")).isEqualTo(3);

      String uncaught = h.client.scheduleNewOrchestrationInstance("uncaught");
      OrchestrationMetadata failed = complete(h.client, uncaught);
      assertThat(failed.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(failed.getFailureDetails().getErrorType()).isEqualTo(TaskFailedException.class.getName());
      assertThat(failed.getFailureDetails().getErrorMessage()).contains("broken").contains("disk on fire");
      assertThat(failed.getFailureDetails().getStackTrace()).isNotBlank();
    }
  }

  @Test
  void orchestratorFailuresEndTheInstanceFailedWithReadableDetails() throws Exception {
    TestFunctions f =
        new TestFunctions()
            .orchestrator(
                "throws",
                ctx -> {
                  throw new IllegalArgumentException("no CV given");
                })
            .orchestrator("error", ctx -> {
              throw new AssertionError("broken invariant");
            })
            .orchestrator("callsUnknown", ctx -> ctx.callActivity("nope", null, String.class).await())
            .orchestrator("subOrchestrates", ctx -> ctx.callSubOrchestrator("child", null, String.class).await())
            .orchestrator(
                "continues",
                ctx -> {
                  ctx.continueAsNew(1);
                  return null;
                })
            .orchestrator(
                "sends",
                ctx -> {
                  ctx.sendEvent("other", "ping");
                  return ctx.waitForExternalEvent("pong").await();
                });
    try (Harness h = new Harness(dir, f)) {
      OrchestrationMetadata thrown = complete(h.client, h.client.scheduleNewOrchestrationInstance("throws"));
      assertThat(thrown.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(thrown.getFailureDetails().getErrorType()).isEqualTo(IllegalArgumentException.class.getName());
      assertThat(thrown.getFailureDetails().getErrorMessage()).isEqualTo("no CV given");

      OrchestrationMetadata error = complete(h.client, h.client.scheduleNewOrchestrationInstance("error"));
      assertThat(error.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(error.getFailureDetails().getErrorMessage()).isEqualTo("broken invariant");

      OrchestrationMetadata unknown = complete(h.client, h.client.scheduleNewOrchestrationInstance("missing"));
      assertThat(unknown.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(unknown.getFailureDetails().getErrorMessage()).contains("No orchestrator function named 'missing'");

      OrchestrationMetadata unknownActivity =
          complete(h.client, h.client.scheduleNewOrchestrationInstance("callsUnknown"));
      assertThat(unknownActivity.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(unknownActivity.getFailureDetails().getErrorMessage())
          .contains("No activity function named 'nope'");

      OrchestrationMetadata sub = complete(h.client, h.client.scheduleNewOrchestrationInstance("subOrchestrates"));
      assertThat(sub.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(sub.getFailureDetails().getErrorMessage()).contains("Sub-orchestrations are not supported");

      OrchestrationMetadata continued = complete(h.client, h.client.scheduleNewOrchestrationInstance("continues"));
      assertThat(continued.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(continued.getFailureDetails().getErrorMessage()).contains("continueAsNew is not supported");

      OrchestrationMetadata sent = complete(h.client, h.client.scheduleNewOrchestrationInstance("sends"));
      assertThat(sent.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
      assertThat(sent.getFailureDetails().getErrorMessage()).contains("sendEvent is not supported");
      assertThat(h.backend.stats().instancesByStatus()).isEqualTo(Map.of(OrchestrationRuntimeStatus.FAILED, 7));
    }
  }

  /** What the host does: invoke the orchestrator method by reflection, wrapping what it throws. */
  public static String reflectiveOrchestrator(TaskOrchestrationContext ctx) {
    return ctx.callActivity("echo", "hi", String.class).await() + "!";
  }

  @Test
  void wrappedOrchestratorBlockedExceptionIsUnwrapped() throws Exception {
    Method method =
        EmbeddedDurableBackendTest.class.getMethod("reflectiveOrchestrator", TaskOrchestrationContext.class);
    TestFunctions activities = new TestFunctions().activity("echo", (in, id) -> in);
    DurableFunctions reflective =
        new DurableFunctions() {
          @Override
          public boolean hasOrchestrator(String name) {
            return true;
          }

          @Override
          public Object runOrchestrator(String name, TaskOrchestrationContext ctx) {
            try {
              return method.invoke(null, ctx);
            } catch (InvocationTargetException | IllegalAccessException e) {
              throw new RuntimeException("wrapped", e);
            }
          }

          @Override
          public boolean hasActivity(String name) {
            return activities.hasActivity(name);
          }

          @Override
          public String runActivity(String name, String inputJson, String instanceId) throws Exception {
            return activities.runActivity(name, inputJson, instanceId);
          }
        };
    var db = com.cvgen.local.db.Database.open(dir);
    try (EmbeddedDurableBackend backend = new EmbeddedDurableBackend(db, reflective, DurableOptions.defaults());
        AutoCloseable closeDb = db::close) {
      backend.start();
      try (DurableTaskClient client = backend.newClient()) {
        OrchestrationMetadata m = complete(client, client.scheduleNewOrchestrationInstance("reflective"));
        assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
        assertThat(m.readOutputAs(String.class)).isEqualTo("hi!");
      }
    }
  }

  @Test
  void duplicateStartIsRejectedAsAlreadyExists() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TestFunctions f =
        new TestFunctions()
            .activity(
                "wait",
                (in, id) -> {
                  release.await(10, TimeUnit.SECONDS);
                  return in;
                })
            .orchestrator("echo", ctx -> ctx.callActivity("wait", ctx.getInput(String.class), String.class).await());
    try (Harness h = new Harness(dir, f)) {
      h.client.scheduleNewOrchestrationInstance("echo", "first", "job-42");
      assertThatThrownBy(() -> h.client.scheduleNewOrchestrationInstance("echo", "second", "job-42"))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
      release.countDown();
      OrchestrationMetadata m = complete(h.client, "job-42");
      assertThat(m.readOutputAs(String.class)).isEqualTo("first");
      assertThat(h.backend.stats().instancesByStatus()).isEqualTo(Map.of(OrchestrationRuntimeStatus.COMPLETED, 1));
      assertThat(h.functions.activityRuns("wait")).isEqualTo(1);

      // a finished instance id may be reused: a new execution replaces it
      h.client.scheduleNewOrchestrationInstance("echo", "again", "job-42");
      assertThat(complete(h.client, "job-42").readOutputAs(String.class)).isEqualTo("again");
      assertThat(h.backend.stats().instancesByStatus()).isEqualTo(Map.of(OrchestrationRuntimeStatus.COMPLETED, 1));
    }
  }

  @Test
  void terminateWhileAnActivityRunsIgnoresItsLateResult() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TestFunctions f =
        new TestFunctions()
            .activity(
                "long",
                (in, id) -> {
                  started.countDown();
                  release.await(10, TimeUnit.SECONDS);
                  return "\"late\"";
                })
            .orchestrator(
                "slow",
                ctx -> {
                  String r = ctx.callActivity("long", null, String.class).await();
                  return ctx.callActivity("long", r, String.class).await();
                });
    try (Harness h = new Harness(dir, f)) {
      String id = h.client.scheduleNewOrchestrationInstance("slow");
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(h.client.waitForInstanceStart(id, WAIT).getRuntimeStatus())
          .isEqualTo(OrchestrationRuntimeStatus.RUNNING);
      h.client.terminate(id, "user cancelled");
      OrchestrationMetadata m = complete(h.client, id);
      assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.TERMINATED);
      assertThat(m.readOutputAs(String.class)).isEqualTo("user cancelled");
      int runs = h.functions.orchestratorRuns(id);

      release.countDown();
      Harness.await("the late completion", () -> h.backend.stats().commits(id, 0) == 1);
      h.client.raiseEvent(id, "poke", null); // dropped: the instance has finished
      assertThat(h.backend.terminate(id, "again")).isFalse();

      OrchestrationMetadata after = h.client.getInstanceMetadata(id, true);
      assertThat(after.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.TERMINATED);
      assertThat(after.readOutputAs(String.class)).isEqualTo("user cancelled");
      assertThat(h.functions.orchestratorRuns(id)).isEqualTo(runs);
      assertThat(h.functions.activityRuns("long")).isEqualTo(1);
      BackendStats stats = h.backend.stats();
      assertThat(stats.activitiesQueued()).isZero();
      assertThat(stats.instances(OrchestrationRuntimeStatus.TERMINATED)).isEqualTo(1);
    }
  }

  @Test
  void terminateThroughTheBackendApi() throws Exception {
    TestFunctions f = new TestFunctions().orchestrator("waits", ctx -> ctx.waitForExternalEvent("never").await());
    try (Harness h = new Harness(dir, f)) {
      String id = h.client.scheduleNewOrchestrationInstance("waits");
      h.client.waitForInstanceStart(id, WAIT);
      assertThat(h.backend.terminate(id, "shutting down")).isTrue();
      OrchestrationMetadata m = complete(h.client, id);
      assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.TERMINATED);
      assertThat(m.readOutputAs(String.class)).isEqualTo("shutting down");
      assertThat(h.backend.terminate("nobody", "x")).isFalse();
    }
  }

  @Test
  void externalEventsReachTheOrchestrator() throws Exception {
    TestFunctions f =
        new TestFunctions()
            .orchestrator(
                "approval",
                ctx -> {
                  ctx.setCustomStatus("waiting");
                  String who = ctx.waitForExternalEvent("approved", String.class).await();
                  ctx.setCustomStatus("done");
                  return "approved by " + who;
                });
    try (Harness h = new Harness(dir, f)) {
      String id = h.client.scheduleNewOrchestrationInstance("approval");
      Harness.await(
          "the custom status",
          () -> "waiting".equals(h.client.getInstanceMetadata(id, true).readCustomStatusAs(String.class)));
      h.client.raiseEvent(id, "approved", "alice");
      OrchestrationMetadata m = complete(h.client, id);
      assertThat(m.readOutputAs(String.class)).isEqualTo("approved by alice");
      assertThat(m.readCustomStatusAs(String.class)).isEqualTo("done");
      assertThatThrownBy(() -> h.client.raiseEvent("nobody", "approved", "bob"))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
  }

  @Test
  void getQueryAndPurgeInstances() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TestFunctions f =
        new TestFunctions()
            .activity(
                "hold",
                (in, id) -> {
                  release.await(10, TimeUnit.SECONDS);
                  return in;
                })
            .orchestrator("quick", ctx -> "done " + ctx.getInput(String.class))
            .orchestrator("held", ctx -> ctx.callActivity("hold", "x", String.class).await());
    try (Harness h = new Harness(dir, f)) {
      OrchestrationMetadata missing = h.client.getInstanceMetadata("nobody", true);
      assertThat(missing.isInstanceFound()).isFalse();
      assertThat(h.client.waitForInstanceCompletion("nobody", WAIT, false).isInstanceFound()).isFalse();

      for (int i = 0; i < 3; i++) complete(h.client, h.client.scheduleNewOrchestrationInstance("quick", "q" + i, "q-" + i));
      String held = h.client.scheduleNewOrchestrationInstance("held", null, "held-1");
      h.client.waitForInstanceStart(held, WAIT);

      OrchestrationMetadata withoutIo = h.client.getInstanceMetadata("q-1", false);
      assertThat(withoutIo.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
      assertThat(withoutIo.getSerializedOutput()).isEmpty();
      OrchestrationMetadata withIo = h.client.getInstanceMetadata("q-1", true);
      assertThat(withIo.readOutputAs(String.class)).isEqualTo("done q1");
      assertThat(withIo.readInputAs(String.class)).isEqualTo("q1");
      assertThat(withIo.getCreatedAt()).isBeforeOrEqualTo(withIo.getLastUpdatedAt());

      OrchestrationStatusQuery completed = new OrchestrationStatusQuery();
      completed.setRuntimeStatusList(List.of(OrchestrationRuntimeStatus.COMPLETED));
      assertThat(h.client.queryInstances(completed).getOrchestrationState())
          .extracting(OrchestrationMetadata::getInstanceId)
          .containsExactly("q-0", "q-1", "q-2");
      OrchestrationStatusQuery page = new OrchestrationStatusQuery();
      page.setMaxInstanceCount(2);
      page.setInstanceIdPrefix("q-");
      var first = h.client.queryInstances(page);
      assertThat(first.getOrchestrationState()).extracting(OrchestrationMetadata::getInstanceId).containsExactly("q-0", "q-1");
      page.setContinuationToken(first.getContinuationToken());
      assertThat(h.client.queryInstances(page).getOrchestrationState())
          .extracting(OrchestrationMetadata::getInstanceId)
          .containsExactly("q-2");

      assertThat(h.client.purgeInstance("q-0").getDeletedInstanceCount()).isEqualTo(1);
      assertThat(h.client.purgeInstance("q-0").getDeletedInstanceCount()).isZero();
      assertThat(h.client.getInstanceMetadata("q-0", false).isInstanceFound()).isFalse();
      assertThatThrownBy(() -> h.client.purgeInstance(held))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
      release.countDown();
      complete(h.client, held);
    }
  }

  @Test
  void clientOnLocalhostReachesTheServerAndWaitsHonourTheDeadline() throws Exception {
    TestFunctions f = new TestFunctions().orchestrator("waits", ctx -> ctx.waitForExternalEvent("go").await());
    try (Harness h = new Harness(dir, f)) {
      assertThat(h.backend.rpcBaseUrl()).isEqualTo("http://127.0.0.1:" + h.backend.port() + "/");
      // every address "localhost" resolves to (the SDK client dials "localhost") has the server
      List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getAllByName("localhost")));
      assertThat(addresses).isNotEmpty();
      for (InetAddress a : addresses) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(a, h.backend.port()), 2_000);
        }
      }
      String id = h.client.scheduleNewOrchestrationInstance("waits");
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> h.client.waitForInstanceCompletion(id, Duration.ofMillis(200), false))
          .isInstanceOf(TimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
      h.client.raiseEvent(id, "go");
      assertThat(complete(h.client, id).getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
      assertThatThrownBy(
              () ->
                  h.client.scheduleNewOrchestrationInstance(
                      "waits", new NewOrchestrationInstanceOptions().setStartTime(Instant.now().plusSeconds(60))))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
    }
  }
}
