package com.cvgen.functions.pipeline;

import com.cvgen.core.model.JobSteps;
import com.cvgen.functions.pipeline.Payloads.CompleteInput;
import com.cvgen.functions.pipeline.Payloads.CompleteResult;
import com.cvgen.functions.pipeline.Payloads.Failure;
import com.cvgen.functions.pipeline.Payloads.PipelineInput;
import com.cvgen.functions.pipeline.Payloads.StepInput;
import com.cvgen.functions.pipeline.Payloads.StepResult;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orchestrator: {@code ExtractCv}, then in parallel {@code RenderCvDocx}, {@code
 * AnalyzeFeedback} and, with a job profile, {@code MatchJobProfile} and {@code RenderOffer}, then
 * {@code BuildDashboard} over what they produced, then {@code CompleteJob}. Every activity has a
 * retry policy ({@link Retry}); a step whose input is unusable returns its error instead of throwing, so it is not
 * retried.
 *
 * <p>Orchestrator code is replayed: it is deterministic (time only from {@code
 * ctx.getCurrentInstant()}, no I/O), and it catches {@link TaskFailedException} only, never the
 * framework's own blocking exception. A failed branch is recorded and the others still finish.
 */
public final class CvPipeline {
  public static final String NAME = "CvPipeline";

  @FunctionName(NAME)
  public String run(@DurableOrchestrationTrigger(name = "ctx") TaskOrchestrationContext ctx) {
    PipelineInput in = ctx.getInput(PipelineInput.class);
    Retry retry = new Retry(ctx, in);
    String asOf = LocalDate.ofInstant(ctx.getCurrentInstant(), ZoneOffset.UTC).toString();
    StepInput job = new StepInput(in.jobId, in.userId, in.language, asOf);
    List<Failure> failures = new ArrayList<>();

    StepResult extracted = retry.call(CvActivities.EXTRACT, job, JobSteps.EXTRACT, failures);
    if (extracted == null || extracted.failed()) {
      if (extracted != null) failures.add(new Failure(JobSteps.EXTRACT, extracted.errorMessage));
      return complete(ctx, retry, new CompleteInput(job, failures));
    }
    StepInput step = new StepInput(in.jobId, in.userId, extracted.language, asOf);

    // fan-out: every branch's first attempt is scheduled before any is awaited
    Map<String, String> activities = new LinkedHashMap<>();
    activities.put(JobSteps.RENDER_CV, CvActivities.RENDER_CV);
    activities.put(JobSteps.FEEDBACK, CvActivities.FEEDBACK);
    if (extracted.withJobProfile) {
      activities.put(JobSteps.MATCH, CvActivities.MATCH);
      activities.put(JobSteps.OFFER, CvActivities.OFFER);
    }
    Map<String, Task<StepResult>> first = new LinkedHashMap<>();
    activities.forEach((s, a) -> first.put(s, ctx.callActivity(a, step, StepResult.class)));
    // fan-in: each branch on its own (with its retries), so one failure does not hide the others' results
    for (Map.Entry<String, String> b : activities.entrySet()) {
      StepResult r = retry.await(first.get(b.getKey()), b.getValue(), step, b.getKey(), failures);
      if (r != null && r.failed()) failures.add(new Failure(b.getKey(), r.errorMessage));
    }

    StepResult dashboard = retry.call(CvActivities.DASHBOARD, step, JobSteps.DASHBOARD, failures);
    if (dashboard != null && dashboard.failed()) failures.add(new Failure(JobSteps.DASHBOARD, dashboard.errorMessage));
    return complete(ctx, retry, new CompleteInput(step, failures));
  }

  private static String complete(TaskOrchestrationContext ctx, Retry retry, CompleteInput input) {
    CompleteResult done = retry.completeJob(input);
    return done == null ? null : done.status;
  }

  /**
   * The activities' retry policy: up to {@code maxAttempts} attempts, waiting {@code
   * firstRetryMillis} before the second and twice as long before each further one (at most 30 s),
   * on durable timers. Written out here rather than with the SDK's {@code RetryPolicy} task
   * option: in durabletask-client 1.5.0 a retried task whose failure is replayed while the
   * orchestrator waits on another task (a fan-out branch) is not retried.
   */
  static final class Retry {
    private static final long MAX_DELAY_MILLIS = 30_000;
    private final TaskOrchestrationContext ctx;
    private final int maxAttempts;
    private final long firstDelay;

    Retry(TaskOrchestrationContext ctx, PipelineInput in) {
      this.ctx = ctx;
      this.maxAttempts = Math.max(1, in.maxAttempts);
      this.firstDelay = Math.max(1, in.firstRetryMillis);
    }

    StepResult call(String activity, StepInput input, String step, List<Failure> failures) {
      return await(ctx.callActivity(activity, input, StepResult.class), activity, input, step, failures);
    }

    /** The result of {@code firstAttempt} or of a retry; null after recording the last failure. */
    StepResult await(Task<StepResult> firstAttempt, String activity, StepInput input, String step,
        List<Failure> failures) {
      Task<StepResult> attempt = firstAttempt;
      long delay = firstDelay;
      for (int n = 1; ; n++) {
        try {
          return attempt.await();
        } catch (TaskFailedException e) {
          if (n >= maxAttempts) {
            String message = e.getErrorDetails() == null ? e.getMessage() : e.getErrorDetails().getErrorMessage();
            failures.add(new Failure(step, "failed after " + n + " attempts: " + message));
            return null;
          }
          ctx.createTimer(Duration.ofMillis(delay)).await();
          delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
          attempt = ctx.callActivity(activity, input, StepResult.class);
        }
      }
    }

    /** CompleteJob with the same policy; its last failure ends the orchestration as failed. */
    CompleteResult completeJob(CompleteInput input) {
      long delay = firstDelay;
      for (int n = 1; ; n++) {
        try {
          return ctx.callActivity(CvActivities.COMPLETE, input, CompleteResult.class).await();
        } catch (TaskFailedException e) {
          if (n >= maxAttempts) throw e;
          ctx.createTimer(Duration.ofMillis(delay)).await();
          delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
        }
      }
    }
  }
}
