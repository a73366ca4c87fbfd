package com.cvgen.functions.azure.cosmos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.devservers.CosmosTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the installed test server the Cosmos DB tests fail, saying how to install it. */
class CosmosTestServerTest {
  @TempDir Path empty;

  @Test
  void aMissingServerIsAFailureNamingTheFix() {
    String before = System.getProperty("test.servers.dir");
    System.setProperty("test.servers.dir", empty.toString());
    try {
      assertThatThrownBy(CosmosTestServer::start).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("./cvgen test");
    } finally {
      if (before == null) System.clearProperty("test.servers.dir");
      else System.setProperty("test.servers.dir", before);
    }
  }
}
