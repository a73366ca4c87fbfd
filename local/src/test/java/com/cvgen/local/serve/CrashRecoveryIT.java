package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.testing.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of work: ten CVs uploaded, the host killed while their orchestrations run,
 * a new host on the same data directory. Every job completes, and the durable backend's counter
 * shows that no activity whose completion had been committed ran again.
 */
class CrashRecoveryIT {
  @TempDir Path data;

  @Test
  void killedHostResumesWithoutRedoingFinishedActivities() throws Exception {
    List<Path> cvs = Corpus.devPdfs().subList(0, 10);
    List<String> jobIds = new ArrayList<>();
    long completedBeforeKill;
    // one activity at a time, so the kill lands while most of the work is still ahead
    ServeProcess first = ServeProcess.start(data, "--activity-concurrency", "1");
    try {
      ApiClient api = new ApiClient(first.base, ServeProcess.token(data, "carol"));
      for (Path cv : cvs) {
        ApiClient.Reply r = api.upload(new ApiClient.FilePart("cv", cv.getFileName().toString(), "application/pdf",
            Files.readAllBytes(cv)), null, Map.of());
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        jobIds.add(r.json().get("jobId").asText());
      }
      // wait until some activities have finished but not all jobs are done
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (true) {
        JsonNode stats = api.get("_host/stats").json();
        long done = stats.at("/durable/activitiesCompleted").asLong();
        if (done >= 3) {
          completedBeforeKill = done;
          break;
        }
        assertThat(System.nanoTime()).as("activities never completed").isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      first.kill();
    }
    int finalBeforeRestart = 0;
    try (ServeProcess second = ServeProcess.start(data)) {
      ApiClient api = new ApiClient(second.base, ServeProcess.token(data, "carol"));
      for (String id : jobIds) {
        JsonNode s = api.status(id).json();
        if (s.get("status").asText().equals("completed")) finalBeforeRestart++;
      }
      for (String id : jobIds) {
        JsonNode s = api.awaitFinal(id, Duration.ofMinutes(3));
        assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("completed");
      }
      JsonNode stats = api.get("_host/stats").json();
      System.out.printf("crash test: %d activity completions committed before kill -9, %d of 10 jobs complete then;"
          + " after restart all 10 completed, %d tasks completed, %d completed more than once%n",
          completedBeforeKill, finalBeforeRestart, stats.at("/durable/tasksWithCompletions").asLong(),
          stats.at("/durable/tasksCompletedMoreThanOnce").size());
      assertThat(finalBeforeRestart).as("the kill came after all jobs were done").isLessThan(10);
      assertThat(stats.at("/durable/tasksCompletedMoreThanOnce")).as("finished activities ran again").isEmpty();
      assertThat(stats.at("/durable/instances/completed").asInt()).isEqualTo(10);
      // 10 jobs without a job profile: extract, docx, feedback, dashboard, complete
      assertThat(stats.at("/durable/tasksWithCompletions").asLong()).isGreaterThanOrEqualTo(50);
    }
  }
}
