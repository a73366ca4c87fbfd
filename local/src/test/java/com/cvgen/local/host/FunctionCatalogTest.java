package com.cvgen.local.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.local.host.testfunctions.DurableFunctions;
import com.cvgen.local.host.testfunctions.QueueFunctions;
import com.cvgen.local.host.testfunctions.TestInjector;
import com.cvgen.local.queue.QueueMessage;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import com.microsoft.durabletask.interruption.OrchestratorBlockedException;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionCatalogTest {
  static final String PACKAGE = "com.cvgen.local.host.testfunctions";

  /** Scanned once (a scan reads the whole class path); tests that count calls build their own. */
  private static final FunctionCatalog catalog = FunctionCatalog.builder()
      .packages(PACKAGE)
      .injector(new TestInjector())
      .durableClient(() -> "http://localhost:4001/", () -> "TestHub")
      .build();

  @Test
  void scanFindsEveryFunctionWithItsTrigger() {
    assertThat(catalog.functions()).extracting(FunctionInfo::name).contains(
        "hello", "getJob", "upload", "boom", "processWork", "processDeadLetters", "Greet", "HelloOrchestration");
    FunctionInfo hello = catalog.function("HELLO").orElseThrow();
    assertThat(hello.trigger()).isEqualTo(TriggerKind.HTTP);
    assertThat(hello.route()).isEqualTo("hello");
    assertThat(hello.methods()).containsExactly(HttpMethod.GET);
    assertThat(hello.authLevel()).isEqualTo(AuthorizationLevel.ANONYMOUS);
    assertThat(hello.describe()).isEqualTo("hello: HTTP [GET] /api/hello");
    assertThat(catalog.function("getJob").orElseThrow().route()).isEqualTo("jobs/{id:guid}");
    assertThat(catalog.function("echoHeaders").orElseThrow().methods()).isEmpty();
    assertThat(catalog.function("echoText").orElseThrow().describe()).isEqualTo("echoText: HTTP [POST,PUT] /api/echo/text");

    FunctionInfo work = catalog.function("processWork").orElseThrow();
    assertThat(work.trigger()).isEqualTo(TriggerKind.SERVICE_BUS_QUEUE);
    assertThat(work.queueName()).isEqualTo("test-work");
    assertThat(catalog.function("processDeadLetters").orElseThrow().queueName()).isEqualTo("test-work/$deadletterqueue");
    assertThat(catalog.queueHandlers()).containsOnlyKeys("test-work", "test-work/$deadletterqueue");

    assertThat(catalog.function("HelloOrchestration").orElseThrow().trigger()).isEqualTo(TriggerKind.ORCHESTRATION);
    FunctionInfo renamed = catalog.function("RenamedFunction").orElseThrow();
    assertThat(renamed.trigger()).isEqualTo(TriggerKind.ACTIVITY);
    assertThat(renamed.durableName()).isEqualTo("RenamedActivity");
    assertThat(renamed.target()).isEqualTo(DurableFunctions.class.getName() + "#renamed");
    assertThat(catalog.toString()).contains("processWork: queue test-work");
  }

  @Test
  void activitiesTakeAndGiveJson() throws Exception {
    assertThat(catalog.hasActivity("Greet")).isTrue();
    assertThat(catalog.hasActivity("greet")).isTrue();
    assertThat(catalog.hasActivity("HelloOrchestration")).isFalse();
    String out = catalog.runActivity("Greet", "{\"name\":\"Ada\",\"age\":36,\"skills\":[\"math\",\"code\"]}", "i1");
    assertThat(JsonParser.parseString(out).getAsJsonObject().get("text").getAsString()).isEqualTo("Hello Ada (math,code)");
    assertThat(JsonParser.parseString(out).getAsJsonObject().get("nextAge").getAsInt()).isEqualTo(37);

    // a String parameter gets a JSON string literal decoded, anything else as it is
    assertThat(catalog.runActivity("Shout", "\"abc\"", "inst-7")).isEqualTo("\"ABC@inst-7\"");
    assertThat(catalog.runActivity("Shout", "{\"a\":1}", "i")).isEqualTo("\"{\\\"A\\\":1}@i\"");
    assertThat(catalog.runActivity("Shout", null, "i")).isEqualTo("\"null@i\"");
    assertThat(catalog.runActivity("Count", "41", "i")).isEqualTo("42");
    assertThat(catalog.runActivity("Count", null, "i")).isEqualTo("1");
    assertThat(catalog.runActivity("Nothing", "\"x\"", "i")).isNull();
    assertThat(catalog.runActivity("RenamedActivity", "\"x\"", "i")).isEqualTo("\"renamed x\"");
    assertThatThrownBy(() -> catalog.runActivity("Fail", "\"x\"", "i"))
        .isExactlyInstanceOf(IOException.class).hasMessage("activity failed: x");
    assertThatThrownBy(() -> catalog.runActivity("Missing", "1", "i")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void orchestratorsGetTheContextAndTheirExceptionsPassThrough() {
    assertThat(catalog.hasOrchestrator("HelloOrchestration")).isTrue();
    assertThat(catalog.hasOrchestrator("Greet")).isFalse();
    assertThat(catalog.runOrchestrator("HelloOrchestration", context("HelloOrchestration", "Bob")))
        .isEqualTo("hi Bob from HelloOrchestration");
    OrchestratorBlockedException blocked = null;
    try {
      catalog.runOrchestrator("HelloOrchestration", context("HelloOrchestration", "block"));
    } catch (OrchestratorBlockedException e) {
      blocked = e;
    }
    assertThat(blocked).isNotNull().hasMessage("blocked on a task");
    assertThatThrownBy(() -> catalog.runOrchestrator("HelloOrchestration", context("HelloOrchestration", "checked")))
        .isInstanceOf(IllegalStateException.class).hasCauseExactlyInstanceOf(IOException.class);
  }

  @Test
  void oneInstancePerClassFromTheInjector() throws Exception {
    QueueFunctions queueFunctions = new QueueFunctions();
    TestInjector injector = new TestInjector(queueFunctions);
    FunctionCatalog catalog = FunctionCatalog.builder()
        .classes(DurableFunctions.class, QueueFunctions.class).injector(injector).build();
    assertThat(catalog.hasInstance(DurableFunctions.class)).isFalse();
    catalog.runActivity("Count", "1", "i");
    catalog.runActivity("Shout", "\"a\"", "i");
    catalog.runActivity("Greet", "{\"name\":\"x\",\"age\":1,\"skills\":[]}", "i");
    assertThat(catalog.hasInstance(DurableFunctions.class)).isTrue();
    assertThat(injector.calls.get()).isEqualTo(1);
    // the injector's own instance is the one called
    catalog.queueHandlers().get("test-work").handle(new QueueMessage("test-work", "m1",
        "{\"key\":\"k\",\"failTimes\":0}", Map.of("a", "b"), 1, Instant.parse("2025-01-02T03:04:05Z"), 9));
    assertThat(queueFunctions.deliveries).singleElement().satisfies(d -> {
      assertThat(d.key()).isEqualTo("k");
      assertThat(d.messageId()).isEqualTo("m1");
      assertThat(d.deliveryCount()).isEqualTo(1);
      assertThat(d.properties()).containsExactly(Map.entry("a", "b"));
      assertThat(d.enqueuedTimeUtc()).isEqualTo("2025-01-02T03:04:05Z");
      assertThat(d.function()).isEqualTo("processWork");
    });
    assertThat(injector.calls.get()).isEqualTo(2);
  }

  @Test
  void withoutAnInjectorThePublicConstructorIsUsed() throws Exception {
    FunctionCatalog plain = FunctionCatalog.builder().classes(DurableFunctions.class).constructorsOnly().build();
    assertThat(plain.functions()).allMatch(f -> f.target().startsWith(DurableFunctions.class.getName()));
    assertThat(plain.runActivity("Count", "2", "i")).isEqualTo("3");
  }

  @Test
  void queueTriggerFailuresComeOutUnwrapped() {
    var handler = catalog.queueHandlers().get("test-work");
    QueueMessage m = new QueueMessage("test-work", "m2", "{\"key\":\"k2\",\"failTimes\":1}", Map.of(), 1,
        Instant.now(), 1);
    assertThatThrownBy(() -> handler.handle(m)).isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("work k2 failed at delivery 1");
  }

  // ----------------------------------------------------------------------------- broken signatures

  public static class NoTrigger {
    @FunctionName("noTrigger")
    public String run(String body) {
      return body;
    }
  }

  public static class UnknownBinding {
    @FunctionName("unknownBinding")
    public String run(
        @HttpTrigger(name = "req") HttpRequestMessage<Optional<String>> request,
        @com.microsoft.azure.functions.annotation.BlobInput(name = "blob", path = "c/{name}") String other) {
      return "";
    }
  }

  public static class BadQueueBinding {
    @FunctionName("badQueueBinding")
    public void run(
        @ServiceBusQueueTrigger(name = "m", queueName = "q", connection = "c") String body,
        @BindingName("CorrelationIdentifier") String id,
        @BindingName("DeliveryCount") java.util.Date count) {}
  }

  public static class BadHttpParameter {
    @FunctionName("badHttp")
    public String run(@HttpTrigger(name = "req") String request) {
      return request;
    }
  }

  public static class BadOrchestrator {
    @FunctionName("badOrchestrator")
    public String run(@DurableOrchestrationTrigger(name = "ctx") String encoded) {
      return encoded;
    }
  }

  public static class BadRoute {
    @FunctionName("badRoute")
    public String run(@HttpTrigger(name = "req", route = "files/{name}.{ext}") HttpRequestMessage<Optional<String>> r) {
      return "";
    }
  }

  public static class TwoTriggers {
    @FunctionName("twoTriggers")
    public void run(@HttpTrigger(name = "req") HttpRequestMessage<Optional<String>> r,
        @ServiceBusQueueTrigger(name = "m", queueName = "q", connection = "c") String body) {}
  }

  public static class NoConstructor {
    public NoConstructor(String required) {}

    @FunctionName("noConstructor")
    public String run(@HttpTrigger(name = "req") HttpRequestMessage<Optional<String>> r) {
      return "";
    }
  }

  public static class DuplicateA {
    @FunctionName("duplicate")
    public String run(@HttpTrigger(name = "req", route = "a") HttpRequestMessage<Optional<String>> r) {
      return "";
    }

    @FunctionName("sameRoute")
    public String other(@HttpTrigger(name = "req", route = "x/{id}", methods = {HttpMethod.GET})
        HttpRequestMessage<Optional<String>> r) {
      return "";
    }
  }

  public static class DuplicateB {
    @FunctionName("Duplicate")
    public String run(@HttpTrigger(name = "req", route = "b") HttpRequestMessage<Optional<String>> r) {
      return "";
    }

    @FunctionName("sameRouteToo")
    public String other(@HttpTrigger(name = "req", route = "X/{other}") HttpRequestMessage<Optional<String>> r) {
      return "";
    }

    @FunctionName("sameRouteOtherMethod")
    public String third(@HttpTrigger(name = "req", route = "y/{id}", methods = {HttpMethod.DELETE})
        HttpRequestMessage<Optional<String>> r) {
      return "";
    }
  }

  public static class SameRouteOtherMethod {
    @FunctionName("getY")
    public String run(@HttpTrigger(name = "req", route = "y/{id}", methods = {HttpMethod.GET})
        HttpRequestMessage<Optional<String>> r) {
      return "";
    }
  }

  @Test
  void unsupportedSignaturesFailAtStartupNamingMethodAndParameter() {
    assertThatThrownBy(() -> FunctionCatalog.builder()
        .classes(NoTrigger.class, UnknownBinding.class, BadQueueBinding.class, BadHttpParameter.class,
            BadOrchestrator.class, BadRoute.class, TwoTriggers.class)
        .constructorsOnly()
        .build())
        .isInstanceOfSatisfying(FunctionDefinitionException.class, e -> {
          assertThat(e.problems()).hasSize(8);
          assertThat(e.getMessage()).contains(
              NoTrigger.class.getName() + "#run: no trigger parameter",
              UnknownBinding.class.getName() + "#run: parameter 2 (java.lang.String): @BlobInput is not supported",
              "@BindingName(\"CorrelationIdentifier\") is not supported for queue triggers; supported: "
                  + "ApplicationProperties, DeliveryCount, EnqueuedTimeUtc, MessageId, SequenceNumber, UserProperties",
              "parameter 3 (java.util.Date): @BindingName(\"DeliveryCount\") cannot be a java.util.Date",
              BadHttpParameter.class.getName() + "#run: the @HttpTrigger parameter must be an HttpRequestMessage",
              "must be a TaskOrchestrationContext, not java.lang.String",
              "segment '{name}.{ext}' of route 'files/{name}.{ext}' mixes text and parameters",
              TwoTriggers.class.getName() + "#run: more than one trigger parameter");
        });
  }

  public static class SettingQueue {
    @FunctionName("settingQueue")
    public void run(@ServiceBusQueueTrigger(name = "m", queueName = "%JOB_QUEUE%-v2", connection = "c") String body) {}
  }

  @Test
  void queueNamesResolveAppSettings() {
    FunctionCatalog resolved = FunctionCatalog.builder().classes(SettingQueue.class).constructorsOnly()
        .settings(Map.of("JOB_QUEUE", "cv-processing")::get).build();
    assertThat(resolved.function("settingQueue").orElseThrow().queueName()).isEqualTo("cv-processing-v2");
    assertThat(resolved.queueHandlers()).containsOnlyKeys("cv-processing-v2");
    assertThatThrownBy(() -> FunctionCatalog.builder().classes(SettingQueue.class).constructorsOnly()
        .settings(name -> null).build())
        .hasMessageContaining("app setting 'JOB_QUEUE' (in '%JOB_QUEUE%-v2') is not set");
  }

  @Test
  void duplicateNamesAndAmbiguousRoutesFailAtStartup() {
    assertThatThrownBy(() -> FunctionCatalog.builder()
        .classes(DuplicateA.class, DuplicateB.class, SameRouteOtherMethod.class).constructorsOnly().build())
        .isInstanceOfSatisfying(FunctionDefinitionException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("function name 'Duplicate' is used by"));
          assertThat(e.problems()).anySatisfy(
              p -> assertThat(p).contains("routes 'x/{id}'", "'X/{other}'", "match the same requests"));
        });
  }

  @Test
  void aClassWithoutInjectorOrPublicConstructorFailsAtStartup() {
    assertThatThrownBy(() -> FunctionCatalog.builder().classes(NoConstructor.class).constructorsOnly().build())
        .isInstanceOf(FunctionDefinitionException.class)
        .hasMessageContaining(NoConstructor.class.getName()
            + ": no FunctionInstanceInjector is installed and the class has no public no-argument constructor");
    FunctionCatalog withInjector = FunctionCatalog.builder().classes(NoConstructor.class)
        .injector(new TestInjector(new NoConstructor("given"))).build();
    assertThat(withInjector.functions()).extracting(FunctionInfo::name).containsExactly("noConstructor");
  }

  @Test
  void durableClientIsBuiltFromTheSuppliedBackend() throws Exception {
    FunctionCatalog.Fn fn = catalog.httpFunctions().stream()
        .filter(f -> f.info.name().equals("durableClient")).findFirst().orElseThrow();
    Object out = catalog.invokeHttp(fn, new FunctionCatalog.HttpInput(java.net.URI.create("http://localhost:7071/api/orchestrations"),
        HttpMethod.POST, Map.of(), Map.of(), new byte[0]), Map.of());
    assertThat(out).isEqualTo("TestHub 202 http://localhost:7071/runtime/webhooks/durabletask/instances/abc?");
  }

  @Test
  void httpFunctionsAreOrderedByRoutePrecedence() {
    List<String> jobs = catalog.httpFunctions().stream().map(f -> f.info.route())
        .filter(r -> r.toLowerCase().startsWith("jobs/")).toList();
    assertThat(jobs.indexOf("Jobs/Latest")).isLessThan(jobs.indexOf("jobs/{id:guid}"));
    assertThat(Set.copyOf(jobs)).contains("jobs/{n:int}", "jobs/{name:alpha}");
  }

  /** A stand-in orchestration context that knows its name and input. */
  static TaskOrchestrationContext context(String name, Object input) {
    return (TaskOrchestrationContext) Proxy.newProxyInstance(FunctionCatalogTest.class.getClassLoader(),
        new Class<?>[] {TaskOrchestrationContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getName" -> name;
          case "getInput" -> input;
          case "getInstanceId" -> "instance-1";
          case "toString" -> "context";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
