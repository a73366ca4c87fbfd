package com.cvgen.local.host;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.logging.Logger;

/**
 * The {@link ExecutionContext} of one invocation. Its java.util.logging logger is {@code
 * Function.<name>} (the Functions host's log category), so all function logs share the parent
 * logger {@code Function}.
 */
final class InvocationContext implements ExecutionContext {
  static final String LOGGER_PREFIX = "Function.";

  private final String functionName;
  private final String invocationId;

  InvocationContext(String functionName, String invocationId) {
    this.functionName = functionName;
    this.invocationId = invocationId;
  }

  @Override
  public Logger getLogger() {
    return Logger.getLogger(LOGGER_PREFIX + functionName);
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
