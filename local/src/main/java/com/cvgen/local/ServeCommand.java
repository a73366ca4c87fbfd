package com.cvgen.local;

import com.cvgen.functions.wiring.Settings;
import com.cvgen.local.serve.EmbeddedHost;
import com.cvgen.local.serve.LocalSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs the Functions app on this machine with no cloud: the HTTP API at /api (the same",
        "function classes as in Azure), the embedded queue and Durable Task backend, blobs and job state",
        "under the data directory, and static-web/ at / when present. Stop it with Ctrl+C.",
        "Settings come from local.settings.json (Values) and the environment; see README.md."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 7071, like Core Tools; 0 = any free port)")
  int port = 7071;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)")
  String bind = "127.0.0.1";

  @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: .cvgen/data)")
  Path data = defaultDataDir();

  @Option(names = "--static", paramLabel = "DIR", description = "static web folder served at / (default: static-web/)")
  Path staticDir = home().resolve("static-web");

  @Option(names = "--settings", paramLabel = "FILE",
      description = "a local.settings.json to read (default: local.settings.json in the project, if present)")
  Path settingsFile = defaultSettingsFile();

  @Option(names = "--activity-concurrency", paramLabel = "N",
      description = "activities run at once (default: " + Settings.ACTIVITY_CONCURRENCY + ", else the number of cores)")
  Integer activityConcurrency;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Map<String, String> overrides = new HashMap<>();
    if (activityConcurrency != null) overrides.put(Settings.ACTIVITY_CONCURRENCY, activityConcurrency.toString());
    Settings settings = LocalSettings.load(settingsFile, data, System.getenv(), overrides);
    EmbeddedHost host = EmbeddedHost.start(new EmbeddedHost.Options(data, port, bind,
        Files.isDirectory(staticDir) ? staticDir : null, settings, null));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    PrintWriter out = spec.commandLine().getOut();
    out.println("cvgen host listening on " + host.baseUri() + " (started in " + ms + " ms; data: " + host.dataDir()
        + ")");
    out.println("  API: " + host.baseUri() + "api/  health: " + host.baseUri() + "api/health/ready");
    out.println("  token: ./cvgen token --user NAME" + (data.equals(defaultDataDir()) ? "" : " --data " + data));
    out.flush();
    // after the host answers: the first upload then does not pay for loading these
    Thread.ofPlatform().daemon().name("warm-up").priority(Thread.MIN_PRIORITY).start(ServeCommand::warmUp);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      host.close();
      stopped.countDown();
    }, "cvgen-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Loads the heavy parts of core (schemas, the skill vocabulary, PDF and Word libraries) on a
   * second core while the host starts, so the first upload does not pay for them.
   */
  static void warmUp() {
    try {
      com.cvgen.core.json.SchemaValidator.RESUME.getClass();
      com.cvgen.core.jobs.JobProfileReader.JOB_SCHEMA.getClass();
      com.cvgen.core.skills.SkillVocabulary.defaults();
      new org.apache.poi.xwpf.usermodel.XWPFDocument().close();
      new org.apache.pdfbox.pdmodel.PDDocument().close();
    } catch (Exception | LinkageError e) {
      // only a warm-up: the real use reports any problem
    }
  }

  /** The launcher's project folder (cvgen.home), else the working directory. */
  static Path home() {
    String h = System.getProperty("cvgen.home");
    return h == null ? Path.of("").toAbsolutePath() : Path.of(h);
  }

  static Path defaultDataDir() {
    return home().resolve(".cvgen").resolve("data");
  }

  static Path defaultSettingsFile() {
    Path p = home().resolve("local.settings.json");
    return Files.isRegularFile(p) ? p : null;
  }
}
