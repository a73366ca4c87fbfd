package com.cvgen.functions.azure.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.devservers.AzuriteServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test helper itself: a missing Azurite fails with advice, a stopped one leaves no process, all
 * three services are up when it returns, and a taken Queue port is an error, not a server that
 * dies after its Blob port answered.
 */
class AzuriteServerTest {
  @Test
  void aMissingBinaryFailsWithTheWayToInstallIt(@TempDir Path empty) {
    String dir = System.getProperty("test.servers.dir");
    System.setProperty("test.servers.dir", empty.toString());
    try {
      assertThatThrownBy(AzuriteServer::start).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("./cvgen test");
    } finally {
      if (dir == null) System.clearProperty("test.servers.dir");
      else System.setProperty("test.servers.dir", dir);
    }
  }

  @Test
  void closeStopsTheServer() throws Exception {
    AzuriteServer server = AzuriteServer.start();
    long pid;
    try {
      assertThat(server.connectionString()).contains("BlobEndpoint=http://127.0.0.1:" + server.port() + "/devstoreaccount1");
      pid = ProcessHandle.current().children()
          .filter(p -> p.info().commandLine().orElse("").contains(Integer.toString(server.port())))
          .findFirst().orElseThrow().pid();
    } finally {
      server.close();
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void allServicesAnswerOnConsecutiveFreePorts() throws Exception {
    try (AzuriteServer server = AzuriteServer.start(Path.of(System.getProperty("test.servers.dir")),
        new AzuriteServer.Options(0, true, null))) {
      for (int port = server.port(); port <= server.port() + 2; port++) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 1000); // throws when nothing listens
        }
      }
    }
  }

  @Test
  void aTakenQueuePortFailsTheStartWithAzuritesOutput() throws Exception {
    // before: Blob answered, the server was handed out, and Azurite exited a moment later
    try (ServerSocket blob = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = blob.getLocalPort();
      blob.close();
      // bound, not listening: as an outgoing connection holds its local port; nothing answers there
      try (Socket queue = new Socket()) {
        queue.setReuseAddress(false);
        queue.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1));
        assertThatThrownBy(() -> AzuriteServer.start(Path.of(System.getProperty("test.servers.dir")),
            new AzuriteServer.Options(port, true, null)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("EADDRINUSE");
      }
    }
  }
}
