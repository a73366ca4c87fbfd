package com.cvgen.core.pipeline;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.extract.PdfLimits;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.jobs.JobProfileReader;
import com.cvgen.core.jobs.JobProfileStructurer;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobStatus;
import com.cvgen.core.model.JobStep;
import com.cvgen.core.model.JobSteps;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Takes an upload in: checks the CV (size, a PDF by content, page count, encryption, a text layer)
 * and the job profile before anything is stored, then stores the files under a new job id, records
 * the job as pending and queues it. Uploaded file names are kept for display only; blob names are
 * the product's own.
 */
public final class JobIntake {
  /** Where the job profile comes from: an uploaded file, pasted text, or a saved profile's id. */
  public sealed interface JobProfileSource {
    record File(byte[] content, String fileName) implements JobProfileSource {}

    record Text(String text) implements JobProfileSource {}

    record Saved(String id) implements JobProfileSource {}
  }

  /** A saved job profile id that the user does not have. */
  public static final class UnknownJobProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownJobProfileException(String id) {
      super("there is no saved job profile with id '" + id + "'");
    }
  }

  private final BlobStore blobs;
  private final JobStore jobs;
  private final JobProfileStore profiles;
  private final JobQueue queue;
  private final ExtractionCache cache;
  private final CvExtractor extractor;
  private final JobProfileReader jobReader;
  private final JobProfileStructurer jobStructurer;
  private final PdfLimits limits;
  private final Clock clock;

  public JobIntake(BlobStore blobs, JobStore jobs, JobProfileStore profiles, JobQueue queue, ExtractionCache cache,
      CvExtractor extractor, JobProfileReader jobReader, JobProfileStructurer jobStructurer, PdfLimits limits,
      Clock clock) {
    this.blobs = blobs;
    this.jobs = jobs;
    this.profiles = profiles;
    this.queue = queue;
    this.cache = cache;
    this.extractor = extractor;
    this.jobReader = jobReader;
    this.jobStructurer = jobStructurer;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Checks, stores and queues one upload.
   *
   * @param language de, en or fr; null or blank for the CV's own language
   * @param jobProfile null for none
   * @throws CvInputException when the CV, the language or the job profile cannot be used
   * @throws UnknownJobProfileException when a saved profile id is not the user's
   * @throws IOException when storage or the queue fails (the job is then marked failed)
   */
  public Job submit(String userId, byte[] cv, String cvFileName, String language, JobProfileSource jobProfile)
      throws IOException {
    String lang = language(language);
    if (cv == null || cv.length == 0) throw new CvInputException(Code.EMPTY_FILE, "the CV file is empty");
    limits.checkFileSize(cv.length);
    // PDF by content, pages, encryption, text layer: fails here, before storing. A PDF whose
    // extraction is cached was read in full before: the same bytes need no second check.
    if (cache.get(ExtractionCache.key(cv, extractor.structurerId(), lang)).isEmpty()) extractor.readText(cv);
    StoredProfile profile = jobProfile == null ? null : profile(userId, jobProfile);

    String jobId = UUID.randomUUID().toString();
    blobs.put(BlobStore.UPLOADS, CvPipelineSteps.inputPdf(jobId), "application/pdf", cv);
    if (profile != null) {
      blobs.put(BlobStore.UPLOADS, CvPipelineSteps.uploadName(jobId, CvPipelineSteps.JOB_PROFILE_PREFIX + profile.ext),
          profile.contentType, profile.content);
    }
    Instant now = clock.instant();
    List<JobStep> steps = JobSteps.stepsFor(profile != null).stream().map(JobStep::pending).toList();
    Job job = new Job(jobId, userId, JobStatus.PENDING, JobSteps.EXTRACT, 0, steps, lang, displayName(cvFileName),
        profile == null ? null : profile.displayName, profile == null ? null : profile.savedId, profile != null,
        null, null, null, 0, now, now, Job.TTL_SECONDS);
    jobs.create(job);
    try {
      queue.send(new JobQueue.JobMessage(jobId, userId));
    } catch (IOException | RuntimeException e) {
      Instant failed = clock.instant();
      jobs.update(userId, jobId, j -> j.withStatus(JobStatus.FAILED, failed)
          .withError(new Job.Error("queue_unavailable", "the job could not be queued; please upload again"), failed));
      throw e;
    }
    return job;
  }

  private record StoredProfile(byte[] content, String ext, String contentType, String displayName, String savedId) {}

  private StoredProfile profile(String userId, JobProfileSource source) throws JsonProcessingException {
    return switch (source) {
      case JobProfileSource.File f -> {
        jobReader.read(f.content(), f.fileName()); // checks it; the pipeline reads it again
        String ext = isPdf(f.content()) ? "pdf" : looksLikeJson(f.content()) ? "json" : "txt";
        yield new StoredProfile(f.content(), ext, contentType(ext), displayName(f.fileName()), null);
      }
      case JobProfileSource.Text t -> {
        byte[] bytes = t.text().getBytes(StandardCharsets.UTF_8);
        jobReader.read(bytes, null);
        String ext = looksLikeJson(bytes) ? "json" : "txt";
        yield new StoredProfile(bytes, ext, contentType(ext), null, null);
      }
      case JobProfileSource.Saved s -> {
        JobProfileStore.SavedJobProfile saved = profiles.find(userId, s.id())
            .orElseThrow(() -> new UnknownJobProfileException(s.id()));
        byte[] json = Json.mapper().writeValueAsBytes(saved.profile());
        yield new StoredProfile(json, "json", contentType("json"), saved.title(), saved.id());
      }
    };
  }

  /**
   * Reads and checks a job profile for saving, with the same rules as an upload; a PDF or text
   * posting is structured as the pipeline does it (by the language model when one is configured),
   * the model's call within {@code budget} in all: the caller waits for it.
   */
  public JobProfileStructurer.Reading readJobProfile(JobProfileSource source, java.time.Duration budget) {
    return switch (source) {
      case JobProfileSource.File f -> jobStructurer.read(f.content(), f.fileName(), budget);
      case JobProfileSource.Text t -> jobStructurer.read(t.text().getBytes(StandardCharsets.UTF_8), null, budget);
      case JobProfileSource.Saved s -> throw new IllegalArgumentException("a saved profile is already read");
    };
  }

  /** The output language: de, en or fr, or null for the CV's own. */
  public static String language(String requested) {
    if (requested == null || requested.isBlank() || requested.equalsIgnoreCase("auto")) return null;
    String code = requested.strip().toLowerCase(Locale.ROOT);
    for (OutputLanguage l : OutputLanguage.values()) {
      if (l.code().equals(code)) return code;
    }
    throw new CvInputException(Code.UNSUPPORTED_LANGUAGE,
        "the output language '" + requested.strip() + "' is not supported: use de, en or fr");
  }

  private static boolean isPdf(byte[] b) {
    int n = Math.min(b.length, 1024);
    String head = new String(b, 0, n, StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }

  private static boolean looksLikeJson(byte[] b) {
    String s = new String(b, 0, Math.min(b.length, 64), StandardCharsets.UTF_8).stripLeading();
    return s.startsWith("{") || s.startsWith("\uFEFF{");
  }

  private static String contentType(String ext) {
    return switch (ext) {
      case "pdf" -> "application/pdf";
      case "json" -> "application/json";
      default -> "text/plain; charset=utf-8";
    };
  }

  /** A file name for display: no path, no control characters, at most 200 characters. */
  public static String displayName(String fileName) {
    if (fileName == null) return null;
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.length() > 200) name = name.substring(0, 200);
    return name.isEmpty() ? null : name;
  }
}
