package com.cvgen.local.host.testfunctions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** HTTP functions written the way the app writes them, for the host tests. */
public class HttpFunctions {
  /** A JSON response body. */
  public record Job(String id, String status, int pages) {}

  @FunctionName("hello")
  public HttpResponseMessage hello(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<String>> request) {
    String who = request.getQueryParameters().getOrDefault("name", "world");
    return request.createResponseBuilder(HttpStatus.OK).body("hello " + who).build();
  }

  @FunctionName("getJob")
  public HttpResponseMessage getJob(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "jobs/{id:guid}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("id") String id) {
    UUID.fromString(id);
    return request.createResponseBuilder(HttpStatus.OK).body(new Job(id, "running", 2)).build();
  }

  @FunctionName("deleteJob")
  public HttpResponseMessage deleteJob(
      @HttpTrigger(name = "req", methods = {HttpMethod.DELETE}, route = "jobs/{id:guid}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("id") String id) {
    return request.createResponseBuilder(HttpStatus.NO_CONTENT).build();
  }

  @FunctionName("jobByNumber")
  public String jobByNumber(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "jobs/{n:int}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("n") int n) {
    return "job number " + (n + 1);
  }

  @FunctionName("latestJob")
  public String latestJob(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "Jobs/Latest",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request) {
    return "latest";
  }

  @FunctionName("jobByName")
  public String jobByName(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "jobs/{name:alpha}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("name") String name) {
    return "job named " + name;
  }

  @FunctionName("optional")
  public String optional(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "opt/{a}/{b?}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("a") String a, @BindingName("b") String b) {
    return a + "|" + b;
  }

  @FunctionName("docs")
  public String docs(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "docs/{*path}",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @BindingName("path") String path) {
    return "doc " + path;
  }

  @FunctionName("echoHeaders")
  public HttpResponseMessage echoHeaders(
      @HttpTrigger(name = "req", route = "echo/headers", authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<String>> request) {
    return request.createResponseBuilder(HttpStatus.OK).body(new TreeMap<>(request.getHeaders())).build();
  }

  @FunctionName("echoQuery")
  public HttpResponseMessage echoQuery(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "echo/query",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request) {
    Map<String, String> q = new TreeMap<>(request.getQueryParameters());
    q.put("$uri", request.getUri().toString());
    q.put("$method", request.getHttpMethod().name());
    return request.createResponseBuilder(HttpStatus.OK).body(q).build();
  }

  @FunctionName("echoText")
  public HttpResponseMessage echoText(
      @HttpTrigger(name = "req", methods = {HttpMethod.POST, HttpMethod.PUT}, route = "echo/text",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request) {
    String body = request.getBody().map(s -> "<" + s.toUpperCase() + ">").orElse("(empty)");
    return request.createResponseBuilder(HttpStatus.CREATED)
        .header("Content-Type", "text/plain; charset=utf-8")
        .header("X-Echo", "yes")
        .body(body)
        .build();
  }

  @FunctionName("upload")
  public HttpResponseMessage upload(
      @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "uploads/{name:alpha}",
          dataType = "binary", authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<byte[]>> request,
      @BindingName("name") String name) {
    byte[] body = request.getBody().orElse(new byte[0]);
    byte[] reversed = new byte[body.length];
    for (int i = 0; i < body.length; i++) reversed[i] = body[body.length - 1 - i];
    return request.createResponseBuilder(HttpStatus.OK)
        .header("Content-Type", "application/pdf")
        .header("X-Size", Integer.toString(body.length))
        .header("X-Name", name)
        .body(reversed)
        .build();
  }

  @FunctionName("pojoBody")
  public Job pojoBody(
      @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "pojo",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<Job>> request) {
    Job j = request.getBody().orElseThrow();
    return new Job(j.id(), j.status() + "!", j.pages() * 2);
  }

  @FunctionName("boom")
  public HttpResponseMessage boom(
      @HttpTrigger(name = "req", route = "boom", authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<String>> request) {
    throw new IllegalStateException("secret internal detail");
  }

  @FunctionName("teapot")
  public HttpResponseMessage teapot(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "teapot",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request) {
    return request.createResponseBuilder(HttpStatusType.custom(299)).header("x-custom", "1").build();
  }

  @FunctionName("context")
  public String context(
      @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "context",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      ExecutionContext context) {
    context.getLogger().info("context function ran");
    return context.getFunctionName() + " " + context.getInvocationId() + " " + context.getLogger().getName();
  }

  @FunctionName("durableClient")
  public String durableClient(
      @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "orchestrations",
          authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
      @DurableClientInput(name = "durableContext") DurableClientContext durable) {
    HttpResponseMessage r = durable.createCheckStatusResponse(request, "abc");
    return durable.getTaskHubName() + " " + r.getStatusCode() + " " + r.getHeader("Location");
  }
}
