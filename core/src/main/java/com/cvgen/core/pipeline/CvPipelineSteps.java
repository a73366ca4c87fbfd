package com.cvgen.core.pipeline;

import com.cvgen.core.CvInputException;
import com.cvgen.core.analyze.FeedbackAnalyzer;
import com.cvgen.core.analyze.JobMatcher;
import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.generate.DashboardWriter;
import com.cvgen.core.generate.DocxCvWriter;
import com.cvgen.core.generate.DocxOfferWriter;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.jobs.JobProfileStructurer;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobStatus;
import com.cvgen.core.model.JobStep;
import com.cvgen.core.model.JobSteps;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.Resume;
import com.cvgen.core.skills.SkillVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pipeline's activities as plain Java: each reads its inputs from blobs named after the job,
 * writes its output blob, and records its step on the job (running, completed, failed, with times
 * and attempts). The Durable orchestrator calls them through thin activity functions and passes
 * only job references, never documents.
 *
 * <p>A problem with the user's input ({@link CvInputException}) is final: the step is marked failed
 * and an {@link Outcome} with the error is returned, so the orchestrator does not retry it. Any
 * other exception is recorded on the step and rethrown, so the orchestrator's retry policy runs the
 * step again.
 */
public final class CvPipelineSteps {
  private static final Logger LOG = Logger.getLogger(CvPipelineSteps.class.getName());

  /** A job reference as activities receive it; {@code asOf} is the orchestration's date. */
  public record Ref(String jobId, String userId, String language, LocalDate asOf) {}

  /**
   * What a step produced: its output blob, or the error that ends it for good. After extraction
   * also the documents' language and whether the job has a job profile.
   */
  public record Outcome(String output, Job.Error error, String language, boolean withJobProfile) {
    static Outcome ok(String output) {
      return new Outcome(output, null, null, false);
    }

    public boolean failed() {
      return error != null;
    }
  }

  /** A step that failed in the orchestrator's view, with the reason it saw. */
  public record StepFailure(String step, String message) {}

  private final BlobStore blobs;
  private final JobStore jobs;
  private final ExtractionCache cache;
  private final CvExtractor extractor;
  private final JobProfileStructurer jobStructurer;
  private final SkillVocabulary vocabulary;
  private final Clock clock;
  private final DocxCvWriter cvDocx = new DocxCvWriter();
  private final DocxOfferWriter offerDocx;

  public CvPipelineSteps(BlobStore blobs, JobStore jobs, ExtractionCache cache, CvExtractor extractor,
      JobProfileStructurer jobStructurer, SkillVocabulary vocabulary, Clock clock) {
    this.blobs = blobs;
    this.jobs = jobs;
    this.cache = cache;
    this.extractor = extractor;
    this.jobStructurer = jobStructurer;
    this.vocabulary = vocabulary;
    this.clock = clock;
    this.offerDocx = new DocxOfferWriter(vocabulary);
  }

  public static String uploadName(String jobId, String file) {
    return jobId + "/" + file;
  }

  public static String outputName(String jobId, String file) {
    return jobId + "/" + file;
  }

  /** The CV upload's blob name. */
  public static String inputPdf(String jobId) {
    return uploadName(jobId, "input.pdf");
  }

  /** Structures the CV (through the cache) and, when there is one, the job profile. */
  public Outcome extract(Ref ref) {
    return step(ref, JobSteps.EXTRACT, job -> {
      byte[] pdf = blobs.read(BlobStore.UPLOADS, inputPdf(ref.jobId()));
      String key = ExtractionCache.key(pdf, extractor.structurerId(), ref.language());
      Optional<Resume> cached = cache.get(key);
      Resume resume = cached.orElseGet(() -> extractor.extract(pdf));
      // a model that was unavailable left the offline result: not cached under the model's name
      Optional<String> fallback = com.cvgen.core.llm.LlmNotes.fallbackReason(resume);
      if (cached.isEmpty() && fallback.isEmpty()) cache.put(key, resume);
      String lang = ref.language() != null ? ref.language() : LocalCvProcessor.languageOf(resume).code();
      writeJson(OutputNames.CV_DATA, ref, resume);
      String profileBlob = null;
      JobProfileStructurer.Reading reading = null;
      Optional<String> upload = jobProfileUpload(ref.jobId());
      if (upload.isPresent()) {
        reading = jobStructurer.read(blobs.read(BlobStore.UPLOADS, upload.get()), upload.get());
        profileBlob = writeJson(OutputNames.JOB_PROFILE, ref, reading.profile());
      }
      String note = (cached.isPresent() ? "cache hit" : "cache miss")
          + fallback.map(r -> "; the language model was not used (" + r + "), the offline structurer was").orElse("")
          + (reading != null && reading.note() != null ? "; " + reading.note() : "");
      String profileName = profileBlob;
      Optional<Job.TokenUsage> jobUsage = reading == null ? Optional.empty() : reading.usage();
      return new Result(new Outcome(outputName(ref.jobId(), OutputNames.CV_DATA), null, lang, profileBlob != null),
          note, OutputNames.CV_DATA, j -> {
            Job next = j.withLanguage(lang, now());
            // the model's tokens, for cost: the CV's (none on a cache hit) and the job profile's
            Optional<Job.TokenUsage> cvUsage = cached.isPresent() ? Optional.empty()
                : com.cvgen.core.llm.LlmNotes.usage(resume).map(u -> new Job.TokenUsage(u.model(), u.promptTokens(),
                    u.completionTokens()));
            Optional<Job.TokenUsage> usage = Stream.of(cvUsage, jobUsage).flatMap(Optional::stream)
                .reduce((a, b) -> new Job.TokenUsage(a.model(), a.promptTokens() + b.promptTokens(),
                    a.completionTokens() + b.completionTokens()));
            if (usage.isPresent()) next = next.withTokenUsage(usage.get(), now());
            return profileName == null ? next : next.withOutput(OutputNames.JOB_PROFILE, profileName, now());
          });
    });
  }

  public Outcome renderCv(Ref ref) {
    return step(ref, JobSteps.RENDER_CV, job -> {
      Resume resume = resume(ref);
      String name = outputName(ref.jobId(), OutputNames.CV_DOCX);
      blobs.write(BlobStore.OUTPUTS, name, DOCX, out -> cvDocx.write(resume, lang(ref), out));
      return Result.of(name, OutputNames.CV_DOCX);
    });
  }

  public Outcome feedback(Ref ref) {
    return step(ref, JobSteps.FEEDBACK, job -> {
      Feedback review = new FeedbackAnalyzer(asOf(ref), vocabulary).analyze(resume(ref), lang(ref));
      return Result.of(writeJson(OutputNames.FEEDBACK, ref, review), OutputNames.FEEDBACK);
    });
  }

  public Outcome match(Ref ref) {
    return step(ref, JobSteps.MATCH, job -> {
      MatchResult match = match(ref, resume(ref), jobProfile(ref));
      String name = writeJson(OutputNames.MATCH_RESULT, ref, match);
      return new Result(Outcome.ok(name), null, OutputNames.MATCH_RESULT, j -> j.withMatchScore(match.score(), now()));
    });
  }

  /** The offer needs the match: it computes it itself (the same inputs and date give the same result). */
  public Outcome offer(Ref ref) {
    return step(ref, JobSteps.OFFER, job -> {
      Resume resume = resume(ref);
      JobProfile profile = jobProfile(ref);
      MatchResult match = match(ref, resume, profile);
      String name = outputName(ref.jobId(), OutputNames.OFFER_DOCX);
      blobs.write(BlobStore.OUTPUTS, name, DOCX, out -> offerDocx.write(resume, profile, match, lang(ref),
          ref.asOf(), out));
      return Result.of(name, OutputNames.OFFER_DOCX);
    });
  }

  /** The dashboard over whatever the other steps produced (a failed branch leaves its chart out). */
  public Outcome dashboard(Ref ref) {
    return step(ref, JobSteps.DASHBOARD, job -> {
      Resume resume = resume(ref);
      JobProfile profile = readOptional(OutputNames.JOB_PROFILE, ref, JobProfile.class);
      MatchResult match = readOptional(OutputNames.MATCH_RESULT, ref, MatchResult.class);
      Feedback review = readOptional(OutputNames.FEEDBACK, ref, Feedback.class);
      String name = outputName(ref.jobId(), OutputNames.DASHBOARD);
      // no links to the other files: in blob storage each needs its own short-lived link
      blobs.write(BlobStore.OUTPUTS, name, "text/html; charset=utf-8", out -> new DashboardWriter(asOf(ref), vocabulary)
          .write(resume, profile, match, review, lang(ref), null, out));
      return Result.of(name, OutputNames.DASHBOARD);
    });
  }

  /**
   * Ends the job: completed when every step succeeded, failed (with each failed step's reason)
   * otherwise. Outputs of the steps that succeeded stay. A cancelled job stays cancelled.
   */
  public Job complete(Ref ref, List<StepFailure> failures) {
    Instant now = now();
    return jobs.update(ref.userId(), ref.jobId(), job -> {
      if (job.status().isFinal()) return job;
      Job j = job;
      for (StepFailure f : failures) {
        JobStep s = j.stepNamed(f.step());
        if (s != null && s.state() != JobStep.State.FAILED) {
          j = j.withStep(f.step(), st -> st.failed(now, f.message()), now);
        }
      }
      List<String> reasons = new ArrayList<>();
      String code = null;
      for (JobStep s : j.steps()) {
        if (s.state() == JobStep.State.FAILED) {
          reasons.add(StepLabels.label(s.name()) + ": " + (s.message() == null ? "failed" : s.message()));
        }
      }
      // steps that never ran because an earlier one failed
      List<JobStep> steps = new ArrayList<>();
      for (JobStep s : j.steps()) {
        if (s.name().equals(JobSteps.COMPLETE)) steps.add(s.completed(now, null));
        else if (s.state() == JobStep.State.PENDING) steps.add(s.skipped("not run"));
        else steps.add(s);
      }
      j = j.withSteps(steps, now);
      if (reasons.isEmpty()) return j.withStatus(JobStatus.COMPLETED, now);
      code = j.error() != null ? j.error().code() : "step_failed";
      return j.withStatus(JobStatus.FAILED, now).withError(new Job.Error(code, String.join("; ", reasons)), now);
    }).orElseThrow(() -> new IllegalStateException("job " + ref.jobId() + " is gone"));
  }

  // ---------------------------------------------------------------------------------------------

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** A step's product: the outcome, a note for the step, the output file it adds, a further change. */
  private record Result(Outcome outcome, String note, String outputFile, java.util.function.UnaryOperator<Job> change) {
    static Result of(String blobName, String outputFile) {
      return new Result(Outcome.ok(blobName), null, outputFile, j -> j);
    }
  }

  @FunctionalInterface
  private interface Body {
    Result run(Job job) throws IOException;
  }

  private Outcome step(Ref ref, String name, Body body) {
    Job job = jobs.update(ref.userId(), ref.jobId(), j -> {
      if (j.status().isFinal()) return j;
      Instant now = now();
      Job started = j.withStep(name, s -> s.started(now), now);
      return j.status() == JobStatus.PENDING ? started.withStatus(JobStatus.PROCESSING, now) : started;
    }).orElse(null);
    if (job == null) {
      return new Outcome(null, new Job.Error("job_not_found", "the job no longer exists"), null, false);
    }
    if (job.status().isFinal()) {
      return new Outcome(null, new Job.Error("job_" + job.status().id(), "the job is " + job.status().id()), null,
          false);
    }
    try {
      Result r = body.run(job);
      Instant done = now();
      jobs.update(ref.userId(), ref.jobId(), j -> {
        Job next = r.change().apply(j.withStep(name, s -> s.completed(done, r.note()), done));
        return r.outputFile() == null || r.outcome().output() == null ? next
            : next.withOutput(r.outputFile(), r.outcome().output(), done);
      });
      return r.outcome();
    } catch (CvInputException e) {
      Instant failed = now();
      Job.Error error = new Job.Error(e.code().id(), e.getMessage());
      jobs.update(ref.userId(), ref.jobId(), j -> j.withStep(name, s -> s.failed(failed, e.getMessage()), failed)
          .withError(error, failed));
      return new Outcome(null, error, null, false);
    } catch (IOException | RuntimeException e) {
      Instant failed = now();
      String reason = "attempt failed: " + describe(e);
      LOG.log(Level.WARNING, "step " + name + " of job " + ref.jobId() + " failed", e);
      jobs.update(ref.userId(), ref.jobId(), j -> j.withStep(name, s -> s.failed(failed, reason), failed));
      if (e instanceof IOException io) throw new UncheckedIOException(describe(e), io);
      throw (RuntimeException) e;
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private Instant now() {
    return clock.instant();
  }

  private Clock asOf(Ref ref) {
    return Clock.fixed(ref.asOf().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
  }

  private static OutputLanguage lang(Ref ref) {
    return OutputLanguage.parse(ref.language());
  }

  private MatchResult match(Ref ref, Resume resume, JobProfile profile) {
    return new JobMatcher(vocabulary, asOf(ref)).match(resume, profile, lang(ref));
  }

  private Resume resume(Ref ref) throws IOException {
    return Json.mapper().readValue(blobs.read(BlobStore.OUTPUTS, outputName(ref.jobId(), OutputNames.CV_DATA)),
        Resume.class);
  }

  private JobProfile jobProfile(Ref ref) throws IOException {
    return Json.mapper().readValue(blobs.read(BlobStore.OUTPUTS, outputName(ref.jobId(), OutputNames.JOB_PROFILE)),
        JobProfile.class);
  }

  private <T> T readOptional(String file, Ref ref, Class<T> type) throws IOException {
    String name = outputName(ref.jobId(), file);
    return blobs.exists(BlobStore.OUTPUTS, name) ? Json.mapper().readValue(blobs.read(BlobStore.OUTPUTS, name), type)
        : null;
  }

  private String writeJson(String file, Ref ref, Object value) throws IOException {
    String name = outputName(ref.jobId(), file);
    blobs.write(BlobStore.OUTPUTS, name, "application/json", out -> Json.mapper().writeValue(out, value));
    return name;
  }

  /** The job profile uploaded with the job ({@code job_profile.pdf|txt|json}), if any. */
  private Optional<String> jobProfileUpload(String jobId) throws IOException {
    return blobs.list(BlobStore.UPLOADS, jobId + "/" + JOB_PROFILE_PREFIX).stream().findFirst();
  }

  /** Uploaded job profiles are stored as {@code {jobId}/job_profile.{pdf|txt|json}}. */
  public static final String JOB_PROFILE_PREFIX = "job_profile.";
}
