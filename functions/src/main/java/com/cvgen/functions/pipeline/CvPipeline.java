package com.cvgen.functions.pipeline;

import com.cvgen.core.model.JobSteps;
import com.cvgen.functions.pipeline.Payloads.CompleteInput;
import com.cvgen.functions.pipeline.Payloads.CompleteResult;
import com.cvgen.functions.pipeline.Payloads.Failure;
import com.cvgen.functions.pipeline.Payloads.PipelineInput;
import com.cvgen.functions.pipeline.Payloads.StepInput;
import com.cvgen.functions.pipeline.Payloads.StepResult;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.RetryPolicy;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOptions;
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
 * retry policy; a step whose input is unusable returns its error instead of throwing, so it is not
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
    TaskOptions retry = new TaskOptions(retryPolicy(in));
    String asOf = LocalDate.ofInstant(ctx.getCurrentInstant(), ZoneOffset.UTC).toString();
    StepInput job = new StepInput(in.jobId, in.userId, in.language, asOf);
    List<Failure> failures = new ArrayList<>();

    StepResult extracted = await(ctx.callActivity(CvActivities.EXTRACT, job, retry, StepResult.class),
        JobSteps.EXTRACT, failures);
    if (extracted == null || extracted.failed()) {
      if (extracted != null) failures.add(new Failure(JobSteps.EXTRACT, extracted.errorMessage));
      return complete(ctx, retry, new CompleteInput(job, failures));
    }
    StepInput step = new StepInput(in.jobId, in.userId, extracted.language, asOf);

    Map<String, Task<StepResult>> branches = new LinkedHashMap<>();
    branches.put(JobSteps.RENDER_CV, ctx.callActivity(CvActivities.RENDER_CV, step, retry, StepResult.class));
    branches.put(JobSteps.FEEDBACK, ctx.callActivity(CvActivities.FEEDBACK, step, retry, StepResult.class));
    if (extracted.withJobProfile) {
      branches.put(JobSteps.MATCH, ctx.callActivity(CvActivities.MATCH, step, retry, StepResult.class));
      branches.put(JobSteps.OFFER, ctx.callActivity(CvActivities.OFFER, step, retry, StepResult.class));
    }
    // fan-in: wait for each branch on its own, so one failure does not hide the others' results
    for (Map.Entry<String, Task<StepResult>> b : branches.entrySet()) {
      StepResult r = await(b.getValue(), b.getKey(), failures);
      if (r != null && r.failed()) failures.add(new Failure(b.getKey(), r.errorMessage));
    }

    StepResult dashboard = await(ctx.callActivity(CvActivities.DASHBOARD, step, retry, StepResult.class),
        JobSteps.DASHBOARD, failures);
    if (dashboard != null && dashboard.failed()) failures.add(new Failure(JobSteps.DASHBOARD, dashboard.errorMessage));
    return complete(ctx, retry, new CompleteInput(step, failures));
  }

  private static String complete(TaskOrchestrationContext ctx, TaskOptions retry, CompleteInput input) {
    CompleteResult done = ctx.callActivity(CvActivities.COMPLETE, input, retry, CompleteResult.class).await();
    return done == null ? null : done.status;
  }

  /** The task's result, or null after recording its failure (retries exhausted). */
  private static StepResult await(Task<StepResult> task, String step, List<Failure> failures) {
    try {
      return task.await();
    } catch (TaskFailedException e) {
      String message = e.getErrorDetails() == null ? e.getMessage() : e.getErrorDetails().getErrorMessage();
      failures.add(new Failure(step, "failed after all retries: " + message));
      return null;
    }
  }

  static RetryPolicy retryPolicy(PipelineInput in) {
    RetryPolicy p = new RetryPolicy(Math.max(1, in.maxAttempts), Duration.ofMillis(Math.max(1, in.firstRetryMillis)));
    p.setBackoffCoefficient(2.0);
    p.setMaxRetryInterval(Duration.ofSeconds(30));
    return p;
  }
}
