package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.testing.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance path over HTTP against {@code ./cvgen serve} as a separate process: a token from
 * {@code ./cvgen token}, a corpus CV uploaded with a job profile, the job followed to completed,
 * every output downloaded by its link and validated; another user sees nothing; no token is 401;
 * bad uploads are refused before anything is queued.
 */
class ServeEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void uploadFollowDownloadAndIsolation() throws Exception {
    try (ServeProcess host = ServeProcess.start(data)) {
      ApiClient anonymous = new ApiClient(host.base, null);
      // the first request after start
      ApiClient.Reply live = anonymous.get("api/health/live");
      long firstAnswerMs = (System.nanoTime() - host.startedNanos) / 1_000_000;
      assertThat(live.status()).isEqualTo(200);
      System.out.println("cvgen serve answered its first request " + firstAnswerMs + " ms after the process started");
      assertThat(anonymous.get("api/health/ready").json().path("status").asText()).isEqualTo("ok");

      ApiClient alice = new ApiClient(host.base, ServeProcess.token(data, "alice"));
      ApiClient bob = alice.as(ServeProcess.token(data, "bob"));

      Path cv = Corpus.devPdfs().get(0);
      byte[] job = Files.readAllBytes(ServeProcess.root().resolve(
          "local/src/main/resources/samples/jobs/en-senior-backend-engineer.json"));
      ApiClient.Reply up = alice.upload(
          new ApiClient.FilePart("cv", cv.getFileName().toString(), "application/pdf", Files.readAllBytes(cv)),
          new ApiClient.FilePart("jobProfile", "job.json", "application/json", job), Map.of("language", "en"));
      assertThat(up.status()).as(up.text()).isEqualTo(202);
      String jobId = up.json().get("jobId").asText();
      assertThat(up.json().get("status").asText()).isEqualTo("pending");
      assertThat(up.headers().get("location")).isEqualTo("/api/v1/cv/status/" + jobId);

      JsonNode status = alice.awaitFinal(jobId, Duration.ofMinutes(3));
      assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("completed");
      assertThat(status.get("progress").asInt()).isEqualTo(100);
      assertThat(status.get("matchScore").asInt()).isBetween(0, 100);
      assertThat(status.get("steps")).hasSize(7);
      for (JsonNode step : status.get("steps")) {
        assertThat(step.get("state").asText()).as(step.toString()).isEqualTo("completed");
        assertThat(step.has("startedAt") && step.has("finishedAt")).as(step.toString()).isTrue();
      }

      JsonNode links = alice.downloads(jobId).json();
      Map<String, byte[]> files = new HashMap<>();
      for (JsonNode f : links.get("files")) {
        URI url = URI.create(f.get("url").asText());
        ApiClient.Reply file = anonymous.fetch(url); // the link itself is the permission
        assertThat(file.status()).as(f.get("name").asText()).isEqualTo(200);
        files.put(f.get("name").asText(), file.body());
      }
      assertThat(files.keySet()).containsExactlyInAnyOrder("cv_data.json", "cv.docx", "feedback.json",
          "job_profile.json", "match_result.json", "offer.docx", "dashboard.html");
      assertThat(SchemaValidator.RESUME.validate(JSON.readTree(files.get("cv_data.json")))).isEmpty();
      assertThat(SchemaValidator.load("/schema/match-result-schema.json")
          .validate(JSON.readTree(files.get("match_result.json")))).isEmpty();
      assertThat(SchemaValidator.load("/schema/feedback-schema.json")
          .validate(JSON.readTree(files.get("feedback.json")))).isEmpty();
      assertThat(SchemaValidator.load("/schema/job-schema.json")
          .validate(JSON.readTree(files.get("job_profile.json")))).isEmpty();
      assertThat(JSON.readTree(files.get("match_result.json")).get("score").asInt())
          .isEqualTo(status.get("matchScore").asInt());
      for (String docx : new String[] {"cv.docx", "offer.docx"}) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(files.get(docx)))) {
          assertThat(doc.getParagraphs()).as(docx).isNotEmpty();
        }
      }
      String html = new String(files.get("dashboard.html"), StandardCharsets.UTF_8);
      assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script src=");

      // a tampered or expired link is refused
      String url = links.get("files").get(0).get("url").asText();
      assertThat(anonymous.fetch(URI.create(url.replaceAll("sig=[^&]+", "sig=AAAA"))).status()).isEqualTo(403);
      assertThat(anonymous.fetch(URI.create(url.replaceAll("exp=\\d+", "exp=1"))).status()).isEqualTo(403);

      // another user: the job does not exist for them
      for (ApiClient.Reply r : new ApiClient.Reply[] {bob.status(jobId), bob.downloads(jobId), bob.cancel(jobId)}) {
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("not_found");
      }
      assertThat(bob.jobs().json().get("jobs")).isEmpty();
      assertThat(alice.jobs().json().get("jobs")).hasSize(1);

      // without a token
      ApiClient.Reply noToken = anonymous.status(jobId);
      assertThat(noToken.status()).isEqualTo(401);
      assertThat(noToken.json().at("/error/code").asText()).isEqualTo("missing_token");
      assertThat(noToken.headers().get("www-authenticate")).startsWith("Bearer");
      assertThat(anonymous.as("not.a.token").jobs().status()).isEqualTo(401);

      // bad uploads: refused with a JSON error, nothing queued
      ApiClient.Reply notPdf = alice.upload(new ApiClient.FilePart("cv", "cv.pdf", "application/pdf",
          "just text, not a PDF".getBytes(StandardCharsets.UTF_8)), null, Map.of());
      assertThat(notPdf.status()).isEqualTo(415);
      assertThat(notPdf.json().at("/error/code").asText()).isEqualTo("not_pdf");
      ApiClient.Reply noCv = alice.upload(null, null, Map.of("language", "en"));
      assertThat(noCv.status()).isEqualTo(400);
      assertThat(noCv.json().at("/error/code").asText()).isEqualTo("missing_cv");
      ApiClient.Reply badLang = alice.upload(new ApiClient.FilePart("cv", "cv.pdf", "application/pdf",
          Files.readAllBytes(cv)), null, Map.of("language", "xx"));
      assertThat(badLang.status()).isEqualTo(400);
      assertThat(badLang.json().at("/error/code").asText()).isEqualTo("unsupported_language");
      assertThat(alice.jobs().json().get("jobs")).hasSize(1);
    }
  }
}
