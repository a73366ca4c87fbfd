package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobStatus;
import com.cvgen.devservers.DevServers;
import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.azure.cosmos.CosmosStores;
import com.cvgen.functions.wiring.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local Azure mode as a developer runs it, all as separate processes but for the servers: Azurite and
 * the Cosmos DB test server started the way {@code ./cvgen dev-servers} starts them (on free ports
 * here), {@code ./cvgen serve} with their settings in the environment, and {@code ./cvgen demo --url}
 * sending the demo's three CVs to it. Every job completes; the uploads and outputs are in Azurite and
 * the jobs in Cosmos DB, none in the host's own stores.
 */
class LocalAzureServeIT {
  @TempDir Path data;
  @TempDir Path out;

  @Test
  void serveInLocalAzureModeProcessesTheDemoCvs() throws Exception {
    Path root = ServeProcess.root();
    try (DevServers servers = DevServers.start(new DevServers.Options(root.resolve("tools/test-servers"), 0, 0,
        null))) {
      Map<String, String> env = new HashMap<>(servers.settings());
      String secret = "local-azure-it-secret-of-at-least-32-bytes";
      env.put(Settings.AUTH_SECRET, secret);
      env.put(Settings.COSMOS_DATABASE, "cvgen-it");
      try (ServeProcess host = ServeProcess.start(data, env)) {
        assertThat(host.awaitOutput("stores: ")).contains("stores: Azure Blob Storage http://127.0.0.1:"
            + servers.azurite().port() + "/devstoreaccount1, Cosmos DB " + servers.cosmos().endpoint());
        String token = new LocalTokens(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
            .mint("demo", Duration.ofHours(1));

        ProcessBuilder demo = new ProcessBuilder(root.resolve("cvgen").toString(), "demo", "--url",
            host.base.toString(), "--token", token, "--out", out.toString()).redirectErrorStream(true);
        demo.environment().put("CVGEN_SKIP_BUILD", "1");
        Process p = demo.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(() -> printed + "\nthe host printed:\n" + host.printed()
            + "\nAzurite printed:\n" + servers.azurite().output()).isZero();
        assertThat(printed).contains("en-sidebar-cv.pdf: completed", "de-lebenslauf.pdf: completed",
            "fr-cv.pdf: completed");
        for (String sample : List.of("en-sidebar-cv", "de-lebenslauf", "fr-cv")) {
          for (String name : List.of("cv_data.json", "cv.docx", "feedback.json", "match_result.json", "offer.docx",
              "dashboard.html")) {
            assertThat(out.resolve(sample).resolve(name)).as(sample + "/" + name).isNotEmptyFile();
          }
        }

        // the blobs are in Azurite, the jobs in Cosmos DB: nothing in the host's own stores
        var blobs = new BlobServiceClientBuilder().connectionString(servers.storageConnectionString()).buildClient();
        List<String> uploads = blobs.getBlobContainerClient("cv-uploads").listBlobs().stream()
            .map(BlobItem::getName).toList();
        List<String> outputs = blobs.getBlobContainerClient("cv-outputs").listBlobs().stream()
            .map(BlobItem::getName).toList();
        assertThat(data.resolve("blobs")).doesNotExist();
        try (CosmosStores cosmos = CosmosStores.withKey(servers.cosmos().endpoint(),
            servers.settings().get("CVGEN_COSMOS_KEY"), "cvgen-it", false, Clock.systemUTC())) {
          List<Job> jobs = cosmos.jobs().list("demo", 10, null).jobs();
          assertThat(jobs).hasSize(3).allMatch(j -> j.status() == JobStatus.COMPLETED);
          for (Job job : jobs) {
            assertThat(uploads).contains(job.jobId() + "/input.pdf");
            assertThat(outputs).contains(job.jobId() + "/cv.docx", job.jobId() + "/dashboard.html");
          }
        }
      }
    }
  }

}
