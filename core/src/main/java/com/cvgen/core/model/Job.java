package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A job: one uploaded CV (and optional job profile) on its way through the pipeline. The job
 * document of DESIGN.md: stored by the {@code JobStore}, partitioned by {@code userId}. {@code
 * outputs} maps an output file name ({@code cv.docx}) to its blob name ({@code {jobId}/cv.docx} in
 * {@code cv-outputs}). {@code language} is the requested output language, or null for the CV's own.
 * {@code ttl} is in seconds (Cosmos DB's per-item time to live).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(String jobId, String userId, JobStatus status, String step, int progress, List<JobStep> steps,
    String language, String cvFileName, String jobProfileFileName, String jobProfileId, boolean withJobProfile,
    Map<String, String> outputs, Integer matchScore, Error error, int retryCount, Instant createdAt,
    Instant updatedAt, Long ttl, TokenUsage tokenUsage) {

  /** Thirty days, as DESIGN.md sets for job documents. */
  public static final long TTL_SECONDS = 30L * 24 * 3600;

  /** What the language model used for this job (for cost): the model and its token counts. */
  public record TokenUsage(String model, long promptTokens, long completionTokens) {}

  /** A job as uploaded: no usage yet. */
  public Job(String jobId, String userId, JobStatus status, String step, int progress, List<JobStep> steps,
      String language, String cvFileName, String jobProfileFileName, String jobProfileId, boolean withJobProfile,
      Map<String, String> outputs, Integer matchScore, Error error, int retryCount, Instant createdAt,
      Instant updatedAt, Long ttl) {
    this(jobId, userId, status, step, progress, steps, language, cvFileName, jobProfileFileName, jobProfileId,
        withJobProfile, outputs, matchScore, error, retryCount, createdAt, updatedAt, ttl, null);
  }

  public Job withTokenUsage(TokenUsage usage, Instant at) {
    return new Job(jobId, userId, status, step, progress, steps, language, cvFileName, jobProfileFileName,
        jobProfileId, withJobProfile, outputs, matchScore, error, retryCount, createdAt, at, ttl, usage);
  }

  /** A readable failure: a stable code and a sentence for the user. */
  public record Error(String code, String message) {}

  public Job {
    steps = steps == null ? List.of() : List.copyOf(steps);
    outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  public JobStep stepNamed(String name) {
    for (JobStep s : steps) {
      if (s.name().equals(name)) return s;
    }
    return null;
  }

  public Job withStatus(JobStatus s, Instant at) {
    return new Job(jobId, userId, s, step, progress, steps, language, cvFileName, jobProfileFileName, jobProfileId,
        withJobProfile, outputs, matchScore, error, retryCount, createdAt, at, ttl, tokenUsage);
  }

  public Job withError(Error e, Instant at) {
    return new Job(jobId, userId, status, step, progress, steps, language, cvFileName, jobProfileFileName,
        jobProfileId, withJobProfile, outputs, matchScore, e, retryCount, createdAt, at, ttl, tokenUsage);
  }

  public Job withRetryCount(int n, Instant at) {
    return new Job(jobId, userId, status, step, progress, steps, language, cvFileName, jobProfileFileName,
        jobProfileId, withJobProfile, outputs, matchScore, error, n, createdAt, at, ttl, tokenUsage);
  }

  public Job withMatchScore(Integer score, Instant at) {
    return new Job(jobId, userId, status, step, progress, steps, language, cvFileName, jobProfileFileName,
        jobProfileId, withJobProfile, outputs, score, error, retryCount, createdAt, at, ttl, tokenUsage);
  }

  public Job withLanguage(String lang, Instant at) {
    return new Job(jobId, userId, status, step, progress, steps, lang, cvFileName, jobProfileFileName,
        jobProfileId, withJobProfile, outputs, matchScore, error, retryCount, createdAt, at, ttl, tokenUsage);
  }

  public Job withOutput(String file, String blobName, Instant at) {
    Map<String, String> o = new LinkedHashMap<>(outputs);
    o.put(file, blobName);
    return new Job(jobId, userId, status, step, progress, steps, language, cvFileName, jobProfileFileName,
        jobProfileId, withJobProfile, o, matchScore, error, retryCount, createdAt, at, ttl, tokenUsage);
  }

  /** Replaces the named step, then recomputes the current step and the progress. */
  public Job withStep(String name, UnaryOperator<JobStep> change, Instant at) {
    List<JobStep> next = new ArrayList<>(steps.size());
    for (JobStep s : steps) next.add(s.name().equals(name) ? change.apply(s) : s);
    return withSteps(next, at);
  }

  public Job withSteps(List<JobStep> next, Instant at) {
    return new Job(jobId, userId, status, currentStep(next), progressOf(next), next, language, cvFileName,
        jobProfileFileName, jobProfileId, withJobProfile, outputs, matchScore, error, retryCount, createdAt, at, ttl,
        tokenUsage);
  }

  /** The running step, else the first one not done, else the last one. */
  static String currentStep(List<JobStep> steps) {
    for (JobStep s : steps) {
      if (s.state() == JobStep.State.RUNNING) return s.name();
    }
    for (JobStep s : steps) {
      if (!s.state().isDone()) return s.name();
    }
    return steps.isEmpty() ? null : steps.get(steps.size() - 1).name();
  }

  /** Share of the steps' weights that is done, 0-100; 100 only when every step is done. */
  static int progressOf(List<JobStep> steps) {
    double total = 0;
    double done = 0;
    for (JobStep s : steps) {
      double w = JobSteps.weight(s.name());
      total += w;
      if (s.state().isDone()) done += w;
      else if (s.state() == JobStep.State.FAILED) done += w; // finished, if badly: the bar must not stall
    }
    if (total == 0) return 0;
    int p = (int) Math.floor(100 * done / total);
    boolean allDone = steps.stream().allMatch(s -> s.state().isDone());
    return allDone ? 100 : Math.min(p, 99);
  }
}
