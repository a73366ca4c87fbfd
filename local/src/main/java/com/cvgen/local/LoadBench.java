package com.cvgen.local;

import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.wiring.Settings;
import com.cvgen.local.serve.ApiClient;
import com.cvgen.local.serve.LocalSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Load test against a running host (./cvgen serve): uploads N CVs, CONCURRENCY at a time, each followed until it is final; prints the median and 95th percentile time from upload to completion, jobs per second, errors (rejected uploads, failed jobs) and lost jobs (never final).",
        "Example: ./cvgen serve & ./cvgen bench load --n 100 --concurrency 100"})
final class LoadBench implements Callable<Integer> {
  @Option(names = "--url", paramLabel = "URL", description = "the host (default: http://127.0.0.1:7071/)")
  URI url = URI.create("http://127.0.0.1:7071/");

  @Option(names = "--n", paramLabel = "N", description = "uploads (default: 100)")
  int n = 100;

  @Option(names = "--concurrency", paramLabel = "C", description = "uploads in flight at once (default: 100)")
  int concurrency = 100;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "folder of CV PDFs to cycle through (default: the bundled sample CVs)")
  Path dir;

  @Option(names = "--token", paramLabel = "TOKEN", description = "bearer token (default: minted for user 'bench')")
  String token;

  @Option(names = "--data", paramLabel = "DIR",
      description = "the host's data directory, whose secret mints the token (default: .cvgen/data)")
  Path data = ServeCommand.defaultDataDir();

  @Option(names = "--timeout", paramLabel = "DURATION", description = "per job, ISO-8601 (default: PT5M)")
  Duration timeout = Duration.ofMinutes(5);

  @Spec CommandSpec spec;

  record Outcome(boolean accepted, String status, long millis, String problem) {}

  @Override
  public Integer call() throws Exception {
    if (n < 1 || concurrency < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--n and --concurrency must be 1 or more");
    List<byte[]> cvs = cvs();
    String bearer = token != null ? token : mint();
    ApiClient api = new ApiClient(url, bearer);
    ApiClient.Reply health = api.get("api/health/live");
    if (health.status() != 200) throw new ApiClient.HostException("the host at " + url + " is not ready: " + health.describe());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("load: %d uploads, %d at a time, against %s%n", n, concurrency, url);
    out.flush();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, n));
    long t0 = System.nanoTime();
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] pdf = cvs.get(i % cvs.size());
      int index = i;
      futures.add(pool.submit(() -> one(api, pdf, index)));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : futures) outcomes.add(f.get());
    double wall = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();

    List<Long> done = new ArrayList<>();
    int errors = 0;
    int lost = 0;
    List<String> problems = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (!o.accepted() || "failed".equals(o.status()) || "cancelled".equals(o.status())) errors++;
      else if (o.status() == null) lost++;
      else done.add(o.millis());
      if (o.problem() != null && problems.size() < 5) problems.add(o.problem());
    }
    Collections.sort(done);
    out.printf("completed %d of %d, errors %d, lost %d, in %.1f s: %.1f jobs/s%n", done.size(), n, errors, lost, wall,
        done.size() / wall);
    if (!done.isEmpty()) {
      out.printf("time to completion: p50 %.2f s, p95 %.2f s, max %.2f s%n", pct(done, 50) / 1e3, pct(done, 95) / 1e3,
          done.get(done.size() - 1) / 1e3);
    }
    for (String p : problems) out.println("  " + p);
    if (outcomes.stream().anyMatch(o -> o.problem() != null && o.problem().contains("rate_limited"))) {
      out.println("the host's rate limits refused requests: for a load test start it with"
          + " CVGEN_RATE_LIMIT_UPLOADS_PER_MINUTE=0 CVGEN_RATE_LIMIT_REQUESTS_PER_MINUTE=0");
    }
    out.flush();
    return errors == 0 && lost == 0 ? 0 : 1;
  }

  private Outcome one(ApiClient api, byte[] pdf, int index) {
    long start = System.nanoTime();
    try {
      ApiClient.Reply r = api.upload(new ApiClient.FilePart("cv", "cv-" + index + ".pdf", "application/pdf", pdf),
          null, Map.of());
      if (r.status() != 202) return new Outcome(false, null, 0, "upload " + index + ": " + r.status() + " " + r.text());
      String jobId = r.json().get("jobId").asText();
      try {
        JsonNode s = api.awaitFinal(jobId, timeout);
        String status = s.path("status").asText();
        return new Outcome(true, status, (System.nanoTime() - start) / 1_000_000,
            status.equals("completed") ? null : "job " + jobId + ": " + s.path("error").path("message").asText());
      } catch (IOException e) {
        return new Outcome(true, null, 0, "job " + jobId + ": " + e.getMessage());
      }
    } catch (IOException e) {
      return new Outcome(false, null, 0, "upload " + index + ": " + e.getMessage());
    }
  }

  static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private List<byte[]> cvs() throws IOException {
    List<byte[]> cvs = new ArrayList<>();
    if (dir == null) {
      for (DemoCommand.Sample s : DemoCommand.SAMPLES) cvs.add(DemoCommand.sample(s.cv() + ".pdf"));
      return cvs;
    }
    if (!Files.isDirectory(dir)) throw new CommandLine.ParameterException(spec.commandLine(), dir + " is not a folder");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")).sorted().toList()) {
        cvs.add(Files.readAllBytes(p));
      }
    }
    if (cvs.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "no *.pdf files in " + dir);
    return cvs;
  }

  private String mint() throws IOException {
    Settings settings = LocalSettings.load(ServeCommand.defaultSettingsFile(), data, System.getenv(), Map.of());
    return new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
        .mint("bench", Duration.ofHours(2));
  }
}
