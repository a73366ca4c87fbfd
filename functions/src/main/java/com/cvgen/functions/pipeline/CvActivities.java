package com.cvgen.functions.pipeline;

import com.cvgen.core.model.Job;
import com.cvgen.core.pipeline.CvPipelineSteps.Outcome;
import com.cvgen.core.pipeline.CvPipelineSteps.Ref;
import com.cvgen.core.pipeline.CvPipelineSteps.StepFailure;
import com.cvgen.functions.pipeline.Payloads.CompleteInput;
import com.cvgen.functions.pipeline.Payloads.CompleteResult;
import com.cvgen.functions.pipeline.Payloads.StepInput;
import com.cvgen.functions.pipeline.Payloads.StepResult;
import com.cvgen.functions.wiring.Composition;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import java.time.LocalDate;
import java.util.List;

/** The activities: each maps its payload to a job reference and runs one pipeline step of core. */
public final class CvActivities {
  public static final String EXTRACT = "ExtractCv";
  public static final String RENDER_CV = "RenderCvDocx";
  public static final String FEEDBACK = "AnalyzeFeedback";
  public static final String MATCH = "MatchJobProfile";
  public static final String OFFER = "RenderOffer";
  public static final String DASHBOARD = "BuildDashboard";
  public static final String COMPLETE = "CompleteJob";

  private final Composition app;

  public CvActivities(Composition app) {
    this.app = app;
  }

  @FunctionName(EXTRACT)
  public StepResult extractCv(@DurableActivityTrigger(name = "input") StepInput input) {
    return result(app.steps().extract(ref(input)));
  }

  @FunctionName(RENDER_CV)
  public StepResult renderCvDocx(@DurableActivityTrigger(name = "input") StepInput input) {
    return result(app.steps().renderCv(ref(input)));
  }

  @FunctionName(FEEDBACK)
  public StepResult analyzeFeedback(@DurableActivityTrigger(name = "input") StepInput input) {
    return result(app.steps().feedback(ref(input)));
  }

  @FunctionName(MATCH)
  public StepResult matchJobProfile(@DurableActivityTrigger(name = "input") StepInput input) {
    return result(app.steps().match(ref(input)));
  }

  @FunctionName(OFFER)
  public StepResult renderOffer(@DurableActivityTrigger(name = "input") StepInput input) {
    return result(app.steps().offer(ref(input)));
  }

  @FunctionName(DASHBOARD)
  public StepResult buildDashboard(@DurableActivityTrigger(name = "input") StepInput input) {
    return result(app.steps().dashboard(ref(input)));
  }

  @FunctionName(COMPLETE)
  public CompleteResult completeJob(@DurableActivityTrigger(name = "input") CompleteInput input) {
    List<StepFailure> failures = input.failures == null ? List.of()
        : input.failures.stream().map(f -> new StepFailure(f.step, f.message)).toList();
    Job job = app.steps().complete(ref(input.job), failures);
    return new CompleteResult(job.status().id());
  }

  private static Ref ref(StepInput in) {
    if (in == null || in.jobId == null || in.userId == null || in.asOf == null) {
      throw new IllegalArgumentException("an activity input needs jobId, userId and asOf");
    }
    return new Ref(in.jobId, in.userId, in.language, LocalDate.parse(in.asOf));
  }

  private static StepResult result(Outcome o) {
    StepResult r = new StepResult();
    r.output = o.output();
    if (o.error() != null) {
      r.errorCode = o.error().code();
      r.errorMessage = o.error().message();
    }
    r.language = o.language();
    r.withJobProfile = o.withJobProfile();
    return r;
  }
}
