package com.cvgen.functions.http;

import com.cvgen.core.CvInputException;
import com.cvgen.core.jobs.JobProfileStructurer;
import com.cvgen.core.llm.LlmAnswerException;
import com.cvgen.core.llm.LlmUnavailableException;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.pipeline.JobIntake;
import com.cvgen.core.pipeline.JobIntake.JobProfileSource;
import com.cvgen.core.pipeline.JobProfileStore.SavedJobProfile;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;

/**
 * Saved job profiles: {@code POST /api/v1/job-profiles} reads and saves one (multipart with a
 * {@code jobProfile} file or text and an optional {@code title}; or the body itself as JSON or plain
 * text; the answer names the {@code structurer} and has a {@code note} on it when a model was
 * configured), {@code GET /api/v1/job-profiles} lists the caller's, {@code GET
 * /api/v1/job-profiles/{id}} returns one.
 */
public final class JobProfilesApi {
  /**
   * The language model's time for a posting in all, retries included: the caller waits, and Azure
   * Static Web Apps ends a request to its API after 45 s. Past it the offline reading is saved (with
   * a note) or, when the model is configured to fail, the save answers 503.
   */
  static final Duration MODEL_BUDGET = Duration.ofSeconds(30);

  /** A job profile sent as JSON or text (a posting is a few KB; this is generous). */
  static final int MAX_TEXT_BYTES = 256 * 1024;

  private final Composition app;

  public JobProfilesApi(Composition app) {
    this.app = app;
  }

  @FunctionName("SaveJobProfile")
  public HttpResponseMessage save(
      @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "v1/job-profiles", dataType = "binary",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context) {
    return Authenticated.run(app, request, user -> {
      String contentType = CvApi.header(request, "content-type");
      // checked on the declared length before the body is touched, and again on the body
      long max = maxBody(contentType);
      if (CvApi.declaredLength(request) > max) return tooLarge(request, contentType, max);
      byte[] body = request.getBody().orElse(new byte[0]);
      if (body.length > max) return tooLarge(request, contentType, max);
      JobProfileSource source;
      String title = null;
      String sourceName = null;
      if (MultipartForm.isMultipart(contentType)) {
        MultipartForm form;
        try {
          form = MultipartForm.parse(body, contentType, app.limits().maxBytes());
        } catch (MultipartForm.FormException e) {
          return ApiResponses.error(request, e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
              e.tooLarge() ? "file_too_large" : "invalid_form", e.getMessage());
        }
        Optional<MultipartForm.Part> part = form.part("jobProfile");
        if (part.isEmpty() || part.get().content().length == 0) {
          return ApiResponses.error(request, HttpStatus.BAD_REQUEST, "missing_job_profile",
              "the form has no 'jobProfile' file or text");
        }
        source = part.get().fileName() != null ? new JobProfileSource.File(part.get().content(), part.get().fileName())
            : new JobProfileSource.Text(part.get().text());
        sourceName = JobIntake.displayName(part.get().fileName());
        title = form.field("title").orElse(null);
      } else {
        if (body.length == 0) {
          return ApiResponses.error(request, HttpStatus.BAD_REQUEST, "missing_job_profile",
              "send the job profile as multipart/form-data, JSON or plain text");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String name = isPdf(contentType) ? "job.pdf" : type.contains("json") ? "job.json" : "job.txt";
        source = new JobProfileSource.File(body, name);
      }
      JobProfileStructurer.Reading reading;
      try {
        reading = app.intake().readJobProfile(source, MODEL_BUDGET);
      } catch (CvInputException e) {
        return ApiResponses.inputError(request, e);
      } catch (LlmUnavailableException e) { // the model is configured to fail, not to fall back
        context.getLogger().log(Level.WARNING, "job profile not saved: the model is unavailable", e);
        return ApiResponses.error(request, HttpStatus.SERVICE_UNAVAILABLE, "model_unavailable",
            "the language model that structures job profiles did not answer; please try again later");
      } catch (LlmAnswerException e) {
        context.getLogger().log(Level.WARNING, "job profile not saved: the model's answer is unusable", e);
        return ApiResponses.error(request, HttpStatus.BAD_GATEWAY, "model_answer_unusable",
            "the language model's reading of the job profile was not usable; please try again or send it as JSON");
      }
      JobProfile profile = reading.profile();
      String id = UUID.randomUUID().toString();
      String t = title != null ? title : profile.title() != null ? profile.title() : "Job profile";
      if (t.length() > 200) t = t.substring(0, 200);
      SavedJobProfile saved = new SavedJobProfile(id, user.subject(), t, sourceName, app.clock().instant(), profile);
      app.adapters().profiles().save(saved);
      Map<String, Object> view = view(saved);
      view.put("structurer", reading.structurer());
      if (reading.note() != null) view.put("note", reading.note());
      view.put("profile", profile);
      return ApiResponses.json(request, HttpStatus.CREATED, view, Map.of("Location", "/api/v1/job-profiles/" + id));
    });
  }

  @FunctionName("GetJobProfiles")
  public HttpResponseMessage list(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "v1/job-profiles/{id?}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("id") String id) {
    return Authenticated.run(app, request, user -> {
      if (id != null && !id.isBlank()) {
        Optional<SavedJobProfile> p = app.adapters().profiles().find(user.subject(), id);
        if (p.isEmpty()) return ApiResponses.notFound(request, "there is no job profile " + CvApi.safe(id));
        Map<String, Object> view = view(p.get());
        view.put("profile", p.get().profile());
        return ApiResponses.json(request, HttpStatus.OK, view);
      }
      List<Map<String, Object>> profiles = app.adapters().profiles().list(user.subject(), 100).stream()
          .map(JobProfilesApi::view).toList();
      return ApiResponses.json(request, HttpStatus.OK, Map.of("profiles", profiles));
    });
  }

  /** A form or a PDF: the file limit and room for the form; JSON or text: {@link #MAX_TEXT_BYTES}. */
  private long maxBody(String contentType) {
    if (MultipartForm.isMultipart(contentType)) return app.limits().maxBytes() + CvApi.FORM_ALLOWANCE_BYTES;
    if (isPdf(contentType)) return app.limits().maxBytes();
    return MAX_TEXT_BYTES;
  }

  private static boolean isPdf(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/pdf");
  }

  private static HttpResponseMessage tooLarge(HttpRequestMessage<?> request, String contentType, long max) {
    String what = MultipartForm.isMultipart(contentType) ? "a job profile form" : isPdf(contentType)
        ? "a job profile PDF" : "a job profile sent as JSON or text";
    String size = max >= 1024 * 1024 ? max / (1024 * 1024) + " MB" : max / 1024 + " KB";
    return ApiResponses.error(request, HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", what + " may be at most " + size);
  }

  private static Map<String, Object> view(SavedJobProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("title", p.title());
    if (p.sourceName() != null) m.put("sourceName", p.sourceName());
    if (p.profile().company() != null) m.put("company", p.profile().company());
    m.put("createdAt", p.createdAt().toString());
    return m;
  }
}
