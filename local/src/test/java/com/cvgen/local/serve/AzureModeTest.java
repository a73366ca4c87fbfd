package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.testing.Corpus;
import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.azure.openai.AzureOpenAiStub;
import com.cvgen.devservers.AzuriteServer;
import com.cvgen.devservers.CosmosTestServer;
import com.cvgen.core.llm.JobPrompt;
import com.cvgen.functions.wiring.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on Azure SDK code: the embedded host in local Azure mode with Blob Storage on
 * Azurite, jobs, profiles and the extraction cache on the Cosmos DB test server, and the CV
 * structured by the Azure OpenAI client against a local stand-in of the chat-completions endpoint
 * (Azure OpenAI cannot run here). The queue and the Durable backend stay embedded (Service Bus has
 * no local server). A second upload of the same PDF is served from the extraction cache.
 */
class AzureModeTest {
  @TempDir Path data;

  @Test
  void uploadToCompletedOnAzuriteCosmosAndTheModelWithACacheHitOnReupload() throws Exception {
    try (AzuriteServer azurite = AzuriteServer.start();
        CosmosTestServer cosmos = CosmosTestServer.start();
        AzureOpenAiStub model = new AzureOpenAiStub()) {
      model.otherwise(AzureOpenAiStub.Reply.ok(AzureOpenAiStub.recordedResumeAnswer()))
          .forSchema(JobPrompt.SCHEMA_NAME, AzureOpenAiStub.Reply.ok(AzureOpenAiStub.recordedJobAnswer()));
      Map<String, String> env = new HashMap<>();
      env.put(Settings.STORAGE_CONNECTION_STRING, azurite.connectionString());
      env.put(Settings.COSMOS_ENDPOINT, cosmos.endpoint());
      env.put(Settings.COSMOS_KEY, CosmosTestServer.KEY);
      env.put(Settings.COSMOS_DATABASE, "cvgen-test");
      env.put(Settings.OPENAI_ENDPOINT, model.endpoint());
      env.put(Settings.OPENAI_DEPLOYMENT, "gpt-4o-mini");
      env.put(Settings.OPENAI_API_KEY, "stub-key");
      Settings settings = LocalSettings.load(null, data, env, Map.of());
      try (EmbeddedHost host = EmbeddedHost.start(new EmbeddedHost.Options(data, 0, "127.0.0.1", null, settings,
          null))) {
        String token = new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC()).mint("zoe", Duration.ofHours(1));
        ApiClient api = new ApiClient(host.baseUri(), token);
        assertThat(api.get("api/health/ready").json().path("status").asText()).isEqualTo("ok");
        byte[] pdf = Files.readAllBytes(Corpus.devPdfs().get(7));

        JsonNode first = run(api, pdf);
        assertThat(step(first, "extract").get("message").asText()).startsWith("cache miss")
            .doesNotContain("offline structurer");
        assertThat(model.requests).hasSize(1);
        assertThat(first.at("/tokenUsage/model").asText()).isNotBlank();
        assertThat(first.at("/tokenUsage/promptTokens").asLong()).isPositive();
        assertThat(model.requests.get(0).path()).isEqualTo("/openai/deployments/gpt-4o-mini/chat/completions");

        // the outputs are in Azurite, the links are Blob SAS links fetched over HTTP
        JsonNode links = api.downloads(first.get("jobId").asText()).json();
        for (JsonNode f : links.get("files")) {
          URI url = URI.create(f.get("url").asText());
          assertThat(url.getPort()).isEqualTo(azurite.port());
          assertThat(url.getQuery()).contains("sig=").contains("sp=r");
          assertThat(api.fetch(url).status()).as(f.get("name").asText()).isEqualTo(200);
        }
        assertThat(links.get("files")).hasSize(4);

        JsonNode second = run(api, pdf);
        assertThat(step(second, "extract").get("message").asText()).startsWith("cache hit");
        assertThat(model.requests).as("a cache hit makes no model call").hasSize(1);
        assertThat(second.has("tokenUsage")).isFalse();

        // a text job profile is structured by the model too (the CV is a cache hit: one call, the job's)
        byte[] posting = AzureModeTest.class.getResourceAsStream("/samples/jobs/de-stellenanzeige.txt").readAllBytes();
        ApiClient.Reply up = api.upload(new ApiClient.FilePart("cv", "cv.pdf", "application/pdf", pdf),
            new ApiClient.FilePart("jobProfile", "stelle.txt", "text/plain", posting), Map.of());
        assertThat(up.status()).as(up.text()).isEqualTo(202);
        JsonNode third = api.awaitFinal(up.json().get("jobId").asText(), Duration.ofMinutes(2));
        assertThat(third.get("status").asText()).as(third.toString()).isEqualTo("completed");
        assertThat(model.requests).hasSize(2);
        assertThat(model.requests.get(1).body()).contains(JobPrompt.BEGIN).contains("Elbwerk Software GmbH");
        assertThat(step(third, "extract").get("message").asText()).startsWith("cache hit")
            .contains("job profile structured by the language model");
        assertThat(third.at("/tokenUsage/promptTokens").asLong()).isEqualTo(1720); // the stand-in answer's usage
        JsonNode links3 = api.downloads(third.get("jobId").asText()).json();
        JsonNode profile = null;
        for (JsonNode f : links3.get("files")) {
          if (f.get("name").asText().equals("job_profile.json")) {
            profile = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.fetch(URI.create(
                f.get("url").asText())).body());
          }
        }
        assertThat(profile).as("job_profile.json among the outputs").isNotNull();
        assertThat(profile.get("remote").asText()).isEqualTo("Hybrid"); // the model's reading
        assertThat(profile.at("/meta/cvgen/requiredSkills").toString()).contains("Java", "Kubernetes");
        assertThat(profile.at("/meta/cvgen/preferredSkills").toString()).contains("Terraform");
        assertThat(api.jobs().json().get("jobs")).hasSize(3);
      }
    }
  }

  private static JsonNode run(ApiClient api, byte[] pdf) throws Exception {
    ApiClient.Reply up = api.upload(new ApiClient.FilePart("cv", "cv.pdf", "application/pdf", pdf), null, Map.of());
    assertThat(up.status()).as(up.text()).isEqualTo(202);
    JsonNode s = api.awaitFinal(up.json().get("jobId").asText(), Duration.ofMinutes(2));
    assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("completed");
    return s;
  }

  private static JsonNode step(JsonNode status, String name) {
    for (JsonNode s : status.get("steps")) {
      if (s.get("name").asText().equals(name)) return s;
    }
    throw new AssertionError("no step " + name);
  }
}
