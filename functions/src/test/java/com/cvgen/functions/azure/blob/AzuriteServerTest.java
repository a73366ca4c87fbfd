package com.cvgen.functions.azure.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.devservers.AzuriteServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test helper itself: a missing Azurite fails with advice, a stopped one leaves no process. */
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
}
