package com.cvgen.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the app azure-functions-maven-plugin staged (target/azure-functions/, after the package
 * phase) and checks every function's bindings as the Functions host will see them.
 */
class FunctionJsonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path STAGED = Path.of("target", "azure-functions", "cvgen-func");
  private static final Map<String, JsonNode> FUNCTIONS = new TreeMap<>();

  @BeforeAll
  static void load() throws IOException {
    assertThat(STAGED).as("staged app; run the package phase first").isDirectory();
    try (Stream<Path> dirs = Files.list(STAGED)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Path f = d.resolve("function.json");
        if (Files.exists(f)) FUNCTIONS.put(d.getFileName().toString(), JSON.readTree(f.toFile()));
      }
    }
  }

  @Test
  void everyFunctionIsStaged() {
    assertThat(FUNCTIONS.keySet()).containsExactlyInAnyOrder(
        "UploadCv", "GetCvStatus", "GetCvDownloads", "CancelCvJob", "ListCvJobs", "SaveJobProfile",
        "GetJobProfiles", "HealthLive", "HealthReady", "StartCvPipeline", "CvPipelineDeadLetter", "CvPipeline",
        "ExtractCv", "RenderCvDocx", "AnalyzeFeedback", "MatchJobProfile", "RenderOffer", "BuildDashboard",
        "CompleteJob");
    for (JsonNode f : FUNCTIONS.values()) {
      assertThat(f.get("scriptFile").asText()).endsWith(".jar");
      assertThat(f.get("entryPoint").asText()).startsWith("com.cvgen.functions.");
    }
  }

  @Test
  void httpRoutesMethodsAndAuthLevel() {
    Map<String, String> routes = Map.of(
        "UploadCv", "POST v1/cv/upload",
        "GetCvStatus", "GET v1/cv/status/{jobId}",
        "GetCvDownloads", "GET v1/cv/download/{jobId}",
        "CancelCvJob", "POST v1/cv/cancel/{jobId}",
        "ListCvJobs", "GET v1/cv/jobs",
        "SaveJobProfile", "POST v1/job-profiles",
        "GetJobProfiles", "GET v1/job-profiles/{id?}",
        "HealthLive", "GET health/live",
        "HealthReady", "GET health/ready");
    routes.forEach((name, expected) -> {
      JsonNode trigger = binding(name, "httpTrigger");
      List<String> methods = new ArrayList<>();
      trigger.get("methods").forEach(m -> methods.add(m.asText()));
      assertThat(String.join(",", methods) + " " + trigger.get("route").asText()).as(name).isEqualTo(expected);
      assertThat(trigger.get("direction").asText()).isEqualTo("in");
      // the bearer token is checked by the function itself (Entra ID / local tokens), not by function keys
      assertThat(trigger.get("authLevel").asText()).as(name).isEqualToIgnoringCase("anonymous");
      JsonNode out = binding(name, "http");
      assertThat(out.get("direction").asText()).isEqualTo("out");
      assertThat(out.get("name").asText()).isEqualTo("$return");
    });
    assertThat(binding("UploadCv", "httpTrigger").get("dataType").asText()).isEqualTo("binary");
    assertThat(binding("SaveJobProfile", "httpTrigger").get("dataType").asText()).isEqualTo("binary");
  }

  @Test
  void queueTriggersAndDurableBindings() {
    JsonNode start = binding("StartCvPipeline", "serviceBusTrigger");
    assertThat(start.get("queueName").asText()).isEqualTo("cv-processing");
    assertThat(start.get("connection").asText()).isEqualTo("ServiceBusConnection");
    assertThat(binding("StartCvPipeline", "durableClient").get("direction").asText()).isEqualTo("in");
    JsonNode dead = binding("CvPipelineDeadLetter", "serviceBusTrigger");
    assertThat(dead.get("queueName").asText()).isEqualTo("cv-processing/$deadletterqueue");
    assertThat(binding("CancelCvJob", "durableClient").get("direction").asText()).isEqualTo("in");
    assertThat(binding("CvPipeline", "orchestrationTrigger").get("direction").asText()).isEqualTo("in");
    for (String activity : List.of("ExtractCv", "RenderCvDocx", "AnalyzeFeedback", "MatchJobProfile", "RenderOffer",
        "BuildDashboard", "CompleteJob")) {
      JsonNode b = binding(activity, "activityTrigger");
      assertThat(b.get("direction").asText()).as(activity).isEqualTo("in");
      assertThat(FUNCTIONS.get(activity).get("bindings")).as(activity).hasSize(1);
    }
  }

  @Test
  void hostJsonIsStagedWithBundleHubAndTimeout() throws IOException {
    JsonNode host = JSON.readTree(STAGED.resolve("host.json").toFile());
    assertThat(host.at("/version").asText()).isEqualTo("2.0");
    assertThat(host.at("/extensionBundle/id").asText()).isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
    assertThat(host.at("/extensionBundle/version").asText()).isEqualTo("[4.*, 5.0.0)");
    assertThat(host.at("/extensions/durableTask/hubName").asText()).isNotBlank();
    assertThat(host.at("/extensions/http/routePrefix").asText()).isEqualTo("api");
    assertThat(host.at("/functionTimeout").asText()).matches("\\d\\d:\\d\\d:\\d\\d");
    assertThat(host.at("/logging/logLevel/default").asText()).isNotBlank();
  }

  private static JsonNode binding(String function, String type) {
    JsonNode f = FUNCTIONS.get(function);
    assertThat(f).as(function).isNotNull();
    for (JsonNode b : f.get("bindings")) {
      if (b.get("type").asText().equals(type)) return b;
    }
    throw new AssertionError(function + " has no " + type + " binding: " + f);
  }
}
