package com.cvgen.local.durable;

import com.cvgen.local.db.Database;
import com.cvgen.local.durable.DurableStore.Episode;
import com.cvgen.local.durable.DurableStore.EpisodeCommit;
import com.cvgen.local.durable.DurableStore.HaltedException;
import com.cvgen.local.durable.DurableStore.InstanceRow;
import com.cvgen.local.durable.DurableStore.StartResult;
import com.cvgen.local.durable.DurableStore.TimerRow;
import com.cvgen.local.durable.DurableStore.WorkItem;
import com.google.protobuf.InvalidProtocolBufferException;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.JacksonDataConverter;
import com.microsoft.durabletask.OrchestrationRunner;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.OrchestratorFunction;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CompleteOrchestrationAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ScheduleTaskAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import com.microsoft.durabletask.interruption.ContinueAsNewInterruption;
import com.microsoft.durabletask.interruption.OrchestratorBlockedException;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Durable Task backend: runs the product's Durable Functions orchestrators and
 * activities on one machine, with each instance's history in the embedded database, behind the
 * same gRPC sidecar protocol the SDK's {@code DurableTaskGrpcClient} speaks (so {@code
 * DurableClientContext.getClient()} works unchanged when given {@link #rpcBaseUrl()}).
 *
 * <p>An orchestrator runs in episodes: the real orchestrator code is replayed by the SDK's {@link
 * OrchestrationRunner} over the instance's past history plus the new events of its inbox, and the
 * actions it returns (schedule an activity, create a timer, complete) are committed with the
 * consumed events in one transaction. Activities run on a bounded pool, dispatched from their
 * work items in the database as slots free up; a completion is committed with its inbox event and
 * the deletion of its work item in one transaction. Killed at any point, the backend resumes on
 * the next {@link #start()} from what was committed: uncompleted activities run again, timers are
 * re-armed, instances with inbox events run; completed activities never run again.
 *
 * <p>Not supported (the instance fails with a clear message): sub-orchestrations, {@code
 * ctx.sendEvent}, {@code continueAsNew}, scheduled start times; suspend/resume/rewind answer
 * UNIMPLEMENTED. External events ({@code raiseEvent} / {@code waitForExternalEvent}) work.
 */
public final class EmbeddedDurableBackend implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDurableBackend.class);
  /** How long {@link #close()} lets running activities finish (their results are then kept). */
  private static final long ACTIVITY_GRACE_MILLIS = 5_000;
  private static final long DISPATCH_POLL_MILLIS = 1_000;
  private static final int MAX_MESSAGE_BYTES = 64 << 20;

  private final DurableFunctions functions;
  private final DurableOptions options;
  private final DurableStore store;
  private final JacksonDataConverter json = new JacksonDataConverter();

  private final Object lifecycle = new Object();
  private volatile boolean started;
  private volatile boolean closing;
  private volatile boolean closed;

  private volatile Server server;
  private volatile int port = -1;
  private volatile ExecutorService grpcExecutor;
  private volatile ExecutorService orchestratorPool;
  private volatile ExecutorService activityPool;
  private volatile ScheduledExecutorService timerScheduler;
  private volatile Thread dispatcher;

  // one episode per instance at a time: an instance is "running" while a lane drains it
  private final Set<String> lanes = ConcurrentHashMap.newKeySet();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();

  // activity dispatch: the work items are in the database, at most activityConcurrency in flight
  private final AtomicInteger activitiesInFlight = new AtomicInteger();
  /** Work items handed to the activity pool and not finished (their rows still exist meanwhile). */
  private final java.util.Set<Long> dispatched = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ReentrantLock dispatchLock = new ReentrantLock();
  private final Condition dispatchWake = dispatchLock.newCondition();
  private boolean dispatchSignal;

  // status changes, for the server-side waits
  private final Object changes = new Object();
  private long changeVersion;

  public EmbeddedDurableBackend(Database db, DurableFunctions functions, DurableOptions options) {
    if (db == null || functions == null || options == null) {
      throw new IllegalArgumentException("db, functions and options are required");
    }
    this.functions = functions;
    this.options = options;
    this.store = new DurableStore(db);
  }

  // ---- lifecycle -------------------------------------------------------------------------

  /** Creates the tables, starts the gRPC server, recovers unfinished work and starts dispatching. */
  public void start() {
    synchronized (lifecycle) {
      if (started) throw new IllegalStateException("the durable backend was already started");
      started = true;
    }
    store.createTables();
    grpcExecutor = Executors.newCachedThreadPool(threads("durable-grpc"));
    orchestratorPool = Executors.newFixedThreadPool(options.orchestratorConcurrency(), threads("durable-orchestrator"));
    activityPool = Executors.newFixedThreadPool(options.activityConcurrency(), threads("durable-activity"));
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, threads("durable-timer"));
    timers.setRemoveOnCancelPolicy(true);
    timerScheduler = timers;
    try {
      server = startServer(new SidecarService(this, store));
    } catch (IOException e) {
      shutdownExecutorsNow();
      grpcExecutor.shutdownNow();
      throw new UncheckedIOException("cannot start the durable task gRPC server: " + e.getMessage(), e);
    }
    dispatcher = threads("durable-dispatcher").newThread(this::dispatchLoop);
    dispatcher.start();
    List<TimerRow> timerRows = store.timers();
    timerRows.forEach(this::arm);
    List<String> waiting = store.instancesWithInbox();
    waiting.forEach(this::signal);
    log.debug(
        "durable backend on port {}: {} timers re-armed, {} instances with pending events",
        port,
        timerRows.size(),
        waiting.size());
  }

  /** The gRPC port, on the loopback interface. */
  public int port() {
    if (port < 0) throw new IllegalStateException("the durable backend is not started");
    return port;
  }

  /** {@code http://127.0.0.1:PORT/}: the {@code rpcBaseUrl} of a DurableClientContext (only its port is used). */
  public String rpcBaseUrl() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** The JSON of a DurableClientContext binding value for this backend (rpcBaseUrl, taskHubName). */
  public String clientContextJson() {
    return "{\"rpcBaseUrl\":" + json.serialize(rpcBaseUrl()) + ",\"taskHubName\":"
        + json.serialize(options.taskHubName()) + "}";
  }

  public DurableOptions options() {
    return options;
  }

  /** An SDK gRPC client to this backend, built the way DurableClientContext.getClient() builds it; close it. */
  public DurableTaskClient newClient() {
    return new DurableTaskGrpcClientBuilder().port(port()).build();
  }

  public BackendStats stats() {
    return store.stats();
  }

  /**
   * Terminates an instance that has not finished: it ends TERMINATED with {@code reason} (as a
   * JSON string) for output and never runs again; activities already running may finish, their
   * results are ignored. Returns false when the instance does not exist or has already finished.
   */
  public boolean terminate(String instanceId, String reason) {
    return terminateWithOutput(instanceId, json.serialize(reason)) == DurableStore.ChangeResult.DONE;
  }

  /**
   * Stops accepting work, lets running activities finish for a few seconds (their completions are
   * committed), then stops: what did not finish runs again on the next start. The database is not
   * closed (it belongs to the host).
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (!started || closing) return;
      closing = true;
    }
    if (server == null || dispatcher == null) { // start() failed half-way
      abortNow();
      return;
    }
    server.shutdown();
    timerScheduler.shutdownNow();
    dispatcher.interrupt();
    orchestratorPool.shutdown();
    activityPool.shutdown();
    try {
      dispatcher.join(2_000);
      orchestratorPool.awaitTermination(5, TimeUnit.SECONDS);
      if (!activityPool.awaitTermination(ACTIVITY_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        log.warn("activities still running after {} ms; they will run again on the next start", ACTIVITY_GRACE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.halt();
    closed = true;
    shutdownExecutorsNow();
    notifyChanges();
    try {
      if (!server.awaitTermination(2, TimeUnit.SECONDS)) server.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    grpcExecutor.shutdownNow();
  }

  /**
   * Stops at once as if the process had been killed: from this moment nothing more is committed;
   * running activities are interrupted and their results lost. For crash tests.
   */
  void abort() {
    synchronized (lifecycle) {
      if (!started || closing) return;
      closing = true;
    }
    abortNow();
  }

  private void abortNow() {
    store.halt();
    closed = true;
    if (server != null) server.shutdownNow();
    if (dispatcher != null) dispatcher.interrupt();
    shutdownExecutorsNow();
    notifyChanges();
    if (grpcExecutor != null) grpcExecutor.shutdownNow();
  }

  boolean closing() {
    return closing;
  }

  private void shutdownExecutorsNow() {
    for (ExecutorService e : new ExecutorService[] {timerScheduler, orchestratorPool, activityPool}) {
      if (e != null) e.shutdownNow();
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // ---- gRPC server -----------------------------------------------------------------------

  /**
   * Binds the loopback addresses "localhost" resolves to (the SDK client connects to
   * "localhost:port"), all on one port; 127.0.0.1 at least.
   */
  private Server startServer(SidecarService service) throws IOException {
    Set<InetAddress> addresses = new LinkedHashSet<>();
    addresses.add(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}));
    try {
      for (InetAddress a : InetAddress.getAllByName("localhost")) {
        if (a.isLoopbackAddress() && (!(a instanceof Inet6Address) || ipv6Usable(a))) addresses.add(a);
      }
    } catch (UnknownHostException e) {
      log.debug("localhost does not resolve; binding 127.0.0.1 only");
    }
    List<InetAddress> list = new ArrayList<>(addresses);
    IOException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      int p = list.size() == 1 ? 0 : freePort(list.get(0));
      NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(list.get(0), p));
      for (InetAddress a : list.subList(1, list.size())) b.addListenAddress(new InetSocketAddress(a, p));
      Server s =
          b.executor(grpcExecutor)
              .maxInboundMessageSize(MAX_MESSAGE_BYTES)
              .addService(service)
              .build();
      try {
        s.start();
        port = p == 0 ? s.getPort() : p;
        log.debug("durable task gRPC server on {} port {}", list, port);
        return s;
      } catch (IOException e) {
        last = e;
        s.shutdownNow();
      }
    }
    throw last;
  }

  private static boolean ipv6Usable(InetAddress a) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(a, 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort(InetAddress a) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(a, 0));
      return s.getLocalPort();
    }
  }

  // ---- client operations (called by the gRPC service) ------------------------------------

  StartResult startInstance(String instanceId, String name, String input) {
    StartResult r = store.create(instanceId, name, input, System.currentTimeMillis());
    if (r == StartResult.CREATED) {
      log.debug("orchestration {} ({}) scheduled", instanceId, name);
      notifyChanges();
      signal(instanceId);
    }
    return r;
  }

  DurableStore.ChangeResult terminateWithOutput(String instanceId, String output) {
    DurableStore.ChangeResult r = store.terminate(instanceId, output, System.currentTimeMillis());
    if (r == DurableStore.ChangeResult.DONE) {
      log.debug("orchestration {} terminated", instanceId);
      notifyChanges();
    }
    return r;
  }

  DurableStore.ChangeResult raiseEvent(String instanceId, String name, String input) {
    DurableStore.ChangeResult r = store.raise(instanceId, name, input, System.currentTimeMillis());
    if (r == DurableStore.ChangeResult.DONE) signal(instanceId);
    return r;
  }

  long changeVersion() {
    synchronized (changes) {
      return changeVersion;
    }
  }

  /** Waits until something changed since {@code seen} (or {@code maxMillis} passed). */
  void awaitChange(long seen, long maxMillis) throws InterruptedException {
    synchronized (changes) {
      if (changeVersion == seen && !closed && maxMillis > 0) changes.wait(maxMillis);
    }
  }

  private void notifyChanges() {
    synchronized (changes) {
      changeVersion++;
      changes.notifyAll();
    }
  }

  // ---- orchestrator episodes -------------------------------------------------------------

  /** Makes sure an episode of the instance runs (after the one running now, if any). */
  private void signal(String instanceId) {
    if (closing) return;
    dirty.add(instanceId);
    if (lanes.add(instanceId)) submitLane(instanceId);
  }

  private void submitLane(String instanceId) {
    try {
      orchestratorPool.execute(() -> drain(instanceId));
    } catch (RejectedExecutionException e) {
      lanes.remove(instanceId); // closing: the inbox stays in the database for the next start
    }
  }

  private void drain(String instanceId) {
    try {
      while (!closing && dirty.remove(instanceId)) {
        try {
          runEpisode(instanceId);
        } catch (HaltedException e) {
          return;
        } catch (RuntimeException e) {
          if (closing) return;
          log.warn("episode of orchestration {} failed; it runs again on the next event or restart", instanceId, e);
        }
      }
    } finally {
      lanes.remove(instanceId);
      if (!closing && dirty.contains(instanceId) && lanes.add(instanceId)) submitLane(instanceId);
    }
  }

  private void runEpisode(String instanceId) {
    Episode ep = store.episode(instanceId);
    if (ep == null || ep.inbox().isEmpty()) return;
    InstanceRow inst = ep.instance();
    if (Events.isTerminal(inst.status())) return;

    // The episode's time is ctx.getCurrentInstant(): never before the previous episode's, and
    // strictly after the fire time of the timers firing now (the SDK's timer chain needs it).
    long at = Math.max(System.currentTimeMillis(), inst.lastEpisodeAt());
    for (HistoryEvent e : ep.inbox()) {
      if (e.hasTimerFired()) at = Math.max(at, Events.millis(e.getTimerFired().getFireAt()) + 1);
    }
    List<HistoryEvent> newEvents = new ArrayList<>(ep.inbox().size() + 1);
    newEvents.add(Events.orchestratorStarted(at));
    newEvents.addAll(ep.inbox());

    Plan plan = plan(inst, ep.history(), newEvents, at);
    EpisodeCommit commit =
        new EpisodeCommit(
            instanceId,
            inst.executionId(),
            ep.inboxIds(),
            plan.history,
            plan.activities,
            plan.timers,
            plan.status,
            plan.output,
            plan.failure,
            plan.customStatus,
            at);
    if (!store.commit(commit)) {
      log.debug("orchestration {} changed during its episode (terminated?); episode discarded", instanceId);
      return;
    }
    notifyChanges();
    if (plan.status == OrchestrationRuntimeStatus.FAILED) {
      log.warn(
          "orchestration {} ({}) failed: {}: {}",
          instanceId,
          inst.name(),
          plan.failure.getErrorType(),
          plan.failure.getErrorMessage());
    } else if (Events.isTerminal(plan.status)) {
      log.debug("orchestration {} ({}) {}", instanceId, inst.name(), plan.status);
    }
    if (!plan.activities.isEmpty()) wakeDispatcher();
    plan.timers.forEach(this::arm);
  }

  /** What an episode commits. */
  private static final class Plan {
    final List<HistoryEvent> history = new ArrayList<>();
    final List<WorkItem> activities = new ArrayList<>();
    final List<TimerRow> timers = new ArrayList<>();
    OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.RUNNING;
    String output;
    TaskFailureDetails failure;
    String customStatus;

    Plan finish(OrchestrationRuntimeStatus st, String out, TaskFailureDetails fail, long at) {
      activities.clear();
      timers.clear();
      status = st;
      output = out;
      failure = fail;
      history.add(Events.executionCompleted(st, out, fail, at));
      return this;
    }

    Plan fail(String message, long at) {
      history.removeIf(e -> e.hasTaskScheduled() || e.hasTimerCreated());
      return finish(
          OrchestrationRuntimeStatus.FAILED,
          null,
          Events.failure(UnsupportedOperationException.class.getName(), message, true),
          at);
    }
  }

  private Plan plan(InstanceRow inst, List<HistoryEvent> past, List<HistoryEvent> newEvents, long at) {
    Plan plan = new Plan();
    plan.history.addAll(newEvents);
    plan.customStatus = inst.customStatus();
    String name = inst.name();
    if (!functions.hasOrchestrator(name)) {
      return plan.finish(
          OrchestrationRuntimeStatus.FAILED,
          null,
          Events.failure(
              IllegalArgumentException.class.getName(),
              "No orchestrator function named '" + name + "' is registered in the embedded host",
              true),
          at);
    }
    OrchestratorRequest request =
        OrchestratorRequest.newBuilder()
            .setInstanceId(inst.instanceId())
            .setExecutionId(Events.text(inst.executionId()))
            .addAllPastEvents(past)
            .addAllNewEvents(newEvents)
            .build();
    OrchestratorResponse response;
    try {
      OrchestratorFunction<Object> fn = ctx -> runOrchestrator(name, ctx);
      response = OrchestratorResponse.parseFrom(OrchestrationRunner.loadAndRun(request.toByteArray(), fn));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the SDK returned an unreadable orchestrator response", e);
    } catch (VirtualMachineError e) {
      if (!(e instanceof StackOverflowError)) throw e;
      return plan.finish(OrchestrationRuntimeStatus.FAILED, null, Events.failure(e), at);
    } catch (Throwable e) { // an Error escaping the orchestrator, or the runner failing
      return plan.finish(OrchestrationRuntimeStatus.FAILED, null, Events.failure(e), at);
    }
    if (response.hasCustomStatus()) {
      String cs = response.getCustomStatus().getValue();
      plan.customStatus = cs.isEmpty() ? null : cs;
    }
    CompleteOrchestrationAction completion = null;
    for (OrchestratorAction action : response.getActionsList()) {
      int id = action.getId();
      switch (action.getOrchestratorActionTypeCase()) {
        case SCHEDULETASK -> {
          ScheduleTaskAction t = action.getScheduleTask();
          String input = Events.value(t.hasInput(), t.getInput());
          plan.history.add(Events.taskScheduled(id, t.getName(), input, at));
          plan.activities.add(new WorkItem(0, inst.instanceId(), inst.executionId(), id, t.getName(), input));
        }
        case CREATETIMER -> {
          plan.history.add(Events.timerCreated(id, action.getCreateTimer().getFireAt(), at));
          plan.timers.add(new TimerRow(inst.instanceId(), inst.executionId(), id, action.getCreateTimer().getFireAt()));
        }
        case COMPLETEORCHESTRATION -> completion = action.getCompleteOrchestration();
        case CREATESUBORCHESTRATION -> {
          return plan.fail(
              "Sub-orchestrations are not supported by the embedded durable backend (callSubOrchestrator('"
                  + action.getCreateSubOrchestration().getName()
                  + "'))",
              at);
        }
        case SENDEVENT -> {
          return plan.fail("ctx.sendEvent is not supported by the embedded durable backend", at);
        }
        default -> {
          return plan.fail("Unknown orchestrator action " + action.getOrchestratorActionTypeCase(), at);
        }
      }
    }
    if (completion == null) return plan;
    plan.history.removeIf(e -> e.hasTaskScheduled() || e.hasTimerCreated());
    String result = Events.value(completion.hasResult(), completion.getResult());
    return switch (completion.getOrchestrationStatus()) {
      case ORCHESTRATION_STATUS_COMPLETED -> plan.finish(OrchestrationRuntimeStatus.COMPLETED, result, null, at);
      case ORCHESTRATION_STATUS_FAILED ->
          plan.finish(
              OrchestrationRuntimeStatus.FAILED,
              null,
              completion.hasFailureDetails()
                  ? completion.getFailureDetails()
                  : Events.failure("OrchestrationFailed", "The orchestration failed without details", true),
              at);
      case ORCHESTRATION_STATUS_TERMINATED -> plan.finish(OrchestrationRuntimeStatus.TERMINATED, result, null, at);
      case ORCHESTRATION_STATUS_CONTINUED_AS_NEW ->
          plan.fail("continueAsNew is not supported by the embedded durable backend", at);
      default -> plan.fail("Unexpected completion status " + completion.getOrchestrationStatus(), at);
    };
  }

  /** Runs the orchestrator, letting the SDK's control-flow throwables through even if wrapped. */
  private Object runOrchestrator(String name, TaskOrchestrationContext ctx) {
    try {
      return functions.runOrchestrator(name, ctx);
    } catch (RuntimeException | Error e) {
      Throwable t = e;
      for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
        if (t instanceof OrchestratorBlockedException blocked) throw blocked;
        if (t instanceof ContinueAsNewInterruption continued) throw continued;
      }
      throw e;
    }
  }

  // ---- timers ----------------------------------------------------------------------------

  private void arm(TimerRow t) {
    if (closing) return;
    long delay = Math.max(0, t.fireAtMillis() - System.currentTimeMillis());
    try {
      timerScheduler.schedule(() -> fire(t), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing: the timer stays in the database and is re-armed on the next start
    }
  }

  private void fire(TimerRow t) {
    if (closing) return;
    try {
      if (store.fire(t, System.currentTimeMillis())) signal(t.instanceId());
    } catch (HaltedException e) {
      // stopped
    } catch (RuntimeException e) {
      if (closing) return;
      log.warn("cannot fire timer #{} of orchestration {}; retrying in 1 s", t.timerId(), t.instanceId(), e);
      try {
        timerScheduler.schedule(() -> fire(t), 1, TimeUnit.SECONDS);
      } catch (RejectedExecutionException stopped) {
        // closing
      }
    }
  }

  // ---- activities ------------------------------------------------------------------------

  private void wakeDispatcher() {
    dispatchLock.lock();
    try {
      dispatchSignal = true;
      dispatchWake.signal();
    } finally {
      dispatchLock.unlock();
    }
  }

  /**
   * Dispatches work items from the database, oldest first, as activity slots free up. Items are
   * created in order (autoincrement) and taken in order, so everything after the last dispatched
   * one is exactly what has not been dispatched yet.
   */
  private void dispatchLoop() {
    while (!closing) {
      int free = options.activityConcurrency() - activitiesInFlight.get();
      if (free > 0) {
        List<WorkItem> items = List.of();
        try {
          items = store.activities(dispatched, free);
        } catch (RuntimeException e) {
          if (closing) return;
          log.warn("cannot read the activity work items; retrying", e);
        }
        for (WorkItem item : items) {
          dispatched.add(item.seq());
          activitiesInFlight.incrementAndGet();
          try {
            activityPool.execute(() -> runActivity(item));
          } catch (RejectedExecutionException e) {
            activitiesInFlight.decrementAndGet();
            dispatched.remove(item.seq());
            return; // closing
          }
        }
        if (!items.isEmpty() && items.size() == free) continue;
      }
      dispatchLock.lock();
      try {
        if (!dispatchSignal) dispatchWake.await(DISPATCH_POLL_MILLIS, TimeUnit.MILLISECONDS);
        dispatchSignal = false;
      } catch (InterruptedException e) {
        return;
      } finally {
        dispatchLock.unlock();
      }
    }
  }

  private void runActivity(WorkItem item) {
    try {
      if (closed) return;
      HistoryEvent result;
      long now;
      try {
        if (!functions.hasActivity(item.name())) {
          now = System.currentTimeMillis();
          result =
              Events.taskFailed(
                  item.taskId(),
                  Events.failure(
                      IllegalArgumentException.class.getName(),
                      "No activity function named '" + item.name() + "' is registered in the embedded host",
                      true),
                  now);
          log.warn("orchestration {} called an unknown activity '{}'", item.instanceId(), item.name());
        } else {
          String output = functions.runActivity(item.name(), item.input(), item.instanceId());
          result = Events.taskCompleted(item.taskId(), output, System.currentTimeMillis());
        }
      } catch (Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) throw (VirtualMachineError) e;
        Throwable cause = Events.unwrap(e);
        if (closed) return; // interrupted by a crash or a close: it runs again on the next start
        log.warn(
            "activity {} (#{}) of orchestration {} failed: {}",
            item.name(),
            item.taskId(),
            item.instanceId(),
            cause.toString());
        result = Events.taskFailed(item.taskId(), Events.failure(cause), System.currentTimeMillis());
      }
      commitCompletion(item, result);
    } finally {
      // after the completion's commit deleted the work item, so it is not dispatched again
      dispatched.remove(item.seq());
      activitiesInFlight.decrementAndGet();
      wakeDispatcher();
    }
  }

  private void commitCompletion(WorkItem item, HistoryEvent result) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (store.complete(item, result)) {
          signal(item.instanceId());
        } else {
          log.debug("late result of activity #{} of {} ignored", item.taskId(), item.instanceId());
        }
        return;
      } catch (HaltedException e) {
        return;
      } catch (RuntimeException e) {
        if (attempt >= 3 || closed) {
          log.error(
              "cannot commit the completion of activity {} (#{}) of orchestration {}; it runs again on the next"
                  + " start",
              item.name(),
              item.taskId(),
              item.instanceId(),
              e);
          return;
        }
        log.warn("cannot commit an activity completion; retrying", e);
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
