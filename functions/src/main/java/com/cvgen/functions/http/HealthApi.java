package com.cvgen.functions.http;

import com.cvgen.functions.wiring.Composition;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;

/**
 * Health probes, without a token: {@code live} says the process answers; {@code ready} checks each
 * dependency (storage, job store, queue) and answers 503 naming the ones that fail.
 */
public final class HealthApi {
  private final Composition app;

  public HealthApi(Composition app) {
    this.app = app;
  }

  @FunctionName("HealthLive")
  public HttpResponseMessage live(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "health/live",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<java.util.Optional<String>> request) {
    return ApiResponses.json(request, HttpStatus.OK, Map.of("status", "ok"));
  }

  @FunctionName("HealthReady")
  public HttpResponseMessage ready(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "health/ready",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<java.util.Optional<String>> request,
      ExecutionContext context) {
    Map<String, String> checks = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Composition.HealthCheck> c : app.adapters().readiness().entrySet()) {
      try {
        c.getValue().check();
        checks.put(c.getKey(), "ok");
      } catch (Exception e) {
        ok = false;
        checks.put(c.getKey(), "failing");
        context.getLogger().log(Level.WARNING, "readiness check " + c.getKey() + " failed", e);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "ok" : "unavailable");
    body.put("checks", checks);
    return ApiResponses.json(request, ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, body);
  }
}
