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
    description = {"Runs the Functions app on this machine with no cloud: the HTTP API at /api (the same function classes as in Azure), the embedded queue and Durable Task backend, blobs and job state under the data directory, and static-web/ at / when present. Stop it with Ctrl+C.",
        "Settings come from local.settings.json (Values) and the environment (see README.md)."})
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
    out.println("  stores: " + host.stores());
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
   * Warms the JIT in the background once the host listens: the bundled samples go through the
   * domain code a few times in this thread (extraction, Word, feedback, match, offer, dashboard, to
   * a temporary folder), so the first real jobs do not run in the interpreter. Nothing is stored.
   */
  static void warmUp() {
    Path tmp = null;
    try {
      tmp = java.nio.file.Files.createTempDirectory("cvgen-warm-up-");
      com.cvgen.core.pipeline.LocalCvProcessor processor = new com.cvgen.core.pipeline.LocalCvProcessor();
      com.cvgen.core.jobs.JobProfileReader jobs = new com.cvgen.core.jobs.JobProfileReader();
      DemoCommand.Sample sample = DemoCommand.SAMPLES.get(0);
      var job = jobs.read(DemoCommand.sample(sample.job()), sample.job());
      processor.process(DemoCommand.sample(sample.cv() + ".pdf"), job, null, tmp.resolve(sample.cv()));
    } catch (Exception | LinkageError e) {
      // only a warm-up: real jobs report any problem themselves
    } finally {
      try {
        if (tmp != null) DemoCommand.deleteTree(tmp);
      } catch (java.io.IOException e) {
        // a temporary folder left behind
      }
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
