package com.cvgen.functions.pipeline;

import com.cvgen.core.json.Json;
import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobStatus;
import com.cvgen.core.pipeline.JobQueue;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.functions.pipeline.Payloads.PipelineInput;
import com.cvgen.functions.wiring.Composition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;

/**
 * Starts a job's orchestration from its queue message, with the job id as instance id: a message
 * delivered twice finds the instance and does nothing. A failure is recorded on the job and thrown,
 * so the queue delivers the message again; after the last delivery the dead-letter function marks
 * the job failed with the recorded reason.
 */
public final class StartCvPipeline {
  /** The Service Bus connection setting prefix ({@code ServiceBusConnection__fullyQualifiedNamespace}). */
  public static final String CONNECTION = "ServiceBusConnection";

  private final Composition app;

  public StartCvPipeline(Composition app) {
    this.app = app;
  }

  @FunctionName("StartCvPipeline")
  public void start(
      @ServiceBusQueueTrigger(name = "message", queueName = JobQueue.NAME, connection = CONNECTION) String message,
      @DurableClientInput(name = "durableContext") DurableClientContext durable,
      ExecutionContext context) {
    Optional<JobQueue.JobMessage> parsed = parse(message, context);
    if (parsed.isEmpty()) return; // nothing a redelivery could fix
    JobQueue.JobMessage m = parsed.get();
    JobStore jobs = app.adapters().jobs();
    try {
      Optional<Job> job = jobs.find(m.userId(), m.jobId());
      if (job.isEmpty()) {
        context.getLogger().warning("queue message for unknown job " + m.jobId() + ": dropped");
        return;
      }
      if (job.get().status().isFinal()) return; // cancelled before it started
      try (DurableTaskClient client = durable.getClient()) {
        if (client.getInstanceMetadata(m.jobId(), false).isInstanceFound()) {
          context.getLogger().info("job " + m.jobId() + " already started: duplicate message ignored");
          return;
        }
        PipelineInput input = new PipelineInput(m.jobId(), m.userId(), job.get().language());
        client.scheduleNewOrchestrationInstance(CvPipeline.NAME,
            new NewOrchestrationInstanceOptions().setInstanceId(m.jobId()).setInput(input));
      }
    } catch (RuntimeException e) {
      if (alreadyExists(e)) {
        context.getLogger().info("job " + m.jobId() + " started concurrently: duplicate message ignored");
        return;
      }
      recordFailure(m, e, context);
      context.getLogger().log(Level.WARNING, "job " + m.jobId() + ": start failed, the queue will retry", e);
      throw e;
    }
  }

  /** Keeps the reason on the job for the dead-letter handler; best effort (the store may be the problem). */
  private void recordFailure(JobQueue.JobMessage m, RuntimeException e, ExecutionContext context) {
    Instant now = app.clock().instant();
    String reason = "the job could not be started: " + (e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getMessage());
    try {
      app.adapters().jobs().update(m.userId(), m.jobId(), j -> j.withRetryCount(j.retryCount() + 1, now)
          .withError(new Job.Error("start_failed", reason), now));
    } catch (RuntimeException again) {
      e.addSuppressed(again);
    }
  }

  /**
   * Messages that were delivered the maximum number of times: their job fails with the reason the
   * last attempt recorded.
   */
  @FunctionName("CvPipelineDeadLetter")
  public void deadLetter(
      @ServiceBusQueueTrigger(name = "message", queueName = JobQueue.NAME + "/$deadletterqueue",
          connection = CONNECTION) String message,
      ExecutionContext context) {
    Optional<JobQueue.JobMessage> parsed = parse(message, context);
    if (parsed.isEmpty()) return;
    JobQueue.JobMessage m = parsed.get();
    Instant now = app.clock().instant();
    app.adapters().jobs().update(m.userId(), m.jobId(), j -> {
      if (j.status().isFinal()) return j;
      String reason = j.error() != null ? j.error().message() : "the job could not be started";
      return j.withStatus(JobStatus.FAILED, now)
          .withError(new Job.Error("start_failed", reason + " (gave up after " + Math.max(1, j.retryCount())
              + " attempts)"), now);
    });
    context.getLogger().warning("job " + m.jobId() + " dead-lettered: marked failed");
  }

  private static Optional<JobQueue.JobMessage> parse(String message, ExecutionContext context) {
    try {
      JobQueue.JobMessage m = Json.mapper().readValue(message, JobQueue.JobMessage.class);
      if (m.jobId() == null || m.userId() == null) throw new IllegalArgumentException("jobId and userId needed");
      return Optional.of(m);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      context.getLogger().log(Level.SEVERE, "malformed queue message dropped: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The backend refused the start because the instance exists (a concurrent duplicate). */
  static boolean alreadyExists(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.contains("ALREADY_EXISTS")) return true;
    }
    return false;
  }
}
