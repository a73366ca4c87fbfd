package com.cvgen.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.llm.JobPrompt;
import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.azure.openai.AzureOpenAiStub;
import com.cvgen.functions.wiring.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving a job profile when a language model is configured: the embedded host (its own stores) with
 * the Azure OpenAI client against the local stand-in of the chat-completions endpoint (Azure OpenAI
 * cannot run here). The model's reading is saved; when the model refuses the call, the offline
 * reading is saved and the answer says so, or, with {@code CVGEN_LLM_FALLBACK=fail}, nothing is saved
 * and the answer is 503 {@code model_unavailable}. (That the model's time is bounded is the client's
 * part: AzureOpenAiClientTest.)
 */
class JobProfileSaveWithModelTest {
  @TempDir Path data;

  @Test
  void theModelsReadingIsSaved() throws Exception {
    try (AzureOpenAiStub model = new AzureOpenAiStub()) {
      model.forSchema(JobPrompt.SCHEMA_NAME, AzureOpenAiStub.Reply.ok(AzureOpenAiStub.recordedJobAnswer()));
      try (EmbeddedHost host = host(model, Map.of())) {
        ApiClient.Reply saved = client(host).postText("api/v1/job-profiles", "text/plain; charset=utf-8", posting());
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        assertThat(saved.json().get("structurer").asText()).startsWith("llm-");
        assertThat(saved.json().at("/profile/remote").asText()).isEqualTo("Hybrid"); // the model's reading
        assertThat(model.requests).hasSize(1);
      }
    }
  }

  @Test
  void aModelThatRefusesTheCallLeavesTheOfflineReadingWithANote() throws Exception {
    try (AzureOpenAiStub model = new AzureOpenAiStub()) {
      model.otherwise(AzureOpenAiStub.Reply.status(401, Map.of())); // not retried: at once
      try (EmbeddedHost host = host(model, Map.of())) {
        ApiClient api = client(host);
        ApiClient.Reply saved = api.postText("api/v1/job-profiles", "text/plain; charset=utf-8", posting());
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        assertThat(saved.json().get("structurer").asText()).isEqualTo("offline-v1");
        assertThat(saved.json().get("note").asText()).contains("language model was not used");
        assertThat(saved.json().at("/profile/title").asText()).isNotBlank();
        assertThat(api.get("api/v1/job-profiles").json().get("profiles")).hasSize(1);
      }
    }
  }

  @Test
  void withFallbackOffASaveTheModelCannotReadIs503AndNothingIsSaved() throws Exception {
    try (AzureOpenAiStub model = new AzureOpenAiStub()) {
      model.otherwise(AzureOpenAiStub.Reply.status(401, Map.of()));
      try (EmbeddedHost host = host(model, Map.of(Settings.LLM_FALLBACK, "fail"))) {
        ApiClient api = client(host);
        ApiClient.Reply saved = api.postText("api/v1/job-profiles", "text/plain; charset=utf-8", posting());
        assertThat(saved.status()).as(saved.text()).isEqualTo(503);
        assertThat(saved.json().at("/error/code").asText()).isEqualTo("model_unavailable");
        assertThat(saved.json().at("/error/message").asText()).contains("try again later");
        assertThat(api.get("api/v1/job-profiles").json().get("profiles")).isEmpty();
      }
    }
  }

  private static String posting() throws IOException {
    return new String(JobProfileSaveWithModelTest.class.getResourceAsStream("/samples/jobs/de-stellenanzeige.txt")
        .readAllBytes(), StandardCharsets.UTF_8);
  }

  private EmbeddedHost host(AzureOpenAiStub model, Map<String, String> extra) throws IOException {
    Map<String, String> env = new HashMap<>(extra);
    env.put(Settings.OPENAI_ENDPOINT, model.endpoint());
    env.put(Settings.OPENAI_DEPLOYMENT, "gpt-4o-mini");
    env.put(Settings.OPENAI_API_KEY, "stub-key");
    Settings settings = LocalSettings.load(null, data, env, Map.of());
    return EmbeddedHost.start(new EmbeddedHost.Options(data, 0, "127.0.0.1", null, settings, null));
  }

  private ApiClient client(EmbeddedHost host) throws IOException {
    Settings settings = LocalSettings.load(null, data, Map.of(), Map.of());
    String token = new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8),
        Clock.systemUTC()).mint("una", Duration.ofHours(1));
    return new ApiClient(host.baseUri(), token);
  }
}
