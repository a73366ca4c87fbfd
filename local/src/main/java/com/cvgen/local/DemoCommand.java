package com.cvgen.local;

import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.wiring.Settings;
import com.cvgen.local.serve.ApiClient;
import com.cvgen.local.serve.EmbeddedHost;
import com.cvgen.local.serve.LocalSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the bundled sample CVs (English, German, French; fictional people), each with a sample job profile, through the product as a user would: it starts the embedded host (the Functions app on this machine, no cloud, no key), mints a token, uploads over the HTTP API, follows each job through the queue and the Durable orchestration, and downloads every output by its link.",
        "With --url it uses a host that already runs instead (./cvgen serve, also in local Azure mode, or a Functions host), with the token given by --token (./cvgen token --user NAME mints one for ./cvgen serve)."})
final class DemoCommand implements Callable<Integer> {
  /** A bundled sample CV and the sample job it is matched against (local/src/main/resources/samples). */
  record Sample(String cv, String job) {}

  static final List<Sample> SAMPLES = List.of(
      new Sample("en-sidebar-cv", "jobs/en-senior-backend-engineer.json"),
      new Sample("de-lebenslauf", "jobs/de-stellenanzeige.txt"),
      new Sample("fr-cv", "jobs/fr-offre-emploi.txt"));

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/demo)")
  Path out = Path.of("out", "demo");

  @Option(names = "--url", paramLabel = "URL",
      description = "a running host's base URL (e.g. http://127.0.0.1:7071/) instead of a throw-away embedded host")
  URI url;

  @Option(names = "--token", paramLabel = "TOKEN", description = "the bearer token for --url")
  String token;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    if (url != null) {
      if (token == null || token.isBlank()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--url needs --token (for ./cvgen serve: --token \"$(./cvgen token --user demo)\")");
      }
      URI base = url.toString().endsWith("/") ? url : URI.create(url + "/");
      w.println("Host " + base + "; uploading " + SAMPLES.size() + " CVs.");
      return run(new ApiClient(base, token), w);
    }
    quietLogs();
    Path data = Files.createTempDirectory("cvgen-demo-");
    try {
      Settings settings = LocalSettings.load(null, data, Map.of(), Map.of());
      try (EmbeddedHost host = EmbeddedHost.start(new EmbeddedHost.Options(data, 0, "127.0.0.1", null, settings,
          null))) {
        String minted = new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC()).mint("demo", Duration.ofHours(1));
        w.println("Embedded host on " + host.baseUri() + "; uploading " + SAMPLES.size() + " CVs as user 'demo'.");
        return run(new ApiClient(host.baseUri(), minted), w);
      }
    } finally {
      deleteTree(data);
    }
  }

  /** Uploads every sample, follows each job to its end, downloads the outputs; 0 when all completed. */
  private int run(ApiClient api, PrintWriter w) throws IOException, InterruptedException {
    w.flush();
    List<String[]> jobs = new ArrayList<>();
    for (Sample s : SAMPLES) {
      ApiClient.Reply r = api.upload(
          new ApiClient.FilePart("cv", s.cv() + ".pdf", "application/pdf", sample(s.cv() + ".pdf")),
          new ApiClient.FilePart("jobProfile", Path.of(s.job()).getFileName().toString(),
              s.job().endsWith(".json") ? "application/json" : "text/plain", sample(s.job())),
          Map.of());
      if (r.status() != 202) throw new ApiClient.HostException("the upload of " + s.cv() + ".pdf answered " + r.describe());
      jobs.add(new String[] {s.cv(), r.json().get("jobId").asText()});
    }
    int failed = 0;
    for (String[] job : jobs) {
      JsonNode status = api.awaitFinal(job[1], Duration.ofMinutes(5));
      w.println(describe(job[0], status));
      if (!status.path("status").asText().equals("completed")) {
        failed++;
        continue;
      }
      Path dir = out.resolve(job[0]);
      Files.createDirectories(dir);
      ApiClient.Reply links = api.downloads(job[1]);
      if (links.status() != 200) {
        throw new ApiClient.HostException("the download links of " + job[0] + " answered " + links.describe());
      }
      for (JsonNode f : links.json().get("files")) {
        ApiClient.Reply file = api.fetch(URI.create(f.get("url").asText()));
        if (file.status() != 200) {
          throw new ApiClient.HostException("the download of " + f.get("name").asText() + " answered " + file.describe());
        }
        Path target = dir.resolve(f.get("name").asText());
        Files.write(target, file.body());
        w.println("  " + target.toAbsolutePath().normalize());
      }
      w.flush();
    }
    w.println("Open dashboard.html in a browser, the .docx files with Word or LibreOffice; the .json files are data.");
    w.flush();
    return failed == 0 ? 0 : 1;
  }

  /** The functions log each job at INFO; the demo prints its own summary instead. */
  private static void quietLogs() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler h : root.getHandlers()) h.setLevel(java.util.logging.Level.WARNING);
  }

  /** One line per job: name, status, scores, and how long each step took. */
  static String describe(String name, JsonNode status) {
    StringBuilder sb = new StringBuilder(name + ".pdf: " + status.path("status").asText());
    if (status.has("matchScore")) sb.append(", match ").append(status.get("matchScore").asInt()).append("/100");
    if (status.has("error")) sb.append(" - ").append(status.at("/error/message").asText());
    List<String> steps = new ArrayList<>();
    for (JsonNode s : status.path("steps")) {
      steps.add(s.get("name").asText() + (s.has("durationMs") ? " " + s.get("durationMs").asLong() + " ms" : " "
          + s.get("state").asText()));
    }
    if (!steps.isEmpty()) sb.append(" [").append(String.join(", ", steps)).append("]");
    return sb.toString();
  }

  static byte[] sample(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) throw new IOException("bundled sample missing: " + name);
      return in.readAllBytes();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
