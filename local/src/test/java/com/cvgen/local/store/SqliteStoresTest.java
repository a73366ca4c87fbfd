package com.cvgen.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobStatus;
import com.cvgen.core.model.JobStep;
import com.cvgen.core.model.JobSteps;
import com.cvgen.core.model.Resume;
import com.cvgen.core.pipeline.ExtractionCache;
import com.cvgen.core.pipeline.JobProfileStore.SavedJobProfile;
import com.cvgen.core.pipeline.JobStore;
import com.cvgen.core.json.Json;
import com.cvgen.local.db.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoresTest {
  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Job job(String user, String id, Instant created) {
    List<JobStep> steps = JobSteps.stepsFor(false).stream().map(JobStep::pending).toList();
    return new Job(id, user, JobStatus.PENDING, JobSteps.EXTRACT, 0, steps, null, "cv.pdf", null, null, false, null,
        null, null, 0, created, created, Job.TTL_SECONDS);
  }

  @Test
  void jobsArePartitionedByUserAndPagedNewestFirst() {
    SqliteJobStore jobs = new SqliteJobStore(db);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 5; i++) jobs.create(job("ann", "job-" + i, t.plusSeconds(i)));
    jobs.create(job("ben", "job-x", t));
    assertThat(jobs.find("ann", "job-x")).isEmpty();
    assertThat(jobs.find("ben", "job-x")).isPresent();
    assertThatThrownBy(() -> jobs.create(job("ann", "job-1", t))).isInstanceOf(IllegalStateException.class);

    JobStore.Page first = jobs.list("ann", 2, null);
    assertThat(first.jobs()).extracting(Job::jobId).containsExactly("job-4", "job-3");
    JobStore.Page second = jobs.list("ann", 2, first.continuationToken());
    assertThat(second.jobs()).extracting(Job::jobId).containsExactly("job-2", "job-1");
    JobStore.Page last = jobs.list("ann", 2, second.continuationToken());
    assertThat(last.jobs()).extracting(Job::jobId).containsExactly("job-0");
    assertThat(last.continuationToken()).isNull();
    assertThatThrownBy(() -> jobs.list("ann", 2, "not a token")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentUpdatesLoseNothingAndSurviveReopening() throws Exception {
    SqliteJobStore jobs = new SqliteJobStore(db);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    jobs.create(job("ann", "j", t));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 200; i++) {
      pool.submit(() -> jobs.update("ann", "j", j -> j.withRetryCount(j.retryCount() + 1, t)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(jobs.find("ann", "j").orElseThrow().retryCount()).isEqualTo(200);
    assertThat(jobs.update("nobody", "j", j -> j)).isEmpty();
    assertThatThrownBy(() -> jobs.update("ann", "j", j -> job("eve", "j", t))).isInstanceOf(IllegalArgumentException.class);
    db.close();
    db = Database.open(dir);
    assertThat(new SqliteJobStore(db).find("ann", "j").orElseThrow().retryCount()).isEqualTo(200);
  }

  @Test
  void expiredJobsAreRemoved() {
    SqliteJobStore jobs = new SqliteJobStore(db);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    jobs.create(job("ann", "old", t));
    jobs.create(job("ann", "new", t.plus(Duration.ofDays(20))));
    assertThat(jobs.expire(t.plus(Duration.ofDays(31)))).isEqualTo(1);
    assertThat(jobs.find("ann", "old")).isEmpty();
    assertThat(jobs.find("ann", "new")).isPresent();
  }

  @Test
  void savedJobProfilesBelongToTheirUser() throws Exception {
    SqliteJobProfileStore profiles = new SqliteJobProfileStore(db);
    JobProfile profile = Json.mapper().readValue("{\"title\":\"Backend engineer\"}", JobProfile.class);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    profiles.save(new SavedJobProfile("p1", "ann", "Backend engineer", "job.txt", t, profile));
    profiles.save(new SavedJobProfile("p2", "ann", "Second", null, t.plusSeconds(1), profile));
    assertThat(profiles.find("ann", "p1").orElseThrow().profile().title()).isEqualTo("Backend engineer");
    assertThat(profiles.find("ben", "p1")).isEmpty();
    assertThat(profiles.list("ann", 10)).extracting(SavedJobProfile::id).containsExactly("p2", "p1");
    assertThat(profiles.list("ben", 10)).isEmpty();
  }

  @Test
  void extractionCacheHitsByContentAndForgetsAfterThirtyDays() throws Exception {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    SqliteExtractionCache cache = new SqliteExtractionCache(db, Clock.fixed(t, ZoneOffset.UTC));
    byte[] pdf = "%PDF-1.7 same bytes".getBytes(StandardCharsets.ISO_8859_1);
    String key = ExtractionCache.key(pdf, "offline-v1", null);
    assertThat(ExtractionCache.key(pdf.clone(), "offline-v1", null)).isEqualTo(key);
    assertThat(ExtractionCache.key(pdf, "offline-v2", null)).isNotEqualTo(key);
    assertThat(ExtractionCache.key(pdf, "offline-v1", "de")).isNotEqualTo(key);
    assertThat(cache.get(key)).isEmpty();
    Resume resume = Json.mapper().readValue("{\"basics\":{\"name\":\"Ann Example\"}}", Resume.class);
    cache.put(key, resume);
    assertThat(cache.get(key).orElseThrow().basics().name()).isEqualTo("Ann Example");
    SqliteExtractionCache later = new SqliteExtractionCache(db, Clock.fixed(t.plus(Duration.ofDays(31)), ZoneOffset.UTC));
    assertThat(later.get(key)).isEmpty();
  }
}
