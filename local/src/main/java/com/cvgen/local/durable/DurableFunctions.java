package com.cvgen.local.durable;

import com.microsoft.durabletask.TaskOrchestrationContext;

/**
 * The orchestrator and activity functions the embedded backend runs, by name: implemented by the
 * host's function catalog (the same code the Azure Functions app runs in the cloud).
 */
public interface DurableFunctions {
  boolean hasOrchestrator(String name);

  /**
   * Runs the orchestrator function's code with this context (called inside {@code
   * OrchestrationRunner}); returns its output. The SDK's control-flow throwables ({@code
   * OrchestratorBlockedException}, {@code ContinueAsNewInterruption}) must pass through; if they
   * come wrapped (reflection), the backend unwraps them.
   */
  Object runOrchestrator(String name, TaskOrchestrationContext ctx);

  boolean hasActivity(String name);

  /** Runs an activity: input and result are JSON text (may be null); throws what the activity throws. */
  String runActivity(String name, String inputJson, String instanceId) throws Exception;
}
