package com.cvgen.local.durable;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableConcurrencyTest {
  @TempDir Path dir;

  @Test
  void fiftyInstancesCompleteWithinTheActivityConcurrencyBound() throws Exception {
    int concurrency = 3;
    int instances = 50;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    Map<String, AtomicInteger> episodesRunning = new ConcurrentHashMap<>();
    AtomicInteger maxEpisodesPerInstance = new AtomicInteger();
    TestFunctions f =
        new TestFunctions()
            .activity(
                "double",
                (in, id) -> {
                  int now = running.incrementAndGet();
                  maxRunning.accumulateAndGet(now, Math::max);
                  try {
                    Thread.sleep(2);
                    return String.valueOf(2 * Integer.parseInt(in));
                  } finally {
                    running.decrementAndGet();
                  }
                })
            .orchestrator(
                "math",
                ctx -> {
                  AtomicInteger mine = episodesRunning.computeIfAbsent(ctx.getInstanceId(), k -> new AtomicInteger());
                  maxEpisodesPerInstance.accumulateAndGet(mine.incrementAndGet(), Math::max);
                  try {
                    int n = ctx.getInput(Integer.class);
                    int a = ctx.callActivity("double", n, Integer.class).await();
                    List<Integer> fan =
                        ctx.allOf(
                                List.of(
                                    ctx.callActivity("double", a, Integer.class),
                                    ctx.callActivity("double", a + 1, Integer.class)))
                            .await();
                    return fan.get(0) + fan.get(1);
                  } finally {
                    mine.decrementAndGet();
                  }
                });
    try (Harness h = new Harness(dir, f, concurrency)) {
      for (int i = 0; i < instances; i++) h.client.scheduleNewOrchestrationInstance("math", i, "m" + i);
      for (int i = 0; i < instances; i++) {
        OrchestrationMetadata m = h.client.waitForInstanceCompletion("m" + i, Duration.ofSeconds(20), true);
        assertThat(m.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
        assertThat(m.readOutputAs(Integer.class)).isEqualTo(2 * (2 * i) + 2 * (2 * i + 1));
      }
      assertThat(maxRunning.get()).isBetween(2, concurrency);
      assertThat(maxEpisodesPerInstance).hasValue(1);
      assertThat(f.activityRuns("double")).isEqualTo(3 * instances);
      BackendStats stats = h.backend.stats();
      assertThat(stats.instances(OrchestrationRuntimeStatus.COMPLETED)).isEqualTo(instances);
      assertThat(stats.completionCommits()).hasSize(3 * instances).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    }
  }
}
