package com.cvgen.devservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite on 127.0.0.1: for a test class its Blob service alone, on a free port, in memory,
 *
 * <pre>{@code
 * static AzuriteServer azurite;
 * @BeforeAll static void start() { azurite = AzuriteServer.start(); }
 * @AfterAll static void stop() { azurite.close(); }
 * }</pre>
 *
 * or, for {@code ./cvgen dev-servers}, all three services on the ports {@code UseDevelopmentStorage=true}
 * means (Blob 10000, Queue 10001, Table 10002), kept in a folder ({@link #start(Path, Options)}).
 *
 * <p>The binary comes from {@code tools/test-servers} (the system property {@code test.servers.dir},
 * set by Surefire), which {@code ./cvgen test} installs with {@code npm ci}. When it is missing the
 * caller fails with that advice: a test never skips.
 */
public final class AzuriteServer implements AutoCloseable {
  /** Azurite's well-known development account and its public key. */
  public static final String ACCOUNT = "devstoreaccount1";
  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  /** The Blob port of {@code UseDevelopmentStorage=true}; Queue and Table follow it. */
  public static final int DEVELOPMENT_BLOB_PORT = 10000;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How to run it.
   *
   * @param blobPort the Blob port, 0 for a free one
   * @param allServices Queue and Table too (on the two ports after Blob's), as Core Tools' host storage needs
   * @param location where Azurite keeps its data; null for memory only
   */
  public record Options(int blobPort, boolean allServices, Path location) {
    /** The Blob service alone, on a free port, in memory: what a test needs. */
    public static Options forTests() {
      return new Options(0, false, null);
    }
  }

  private final Process process;
  private final Path log;
  private final int port;

  private AzuriteServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts Azurite's Blob service for a test (see the class comment); fails with advice when not installed. */
  public static AzuriteServer start() {
    return start(toolsDir(), Options.forTests());
  }

  /** The tools folder named by the system property {@code test.servers.dir} (Surefire sets it). */
  static Path toolsDir() {
    String dir = System.getProperty("test.servers.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("the system property test.servers.dir is not set (Surefire sets it to "
          + "tools/test-servers); run the tests with ./cvgen test");
    }
    return Path.of(dir);
  }

  /**
   * Starts Azurite from {@code toolsDir} (tools/test-servers) and waits until its port answers; fails
   * with its output when it does not.
   */
  public static AzuriteServer start(Path toolsDir, Options options) {
    Path bin = toolsDir.resolve("node_modules/.bin").resolve(options.allServices() ? "azurite" : "azurite-blob");
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException("Azurite is not installed (" + bin + " is missing): run ./cvgen test, "
          + "which installs the test servers with npm ci in tools/test-servers");
    }
    IOException last = null;
    int attempts = options.blobPort() == 0 ? 3 : 1; // other free ports if another process took one
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return startOn(bin, options.blobPort() == 0 ? freePorts(options.allServices() ? 3 : 1) : options.blobPort(),
            options);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException("Azurite did not start: " + last.getMessage(), last);
  }

  /** The first of {@code count} consecutive loopback ports that are free now. */
  static int freePorts(int count) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      List<ServerSocket> held = new ArrayList<>();
      try {
        ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(first);
        int base = first.getLocalPort();
        if (base + count - 1 > 65535) continue;
        for (int i = 1; i < count; i++) held.add(new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress()));
        return base;
      } catch (IOException e) {
        last = e; // one of the following ports is taken: another base
      } finally {
        for (ServerSocket s : held) s.close();
      }
    }
    throw new IOException("found no " + count + " consecutive free ports on 127.0.0.1", last);
  }

  /** Blob's port, and Queue's and Table's after it when all services run. */
  private static List<Integer> ports(int blobPort, Options options) {
    return options.allServices() ? List.of(blobPort, blobPort + 1, blobPort + 2) : List.of(blobPort);
  }

  private static AzuriteServer startOn(Path bin, int port, Options options) throws IOException {
    List<Integer> ports = ports(port, options);
    for (int p : ports) {
      if (answers(p)) throw new IOException("port " + p + " on 127.0.0.1 is in use (another Azurite?)");
    }
    Path log = Files.createTempFile("azurite-", ".log");
    List<String> command = new ArrayList<>(List.of(bin.toString(), "--blobHost", "127.0.0.1",
        "--blobPort", Integer.toString(port)));
    if (options.allServices()) {
      command.addAll(List.of("--queueHost", "127.0.0.1", "--queuePort", Integer.toString(port + 1),
          "--tableHost", "127.0.0.1", "--tablePort", Integer.toString(port + 2)));
    }
    command.addAll(List.of("--skipApiVersionCheck", "--disableTelemetry", "--silent", "--loose"));
    if (options.location() == null) {
      command.add("--inMemoryPersistence");
    } else {
      Files.createDirectories(options.location());
      command.addAll(List.of("--location", options.location().toString()));
    }
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    AzuriteServer server = new AzuriteServer(p, log, port);
    // Azurite opens Blob, then Queue, then Table, and exits when one of them is taken: it is up
    // when it has said so for every service and every port answers, not when Blob's does
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        String out = server.output();
        server.close();
        throw new IOException("Azurite exited with code " + p.exitValue() + " on port " + port + ":\n" + out);
      }
      if (server.listening() >= ports.size() && ports.stream().allMatch(AzuriteServer::answers) && p.isAlive()) {
        return server;
      }
      sleep(100);
    }
    String out = server.output();
    server.close();
    throw new IllegalStateException("Azurite did not answer on 127.0.0.1:" + ports + " within "
        + START_TIMEOUT.toSeconds() + " s; its output:\n" + out);
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Azurite", e);
    }
  }

  public int port() {
    return port;
  }

  /** The Blob endpoint of the development account: {@code http://127.0.0.1:PORT/devstoreaccount1}. */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  /** A connection string with the development account's key and this server's Blob endpoint. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
        + ";BlobEndpoint=" + blobEndpoint() + ";";
  }

  /**
   * How many services Azurite has said it listens for: "Azurite Blob service is successfully
   * listening at ..." ({@code azurite}) or "... successfully listens on ..." ({@code azurite-blob}).
   */
  private int listening() {
    String out = output();
    int n = 0;
    for (int i = out.indexOf(LISTENING); i >= 0; i = out.indexOf(LISTENING, i + 1)) n++;
    return n;
  }

  private static final String LISTENING = "successfully listen";

  /** What the process has printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops Azurite and any process it started. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a temporary file; the OS cleans up
      }
    }
  }
}
