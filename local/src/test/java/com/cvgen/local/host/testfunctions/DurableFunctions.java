package com.cvgen.local.host.testfunctions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import com.microsoft.durabletask.interruption.OrchestratorBlockedException;
import java.io.IOException;
import java.util.List;

/** Orchestrators and activities as the app writes them. */
public class DurableFunctions {
  public record Person(String name, int age, List<String> skills) {}

  public record Greeting(String text, int nextAge) {}

  @FunctionName("Greet")
  public Greeting greet(@DurableActivityTrigger(name = "person") Person person, ExecutionContext context) {
    return new Greeting("Hello " + person.name() + " (" + String.join(",", person.skills()) + ")",
        person.age() + 1);
  }

  @FunctionName("Shout")
  public String shout(@DurableActivityTrigger(name = "text") String text,
      @BindingName("instanceId") String instanceId) {
    return text == null ? "null@" + instanceId : text.toUpperCase() + "@" + instanceId;
  }

  @FunctionName("Count")
  public int count(@DurableActivityTrigger(name = "n") int n) {
    return n + 1;
  }

  @FunctionName("Fail")
  public String fail(@DurableActivityTrigger(name = "text") String text) throws IOException {
    throw new IOException("activity failed: " + text);
  }

  @FunctionName("Nothing")
  public Greeting nothing(@DurableActivityTrigger(name = "text") String text) {
    return null;
  }

  @FunctionName("RenamedFunction")
  public String renamed(@DurableActivityTrigger(name = "text", activity = "RenamedActivity") String text) {
    return "renamed " + text;
  }

  @FunctionName("HelloOrchestration")
  public String hello(@DurableOrchestrationTrigger(name = "ctx") TaskOrchestrationContext ctx) {
    String input = ctx.getInput(String.class);
    if ("block".equals(input)) throw new OrchestratorBlockedException("blocked on a task");
    if ("checked".equals(input)) sneakyThrow(new IOException("checked failure"));
    return "hi " + input + " from " + ctx.getName();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }
}
