package com.cvgen.local.host;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A function the catalog found, for logging and tests.
 *
 * @param name the {@code @FunctionName}
 * @param trigger what starts it
 * @param route HTTP: the route template below {@code api/} (the function name when the annotation
 *     has none); otherwise null
 * @param methods HTTP: the accepted methods, empty for all; otherwise empty
 * @param authLevel HTTP: the declared level (the embedded host, like Core Tools, does not check
 *     keys); otherwise null
 * @param queueName Service Bus: the queue; otherwise null
 * @param durableName orchestration or activity: the name the durable backend calls it by;
 *     otherwise null
 * @param target {@code class#method} of the Java method
 */
public record FunctionInfo(
    String name,
    TriggerKind trigger,
    String route,
    Set<HttpMethod> methods,
    AuthorizationLevel authLevel,
    String queueName,
    String durableName,
    String target) {
  public FunctionInfo {
    methods = Set.copyOf(methods);
  }

  /** One line, e.g. {@code upload: HTTP [POST] /api/jobs} or {@code process: queue cv-processing}. */
  public String describe() {
    return switch (trigger) {
      case HTTP -> name + ": HTTP "
          + (methods.isEmpty() ? "[*]" : methods.stream().map(Enum::name).sorted()
              .collect(Collectors.joining(",", "[", "]")))
          + " /api/" + route;
      case SERVICE_BUS_QUEUE -> name + ": queue " + queueName;
      case ORCHESTRATION -> name + ": orchestrator " + durableName;
      case ACTIVITY -> name + ": activity " + durableName;
    };
  }
}
