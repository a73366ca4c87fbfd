package com.cvgen.functions.http;

import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the API shows of a job: never blob names or other users' data. */
final class JobViews {
  private JobViews() {}

  static String statusUrl(String jobId) {
    return "/api/v1/cv/status/" + jobId;
  }

  static String downloadUrl(String jobId) {
    return "/api/v1/cv/download/" + jobId;
  }

  /** The full status: steps with their times, outputs, error. */
  static Map<String, Object> status(Job job) {
    Map<String, Object> m = summary(job);
    List<Map<String, Object>> steps = new ArrayList<>();
    for (JobStep s : job.steps()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("name", s.name());
      step.put("state", s.state().id());
      step.put("attempts", s.attempts());
      if (s.startedAt() != null) step.put("startedAt", s.startedAt().toString());
      if (s.finishedAt() != null) step.put("finishedAt", s.finishedAt().toString());
      if (s.startedAt() != null && s.finishedAt() != null) {
        step.put("durationMs", s.finishedAt().toEpochMilli() - s.startedAt().toEpochMilli());
      }
      if (s.message() != null) step.put("message", s.message());
      steps.add(step);
    }
    m.put("steps", steps);
    m.put("outputs", List.copyOf(job.outputs().keySet()));
    if (!job.outputs().isEmpty()) m.put("downloadUrl", downloadUrl(job.jobId()));
    return m;
  }

  /** A line of the job list. */
  static Map<String, Object> summary(Job job) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jobId", job.jobId());
    m.put("status", job.status().id());
    m.put("step", job.step());
    m.put("progress", job.progress());
    if (job.language() != null) m.put("language", job.language());
    if (job.cvFileName() != null) m.put("cvFileName", job.cvFileName());
    m.put("withJobProfile", job.withJobProfile());
    if (job.jobProfileFileName() != null) m.put("jobProfileName", job.jobProfileFileName());
    if (job.jobProfileId() != null) m.put("jobProfileId", job.jobProfileId());
    if (job.matchScore() != null) m.put("matchScore", job.matchScore());
    if (job.tokenUsage() != null) {
      m.put("tokenUsage", Map.of("model", job.tokenUsage().model(), "promptTokens", job.tokenUsage().promptTokens(),
          "completionTokens", job.tokenUsage().completionTokens()));
    }
    if (job.error() != null) m.put("error", Map.of("code", job.error().code(), "message", job.error().message()));
    m.put("createdAt", job.createdAt().toString());
    m.put("updatedAt", job.updatedAt().toString());
    m.put("statusUrl", statusUrl(job.jobId()));
    return m;
  }
}
