package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.json.Json;
import com.cvgen.core.model.Job;
import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.JobQueue;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.core.testing.Corpus;
import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.wiring.Composition;
import com.cvgen.functions.wiring.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's failure paths in the embedded host (in this JVM): retries, a branch that always
 * fails, duplicate queue deliveries, dead-lettering, cancellation. Faults are injected by wrapping
 * the real local stores (a disk that fails, a store that is slow or unreachable): there is no other
 * way to make real storage fail on cue.
 */
class PipelineBehaviourTest {
  @TempDir Path data;

  @Test
  void activityFailingTwiceThenSucceedingCompletesTheJob() throws Exception {
    FlakyBlobs flaky = new FlakyBlobs(name -> name.endsWith("/cv.docx"), 2);
    try (EmbeddedHost host = host(a -> withBlobs(a, flaky.wrap(a.blobs())))) {
      ApiClient api = client(host, "dora");
      String jobId = upload(api, Corpus.devPdfs().get(1));
      JsonNode s = api.awaitFinal(jobId, Duration.ofMinutes(2));
      assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("completed");
      JsonNode renderCv = step(s, "render_cv");
      assertThat(renderCv.get("attempts").asInt()).isEqualTo(3);
      assertThat(renderCv.get("state").asText()).isEqualTo("completed");
      assertThat(flaky.failures.get()).isEqualTo(2);
    }
  }

  @Test
  void activityThatAlwaysFailsFailsTheJobWithItsReasonAndKeepsTheOtherOutputs() throws Exception {
    FlakyBlobs broken = new FlakyBlobs(name -> name.endsWith("/feedback.json"), Integer.MAX_VALUE);
    try (EmbeddedHost host = host(a -> withBlobs(a, broken.wrap(a.blobs())))) {
      ApiClient api = client(host, "erin");
      String jobId = upload(api, Corpus.devPdfs().get(2));
      JsonNode s = api.awaitFinal(jobId, Duration.ofMinutes(2));
      assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("failed");
      assertThat(s.at("/error/message").asText()).contains("Quality feedback").contains("injected: disk full");
      assertThat(step(s, "feedback").get("state").asText()).isEqualTo("failed");
      assertThat(step(s, "feedback").get("attempts").asInt()).isEqualTo(3);
      assertThat(broken.failures.get()).isEqualTo(3);
      // the other branches' outputs stay, and the dashboard was built without the feedback
      List<String> outputs = names(s.get("outputs"));
      assertThat(outputs).contains("cv_data.json", "cv.docx", "dashboard.html").doesNotContain("feedback.json");
      JsonNode links = api.downloads(jobId).json();
      for (JsonNode f : links.get("files")) {
        assertThat(api.fetch(URI.create(f.get("url").asText())).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void duplicateDeliveriesStartOneOrchestration() throws Exception {
    try (EmbeddedHost host = host(UnaryOperator.identity())) {
      ApiClient api = client(host, "fay");
      String jobId = upload(api, Corpus.devPdfs().get(3));
      String body = Json.mapper().writeValueAsString(new JobQueue.JobMessage(jobId, "fay"));
      // the same message twice more under other message ids (Service Bus only dedups by id)
      host.queue().send(JobQueue.NAME, "again-1-" + jobId, body, Map.of());
      host.queue().send(JobQueue.NAME, "again-2-" + jobId, body, Map.of());
      // and the same id again: dropped by duplicate detection
      assertThat(host.queue().send(JobQueue.NAME, jobId, body, Map.of())).isFalse();
      JsonNode s = api.awaitFinal(jobId, Duration.ofMinutes(2));
      assertThat(s.get("status").asText()).isEqualTo("completed");
      assertThat(step(s, "extract").get("attempts").asInt()).isEqualTo(1);
      awaitQueueEmpty(host);
      var stats = host.durableStats();
      assertThat(stats.instancesByStatus().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
      assertThat(stats.completionCommits().values()).allMatch(n -> n == 1);
    }
  }

  @Test
  void startThatKeepsFailingIsDeadLetteredAndTheJobFailsWithTheReason() throws Exception {
    try (EmbeddedHost host = host(a -> withJobs(a, new UnreachableFromQueue(a.jobs())))) {
      ApiClient api = client(host, "gus");
      String jobId = upload(api, Corpus.devPdfs().get(4));
      JsonNode s = api.awaitFinal(jobId, Duration.ofMinutes(2));
      assertThat(s.get("status").asText()).isEqualTo("failed");
      assertThat(s.at("/error/code").asText()).isEqualTo("start_failed");
      assertThat(s.at("/error/message").asText()).contains("injected: job store unreachable").contains("3 attempts");
      // the dead-letter trigger handled the message: it is gone from both queues
      assertThat(host.queue().stats(JobQueue.NAME).active()).isZero();
      assertThat(host.durableStats().instancesByStatus().values().stream().mapToInt(Integer::intValue).sum())
          .isZero();
    }
  }

  @Test
  void cancelTerminatesARunningJobAndKeepsWhatWasWritten() throws Exception {
    SlowBlobs slow = new SlowBlobs(Duration.ofMillis(400));
    try (EmbeddedHost host = host(a -> withBlobs(a, slow.wrap(a.blobs())))) {
      ApiClient api = client(host, "hal");
      String jobId = upload(api, Corpus.devPdfs().get(5));
      // wait until it runs
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!api.status(jobId).json().get("status").asText().equals("processing")) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(50); // the user's requests are limited (120 a minute by default)
      }
      ApiClient.Reply c = api.cancel(jobId);
      assertThat(c.status()).isEqualTo(200);
      assertThat(c.json().get("status").asText()).isEqualTo("cancelled");
      // the orchestration is terminated and the job stays cancelled
      deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (host.durableStats().instances(com.microsoft.durabletask.OrchestrationRuntimeStatus.TERMINATED) != 1) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(20);
      }
      Thread.sleep(1000); // late activity results arrive and must change nothing
      JsonNode s = api.status(jobId).json();
      assertThat(s.get("status").asText()).isEqualTo("cancelled");
      assertThat(s.at("/error/code").asText()).isEqualTo("cancelled");
      for (String out : names(s.get("outputs"))) {
        ApiClient.Reply link = api.get("api/v1/cv/download/" + jobId + "?file=" + out);
        assertThat(link.status()).isEqualTo(302);
        assertThat(api.fetch(URI.create(link.headers().get("location"))).status()).isEqualTo(200);
      }
      // a second cancel is harmless; a finished job cannot be cancelled
      assertThat(api.cancel(jobId).status()).isEqualTo(200);
    }
  }

  @Test
  void aSavedJobProfileIsListedAndReusedByItsIdButOnlyByItsOwner() throws Exception {
    try (EmbeddedHost host = host(UnaryOperator.identity())) {
      ApiClient ivy = client(host, "ivy");
      String posting = "Senior Java Developer\nAcme GmbH, Berlin\n\nRequirements:\n- 5+ years of Java\n"
          + "- Spring Boot and PostgreSQL\n- English (C1)\n\nNice to have:\n- Kubernetes\n";
      ApiClient.Reply saved = ivy.postText("api/v1/job-profiles", "text/plain; charset=utf-8", posting);
      assertThat(saved.status()).as(saved.text()).isEqualTo(201);
      String id = saved.json().get("id").asText();
      assertThat(saved.json().at("/profile/title").asText()).isNotBlank();
      assertThat(ivy.get("api/v1/job-profiles").json().get("profiles")).hasSize(1);
      assertThat(ivy.get("api/v1/job-profiles/" + id).status()).isEqualTo(200);
      ApiClient jim = client(host, "jim");
      assertThat(jim.get("api/v1/job-profiles/" + id).status()).isEqualTo(404);
      assertThat(jim.get("api/v1/job-profiles").json().get("profiles")).isEmpty();
      Path cv = Corpus.devPdfs().get(6);
      ApiClient.FilePart part = new ApiClient.FilePart("cv", "cv.pdf", "application/pdf", Files.readAllBytes(cv));
      ApiClient.Reply foreign = jim.upload(part, null, Map.of("jobProfileId", id));
      assertThat(foreign.status()).isEqualTo(400);
      assertThat(foreign.json().at("/error/code").asText()).isEqualTo("unknown_job_profile");
      ApiClient.Reply up = ivy.upload(part, null, Map.of("jobProfileId", id, "language", "de"));
      assertThat(up.status()).as(up.text()).isEqualTo(202);
      JsonNode s = ivy.awaitFinal(up.json().get("jobId").asText(), Duration.ofMinutes(2));
      assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("completed");
      assertThat(s.get("language").asText()).isEqualTo("de");
      assertThat(s.get("jobProfileId").asText()).isEqualTo(id);
      assertThat(names(s.get("outputs"))).contains("match_result.json", "offer.docx", "job_profile.json");
      ApiClient.Reply bad = ivy.postText("api/v1/job-profiles", "application/json", "{\"title\": 42}");
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.json().at("/error/code").asText()).isEqualTo("invalid_job_profile");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private EmbeddedHost host(UnaryOperator<Composition.Adapters> adapters) throws IOException {
    Settings settings = LocalSettings.load(null, data, Map.of(), Map.of());
    return EmbeddedHost.start(new EmbeddedHost.Options(data, 0, "127.0.0.1", null, settings, adapters));
  }

  private ApiClient client(EmbeddedHost host, String user) throws IOException {
    Settings settings = LocalSettings.load(null, data, Map.of(), Map.of());
    String token = new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8),
        Clock.systemUTC()).mint(user, Duration.ofHours(1));
    return new ApiClient(host.baseUri(), token);
  }

  private static String upload(ApiClient api, Path cv) throws IOException {
    ApiClient.Reply r = api.upload(new ApiClient.FilePart("cv", cv.getFileName().toString(), "application/pdf",
        Files.readAllBytes(cv)), null, Map.of());
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    return r.json().get("jobId").asText();
  }

  private static JsonNode step(JsonNode status, String name) {
    for (JsonNode s : status.get("steps")) {
      if (s.get("name").asText().equals(name)) return s;
    }
    throw new AssertionError("no step " + name + " in " + status);
  }

  private static List<String> names(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static void awaitQueueEmpty(EmbeddedHost host) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (host.queue().stats(JobQueue.NAME).active() + host.queue().stats(JobQueue.NAME).locked() > 0) {
      assertThat(System.nanoTime()).as(host.queue().stats(JobQueue.NAME).toString()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static Composition.Adapters withBlobs(Composition.Adapters a, BlobStore blobs) {
    return new Composition.Adapters(blobs, a.jobs(), a.profiles(), a.cache(), a.queue(), a.links(), a.readiness());
  }

  private static Composition.Adapters withJobs(Composition.Adapters a, JobStore jobs) {
    return new Composition.Adapters(a.blobs(), jobs, a.profiles(), a.cache(), a.queue(), a.links(), a.readiness());
  }

  /** Writes of matching blobs fail with an IOException, {@code times} times per blob. */
  static final class FlakyBlobs {
    final Predicate<String> matches;
    final int times;
    final AtomicInteger failures = new AtomicInteger();
    final Map<String, AtomicInteger> perBlob = new ConcurrentHashMap<>();

    FlakyBlobs(Predicate<String> matches, int times) {
      this.matches = matches;
      this.times = times;
    }

    BlobStore wrap(BlobStore real) {
      return new Delegating(real) {
        @Override
        public void write(String container, String name, String contentType, BodyWriter body) throws IOException {
          if (matches.test(name) && perBlob.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet() <= times) {
            failures.incrementAndGet();
            throw new IOException("injected: disk full");
          }
          super.write(container, name, contentType, body);
        }
      };
    }
  }

  /** Every output write takes a while, so a job is still running when it is cancelled. */
  static final class SlowBlobs {
    final Duration pause;

    SlowBlobs(Duration pause) {
      this.pause = pause;
    }

    BlobStore wrap(BlobStore real) {
      return new Delegating(real) {
        @Override
        public void write(String container, String name, String contentType, BodyWriter body) throws IOException {
          if (container.equals(BlobStore.OUTPUTS)) {
            try {
              Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          super.write(container, name, contentType, body);
        }
      };
    }
  }

  /** The job store cannot be read from the queue's threads: the start trigger fails every time. */
  static final class UnreachableFromQueue implements JobStore {
    private final JobStore real;

    UnreachableFromQueue(JobStore real) {
      this.real = real;
    }

    @Override
    public void create(Job job) {
      real.create(job);
    }

    @Override
    public Optional<Job> find(String userId, String jobId) {
      if (Thread.currentThread().getName().startsWith("queue-worker")) {
        throw new IllegalStateException("injected: job store unreachable");
      }
      return real.find(userId, jobId);
    }

    @Override
    public Optional<Job> update(String userId, String jobId, UnaryOperator<Job> change) {
      return real.update(userId, jobId, change);
    }

    @Override
    public Page list(String userId, int limit, String continuationToken) {
      return real.list(userId, limit, continuationToken);
    }
  }

  private static class Delegating implements BlobStore {
    private final BlobStore real;

    Delegating(BlobStore real) {
      this.real = real;
    }

    @Override
    public void write(String container, String name, String contentType, BodyWriter body) throws IOException {
      real.write(container, name, contentType, body);
    }

    @Override
    public InputStream open(String container, String name) throws IOException {
      return real.open(container, name);
    }

    @Override
    public boolean exists(String container, String name) throws IOException {
      return real.exists(container, name);
    }

    @Override
    public String contentType(String container, String name) throws IOException {
      return real.contentType(container, name);
    }

    @Override
    public List<String> list(String container, String prefix) throws IOException {
      return real.list(container, prefix);
    }

    @Override
    public void delete(String container, String name) throws IOException {
      real.delete(container, name);
    }
  }
}
