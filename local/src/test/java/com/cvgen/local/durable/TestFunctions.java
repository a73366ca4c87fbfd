package com.cvgen.local.durable;

import com.microsoft.durabletask.OrchestratorFunction;
import com.microsoft.durabletask.TaskOrchestrationContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Orchestrators and activities of a test, by name; counts how often each ran. */
final class TestFunctions implements DurableFunctions {
  @FunctionalInterface
  interface Activity {
    String run(String inputJson, String instanceId) throws Exception;
  }

  private final Map<String, OrchestratorFunction<?>> orchestrators = new ConcurrentHashMap<>();
  private final Map<String, Activity> activities = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> orchestratorRuns = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> activityRuns = new ConcurrentHashMap<>();

  TestFunctions orchestrator(String name, OrchestratorFunction<?> fn) {
    orchestrators.put(name, fn);
    return this;
  }

  TestFunctions activity(String name, Activity fn) {
    activities.put(name, fn);
    return this;
  }

  /** How many times the orchestrator code ran (replays included) for an instance. */
  int orchestratorRuns(String instanceId) {
    AtomicInteger n = orchestratorRuns.get(instanceId);
    return n == null ? 0 : n.get();
  }

  /** How many times an activity started, by activity name. */
  int activityRuns(String name) {
    AtomicInteger n = activityRuns.get(name);
    return n == null ? 0 : n.get();
  }

  @Override
  public boolean hasOrchestrator(String name) {
    return orchestrators.containsKey(name);
  }

  @Override
  public Object runOrchestrator(String name, TaskOrchestrationContext ctx) {
    orchestratorRuns.computeIfAbsent(ctx.getInstanceId(), k -> new AtomicInteger()).incrementAndGet();
    return orchestrators.get(name).apply(ctx);
  }

  @Override
  public boolean hasActivity(String name) {
    return activities.containsKey(name);
  }

  @Override
  public String runActivity(String name, String inputJson, String instanceId) throws Exception {
    activityRuns.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    return activities.get(name).run(inputJson, instanceId);
  }
}
