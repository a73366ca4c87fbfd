package com.cvgen.functions.http;

import com.cvgen.core.CvInputException;
import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobStatus;
import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.DownloadLinks;
import com.cvgen.core.pipeline.JobIntake;
import com.cvgen.core.pipeline.JobIntake.JobProfileSource;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.functions.auth.Principal;
import com.cvgen.functions.wiring.Composition;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * The CV API: upload, status, download links, cancel, the caller's jobs. Every route needs a bearer
 * token; a job that is not the caller's answers 404, exactly like one that does not exist.
 */
public final class CvApi {
  private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Composition app;

  public CvApi(Composition app) {
    this.app = app;
  }

  @FunctionName("UploadCv")
  public HttpResponseMessage upload(
      @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "v1/cv/upload", dataType = "binary",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context) {
    // the address's upload limit counts every attempt, with or without a valid token
    Optional<HttpResponseMessage> limited = app.rateLimits().upload(request);
    if (limited.isPresent()) return limited.get();
    long maxBody = maxUploadBody();
    if (declaredLength(request) > maxBody) return uploadTooLarge(request);
    return authenticated(request, user -> {
      byte[] body = request.getBody().orElse(new byte[0]);
      if (body.length > maxBody) return uploadTooLarge(request);
      MultipartForm form;
      try {
        form = MultipartForm.parse(body, header(request, "content-type"), app.limits().maxBytes());
      } catch (MultipartForm.FormException e) {
        return e.tooLarge()
            ? ApiResponses.error(request, HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", e.getMessage())
            : ApiResponses.error(request, HttpStatus.BAD_REQUEST, "invalid_form", e.getMessage()
                + " (send multipart/form-data with a 'cv' file, optional 'jobProfile' file or text, "
                + "'jobProfileId' and 'language')");
      }
      Optional<MultipartForm.Part> cv = form.part("cv").filter(p -> p.content().length > 0 || p.fileName() != null);
      if (cv.isEmpty()) {
        return ApiResponses.error(request, HttpStatus.BAD_REQUEST, "missing_cv",
            "the form has no 'cv' file: attach the CV as a PDF in the field 'cv'");
      }
      JobProfileSource jobProfile = jobProfile(form);
      try {
        Job job = app.intake().submit(user.subject(), cv.get().content(), cv.get().fileName(),
            form.field("language").orElse(null), jobProfile);
        context.getLogger().info("job " + job.jobId() + " queued");
        Map<String, Object> body202 = new LinkedHashMap<>();
        body202.put("jobId", job.jobId());
        body202.put("status", job.status().id());
        body202.put("statusUrl", JobViews.statusUrl(job.jobId()));
        return ApiResponses.json(request, HttpStatus.ACCEPTED, body202,
            Map.of("Location", JobViews.statusUrl(job.jobId())));
      } catch (CvInputException e) {
        return ApiResponses.inputError(request, e);
      } catch (JobIntake.UnknownJobProfileException e) {
        return ApiResponses.error(request, HttpStatus.BAD_REQUEST, "unknown_job_profile", e.getMessage());
      } catch (IOException e) {
        context.getLogger().log(Level.SEVERE, "upload could not be stored or queued", e);
        return ApiResponses.error(request, HttpStatus.SERVICE_UNAVAILABLE, "storage_unavailable",
            "the upload could not be stored or queued; please try again");
      }
    });
  }

  /**
   * The largest upload body: the file limit and 2 MB for a job profile and the form itself (the
   * embedded host refuses larger bodies before reading them). The Functions host reads a body whole
   * (up to its own limit) before a function runs; there the declared length is checked first and
   * nothing larger is parsed.
   */
  long maxUploadBody() {
    return app.limits().maxBytes() + FORM_ALLOWANCE_BYTES;
  }

  static final long FORM_ALLOWANCE_BYTES = 2L * 1024 * 1024;

  private HttpResponseMessage uploadTooLarge(HttpRequestMessage<?> request) {
    return ApiResponses.error(request, HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large",
        "the upload may be at most " + maxUploadBody() / (1024 * 1024) + " MB (the CV at most "
            + app.limits().maxBytes() / (1024 * 1024) + " MB)");
  }

  /** The request's Content-Length, or -1 when it has none (or not a number). */
  static long declaredLength(HttpRequestMessage<?> request) {
    String value = header(request, "content-length");
    if (value == null) return -1;
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A job profile file, else pasted text in the same field, else a saved profile's id; or none. */
  private static JobProfileSource jobProfile(MultipartForm form) {
    Optional<MultipartForm.Part> file = form.part("jobProfile");
    if (file.isPresent() && file.get().fileName() != null && file.get().content().length > 0) {
      return new JobProfileSource.File(file.get().content(), file.get().fileName());
    }
    if (file.isPresent() && file.get().fileName() == null && !file.get().text().isBlank()) {
      return new JobProfileSource.Text(file.get().text());
    }
    Optional<String> text = form.field("jobProfileText");
    if (text.isPresent()) return new JobProfileSource.Text(text.get());
    return form.field("jobProfileId").<JobProfileSource>map(JobProfileSource.Saved::new).orElse(null);
  }

  @FunctionName("GetCvStatus")
  public HttpResponseMessage status(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "v1/cv/status/{jobId}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("jobId") String jobId) {
    return withJob(request, jobId, (user, job) -> ApiResponses.json(request, HttpStatus.OK, JobViews.status(job)));
  }

  @FunctionName("GetCvDownloads")
  public HttpResponseMessage download(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "v1/cv/download/{jobId}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("jobId") String jobId) {
    return withJob(request, jobId, (user, job) -> {
      Map<String, String> outputs = job.outputs();
      if (outputs.isEmpty()) {
        return ApiResponses.error(request, HttpStatus.CONFLICT, "no_outputs",
            "the job has no outputs yet (status: " + job.status().id() + ")");
      }
      String wanted = request.getQueryParameters().get("file");
      if (wanted != null) {
        String blob = outputs.get(wanted);
        if (blob == null) return ApiResponses.notFound(request, "the job has no output named " + safe(wanted));
        DownloadLinks.Link link = app.adapters().links().link(BlobStore.OUTPUTS, blob, app.linkTtl());
        return ApiResponses.builder(request, HttpStatus.FOUND)
            .header("Location", link.url().toString())
            .build();
      }
      List<Map<String, Object>> files = new ArrayList<>();
      Instant expires = null;
      for (Map.Entry<String, String> e : outputs.entrySet()) {
        DownloadLinks.Link link = app.adapters().links().link(BlobStore.OUTPUTS, e.getValue(), app.linkTtl());
        expires = link.expiresAt();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", e.getKey());
        f.put("url", link.url().toString());
        f.put("expiresAt", link.expiresAt().toString());
        files.add(f);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("jobId", jobId);
      body.put("status", job.status().id());
      body.put("expiresAt", String.valueOf(expires));
      body.put("files", files);
      return ApiResponses.json(request, HttpStatus.OK, body);
    });
  }

  @FunctionName("CancelCvJob")
  public HttpResponseMessage cancel(
      @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "v1/cv/cancel/{jobId}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("jobId") String jobId,
      @DurableClientInput(name = "durableContext") DurableClientContext durable,
      ExecutionContext context) {
    return withJob(request, jobId, (user, job) -> {
      if (job.status() == JobStatus.COMPLETED || job.status() == JobStatus.FAILED) {
        return ApiResponses.error(request, HttpStatus.CONFLICT, "already_finished",
            "the job has already " + (job.status() == JobStatus.COMPLETED ? "completed" : "failed"));
      }
      JobStore jobs = app.adapters().jobs();
      Instant now = app.clock().instant();
      Job cancelled = jobs.update(user.subject(), jobId, j -> j.status().isFinal() ? j
          : j.withStatus(JobStatus.CANCELLED, now).withError(new Job.Error("cancelled", "cancelled by the user"), now))
          .orElseThrow();
      if (cancelled.status() == JobStatus.CANCELLED) {
        // the orchestration may not have started yet (message still queued): then it never will
        try (DurableTaskClient client = durable.getClient()) {
          OrchestrationMetadata meta = client.getInstanceMetadata(jobId, false);
          if (meta.isInstanceFound() && !meta.isCompleted()) client.terminate(jobId, "cancelled by the user");
        } catch (RuntimeException e) {
          context.getLogger().log(Level.WARNING, "could not terminate the orchestration of job " + jobId, e);
        }
      }
      return ApiResponses.json(request, HttpStatus.OK, JobViews.status(cancelled));
    });
  }

  @FunctionName("ListCvJobs")
  public HttpResponseMessage jobs(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "v1/cv/jobs",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request) {
    return authenticated(request, user -> {
      int limit;
      try {
        limit = Integer.parseInt(request.getQueryParameters().getOrDefault("limit", "20"));
      } catch (NumberFormatException e) {
        return ApiResponses.error(request, HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be a number 1-100");
      }
      if (limit < 1 || limit > 100) {
        return ApiResponses.error(request, HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be a number 1-100");
      }
      JobStore.Page page;
      try {
        page = app.adapters().jobs().list(user.subject(), limit, request.getQueryParameters().get("continuationToken"));
      } catch (IllegalArgumentException e) {
        return ApiResponses.error(request, HttpStatus.BAD_REQUEST, "invalid_continuation_token", e.getMessage());
      }
      List<Map<String, Object>> jobs = page.jobs().stream().map(JobViews::summary).toList();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("jobs", jobs);
      if (page.continuationToken() != null) body.put("continuationToken", page.continuationToken());
      return ApiResponses.json(request, HttpStatus.OK, body);
    });
  }

  /** Runs {@code handler} with the caller's job, or answers 404 (also for another user's job). */
  private HttpResponseMessage withJob(HttpRequestMessage<?> request, String jobId,
      java.util.function.BiFunction<Principal, Job, HttpResponseMessage> handler) {
    return authenticated(request, user -> {
      Optional<Job> job = jobId == null || !JOB_ID.matcher(jobId).matches() ? Optional.empty()
          : app.adapters().jobs().find(user.subject(), jobId);
      if (job.isEmpty()) return ApiResponses.notFound(request, "there is no job " + safe(jobId));
      return handler.apply(user, job.get());
    });
  }

  static String safe(String s) {
    if (s == null) return "''";
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return "'" + t.replaceAll("\\p{Cntrl}", "?") + "'";
  }

  static String header(HttpRequestMessage<?> request, String name) {
    for (Map.Entry<String, String> e : request.getHeaders().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    }
    return null;
  }

  @FunctionalInterface
  interface Handler {
    HttpResponseMessage handle(Principal user);
  }

  /** Runs {@code handler} for the token's user, or answers 401. */
  HttpResponseMessage authenticated(HttpRequestMessage<?> request, Handler handler) {
    return Authenticated.run(app, request, handler::handle);
  }
}
