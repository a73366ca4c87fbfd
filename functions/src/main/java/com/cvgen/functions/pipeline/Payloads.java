package com.cvgen.functions.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The Durable payloads: job references and step outcomes, never documents. Plain classes with
 * public fields and no-argument constructors, because two serialisers meet here: the durabletask
 * SDK writes and reads them with Jackson, the Functions worker binds activity inputs and outputs
 * with Gson.
 */
public final class Payloads {
  private Payloads() {}

  /** The orchestration's input, from the queue message and the settings at start. */
  public static final class PipelineInput {
    public String jobId;
    public String userId;
    /** Requested output language, or null for the CV's own. */
    public String language;
    /** Attempts per activity (first one included) and the first retry's delay. */
    public int maxAttempts = 3;
    public long firstRetryMillis = 1000;

    public PipelineInput() {}

    public PipelineInput(String jobId, String userId, String language) {
      this.jobId = jobId;
      this.userId = userId;
      this.language = language;
    }
  }

  /** What every activity gets: the job, the documents' language and the orchestration's date. */
  public static final class StepInput {
    public String jobId;
    public String userId;
    public String language;
    /** ISO date the analyses use as "today" (from the orchestration's clock, so replays agree). */
    public String asOf;

    public StepInput() {}

    public StepInput(String jobId, String userId, String language, String asOf) {
      this.jobId = jobId;
      this.userId = userId;
      this.language = language;
      this.asOf = asOf;
    }
  }

  /** An activity's outcome: the output blob, or a final error (no retry); after extraction more. */
  public static final class StepResult {
    public String output;
    public String errorCode;
    public String errorMessage;
    public String language;
    public boolean withJobProfile;

    public StepResult() {}

    public boolean failed() {
      return errorCode != null;
    }
  }

  /** One step that failed, as the orchestrator saw it. */
  public static final class Failure {
    public String step;
    public String message;

    public Failure() {}

    public Failure(String step, String message) {
      this.step = step;
      this.message = message;
    }
  }

  /** CompleteJob's input: the job and the steps that failed. */
  public static final class CompleteInput {
    public StepInput job;
    public List<Failure> failures = new ArrayList<>();

    public CompleteInput() {}

    public CompleteInput(StepInput job, List<Failure> failures) {
      this.job = job;
      this.failures = new ArrayList<>(failures);
    }
  }

  /** CompleteJob's result: the final status. */
  public static final class CompleteResult {
    public String status;

    public CompleteResult() {}

    public CompleteResult(String status) {
      this.status = status;
    }
  }
}
