package com.cvgen.functions.azure.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobStatus;
import com.cvgen.core.model.JobStep;
import com.cvgen.core.model.JobSteps;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.devservers.CosmosTestServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.azure.cosmos.models.PartitionKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job store against the Cosmos DB test server. */
class CosmosJobStoreTest {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  static CosmosTestServer server;
  static CosmosStores stores;
  static JobStore jobs;

  @BeforeAll
  static void start() throws Exception {
    server = CosmosTestServer.start();
    stores = CosmosStores.withKey(server.endpoint(), CosmosTestServer.KEY, "cvgen-test", true, Clock.systemUTC());
    jobs = stores.jobs();
  }

  @AfterAll
  static void stop() {
    if (stores != null) stores.close();
    if (server != null) server.close();
  }

  static Job job(String user, String id, Instant created) {
    List<JobStep> steps = JobSteps.stepsFor(false).stream().map(JobStep::pending).toList();
    return new Job(id, user, JobStatus.PENDING, JobSteps.EXTRACT, 0, steps, null, "cv.pdf", null, null, false, null,
        null, null, 0, created, created, Job.TTL_SECONDS);
  }

  static String user() {
    return "user-" + UUID.randomUUID();
  }

  @Test
  void createFindAndAnotherUsersFindIsEmpty() {
    String ann = user();
    Job job = job(ann, "job-1", T).withMatchScore(73, T);
    jobs.create(job);
    assertThat(jobs.find(ann, "job-1")).contains(job);
    assertThat(jobs.find(user(), "job-1")).isEmpty();
    assertThat(jobs.find(ann, "job-2")).isEmpty();
    assertThatThrownBy(() -> jobs.create(job(ann, "job-1", T))).isInstanceOf(IllegalStateException.class);
    // the stored document: the job's JSON, its id, and the job's ttl for Cosmos DB
    ObjectNode doc = stores.container(CosmosStores.JOBS).readItem("job-1", new PartitionKey(ann), ObjectNode.class)
        .getItem();
    assertThat(doc.get("id").asText()).isEqualTo("job-1");
    assertThat(doc.get("userId").asText()).isEqualTo(ann);
    assertThat(doc.get("ttl").asLong()).isEqualTo(Job.TTL_SECONDS);
  }

  @Test
  void updateRoundTripAndNoWriteForAnUnchangedJob() {
    String ann = user();
    jobs.create(job(ann, "j", T));
    Instant later = T.plusSeconds(5);
    Job updated = jobs.update(ann, "j", j -> j.withStatus(JobStatus.PROCESSING, later)
        .withStep(JobSteps.EXTRACT, s -> s.started(later), later)).orElseThrow();
    assertThat(updated.status()).isEqualTo(JobStatus.PROCESSING);
    assertThat(jobs.find(ann, "j")).contains(updated);
    String etag = stores.container(CosmosStores.JOBS).readItem("j", new PartitionKey(ann), ObjectNode.class).getETag();
    assertThat(jobs.update(ann, "j", j -> j)).contains(updated);
    assertThat(stores.container(CosmosStores.JOBS).readItem("j", new PartitionKey(ann), ObjectNode.class).getETag())
        .as("an unchanged job is not written").isEqualTo(etag);
    assertThat(jobs.update(user(), "j", j -> j.withRetryCount(9, later))).isEmpty();
    assertThat(jobs.update(ann, "missing", j -> j.withRetryCount(9, later))).isEmpty();
    assertThatThrownBy(() -> jobs.update(ann, "j", j -> job("eve", "j", T)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConflictingWriteIsRetriedOnTheNewestVersion() {
    String ann = user();
    jobs.create(job(ann, "j", T));
    AtomicInteger calls = new AtomicInteger();
    Job result = jobs.update(ann, "j", j -> {
      if (calls.incrementAndGet() == 1) {
        // another activity writes between this read and this replace: the replace gets 412
        jobs.update(ann, "j", other -> other.withOutput("cv.docx", "j/cv.docx", T));
      }
      return j.withMatchScore(81, T);
    }).orElseThrow();
    assertThat(calls).hasValue(2);
    Job stored = jobs.find(ann, "j").orElseThrow();
    assertThat(stored).isEqualTo(result);
    assertThat(stored.matchScore()).isEqualTo(81);
    assertThat(stored.outputs()).containsEntry("cv.docx", "j/cv.docx");
  }

  @Test
  void fiftyConcurrentIncrementsAllLand() throws Exception {
    String ann = user();
    jobs.create(job(ann, "j", T));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Integer> attempts = new ArrayList<>();
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        done.add(pool.submit(() -> {
          AtomicInteger tries = new AtomicInteger();
          jobs.update(ann, "j", j -> {
            tries.incrementAndGet();
            return j.withRetryCount(j.retryCount() + 1, T);
          });
          return tries.get();
        }));
      }
      for (Future<Integer> f : done) attempts.add(f.get());
    } finally {
      pool.shutdownNow();
    }
    assertThat(jobs.find(ann, "j").orElseThrow().retryCount()).isEqualTo(50);
    assertThat(attempts).as("some writers lost a race and retried").anyMatch(n -> n > 1);
    System.out.println("attempts per writer (max " + CosmosJobStore.DEFAULT_MAX_ATTEMPTS + "): "
        + attempts.stream().mapToInt(Integer::intValue).summaryStatistics());
  }

  @Test
  void listsPageNewestFirstWithContinuationTokens() {
    String ann = user();
    // created out of order, with creation times of differing precision (ISO text would sort them wrong)
    int[] order = {3, 0, 4, 1, 2};
    for (int i : order) jobs.create(job(ann, "job-" + i, T.plusSeconds(i).plusMillis(i % 2 == 0 ? 0 : 500)));
    jobs.create(job(user(), "job-x", T.plusSeconds(100)));
    jobs.update(ann, "job-0", j -> j.withRetryCount(1, T.plusSeconds(50))); // an update does not reorder

    JobStore.Page first = jobs.list(ann, 2, null);
    assertThat(first.jobs()).extracting(Job::jobId).containsExactly("job-4", "job-3");
    assertThat(first.continuationToken()).isNotNull();
    JobStore.Page second = jobs.list(ann, 2, first.continuationToken());
    assertThat(second.jobs()).extracting(Job::jobId).containsExactly("job-2", "job-1");
    JobStore.Page last = jobs.list(ann, 2, second.continuationToken());
    assertThat(last.jobs()).extracting(Job::jobId).containsExactly("job-0");
    assertThat(last.continuationToken()).isNull();
    assertThat(jobs.list(ann, 10, null).jobs()).hasSize(5);
    assertThat(jobs.list(user(), 10, null)).isEqualTo(new JobStore.Page(List.of(), null));
    assertThatThrownBy(() -> jobs.list(ann, 2, "not a token")).isInstanceOf(IllegalArgumentException.class);
    for (String forged : List.of("plain text", "{\"x\":1}", "[1,2]", "{\"token\":\"zz\",\"range\":{}}")) {
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> jobs.list(ann, 2, token)).as(forged).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.proxy().queryPlans()).isPositive();
  }
}
