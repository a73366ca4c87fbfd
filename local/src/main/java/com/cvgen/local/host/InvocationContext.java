package com.cvgen.local.host;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.logging.Logger;

/** The {@link ExecutionContext} of one invocation: a logger named after the function. */
final class InvocationContext implements ExecutionContext {
  private final String functionName;
  private final String invocationId;

  InvocationContext(String functionName, String invocationId) {
    this.functionName = functionName;
    this.invocationId = invocationId;
  }

  @Override
  public Logger getLogger() {
    return Logger.getLogger(functionName);
  }

  @Override
  public String getInvocationId() {
    return invocationId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String toString() {
    return functionName + " (" + invocationId + ")";
  }
}
