package com.cvgen.local.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./cvgen serve} as a separate process, as a user starts it (the launcher, with the build
 * the test run already made: CVGEN_SKIP_BUILD=1). Knows its URL from the line it prints. Public for
 * the web app's browser test ({@code com.cvgen.local.web.BrowserIT}).
 */
public final class ServeProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

  final Process process;
  public final URI base;
  final long startedNanos;
  /** What the process printed so far (read it under its lock). */
  final List<String> output;

  private ServeProcess(Process process, URI base, long startedNanos, List<String> output) {
    this.process = process;
    this.base = base;
    this.startedNanos = startedNanos;
    this.output = output;
  }

  /** Waits up to 10 s for a printed line containing {@code text}; the lines printed so far. */
  String awaitOutput(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      synchronized (output) {
        if (output.stream().anyMatch(l -> l.contains(text)) || System.nanoTime() > deadline) {
          return String.join("\n", output);
        }
      }
      Thread.sleep(50);
    }
  }

  /** Everything the process printed so far. */
  String printed() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  public static Path root() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  public static ServeProcess start(Path data, String... extra) throws IOException, InterruptedException {
    return start(data, java.util.Map.of(), extra);
  }

  /** With settings in the environment, as a user exports them. */
  public static ServeProcess start(Path data, java.util.Map<String, String> env, String... extra)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(root().resolve("cvgen").toString(), "serve", "--port", "0", "--data",
        data.toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("CVGEN_SKIP_BUILD", "1");
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    CompletableFuture<URI> url = new CompletableFuture<>();
    List<String> lines = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) url.complete(URI.create(m.group(1)));
        }
      } catch (IOException e) {
        // the process ended
      }
      url.completeExceptionally(new IOException("cvgen serve ended without listening: " + lines));
    }, "serve-output");
    reader.setDaemon(true);
    reader.start();
    try {
      URI base = url.get(60, TimeUnit.SECONDS);
      return new ServeProcess(p, base, t0, lines);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException("cvgen serve did not start: " + lines, e);
    }
  }

  /** Runs {@code ./cvgen token --user NAME --data DIR} and returns the token it prints. */
  static String token(Path data, String user) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(root().resolve("cvgen").toString(), "token", "--user", user, "--data",
        data.toString());
    pb.environment().put("CVGEN_SKIP_BUILD", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("cvgen token failed: " + err);
    return out;
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: the host shuts down in order
    if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
