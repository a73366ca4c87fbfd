package com.cvgen.local.durable;

import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import java.util.Map;

/**
 * A snapshot of the backend's database.
 *
 * @param instancesByStatus number of instances in each status (statuses with none are absent)
 * @param activitiesCompleted activity completions committed (successes and failures, duplicates
 *     included)
 * @param activitiesQueued activity work items not yet completed (running or waiting for a slot)
 * @param timersPending durable timers not yet fired
 * @param completionCommits for each (instance, task scheduled id): how many times a completion
 *     was committed; 1 when every activity ran to completion exactly once as far as the database is
 *     concerned (a duplicate completion counts here but is never applied twice)
 */
public record BackendStats(
    Map<OrchestrationRuntimeStatus, Integer> instancesByStatus,
    long activitiesCompleted,
    int activitiesQueued,
    int timersPending,
    Map<TaskRef, Integer> completionCommits) {

  /** One activity call of one instance: the instance id and the task's scheduled id. */
  public record TaskRef(String instanceId, int taskScheduledId) {}

  public BackendStats {
    instancesByStatus = Map.copyOf(instancesByStatus);
    completionCommits = Map.copyOf(completionCommits);
  }

  public int instances(OrchestrationRuntimeStatus status) {
    return instancesByStatus.getOrDefault(status, 0);
  }

  public int commits(String instanceId, int taskScheduledId) {
    return completionCommits.getOrDefault(new TaskRef(instanceId, taskScheduledId), 0);
  }
}
