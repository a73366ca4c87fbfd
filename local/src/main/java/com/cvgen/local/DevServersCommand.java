package com.cvgen.local;

import com.cvgen.devservers.AzuriteServer;
import com.cvgen.devservers.DevServers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dev-servers", mixinStandardHelpOptions = true,
    description = {"Runs the local stand-ins of Azure's services for local Azure mode until Ctrl+C: Azurite (Blob, Queue and Table on 10000-10002, what UseDevelopmentStorage=true means) and the Cosmos DB test server on https://127.0.0.1:8081/ (in memory, self-signed certificate, behind a proxy that answers the Cosmos SDK's query-plan requests). Both come from tools/test-servers (installed by ./cvgen test, or npm ci there).",
        "Then, in another terminal: cp local.settings.json.example local.settings.json && ./cvgen serve (or func start in the staged Functions app): the app stores blobs in Azurite and jobs in Cosmos DB through the Azure SDK adapters."})
final class DevServersCommand implements Callable<Integer> {
  @Option(names = "--azurite-port", paramLabel = "PORT",
      description = "Azurite's Blob port; Queue and Table use the next two (default: 10000; 0 = free ports)")
  int azuritePort = AzuriteServer.DEVELOPMENT_BLOB_PORT;

  @Option(names = "--cosmos-port", paramLabel = "PORT", description = "the Cosmos DB endpoint's port (default: 8081; 0 = free)")
  int cosmosPort = DevServers.DEFAULT_COSMOS_PORT;

  @Option(names = "--azurite-data", paramLabel = "DIR",
      description = "where Azurite keeps its data between runs (default: .cvgen/azurite)")
  Path azuriteData = ServeCommand.home().resolve(".cvgen").resolve("azurite");

  @Option(names = "--in-memory", description = "keep Azurite's data in memory only")
  boolean inMemory;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path tools = ServeCommand.home().resolve("tools").resolve("test-servers");
    DevServers servers;
    try {
      servers = DevServers.start(new DevServers.Options(tools, azuritePort, cosmosPort, inMemory ? null : azuriteData));
    } catch (IllegalStateException | java.io.IOException e) { // not installed, a port taken: a message, no trace
      spec.commandLine().getErr().println("cvgen: error: " + e.getMessage()
          + (e instanceof java.net.BindException ? " (port " + cosmosPort + " for Cosmos DB; another dev-servers?)" : ""));
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    int blob = servers.azurite().port();
    out.println("Azurite: Blob http://127.0.0.1:" + blob + "/, Queue :" + (blob + 1) + ", Table :" + (blob + 2)
        + (inMemory ? " (in memory)" : " (data in " + azuriteData + ")"));
    out.println("Cosmos DB test server: " + servers.cosmos().endpoint() + " (in memory)");
    out.println("Settings for local Azure mode (local.settings.json.example has them for the default ports):");
    for (Map.Entry<String, String> s : servers.settings().entrySet()) {
      out.println("  " + s.getKey() + "=" + s.getValue());
    }
    out.println("Stop with Ctrl+C.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      servers.close();
      stopped.countDown();
    }, "dev-servers-shutdown"));
    stopped.await();
    return 0;
  }
}
