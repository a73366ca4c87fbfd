package com.cvgen.local.durable;

/**
 * Settings of the embedded durable task backend.
 *
 * @param taskHubName the task hub name the host hands to functions (DurableClientContext's {@code
 *     taskHubName}); one database holds one task hub
 * @param activityConcurrency how many activities run at once (they are CPU-bound)
 * @param orchestratorConcurrency how many orchestrator episodes (cheap replays) run at once
 */
public record DurableOptions(String taskHubName, int activityConcurrency, int orchestratorConcurrency) {
  public static final String DEFAULT_TASK_HUB = "cvgen";

  public DurableOptions {
    if (taskHubName == null || taskHubName.isBlank()) taskHubName = DEFAULT_TASK_HUB;
    if (activityConcurrency < 1) {
      throw new IllegalArgumentException("activityConcurrency must be at least 1, not " + activityConcurrency);
    }
    if (orchestratorConcurrency < 1) {
      throw new IllegalArgumentException(
          "orchestratorConcurrency must be at least 1, not " + orchestratorConcurrency);
    }
  }

  /** Task hub "cvgen", one activity per processor, orchestrator episodes on up to 4 threads. */
  public static DurableOptions defaults() {
    int cpus = Runtime.getRuntime().availableProcessors();
    return new DurableOptions(DEFAULT_TASK_HUB, cpus, Math.max(2, Math.min(4, cpus)));
  }

  public DurableOptions withActivityConcurrency(int n) {
    return new DurableOptions(taskHubName, n, orchestratorConcurrency);
  }
}
