package com.cvgen.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.cvgen.core.testing.Corpus;
import com.cvgen.local.serve.ServeProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app ({@code static-web/}) in a real browser: starts {@code ./cvgen serve} as a process
 * (its own data directory, one activity at a time so that queued jobs wait their turn) and runs the
 * browser tests of {@code tools/browser-tests} with Node's test runner ({@code node --test}):
 * Playwright (playwright-core from npm) driving Debian's {@code /usr/bin/chromium}, axe-core on
 * every page. Their output is streamed here; screenshots are kept under {@code
 * local/target/browser-tests/}.
 *
 * <p>Without Node, Chromium or the npm packages this test fails (it never skips): {@code ./cvgen
 * test} installs all three.
 */
class BrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern PASS = Pattern.compile("(?m)^# pass (\\d+)$");
  private static final Pattern FAIL = Pattern.compile("(?m)^# fail (\\d+)$");

  @TempDir Path data;

  @Test
  void theWebAppWorksInChromium() throws Exception {
    Path root = ServeProcess.root();
    Path tests = root.resolve("tools/browser-tests");
    for (String module : List.of("playwright-core", "axe-core")) {
      if (!Files.isDirectory(tests.resolve("node_modules").resolve(module))) {
        fail("tools/browser-tests/node_modules/" + module + " is missing: run ./cvgen test (it runs npm ci there)");
      }
    }
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: run ./cvgen test (it installs Debian's chromium package)");
    }
    String node = nodeVersion();
    List<Path> pdfs = Corpus.devPdfs().stream().limit(4).toList();
    assertThat(pdfs).as("CV PDFs of the corpus").hasSizeGreaterThanOrEqualTo(2);
    Path jobProfile = root.resolve("local/src/main/resources/samples/jobs/en-senior-backend-engineer.json");
    Path screenshots = root.resolve("local/target/browser-tests");
    deleteTree(screenshots);
    Files.createDirectories(screenshots);

    // the tests upload more than the default 10 CVs a minute, all from this machine's address: the
    // limit is raised for this host (ApiProtectionsTest tests the limit itself)
    try (ServeProcess host = ServeProcess.start(data, Map.of("CVGEN_RATE_LIMIT_UPLOADS_PER_MINUTE", "100"),
        "--activity-concurrency", "1")) {
      ProcessBuilder pb = new ProcessBuilder("node", "--test", "--test-concurrency=1", "tests/")
          .directory(tests.toFile())
          .redirectErrorStream(true);
      pb.environment().put("CVGEN_BASE_URL", host.base.toString());
      pb.environment().put("CVGEN_SCREENSHOTS", screenshots.toString());
      pb.environment().put("CVGEN_CV_PDFS", pdfs.stream().map(Path::toString).collect(Collectors.joining(":")));
      pb.environment().put("CVGEN_JOB_PROFILE", jobProfile.toString());
      pb.environment().put("CVGEN_CHROMIUM", CHROMIUM.toString());
      System.out.println("browser tests: node " + node + ", " + CHROMIUM + ", host " + host.base);
      long t0 = System.nanoTime();
      Process p = pb.start();
      List<String> lines = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            System.out.println("  [browser] " + line);
            synchronized (lines) {
              lines.add(line);
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "browser-tests-output");
      reader.start();
      boolean finished = p.waitFor(5, TimeUnit.MINUTES);
      if (!finished) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
      String output;
      synchronized (lines) {
        output = String.join("\n", lines);
      }
      System.out.printf("browser tests took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
      if (!finished) fail("the browser tests did not finish within 5 minutes:\n" + output);
      if (p.exitValue() != 0) fail("the browser tests failed (node exit " + p.exitValue() + "):\n" + output);
      // the runner's own count: every test ran and passed
      assertThat(count(PASS, output)).as("browser tests passed").isGreaterThanOrEqualTo(7);
      assertThat(count(FAIL, output)).as("browser tests failed").isZero();
    }
    try (Stream<Path> shots = Files.list(screenshots)) {
      assertThat(shots.filter(f -> f.toString().endsWith(".png")).count()).as("screenshots").isGreaterThanOrEqualTo(10);
    }
  }

  private static int count(Pattern p, String output) {
    Matcher m = p.matcher(output);
    int last = -1;
    while (m.find()) last = Integer.parseInt(m.group(1));
    return last;
  }

  private static String nodeVersion() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) fail("node --version failed: " + v);
      return v;
    } catch (IOException e) {
      return fail("node is not installed: run ./cvgen test (it installs Debian's nodejs and npm)", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
